/**
 * Why a candidature row cannot take part (ALGORITHM.md §2): a code, the cause, and the facts that
 * cause needs — never a sentence. The record's data sheet keeps these facts (dataSheet.ts), `verify`
 * compares them, and core/messages.ts makes the one French sentence a person reads.
 */
import type { CellArea } from './sheet';

/** Why a row is ineligible, in the order the checks are made. */
export const INELIGIBILITY_CODES = [
  'missing_name',
  'unknown_sector',
  'invalid_sex',
  'invalid_birth_date',
  'under_age',
  'duplicate',
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];

/**
 * Why a cell reads as empty when it does not look empty in the spreadsheet: a formula saved
 * without its result, or a cell covered by a merged area whose value belongs to the area's first
 * row (blankCells.ts). When known, it is the problem to fix, and it replaces the usual advice.
 */
export type BlankCause = { kind: 'formula'; formula: string } | { kind: 'merged'; area: CellArea };

/** Where a problem is: the candidature's row, the cell at fault and what it holds. */
export interface ProblemPlace {
  row: number;
  /** The cell at fault, as the spreadsheet names it ("F7"), or null when no single cell is. */
  cell: string | null;
  /** The value found, as text ("" when empty). */
  value: string;
}

/** A cell that reads as empty, or holds what cannot be read, may have a known blank cause. */
interface MaybeBlank {
  blank?: BlankCause;
}

/** The cause of a problem and its facts, by code. */
export type RowProblemCause =
  | ({ code: 'missing_name' } & MaybeBlank)
  /** `sectors`: the rules' sectors, which the person may choose from. */
  | ({ code: 'unknown_sector'; sectors: readonly string[] } & MaybeBlank)
  | ({ code: 'invalid_sex' } & MaybeBlank)
  /** An age column (a table without birth dates): not a whole number of years, or above the maximum (§2). */
  | ({ code: 'invalid_birth_date'; column: 'age'; cause: 'not_a_whole_number' } & MaybeBlank)
  | { code: 'invalid_birth_date'; column: 'age'; cause: 'too_old'; maximumAge: number }
  /** A birth-date column: empty or not a date that exists; a date giving more than the maximum age; a date after the draw. */
  | ({ code: 'invalid_birth_date'; column: 'birthDate'; cause: 'not_a_date' } & MaybeBlank)
  | { code: 'invalid_birth_date'; column: 'birthDate'; cause: 'too_old'; age: number; maximumAge: number; referenceDate: string }
  | { code: 'invalid_birth_date'; column: 'birthDate'; cause: 'after_reference_date'; referenceDate: string }
  | { code: 'under_age'; age: number; minimumAge: number; referenceDate: string }
  /**
   * The same person as an earlier eligible row: same last name, first name and birth date (`same`:
   * 'birthDate') or age ('age', a table without dates). `cells` are the cells compared in this row,
   * `firstCells` those of row `firstRow`.
   */
  | { code: 'duplicate'; firstRow: number; same: 'birthDate' | 'age'; cells: readonly string[]; firstCells: readonly string[] };

export type RowProblem = ProblemPlace & RowProblemCause;
