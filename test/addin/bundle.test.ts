/**
 * The task pane's bundle: within its 250 KB budget (office.js excluded), and a build that pulls a
 * Node-only package into it fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { BrowserOnlyBundlePlugin } from '../../scripts/browserOnlyBundlePlugin';
import { deferredBundleBytes, deferredScripts, localScripts, taskpaneBundleBytes } from '../../src/bench/bundle';
import { DIST, ROOT, distFile } from '../support/addinBuild';

const BUDGET_BYTES = 250 * 1024;

test('the built task pane’s local scripts stay within 250 KB, and are what the bench counts', () => {
  const html = fs.readFileSync(distFile('taskpane.html'), 'utf8');
  const scripts = localScripts(html);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) expect(src).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
  const bytes = scripts.reduce((total, src) => total + fs.statSync(path.join(DIST, src)).size, 0);
  expect(taskpaneBundleBytes(DIST)).toBe(bytes);
  expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  // office.js is loaded from the CDN, not counted.
  expect(html).toContain('src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
});

test('the .xlsx writer is a chunk of its own, loaded on demand, not at start', () => {
  const deferred = deferredScripts(DIST);
  expect(deferred).toEqual([expect.stringMatching(/^taskpane-xlsx-writer\.[0-9a-f]{8}\.js$/)]);
  const writer = fs.readFileSync(path.join(DIST, deferred[0]), 'utf8');
  // The zip library travels with it; the start-up script has neither it nor the writer's XML.
  expect(writer).toContain('<Relationships xmlns=');
  const startup = localScripts(fs.readFileSync(distFile('taskpane.html'), 'utf8')).map((src) => fs.readFileSync(path.join(DIST, src), 'utf8')).join('');
  expect(startup).not.toContain('<Relationships xmlns=');
  // The start-up script names the chunk by a path relative to taskpane.html (publicPath ''), never an absolute address.
  expect(startup).toContain('taskpane-xlsx-writer');
  expect(deferredBundleBytes(DIST)).toBe(fs.statSync(path.join(DIST, deferred[0])).size);
});

test('localScripts reads quoted and unquoted sources and leaves absolute URLs out', () => {
  expect(
    localScripts('<script src="https://cdn/x.js"></script><script defer src=a.1.js></script><script src=\'b.js\'></script><script src="//cdn/y.js">'),
  ).toEqual(['a.1.js', 'b.js']);
});

test('a bundle that imports papaparse fails the build with a French message naming the module', async () => {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-bundle-'));
  try {
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      webpack(
        {
          mode: 'production',
          context: ROOT,
          target: ['web', 'es2020'],
          entry: path.join(__dirname, 'fixtures', 'importsPapaparse.js'),
          output: { path: output },
          plugins: [new BrowserOnlyBundlePlugin()],
        },
        (error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)),
      );
    });
    const messages = stats.toJson({ all: false, errors: true }).errors?.map((error) => error.message) ?? [];
    expect(stats.hasErrors()).toBe(true);
    expect(messages.join('\n')).toContain('importe node_modules/papaparse/');
    expect(messages.join('\n')).toContain('réservé à Node.js');
  } finally {
    fs.rmSync(output, { recursive: true, force: true });
  }
});
