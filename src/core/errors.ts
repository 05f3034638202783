/**
 * Every problem the engine or its adapters can report: a code a program can test, with the French
 * sentence a person reads. One registry, so a message is worded once and a code never drifts from
 * its text.
 */

import { showInvisible } from './visibleText';

/** Why a candidature row is ineligible (ALGORITHM.md §2), in the order the checks are made. */
export const INELIGIBILITY_CODES = [
  'missing_name',
  'unknown_sector',
  'invalid_sex',
  'invalid_birth_date',
  'under_age',
  'duplicate',
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];

/** Short French label of each code, for tables and the procès-verbal. */
export const INELIGIBILITY_LABELS: Record<IneligibilityCode, string> = {
  missing_name: 'nom ou prénom manquant',
  unknown_sector: 'secteur inconnu',
  invalid_sex: 'sexe non reconnu',
  invalid_birth_date: 'date de naissance invalide',
  under_age: 'moins de 16 ans',
  duplicate: 'doublon',
};

/** One reason a row is ineligible, with what is needed to say where and what to do. */
export interface RowProblem {
  code: IneligibilityCode;
  row: number;
  /** The cell at fault, as the spreadsheet names it ("F7"), or null when no single cell is. */
  cell: string | null;
  /** The value found, as text ("" when empty). */
  value: string;
  /** Finer cause, worded in French, when the code alone does not tell what to fix. */
  detail?: string;
  /** Set when an age column, not a birth date, is at fault (`invalid_birth_date` has no code of its own for it). */
  onAge?: true;
}

/** What a person reads for a row problem: where, what is wrong, what to do. */
export function describeRowProblem(problem: RowProblem): string {
  const where = `Ligne ${problem.row}`;
  const cell = problem.cell ? ` (cellule ${problem.cell})` : '';
  const detail = problem.detail ? ` ${problem.detail}` : '';
  const found = (empty: string, wrong: string) => (problem.value === '' ? empty : `${wrong} « ${showInvisible(problem.value)} »`);
  switch (problem.code) {
    case 'missing_name':
      // A detail here says why the cell reads as empty (a formula without result, a merge): that is the problem to fix.
      return problem.detail
        ? `${where}${problem.cell ? `, cellule ${problem.cell}` : ''} : ${lowerFirst(problem.detail)}`
        : `${where} : nom ou prénom manquant${cell}. Complétez la candidature ou retirez la ligne.`;
    case 'unknown_sector':
      return `${where} : ${found('secteur non renseigné', 'secteur inconnu')}${cell}.${detail}`;
    case 'invalid_sex':
      return `${where} : ${found('sexe non renseigné', 'sexe non reconnu')}${cell}.${detail || ' Indiquez F (femme) ou H (homme).'}`;
    case 'invalid_birth_date':
      return problem.onAge
        ? `${where} : ${found('âge non renseigné', 'âge invalide')}${cell}.${detail}`
        : `${where} : ${found('date de naissance non renseignée', 'date de naissance invalide')}${cell}.${detail}`;
    case 'under_age':
      return `${where} : candidature irrecevable${cell} :${detail}`;
    case 'duplicate':
      return `${where} : doublon${cell}.${detail}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The `detail` of a problem on a cell that reads as empty for a reason the sheet does not show:
 * what it is and what to do.
 */
export function describeBlankCause(cause: { kind: 'formula'; formula: string } | { kind: 'merged'; area: string; valueRow: number }): string {
  if (cause.kind === 'formula') {
    return (
      `Formule sans valeur calculée${cause.formula === '' ? '' : ` (=${cause.formula})`} : le classeur a été enregistré sans le résultat ` +
      'de ses formules. Ouvrez-le dans Excel et enregistrez-le, ou remplacez les formules par leurs valeurs (Copier, puis Collage spécial > Valeurs).'
    );
  }
  return (
    `La cellule ${cause.area} est fusionnée : sa valeur ne compte que pour la ligne ${cause.valueRow}. ` +
    'Annulez la fusion (Accueil > Fusionner et centrer) et renseignez la cellule de chaque ligne.'
  );
}

/**
 * After the list of row problems: how many rows, and what can be done in any front end (each adds
 * how: the CLI its --exclude-invalid flag, the task pane a button).
 */
export function ineligibleRowsSummary(rows: number): string {
  return (
    `${rows} ligne${rows > 1 ? 's' : ''} ne peu${rows > 1 ? 'vent' : 't'} pas participer au tirage. ` +
    'Corrigez le tableau, ou écartez ces lignes du tirage : elles seront consignées au registre avec leur motif.'
  );
}

/** Problems that stop the work before any draw: the input, the file or the parameters. */
export type InputErrorCode =
  | 'file_not_found'
  | 'file_unreadable'
  | 'file_too_large'
  | 'unsupported_format'
  | 'sheet_not_found'
  | 'table_not_found'
  | 'content_below_table'
  | 'empty_table'
  | 'table_too_large'
  | 'missing_columns'
  | 'ambiguous_column'
  | 'bad_column_mapping'
  | 'no_candidatures'
  | 'ineligible_rows'
  | 'no_eligible'
  | 'duplicate_lines'
  | 'empty_seed'
  | 'unkeepable_seed'
  | 'unkeepable_cells'
  | 'record_too_large'
  | 'reserved_sheet_name'
  | 'unfinished_record'
  | 'unkeepable_text'
  | 'missing_reason'
  | 'bad_reference_date'
  | 'bad_mandate_start'
  | 'bad_replacement'
  | 'choice_needed'
  | 'record_not_conforming'
  | 'bad_fingerprint'
  | 'fingerprint_mismatch'
  | 'bad_seal_key'
  | 'seal_key_missing'
  | 'bad_receipt'
  | 'public_record_unsealed'
  | 'output_is_input'
  | 'output_exists'
  | 'sheet_exists'
  | 'file_unwritable'
  | 'bad_fault';

export class InputError extends Error {
  readonly code: InputErrorCode;
  /** One French line per problem, when there are several (ineligible rows). */
  readonly lines: readonly string[];

  /**
   * What a front end needs beyond the words to offer its own remedy (the task pane lists the
   * table's headers to map a missing column, the rows to set aside…), when the code has any.
   */
  readonly details: InputErrorDetails;

  constructor(code: InputErrorCode, message: string, lines: readonly string[] = [message], details: InputErrorDetails = {}) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    this.lines = lines;
    this.details = details;
  }
}

export interface InputErrorDetails {
  /** `ineligible_rows`: every problem, row by row. */
  problems?: readonly RowProblem[];
  /** `missing_columns`: the fields not found (French labels), and the headers of the closest row. */
  missingFields?: readonly string[];
  headerRow?: number;
  headers?: readonly { cell: string; text: string }[];
  /** `choice_needed`: the rows of the reserves offered for a replacement, in call order. */
  offered?: readonly number[];
  /**
   * The stated fact a problem is about, for a front end to show it beside its field: a draw request's
   * field (core/drawRequest.ts), or a replacement's (`bad_replacement`, `choice_needed`: core/replacement.ts).
   */
  field?: string;
  /** `fingerprint_mismatch`: the fingerprint announced in the room, and the table's now. */
  fingerprints?: { announced: string; actual: string };
}

/** Column letters as the spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function cellAddress(columnIndex: number, row: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}
