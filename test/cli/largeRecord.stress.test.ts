/**
 * `verify` on the record of 100,000 candidatures, in its own process: it finishes, finds the
 * record conforming, and stays under 1 GB of memory (its peak resident size).
 * The record is put on disk by a plain writer (test/support/plainXlsx), so this measures reading
 * and verifying alone. Minutes long: run by `npm run test:stress`; largeInputs.test.ts keeps a small
 * version in `npm test`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecord, drawFromTable, newRecordMeta } from '../../src/core';
import { parseCsvText } from '../../src/file/csv';
import { syntheticCsv } from '../../src/bench/syntheticTable';
import { runMeasured } from '../support/peakMemory';
import { plainXlsx } from '../support/plainXlsx';
import { sheetToGrid } from '../support/records';

const CANDIDATES = 100_000;
const MEMORY_BOUND_KB = 1024 * 1024;

describe('verify on the record of 100,000 candidatures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tirage-large-record-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds it conforming, in under 1 GB of memory', () => {
    const table = parseCsvText(syntheticCsv(CANDIDATES), 'grand.csv');
    const result = drawFromTable(table, { referenceDate: '2026-06-13', publicSeed: 'graine', excludeInvalid: false });
    const model = buildRecord(result, newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'grand.csv', inputSheets: ['Candidatures'], mandateStart: '2026-06-13' }));
    const file = join(dir, 'registre-100000.xlsx');
    writeFileSync(file, plainXlsx([{ name: 'Candidatures', rows: table.rows }, ...model.sheets.map(sheetToGrid)]));

    const run = runMeasured(['verify', file]);
    expect(run.stdout).toContain('Registre conforme');
    expect(run.status).toBe(0);
    expect(run.maxRssKb).toBeLessThan(MEMORY_BOUND_KB);
  }, 600_000);
});
