/**
 * `npm run --silent bench`: prints one JSON object. Each size runs in its own process, so its peak
 * memory is its own.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { taskpaneBundleBytes } from './bundle';
import { drawOnce, measureEngine } from './engine';
import { measureRecord } from './record';

const SIZES: [number, number][] = [
  [1_000, 21],
  [10_000, 11],
  [100_000, 7],
];
/** A town hall's record holds a few hundred rows; 10,000 is far beyond any real session. */
const RECORD_SIZES = [1_000, 10_000];

function child(kind: string, size: number, repeats: number): unknown {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', kind, String(size), String(repeats)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, kind, size, repeats] = args;
    const measure =
      kind === 'engine'
        ? measureEngine(Number(size), Number(repeats))
        : kind === 'memory'
          ? { peakMB: drawOnce(Number(size)) }
          : await measureRecord(Number(size));
    process.stdout.write(JSON.stringify(measure));
    return;
  }
  const report = {
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    engine: SIZES.map(([size, repeats]) => ({ ...(child('engine', size, repeats) as object), ...(child('memory', size, 1) as object) })),
    record: RECORD_SIZES.map((size) => child('record', size, 1)),
    /** The add-in's task pane: minified JavaScript bytes, office.js excluded (dist/, built by `npm run build`). */
    bundleBytes: taskpaneBundleBytes(path.join(__dirname, '..', '..', 'dist')),
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
