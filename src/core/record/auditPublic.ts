/**
 * The auditor's check (`verify <record.xlsx> --public <public.xlsx>`): with the private record,
 * which holds the sealing key and the candidatures, every seal of the published table is the one
 * its candidature gives (the public record is rebuilt from the record, its seals computed again
 * with the record's key), and the published record is exactly what the private one gives — the
 * sealed table before the seed, or the drawn record with the replacements it lists.
 */
import { InputError } from '../errors';
import { SEALED_ALGORITHM } from '../rules';
import type { PublicDifference } from '../problems';
import type { Sheet } from '../sheet';
import { isDataSheet, NotARecordError, parseDataSheet } from './dataSheet';
import { readPublicRegister } from './publicRegisterSheet';
import { buildPublicRecord, buildSealedTableWorkbook } from './publicWorkbook';
import { recordedReplacements } from './replacements';
import { compareSheet, readRecordDraw } from './verify';
import { findPublicRegister } from './verifyPublic';

export interface PublicAudit {
  /** The fingerprint the published record states. */
  fingerprint: string;
  /** Sealed lines whose seals were computed again from the record's key and candidatures. */
  seals: number;
  /** Between the published record and what the private one gives (worded at the edge: publicMessages.ts's describePublicDifference). */
  differences: PublicDifference[];
}

/**
 * Compares a published record with the private record it came from. Throws NotARecordError when
 * the published workbook has no public register, NotAPublicRegisterError when its structure is not the tool's.
 */
export function auditPublicRecord(recordSheets: readonly Sheet[], publicSheets: readonly Sheet[]): PublicAudit {
  const register = findPublicRegister(publicSheets);
  if (register === undefined) throw new NotARecordError({ kind: 'no_public_register' });
  const stated = readPublicRegister(register.name, register.rows);
  const fingerprint = stated.parameters.fingerprint;
  const audit: PublicAudit = { fingerprint, seals: 0, differences: [] };

  const sealedDraws: string[] = [];
  for (const grid of recordSheets) {
    if (!isDataSheet(grid.name, grid.rows)) continue;
    let drawn: ReturnType<typeof readRecordDraw>;
    try {
      if (parseDataSheet(grid.rows, grid.name).data.algorithm !== SEALED_ALGORITHM) continue;
      drawn = readRecordDraw(recordSheets, grid.name);
    } catch (error) {
      if (error instanceof NotARecordError || error instanceof InputError) continue;
      throw error;
    }
    const { data, result } = drawn;
    sealedDraws.push(result.prepared.canonical.fingerprint);
    if (result.prepared.canonical.fingerprint !== fingerprint) continue;

    let expected;
    if (stated.stage === 'sealed') expected = buildSealedTableWorkbook(result.prepared);
    else {
      // The published record lists the replacements of its day: compared with the record's first ones.
      const replacements = recordedReplacements(result, data, grid.name, recordSheets);
      if (stated.replacements.length > replacements.length) {
        audit.differences.push({ code: 'public_replacements_not_recorded', sheet: register.name, published: stated.replacements.length, recorded: replacements.length });
      }
      expected = buildPublicRecord(result, data.meta, replacements.slice(0, stated.replacements.length));
    }
    audit.seals = result.prepared.canonical.order.length;
    const byName = new Map(publicSheets.map((s) => [s.name, s]));
    for (const model of expected.sheets) {
      const grid = byName.get(model.name);
      byName.delete(model.name);
      if (grid === undefined) audit.differences.push({ code: 'public_sheet_missing', sheet: model.name });
      else for (const difference of compareSheet(model, grid)) audit.differences.push(difference);
    }
    for (const extra of byName.keys()) audit.differences.push({ code: 'public_sheet_extra', sheet: extra });
    return audit;
  }
  audit.differences.push({ code: 'public_record_of_no_draw', fingerprint, recorded: sealedDraws });
  return audit;
}
