/**
 * The add-in's pages parse as ES2017 (issue 13 §4): Microsoft 365 builds without WebView2 host the
 * pane in EdgeHTML, which refuses a whole script for one `??`, `0n` or `/\p{L}/u`. Checked on the
 * built files with acorn, as the project's pre-stop hook does, and on the two steps that make them:
 * the transformer for the syntax TypeScript cannot lower, and the loader for dependencies.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import * as ts from 'typescript';
import webpack from 'webpack';
import { es2017Rules, es2017Transformer, lowerToEs2017, parsesAsEs2017 } from '../../scripts/es2017';
import { deferredScripts, localScripts } from '../../src/bench/bundle';
import { DIST, ROOT, distFile } from '../support/addinBuild';

/** acorn's verdict, with the place and a few characters around it when it refuses. */
function parseError(code: string, ecmaVersion: 5 | 2017): string | null {
  try {
    acorn.parse(code, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (error) {
    const at = (error as { pos?: number }).pos ?? 0;
    return `${(error as Error).message} near « ${code.slice(Math.max(0, at - 40), at + 40)} »`;
  }
}

/** The contents of a page's inline <script> elements. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi)].filter((m) => !/\ssrc=/i.test(m[0].slice(0, m[0].indexOf('>')))).map((m) => m[1]);
}

describe('the built pages', () => {
  const taskpaneHtml = () => fs.readFileSync(distFile('taskpane.html'), 'utf8');

  test('every script of the task pane, the function file and the verifier page parses as ES2017', () => {
    const files = [...localScripts(taskpaneHtml()), ...localScripts(fs.readFileSync(distFile('commands.html'), 'utf8'))];
    expect(files).toEqual([expect.stringMatching(/^taskpane\./), expect.stringMatching(/^commands\./)]);
    const scripts = [
      ...[...files, ...deferredScripts(DIST)].map((file) => ({ name: file, code: fs.readFileSync(path.join(DIST, file), 'utf8') })),
      ...inlineScripts(taskpaneHtml()).map((code) => ({ name: 'taskpane.html (inline)', code })),
      ...inlineScripts(fs.readFileSync(distFile('verifier.html'), 'utf8')).map((code) => ({ name: 'verifier.html (inline)', code })),
    ];
    expect(scripts.length).toBe(5);
    expect(scripts.map(({ name, code }) => ({ name, error: parseError(code, 2017) }))).toEqual(scripts.map(({ name }) => ({ name, error: null })));
  });

  test('the start-up guard is ES5, as written and as built into taskpane.html', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'startupGuard.js'), 'utf8');
    const inline = inlineScripts(taskpaneHtml());
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('Le volet n’a pas pu démarrer');
    expect([parseError(source, 5), parseError(inline[0], 5)]).toEqual([null, null]);
  });

  test('the check refuses what EdgeHTML refuses', () => {
    for (const code of ['a ?? b', 'a?.b', '({ ...a })', '0n', '/\\p{L}/u', '/(?<=a)b/', 'try {} catch {}']) {
      expect({ code, refused: parseError(code, 2017) !== null, byTheBuild: !parsesAsEs2017(code, 'script') }).toEqual({ code, refused: true, byTheBuild: true });
    }
    expect(parseError('const f = async () => ({ a: 1, [`k${1}`]: 2 ** 3 });', 2017)).toBeNull();
    expect(parseError('const a = 1;', 5)).not.toBeNull();
  });
});

/** Runs CommonJS output and returns its `module.exports`. */
function run(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(code, { module, exports: module.exports, BigInt, RegExp });
  return module.exports;
}

function compile(source: string, target: ts.ScriptTarget, transformers?: ts.CustomTransformers): string {
  return ts.transpileModule(source, { compilerOptions: { target, module: ts.ModuleKind.CommonJS }, transformers }).outputText;
}

describe('es2017Transformer: the syntax TypeScript cannot lower, written as the calls that build the same values', () => {
  const source = `
    export const small = 0n;
    export const large = 123456789012345678901234567890n * -2n;
    export const hex = 0x1Fn + 1_000n;
    export const letters = 'Éloïse-Ana 12'.match(/\\p{L}+/gu);
    export const lookbehind = 'a1 b2 a3'.match(/(?<=a)\\d/g);
    export const slash = /[/]\\/(?<=\\/)x/u.test('//x');
    export const plain = /^[a-z]+$/i;
  `;
  const lowered = compile(source, ts.ScriptTarget.ES2017, { before: [es2017Transformer] });

  test('the output parses as ES2017, and a regular expression ES2017 accepts stays a literal', () => {
    expect(parsesAsEs2017(lowered, 'script')).toBe(true);
    expect(lowered).toContain('BigInt("123456789012345678901234567890")');
    expect(lowered).toContain('new RegExp("\\\\p{L}+", "gu")');
    expect(lowered).toContain('/^[a-z]+$/i');
  });

  test('the values are those of the literals', () => {
    const original = run(compile(source, ts.ScriptTarget.ES2020));
    const rewritten = run(lowered);
    expect(rewritten).toEqual(original);
    expect(rewritten.large).toBe(-246913578024691357802469135780n);
    expect(rewritten.hex).toBe(1031n);
    expect(rewritten.letters).toEqual(['Éloïse', 'Ana']);
    expect(rewritten.lookbehind).toEqual(['1', '3']);
    expect(rewritten.slash).toBe(true);
  });
});

describe('dependencies', () => {
  const modern = `
    export function describe(options) {
      const { name, ...rest } = options ?? {};
      try { JSON.parse(name); } catch { /* not JSON */ }
      return [name?.toUpperCase() ?? 'ANONYME', Object.keys({ ...rest }).length, 2n ** 64n];
    }
  `;

  test('a module newer than ES2017 is lowered and behaves the same; one that parses is left byte for byte', () => {
    const { code, lowered } = lowerToEs2017(modern, 'modern.js');
    expect(lowered).toBe(true);
    expect(parsesAsEs2017(code)).toBe(true);
    const asCommonJs = (esm: string) => run(ts.transpileModule(esm, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS } }).outputText);
    const before = asCommonJs(modern).describe as (options?: object) => unknown;
    const after = asCommonJs(code).describe as (options?: object) => unknown;
    for (const options of [undefined, { name: 'léa', a: 1, b: 2 }, { name: undefined }]) expect(after(options)).toEqual(before(options));

    const old = 'export function f(a) { return a === undefined ? 1 : a; }\n';
    expect(lowerToEs2017(old, 'old.js')).toEqual({ code: old, lowered: false });
  });

  test('the build rules lower a package of node_modules that needs it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-es2017-'));
    try {
      fs.mkdirSync(path.join(dir, 'node_modules', 'modern'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'modern', 'index.js'), modern);
      fs.writeFileSync(path.join(dir, 'node_modules', 'modern', 'package.json'), '{ "name": "modern", "main": "index.js" }');
      fs.writeFileSync(path.join(dir, 'entry.js'), "import { describe } from 'modern';\nwindow.result = describe({ name: 'x' });\n");
      const stats = await new Promise<webpack.Stats>((resolve, reject) => {
        webpack(
          {
            mode: 'production',
            context: ROOT,
            target: ['web', 'es2017'],
            entry: path.join(dir, 'entry.js'),
            output: { path: path.join(dir, 'dist'), filename: 'out.js' },
            module: { rules: es2017Rules(path.join(ROOT, 'tsconfig.taskpane.json')) },
          },
          (error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)),
        );
      });
      expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
      const out = fs.readFileSync(path.join(dir, 'dist', 'out.js'), 'utf8');
      expect(parseError(out, 2017)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
