/**
 * Record measurements, in two processes per size so that each peak memory is its own: one builds
 * the record model, plans it and writes the workbook; the other reads that workbook back and
 * verifies it.
 */
import { statSync } from 'node:fs';
import { allDifferences, buildRecord, CSV_SHEET_NAME, drawFromTable, newRecordMeta, verifyWorkbook } from '../core';
import { parseCsvText } from '../file/csv';
import { readWorkbookSheets } from '../file/recordReader';
import { writeRecordWorkbook } from '../file/recordWriter';
import { syntheticCsv } from './syntheticTable';

export interface RecordWriteMeasure {
  /** Building the record model from the draw (core). */
  buildMs: number;
  /** Planning it and writing the workbook file (plan, SpreadsheetML, zip). */
  writeMs: number;
  /** Size of the record workbook, in KiB. */
  fileKB: number;
  /** Peak resident memory of the whole process: reading the table, the draw, the model and the file. */
  writePeakMB: number;
}

export interface RecordVerifyMeasure {
  readMs: number;
  verifyMs: number;
  /** Peak resident memory of reading and verifying the file. */
  verifyPeakMB: number;
}

const round = (x: number) => Math.round(x * 100) / 100;
const peakMB = () => round(process.resourceUsage().maxRSS / 1024);

export async function measureRecordWrite(candidates: number, out: string): Promise<RecordWriteMeasure> {
  const table = parseCsvText(syntheticCsv(candidates), 'bench.csv');
  const result = drawFromTable(table, { referenceDate: '2026-06-13', publicSeed: 'graine', excludeInvalid: false });
  const t0 = performance.now();
  const model = buildRecord(
    result,
    newRecordMeta({ place: 'Hôtel de ville', officials: ['Mme A', 'M. B'], candidatureSheet: CSV_SHEET_NAME, sourceFile: 'bench.csv', inputSheets: [CSV_SHEET_NAME], mandateStart: '2026-06-13' }),
  );
  const t1 = performance.now();
  await writeRecordWorkbook({ input: { kind: 'csv', table }, model, outPath: out });
  const t2 = performance.now();
  return { buildMs: round(t1 - t0), writeMs: round(t2 - t1), fileKB: Math.round(statSync(out).size / 1024), writePeakMB: peakMB() };
}

export async function measureRecordVerify(file: string): Promise<RecordVerifyMeasure> {
  const t0 = performance.now();
  const sheets = await readWorkbookSheets(file);
  const t1 = performance.now();
  const checks = verifyWorkbook(sheets);
  const t2 = performance.now();
  if (allDifferences(checks).length > 0) throw new Error('benchmark record does not verify');
  return { readMs: round(t1 - t0), verifyMs: round(t2 - t1), verifyPeakMB: peakMB() };
}
