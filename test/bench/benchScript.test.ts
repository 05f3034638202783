/**
 * `npm run --silent bench` prints one JSON object and nothing else on stdout (issue 13 §5): the
 * build it runs first must not write there. The script is run by the shell as npm runs it, with
 * `npm` and `node` standing in (the real build takes minutes): the stand-in build writes what
 * webpack writes on success, the stand-in bench writes a JSON object.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.bench;

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'tirage-bench-script-'));
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('npm', 'echo "webpack 5.112.2 compiled successfully in 9000 ms"');
  stub('node', 'echo \'{"machine":{"node":"v20"}}\'');
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

test('the bench script’s build writes nothing on stdout, which holds only the JSON object', () => {
  const run = spawnSync('/bin/sh', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } });
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({ machine: { node: 'v20' } });
  // The build's output is not lost: it goes to stderr, where a person running the bench still sees it.
  expect(run.stderr).toContain('compiled successfully');
});
