/**
 * The record, on random tables: every record verifies as written, and any single cell edited in
 * any record sheet is caught — as a difference, or as a workbook that is no longer a record. For
 * draws of both versions: `tirage-cln/1`, and `tirage-cln/2` sealed with random keys.
 */
import fc from 'fast-check';
import {
  buildRecord,
  newRecordMeta,
  drawFromTable,
  InputError,
  NotARecordError,
  ROUBAIX_CLN_2025,
  verifyWorkbook,
  type CellValue,
  type DrawResult,
  type RecordModel,
  type Sheet,
} from '../../src/core';
import { differenceLines, edit, recordToGrids } from '../support/records';
import { renderTable, scenarioArb, type Scenario } from './tables';

const RUNS_FACTOR = Number(process.env['PROPERTY_RUNS_FACTOR'] ?? '1') || 1;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: Math.ceil(n * RUNS_FACTOR) });

interface Case {
  grids: Sheet[];
  model: RecordModel;
}

/** The draw and its record in memory, or null when the table has nobody eligible. */
function recordOf(s: Scenario, sealingKey?: string): Case | null {
  const { table } = renderTable(s, { withInvalid: true, shuffle: s.shuffle, shuffleSeed: s.shuffleSeed });
  let result: DrawResult;
  try {
    result = drawFromTable(table, { referenceDate: s.referenceDate, publicSeed: s.seed, excludeInvalid: true, ...(sealingKey === undefined ? {} : { sealingKey }) });
  } catch (error) {
    if (error instanceof InputError && (error.code === 'no_eligible' || error.code === 'no_candidatures')) return null;
    throw error;
  }
  const model = buildRecord(result, newRecordMeta({
    place: 'Salle du conseil',
    officials: ['Mme A', 'M. B'],
    candidatureSheet: 'Candidatures',
    sourceFile: 'candidatures.csv',
    inputSheets: ['Candidatures'],
    mandateStart: s.referenceDate,
  }));
  const candidatures: Sheet = { ...table, name: 'Candidatures' };
  return { grids: recordToGrids(model, [candidatures]), model };
}

function differencesOf(grids: Sheet[]): string[] | 'not a record' {
  try {
    return differenceLines(verifyWorkbook(grids));
  } catch (error) {
    if (error instanceof NotARecordError) return 'not a record';
    throw error;
  }
}

function changed(value: CellValue): CellValue {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return value === '' ? 'x' : `${value}x`;
  return 'x';
}

const scenarios = scenarioArb({ rules: ROUBAIX_CLN_2025, maxCandidates: 40, withInvalid: true });

const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));

describe.each([
  ['tirage-cln/1', fc.constant(undefined), 1],
  ['tirage-cln/2', keyArb, 0.5],
] as const)('records of random tables, %s', (algorithm, keys, share) => {
  it('verify as written', () => {
    fc.assert(
      fc.property(scenarios, keys, (s, key) => {
        const record = recordOf(s, key);
        fc.pre(record !== null);
        expect(differencesOf((record as Case).grids)).toEqual([]);
        const data = (record as Case).model.sheets.find((sheet) => sheet.role === 'data');
        expect(data?.cells.some((c) => c.value === algorithm)).toBe(true);
      }),
      runs(60 * share),
    );
  });

  it('do not verify once any single cell of a record sheet is edited', () => {
    fc.assert(
      fc.property(scenarios, keys, fc.nat(), fc.nat(), (s, key, sheetPick, cellPick) => {
        const record = recordOf(s, key);
        fc.pre(record !== null);
        const { grids, model } = record as Case;
        const sheet = model.sheets[sheetPick % model.sheets.length];
        const filled = sheet.cells.filter((c) => c.value !== null && c.value !== '');
        const cell = filled[cellPick % filled.length];
        const found = differencesOf(edit(grids, sheet.name, cell.row, cell.column, changed(cell.value)));
        expect(found === 'not a record' || found.length > 0).toBe(true);
        if (sheet.role !== 'data' && found !== 'not a record') {
          // A figure shown in Tirage, Synthèse or the procès-verbal is named by its own cell.
          const address = `${String.fromCharCode(64 + cell.column)}${cell.row}`;
          expect(found.some((d) => d.startsWith(`${sheet.name}, cellule ${address} :`))).toBe(true);
        }
      }),
      runs(150 * share),
    );
  });
});
