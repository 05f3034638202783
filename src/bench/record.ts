/** One record measurement: build the record model, write the workbook, read it back and verify it. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allDifferences, buildRecord, drawFromTable, newRecordMeta, verifyWorkbook } from '../core';
import { parseCsvText } from '../file/csv';
import { readWorkbookGrids } from '../file/recordReader';
import { writeRecordWorkbook } from '../file/recordWriter';
import { syntheticCsv } from './syntheticTable';

export interface RecordMeasure {
  candidates: number;
  buildMs: number;
  writeMs: number;
  readMs: number;
  verifyMs: number;
  /** Size of the record workbook, in KiB. */
  fileKB: number;
  peakMB: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function measureRecord(candidates: number): Promise<RecordMeasure> {
  const table = parseCsvText(syntheticCsv(candidates), 'bench.csv');
  const result = drawFromTable(table, { referenceDate: '2026-06-13', publicSeed: 'graine', excludeInvalid: false });
  const dir = mkdtempSync(join(tmpdir(), 'tirage-bench-'));
  const out = join(dir, 'registre.xlsx');
  try {
    const t0 = performance.now();
    const model = buildRecord(result, newRecordMeta({
      place: 'Hôtel de ville',
      officials: ['Mme A', 'M. B'],
      candidatureSheet: 'Candidatures',
      sourceFile: 'bench.csv',
      inputSheets: ['Candidatures'],
    }));
    const t1 = performance.now();
    await writeRecordWorkbook({ input: { kind: 'csv', table, sheetName: 'Candidatures' }, model, outPath: out });
    const t2 = performance.now();
    const grids = await readWorkbookGrids(out);
    const t3 = performance.now();
    const checks = verifyWorkbook(grids);
    const t4 = performance.now();
    if (allDifferences(checks).length > 0) throw new Error('benchmark record does not verify');
    const { size } = statSync(out);
    return {
      candidates,
      buildMs: round(t1 - t0),
      writeMs: round(t2 - t1),
      readMs: round(t3 - t2),
      verifyMs: round(t4 - t3),
      fileKB: Math.round(size / 1024),
      peakMB: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
