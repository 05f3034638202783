/**
 * Tables as large as a worksheet can hold (1,048,575 rows under the header), through the real
 * command line, each command in a process of its own: it finishes (exit 0), or it refuses with a
 * French message (exit 2) — never an unexpected error (1), nor a crash (stack overflow, out of
 * memory). On main, `probabilities` died from 130,000 rows on (Math.max over every row).
 * Minutes long: run by `npm run test:stress`; largeInputs.test.ts keeps a small version in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCsv } from '../../src/bench/syntheticTable';

const BIN = join(__dirname, '..', '..', 'bin', 'tirage-cln.js');
const EXCEL_ROWS = 1_048_575;
const MINUTES = 60_000;

let dir: string;
let full: string;
let quarter: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tirage-excel-limits-'));
  full = join(dir, 'un-million.csv');
  quarter = join(dir, 'quart.csv');
  writeFileSync(full, syntheticCsv(EXCEL_ROWS - 1)); // the header is the sheet's first row
  writeFileSync(quarter, syntheticCsv(250_000));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with its output in a file (a million lines would not fit a pipe's buffer). */
function cli(args: string[], nodeOptions: string[] = []): { code: number | null; signal: string | null; stdout: string; stderr: string } {
  const out = join(dir, 'stdout.txt');
  const fd = openSync(out, 'w');
  try {
    const run = spawnSync(process.execPath, [...nodeOptions, BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: run.status, signal: run.signal, stdout: readFileSync(out, 'utf8'), stderr: run.stderr };
  } finally {
    closeSync(fd);
  }
}

/** Exit 0 with the whole table counted, or exit 2 with the memory message; anything else fails. */
function expectFinishedOrRefused(run: ReturnType<typeof cli>, finished: (stdout: string) => void): void {
  expect({ signal: run.signal, code: run.code === 0 || run.code === 2 ? 'ok' : run.code, unexpected: /Erreur inattendue|FATAL|RangeError/.test(run.stderr) }).toEqual({
    signal: null,
    code: 'ok',
    unexpected: false,
  });
  if (run.code === 0) finished(run.stdout);
  else expect(run.stderr).toMatch(/demande environ [\d\s\u202f]+ Mo de mémoire, et Node\.js n’en a que/);
}

describe(`a table of ${EXCEL_ROWS.toLocaleString('en')} rows, Excel’s limit`, () => {
  it(
    'probabilities prints every candidature’s chance, or refuses for memory',
    () => {
      expectFinishedOrRefused(cli(['probabilities', full, '--date', '2026-06-13']), (stdout) => {
        expect(stdout).toContain(`${EXCEL_ROWS - 1} candidatures`);
        expect(stdout).toMatch(/\n {2}1048575 +[A-Z -]+-1048574 /);
      });
    },
    20 * MINUTES,
  );
  it(
    'draw prints the result, or refuses for memory',
    () => {
      expectFinishedOrRefused(cli(['draw', full, '--seed', '4 2 6 1 5 3', '--date', '2026-06-13']), (stdout) => {
        expect(stdout).toContain(`${EXCEL_ROWS - 1} candidatures`);
        expect(stdout).toContain('Membres retenus (20, dont 10 femmes et 10 hommes)');
      });
    },
    20 * MINUTES,
  );
  it(
    'draw --json prints one JSON object with every candidature, or refuses for memory',
    () => {
      expectFinishedOrRefused(cli(['draw', full, '--seed', '4 2 6 1 5 3', '--date', '2026-06-13', '--json']), (stdout) => {
        const json = JSON.parse(stdout) as { candidates: unknown[]; summary: unknown };
        expect([json.candidates.length, json.summary]).toEqual([EXCEL_ROWS - 1, { F: 10, H: 10 }]);
      });
    },
    20 * MINUTES,
  );
});

describe('with less memory than a table needs', () => {
  it('refuses a file too large to read, before reading it (exit 2, in French)', () => {
    const run = cli(['probabilities', full, '--date', '2026-06-13'], ['--max-old-space-size=200']);
    expect([run.code, run.signal]).toEqual([2, null]);
    expect(run.stderr).toMatch(/^Le fichier « un-million\.csv » pèse \d+ Mo : le lire demande à lui seul environ \d+ Mo de mémoire, et Node\.js n’en a que \d+ Mo ici\. .*NODE_OPTIONS=--max-old-space-size=\d+/);
  });
  it('refuses a table with too many rows for the draw, once read (exit 2, in French)', () => {
    const run = cli(['draw', quarter, '--seed', 'x', '--date', '2026-06-13'], ['--max-old-space-size=200']);
    expect([run.code, run.signal]).toEqual([2, null]);
    expect(run.stderr).toMatch(/^Le tableau « quart\.csv » compte 250[\s\u202f]001 lignes : le tirer au sort demande environ/);
  });
});
