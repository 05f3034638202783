/**
 * Small versions of the stress tests (`npm run test:stress`: Excel's 1,048,575 rows in
 * excelLimits.stress.test.ts, the record of 100,000 candidatures in largeRecord.stress.test.ts),
 * cheap enough for every `npm test`: the same commands in processes of their own, at sizes that
 * still cross the line where they once broke.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecord, drawFromTable, newRecordMeta } from '../../src/core';
import { parseCsvText } from '../../src/file/csv';
import { syntheticCsv } from '../../src/bench/syntheticTable';
import { runMeasured } from '../support/peakMemory';
import { plainXlsx } from '../support/plainXlsx';
import { sheetToGrid } from '../support/records';

const BIN = join(__dirname, '..', '..', 'bin', 'tirage-cln.js');
/** `probabilities` overflowed the call stack from about 130,000 rows (Math.max over every row). */
const ROWS = 140_000;
/** `draw --json` writes one object with every candidature: checked here on a smaller table. */
const JSON_ROWS = 20_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tirage-large-inputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI in its own process, its output in a file (too long for a pipe's buffer). */
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const out = join(dir, 'stdout.txt');
  const fd = openSync(out, 'w');
  try {
    const run = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    return { code: run.status, stdout: readFileSync(out, 'utf8'), stderr: run.stderr };
  } finally {
    closeSync(fd);
  }
}

it(`probabilities prints every candidature’s chance for ${ROWS.toLocaleString('en')} rows`, () => {
  const table = join(dir, 'grand.csv');
  writeFileSync(table, syntheticCsv(ROWS));
  const run = cli(['probabilities', table, '--date', '2026-06-13']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(run.stdout).toContain(`${ROWS} candidatures`);
  expect(run.stdout.split('\n').filter((line) => /^ {2}\d+ {2,}/.test(line))).toHaveLength(ROWS);
});

it(`draw --json prints one JSON object with every candidature for ${JSON_ROWS.toLocaleString('en')} rows`, () => {
  const table = join(dir, 'moyen.csv');
  writeFileSync(table, syntheticCsv(JSON_ROWS));
  const run = cli(['draw', table, '--seed', '4 2 6 1 5 3', '--date', '2026-06-13', '--json']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const json = JSON.parse(run.stdout) as { candidates: unknown[]; summary: unknown };
  expect([json.candidates.length, json.summary]).toEqual([JSON_ROWS, { F: 10, H: 10 }]);
});

it('verify, in its own process, finds a record written by another writer conforming, in under 1 GB', () => {
  const table = parseCsvText(syntheticCsv(2_000), 'moyen.csv');
  const result = drawFromTable(table, { referenceDate: '2026-06-13', publicSeed: 'graine', excludeInvalid: false });
  const model = buildRecord(result, newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'moyen.csv', inputSheets: ['Candidatures'], mandateStart: '2026-06-13' }));
  const file = join(dir, 'registre-2000.xlsx');
  writeFileSync(file, plainXlsx([{ name: 'Candidatures', rows: table.rows }, ...model.sheets.map(sheetToGrid)]));
  const run = runMeasured(['verify', file]);
  expect(run.stdout).toContain('Registre conforme');
  expect(run.status).toBe(0);
  expect(run.maxRssKb).toBeLessThan(1024 * 1024);
});
