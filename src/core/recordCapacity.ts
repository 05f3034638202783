/**
 * What a record must be able to hold, checked when the table is read — before its fingerprint is
 * shown and the seed chosen — rather than met when the record is written, after the draw, when
 * the room has seen a seed that can no longer give a record (issue 15 §4).
 *
 * - Rows: each record sheet has at most one line per candidature, plus headings; a sheet of Excel
 *   stops at row 1,048,576.
 * - Cells: the procès-verbal and the publication write a name with its draw number or its rank in
 *   one cell, and the reason a candidature is set aside with the name; Excel holds at most 32,767
 *   characters in a cell. Each cell of the table already fits (keepableText.ts); these are the
 *   cells the record makes of several.
 */
import type { Candidature } from './candidatures';
import { InputError, describeRowProblem } from './errors';
import { MAX_CELL_LENGTH } from './keepableText';
import { displayName } from './record/labels';
import { MAX_ROWS } from './sheet';

/**
 * Lines a record sheet adds, at most, to one per row of the table: titles, parameters, sections,
 * and the blank lines that keep the procès-verbal's signatures on one page (measured: 45 and a
 * page for the procès-verbal, 23 for « Données du tirage », 4 for « Tirage »); the procès-verbal
 * adds one more per official present. test/core/recordCapacity.test.ts checks it on planned records.
 */
export const RECORD_ROWS_BEYOND_TABLE = 200;

/** The most rows (header included) a table may have for its record to fit Excel's sheets. */
export function largestRecordableTable(officials = 0): number {
  return MAX_ROWS - RECORD_ROWS_BEYOND_TABLE - officials;
}

/** "1 048 576" as French writes numbers. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

/**
 * Refuses a table whose record could not fit in Excel's sheets. `rows` counts the table's rows
 * from the sheet's first (as the Sheet model does); `officials`, the people the procès-verbal names.
 */
export function refuseRecordBeyondGrid(source: string, rows: number, officials = 0): void {
  const largest = largestRecordableTable(officials);
  if (rows <= largest) return;
  throw new InputError(
    'record_too_large',
    `${source} : ${count(rows)} lignes, trop pour le registre du tirage. Ses feuilles (Tirage, Procès-verbal, Données du tirage) ont une ligne par ` +
      `candidature et leurs titres, et une feuille Excel s’arrête à la ligne ${count(MAX_ROWS)} : le plus grand tableau dont le registre tient ` +
      `compte ${count(largest)} lignes, en-tête compris${officials > 0 ? ` (avec ${count(officials)} personne${officials > 1 ? 's' : ''} présente${officials > 1 ? 's' : ''} au procès-verbal)` : ''}. ` +
      'Rien n’a été tiré. Retirez du tableau les lignes qui ne sont pas des candidatures, puis recommencez.',
  );
}

/** What the record writes beside a name in its cell, at most: « 1048576. » before it, « — tirage n° 1048576, priorité d’âge » after. */
const NAME_ROOM = 64;
/** Upper case may lengthen a name (« ß » gives « SS »): at most three characters for one. */
const UPPER_CASE_GROWTH = 3;
/** A reason shows each invisible character of the value by its name (« ⟨U+200B⟩ »): at most ten for one. */
const INVISIBLE_GROWTH = 10;

/** The longest cell the record makes of this candidature's texts. */
function longestCell(c: Candidature): { length: number; what: string } {
  const name = () => displayName(c.lastName, c.firstName) || '(sans nom)';
  const problem = c.problems[0];
  if (problem === undefined) {
    // Most names are short: the upper-cased name is made only for those that could be too long.
    if ((c.lastName.length + c.firstName.length) * UPPER_CASE_GROWTH + NAME_ROOM < MAX_CELL_LENGTH) return { length: 0, what: '' };
    return { length: name().length + NAME_ROOM, what: 'le nom et le prénom, avec le numéro de tirage' };
  }
  const detail = problem.detail?.length ?? 0;
  if ((c.lastName.length + c.firstName.length) * UPPER_CASE_GROWTH + problem.value.length * INVISIBLE_GROWTH + detail + 600 < MAX_CELL_LENGTH) return { length: 0, what: '' };
  return {
    length: Math.max(name().length + 3 + describeRowProblem(problem).length, detail),
    what: 'le nom et le prénom, avec le motif qui écarte la candidature et la valeur en cause,',
  };
}

/**
 * Refuses candidatures whose texts, put together in one cell of the record, would pass Excel's
 * limit, naming each row.
 */
export function refuseUnrecordableCandidatures(source: string, candidatures: readonly Candidature[]): void {
  const lines: string[] = [];
  for (const c of candidatures) {
    const longest = longestCell(c);
    if (longest.length > MAX_CELL_LENGTH) {
      lines.push(
        `Ligne ${c.row} : ${longest.what} feraient ${count(longest.length)} caractères dans une cellule du procès-verbal, ` +
          `au-delà des ${count(MAX_CELL_LENGTH)}, la limite d’une cellule d’Excel.`,
      );
    }
  }
  if (lines.length === 0) return;
  const n = lines.length;
  throw new InputError(
    'unkeepable_cells',
    `${source} : ${n} candidature${n > 1 ? 's' : ''} que le registre ne pourrait pas écrire. Raccourcissez ces textes dans le tableau, puis recommencez.`,
    lines,
  );
}
