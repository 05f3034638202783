/**
 * `npm run --silent bench`: prints one JSON object. Each size runs in its own process, so its peak
 * memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { measureEngine } from './engine';

const SIZES: [number, number][] = [
  [1_000, 21],
  [10_000, 11],
  [100_000, 7],
];

function child(kind: string, size: number, repeats: number): unknown {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', kind, String(size), String(repeats)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, kind, size, repeats] = args;
    if (kind === 'engine') process.stdout.write(JSON.stringify(measureEngine(Number(size), Number(repeats))));
    return;
  }
  const report = {
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    engine: SIZES.map(([size, repeats]) => child('engine', size, repeats)),
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main();
