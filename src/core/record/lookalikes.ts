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
import { RECORD_MARKS, WRITING_MARK } from './marks';
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
 * rows at least) is not the sheet `verify` would expect. `workbook` names it: « Le classeur « x.xlsx » », « Ce classeur ».
 */
export function refuseRecordLookalikes(sheets: readonly { name: string; rows: readonly (readonly CellValue[])[] }[], workbook: string): void {
  const list = (found: readonly { name: string }[]) => found.map((sheet) => `« ${sheet.name} »`).join(', ');
  const unfinished = sheets.filter((sheet) => RECORD_MARKS.includes(String(sheet.rows[0]?.[0] ?? '')));
  if (unfinished.length > 0) {
    const several = unfinished.length > 1;
    throw new InputError(
      'unfinished_record',
      `${workbook} garde un registre inachevé : ${several ? 'les feuilles' : 'la feuille'} ${list(unfinished)} ${several ? 'portent' : 'porte'} en cellule A1 ` +
        `« ${WRITING_MARK} » ou « INACHEVÉ », et la vérification refuserait tout registre écrit à côté. Rien n’a été tiré. ` +
        'Supprimez les feuilles de ce registre inachevé (celles dont la cellule A1 porte cette mention), puis recommencez.',
    );
  }
  const lookalikes = sheets.filter((sheet) =>
    isRecordSheetName(sheet.name, 'data') ? sheet.rows[0]?.[0] !== DATA_TITLE : replacementNumberOf(sheet.name) !== null && !isReplacementSheet(sheet.rows),
  );
  if (lookalikes.length === 0) return;
  const several = lookalikes.length > 1;
  throw new InputError(
    'reserved_sheet_name',
    `${workbook} a ${several ? 'des feuilles' : 'une feuille'} ${list(lookalikes)} qui porte${several ? 'nt' : ''} le nom d’une feuille de registre de tirage ` +
      `(données du tirage, remplacement) sans en être une : la vérification ${several ? 'les' : 'la'} lirait comme telle${several ? 's' : ''} et refuserait ` +
      `tout registre écrit dans ce classeur. Rien n’a été tiré. Renommez ${several ? 'ces feuilles' : 'cette feuille'} (par exemple « Notes »), puis recommencez.`,
  );
}
