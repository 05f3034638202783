/**
 * The add-in's round trips: the office.js adapter on the simulated Excel, reading a synthetic
 * table and writing, reading back and verifying its record. Counts, not times: syncs are what
 * Excel on the web makes slow, and the 5 MB per request is what makes it fail.
 */
import { parseCsvText } from '../file/csv';
import { SimulatedExcel } from '../excel/simulated/excel';
import { simulateSession } from '../excel/simulated/simulate';
import { simulatedWorkbookFromTable } from '../excel/simulated/tableWorkbook';
import { syntheticCsv } from './syntheticTable';

export interface ExcelMeasure {
  rows: number;
  /** The candidature table's read (the sheet and table list takes one more). */
  readSyncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export async function measureExcel(candidates: number): Promise<ExcelMeasure> {
  const table = parseCsvText(syntheticCsv(candidates), 'bench.csv');
  const excel = new SimulatedExcel(simulatedWorkbookFromTable(table));
  const figures = await simulateSession(excel, { seed: 'graine', date: '2026-06-13', sourceFile: 'bench.csv' });
  if (figures.differences > 0) throw new Error('the simulated record does not verify');
  return { rows: candidates, readSyncs: figures.readSyncs, writeSyncs: figures.writeSyncs, maxRequestBytes: figures.maxRequestBytes, maxResponseBytes: figures.maxResponseBytes };
}
