/**
 * A candidate's own line, found with their receipt (ALGORITHM.md §10): the receipt gives the seal,
 * the seal its line of the public record — sector, sex, priority, and once drawn, draw number,
 * status and the replacements that concern them. Looked up in a public record (as `verify`
 * recomputed it) or in a private record's sealed draws (each as its public record).
 */
import type { Sex } from '../rules';
import { sealOfReceipt } from '../seal';
import type { Sheet } from '../sheet';
import { SEALED_ALGORITHM } from '../rules';
import { InputError } from '../errors';
import { isDataSheet, NotARecordError, parseDataSheet } from './dataSheet';
import { publicDrawRecord, sealedOutcomes, type DrawnEntry, type PublicRecord } from './publicRecord';
import { recordedReplacements } from './replacements';
import { readRecordDraw } from './verify';

/** What a receipt finds: its line, and what happened to it during the mandate. */
export interface ReceiptLine {
  seal: string;
  sector: string;
  sex: Sex;
  priority: boolean;
  /** Null before the draw (a sealed table). */
  drawn: Pick<DrawnEntry, 'drawNumber' | 'status' | 'reserveRank' | 'name'> | null;
  /** Replacements the candidature left or joined the council by, in order. */
  replacements: { date: string; role: 'leaving' | 'joining'; fingerprint: string }[];
}

/** The line of `receipt` (24 hex digits, read with parseReceipt) in a public record, or null. */
export function lineOfReceipt(record: PublicRecord, receipt: string): ReceiptLine | null {
  const seal = sealOfReceipt(receipt);
  if (record.stage === 'sealed') {
    const line = record.lines.find((l) => l.seal === seal);
    return line === undefined ? null : { seal, sector: line.sector, sex: line.sex, priority: line.priority, drawn: null, replacements: [] };
  }
  const line = record.lines.find((l) => l.seal === seal);
  if (line === undefined) return null;
  const replacements: ReceiptLine['replacements'] = [];
  for (const r of record.replacements) {
    if (r.leaving.drawNumber === line.drawNumber) replacements.push({ date: r.date, role: 'leaving', fingerprint: r.fingerprint });
    if (r.joining?.drawNumber === line.drawNumber) replacements.push({ date: r.date, role: 'joining', fingerprint: r.fingerprint });
  }
  const { drawNumber, status, reserveRank, name } = line;
  return { seal, sector: line.sector, sex: line.sex, priority: line.priority, drawn: { drawNumber, status, reserveRank, name }, replacements };
}

/**
 * Each sealed draw of a private record as its public record, with its replacements (in tab order
 * of the data sheets); a `tirage-cln/1` draw has no receipts and is left out. A draw that cannot be
 * recomputed is left out too: `verify` reports it.
 */
export function sealedDrawsOfRecord(sheets: readonly Sheet[]): PublicRecord[] {
  const records: PublicRecord[] = [];
  for (const grid of sheets) {
    if (!isDataSheet(grid.name, grid.rows)) continue;
    try {
      if (parseDataSheet(grid.rows, grid.name).data.algorithm !== SEALED_ALGORITHM) continue;
      const { data, result } = readRecordDraw(sheets, grid.name);
      let replacements: ReturnType<typeof recordedReplacements> = [];
      try {
        replacements = recordedReplacements(result, data, grid.name, sheets);
      } catch (error) {
        // A replacement the rule refuses: `verify` says so; the receipt still finds the draw's line.
        if (!(error instanceof InputError)) throw error;
      }
      records.push(publicDrawRecord(result, sealedOutcomes(result), data.meta, replacements));
    } catch (error) {
      if (!(error instanceof NotARecordError || error instanceof InputError)) throw error;
    }
  }
  return records;
}
