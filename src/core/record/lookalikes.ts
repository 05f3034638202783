/**
 * Sheets of the input workbook that `verify` would take for a record's sheets by their names:
 * « Données du tirage (n) » for a data sheet, « Remplacement (n) » for a replacement sheet.
 * `verify` goes by name on purpose — retitling a data sheet must not hide a draw — so a sheet of
 * the clerk's that merely bears such a name makes every record written beside it fail. The record
 * sheets themselves always take free names (names.ts); these are refused when the table is read,
 * before the fingerprint and the seed, with the way out (issue 15 §4). So is an unfinished record
 * (a sheet whose A1 still carries a mark, marks.ts), which `verify` refuses too: its sheets are to be
 * deleted first. An earlier record's real sheets (a later draw in the same workbook) are what
 * `verify` expects, and pass.
 */
import { InputError } from '../errors';
import type { CellValue } from '../sheet';
import { DATA_TITLE } from './dataSheet';
import { RECORD_MARKS } from './marks';
import { isRecordSheetName, replacementNumberOf } from './names';
import { isReplacementSheet } from './replacementSheet';

/** The names among `names` that `verify` reads as a record's sheets, whatever they hold. */
export function recordLikeNames(names: readonly string[]): string[] {
  return names.filter((name) => isRecordSheetName(name) || replacementNumberOf(name) !== null);
}

/** Rows enough to tell a record's sheet from a lookalike: a data sheet's title (or a mark) is in A1, a replacement sheet's title in A2. */
export const LOOKALIKE_ROWS = 2;

/**
 * Refuses the workbook when a sheet with one of those names (`sheets`: their first LOOKALIKE_ROWS
 * rows at least) is not the sheet `verify` would expect. `source`: the workbook's file name, or null for the one open in Excel.
 */
export function refuseRecordLookalikes(sheets: readonly { name: string; rows: readonly (readonly CellValue[])[] }[], source: string | null): void {
  const unfinished = sheets.filter((sheet) => RECORD_MARKS.includes(String(sheet.rows[0]?.[0] ?? '')));
  if (unfinished.length > 0) throw new InputError({ code: 'unfinished_record', source, sheets: unfinished.map((sheet) => sheet.name) });
  const lookalikes = sheets.filter((sheet) =>
    isRecordSheetName(sheet.name, 'data') ? sheet.rows[0]?.[0] !== DATA_TITLE : replacementNumberOf(sheet.name) !== null && !isReplacementSheet(sheet.rows),
  );
  if (lookalikes.length === 0) return;
  throw new InputError({ code: 'reserved_sheet_name', source, sheets: lookalikes.map((sheet) => sheet.name) });
}
