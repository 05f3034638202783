/**
 * What text the record can keep exactly. The record is a workbook that other programs re-save
 * (Excel, LibreOffice, openpyxl): a value they would change on the way makes an untouched record
 * fail `verify`. So text that cannot survive is refused where it comes in (a candidature cell, the
 * public seed), never silently altered. One rule, here, for the CLI and the task pane alike.
 *
 * - Length: Excel holds at most 32,767 characters in a cell (and LibreOffice truncates longer ones).
 * - Control characters: XML 1.0, in which a workbook is written, cannot hold U+0000–U+001F except
 *   tab, line feed and carriage return; U+007F–U+009F, lone surrogates and U+FFFE/U+FFFF are
 *   dropped or replaced by the programs that re-save it. Tab and line breaks are kept (a cell may
 *   hold Alt+Entrée line breaks).
 */
import { InputError, cellAddress } from './errors';
import type { CellArea, Sheet } from './sheet';
import { unicodeName } from './visibleText';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_LENGTH = 32_767;

/**
 * A cheap first look, code unit by code unit (every cell of a 100,000-row table passes here):
 * whether `text` has a code unit UNKEEPABLE_CHARACTER could match, a surrogate included.
 * Tab (U+0009), line feed (U+000A) and carriage return (U+000D) are kept.
 */
function hasSuspectCodeUnit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    } else if (code >= 0x7f) {
      if (code <= 0x9f || (code >= 0xd800 && code <= 0xdfff) || code >= 0xfffe) return true;
    }
  }
  return false;
}

// Without the `u` flag, so that lone surrogates are seen as the code units they are.
// UNKEEPABLE_CHARACTER tells a lone surrogate from a valid pair, only for the rare text that
// has a suspect code unit.
const UNKEEPABLE_CHARACTER =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type Unkeepable =
  | { kind: 'too_long'; length: number; maximum: number }
  | { kind: 'control_character'; codePoint: number; position: number };

/** Why `text` could not be kept exactly in a record cell (at most `maximum` characters), or null. */
export function unkeepable(text: string, maximum: number = MAX_CELL_LENGTH): Unkeepable | null {
  if (text.length > maximum) return { kind: 'too_long', length: text.length, maximum };
  if (!hasSuspectCodeUnit(text)) return null;
  const found = UNKEEPABLE_CHARACTER.exec(text);
  if (found === null) return null;
  return { kind: 'control_character', codePoint: found[0].codePointAt(0) as number, position: found.index + 1 };
}

/** The French words for it. */
export function describeUnkeepable(reason: Unkeepable): string {
  if (reason.kind === 'too_long') {
    const limit = reason.maximum === MAX_CELL_LENGTH ? ', la limite d’une cellule d’Excel' : ' permis';
    return `${count(reason.length)} caractères, au-delà des ${count(reason.maximum)}${limit}`;
  }
  return `caractère de contrôle invisible ${unicodeName(reason.codePoint)} en position ${count(reason.position)}, qu’un tableur ne garde pas`;
}

/** "32 767" as French writes numbers. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

/**
 * Refuses a table holding a cell the record could not keep, naming every such cell: the record
 * copies the candidatures (a CSV's whole table), so no cell of the table's bounds is exempt.
 */
export function refuseUnkeepableCells(sheet: Sheet, bounds: CellArea): void {
  const lines: string[] = [];
  const last = Math.min(bounds.bottom, sheet.rows.length);
  for (let row = bounds.top; row <= last; row++) {
    const cells = sheet.rows[row - 1];
    const right = Math.min(bounds.right, cells.length - 1);
    for (let column = bounds.left; column <= right; column++) {
      const cell = cells[column];
      if (typeof cell !== 'string') continue;
      const reason = unkeepable(cell);
      if (reason !== null) lines.push(`Ligne ${row}, cellule ${cellAddress(column, row)} : ${describeUnkeepable(reason)}.`);
    }
  }
  if (lines.length === 0) return;
  const n = lines.length;
  throw new InputError(
    'unkeepable_cells',
    `${sheet.source} : ${n} cellule${n > 1 ? 's' : ''} que le registre ne pourrait pas garder telle${n > 1 ? 's' : ''} quelle${n > 1 ? 's' : ''}. ` +
      `Corrigez-${n > 1 ? 'les' : 'la'} dans le tableau (texte raccourci, caractère retiré), puis recommencez.`,
    lines,
  );
}

/** Refuses a text typed for the record (the place, the officials) that it could not keep. */
export function refuseUnkeepableText(what: string, text: string): void {
  const reason = unkeepable(text);
  if (reason === null) return;
  throw new InputError('unkeepable_text', `${what} ne peut pas être consigné au registre : ${describeUnkeepable(reason)}. Corrigez le texte saisi.`);
}
