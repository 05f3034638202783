/**
 * `npm run --silent bench`: prints one JSON object. Each size runs in its own process, so its peak
 * memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { join } from 'node:path';
import { deferredBundleBytes, taskpaneBundleBytes } from './bundle';
import { drawOnce, measureEngine, measureSealedEngine } from './engine';
import { measureRecordVerify, measureRecordWrite } from './record';
import { measureExcel } from './excel';
import { measureVerifier, measureVerifierMainThread } from './verifier';

const SIZES: [number, number][] = [
  [1_000, 21],
  [10_000, 11],
  [100_000, 7],
];
/** A town hall's record holds a few hundred rows; 100,000 is what issue 6 asks to stay under 1 GB. */
const RECORD_SIZES = [1_000, 10_000, 100_000];
/** The verifier page: a record of this many candidatures, timed this many times in Chromium (issue 10). */
const VERIFIER_CANDIDATES = 1_000;
const VERIFIER_RUNS = 5;
/** The largest record of issue 15 §4, whose check held the verifier page still for seconds. */
const VERIFIER_LARGE_CANDIDATES = 100_000;
const DIST = path.join(__dirname, '..', '..', 'dist');

/** The add-in's round trips on the simulated Excel: a real session (16), a large town, far beyond. */
const EXCEL_SIZES = [16, 1_000, 10_000];

function child(kind: string, size: number, repeats: number | string): unknown {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', kind, String(size), String(repeats)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** A measurement that may fail (a child out of memory): its error is reported in its place. */
function attempt(measure: () => unknown): unknown {
  try {
    return measure();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { error: text.split('\n').find((line) => /Error|memory/i.test(line)) ?? text.split('\n')[0] };
  }
}

/** Writing then verifying the record of `size` candidatures, each in its own process; figures side by side. */
function recordFigures(size: number): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'tirage-bench-'));
  try {
    const file = join(dir, 'registre.xlsx');
    const write = attempt(() => child('record-write', size, file)) as object;
    const verify = 'error' in write ? { verify: 'not run' } : (attempt(() => child('record-verify', size, file)) as object);
    return { candidates: size, ...write, ...verify };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a child process measures; `repeats` is a count, or the record's path for the record measures. */
async function measureChild(kind: string, size: number, repeats: string): Promise<unknown> {
  switch (kind) {
    case 'engine':
      return measureEngine(size, Number(repeats));
    case 'engine-sealed':
      return measureSealedEngine(size, Number(repeats));
    case 'memory':
      return { peakMB: drawOnce(size) };
    case 'excel':
      return measureExcel(size);
    case 'verifier':
      return measureVerifier(DIST, size, Number(repeats));
    case 'verifier-main-thread':
      return measureVerifierMainThread(DIST, size);
    case 'record-write':
      return measureRecordWrite(size, repeats);
    default:
      return measureRecordVerify(repeats);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, kind, size, repeats] = args;
    const measure = await measureChild(kind, Number(size), repeats);
    process.stdout.write(JSON.stringify(measure));
    return;
  }
  const report = {
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    engine: SIZES.map(([size, repeats]) => ({ ...(child('engine', size, repeats) as object), ...(child('memory', size, 1) as object) })),
    /** The same tables drawn sealed, tirage-cln/2 (ALGORITHM.md §10): the engine's time with a sealing key. */
    sealedEngine: SIZES.map(([size, repeats]) => child('engine-sealed', size, repeats)),
    record: RECORD_SIZES.map(recordFigures),
    excel: EXCEL_SIZES.map((size) => child('excel', size, 1)),
    /** The add-in's task pane: minified JavaScript bytes, office.js excluded (dist/, built by `npm run build`). */
    bundleBytes: taskpaneBundleBytes(DIST),
    /** What the pane loads later, on demand (the .xlsx writer, on the first « Ouvrir … »): outside the start-up budget. */
    deferredBundleBytes: deferredBundleBytes(DIST),
    /** verifier.html in Chromium: `verifierMs`, the median time from picking the record to the verdict, and the page's size. */
    verifier: attempt(() => child('verifier', VERIFIER_CANDIDATES, VERIFIER_RUNS)),
    /** verifier.html checking 100,000 candidatures: the longest task of the page's main thread (`longestTaskMs`), the check in its worker and on the page itself. */
    verifierMainThread: attempt(() => child('verifier-main-thread', VERIFIER_LARGE_CANDIDATES, 1)),
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
