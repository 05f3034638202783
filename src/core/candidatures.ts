/**
 * From the sheet's rows to candidatures: values normalised, eligibility checked in the order of
 * ALGORITHM.md §2. Every non-blank row after the header becomes exactly one candidature, eligible
 * or not: nothing is dropped.
 */
import { findColumns, type ColumnMap, type ColumnMapping, type Field } from './columns';
import {
  ageAt,
  compareDates,
  fromDateValue,
  fromExcelSerial,
  parseDateText,
  toIso,
  type CalendarDate,
} from './dates';

export { formatFrenchDate } from './dates';
import { BlankCells } from './blankCells';
import { refuseUnkeepableCells } from './keepableText';
import type { BlankCause, RowProblem, RowProblemCause } from './rowProblems';
import { MAXIMUM_AGE, type Rules, type Sex } from './rules';
import { cellAddress, EMPTY_ROW, cellOfKey, type CellArea, type CellValue, type Sheet } from './sheet';
import { fold, foldNormal, norm } from './text';

export interface Candidature {
  row: number;
  /** The candidature number, as text ("" when the table has none). */
  id: string;
  lastName: string;
  firstName: string;
  sex: Sex | null;
  sector: string | null;
  /** ISO date, or null when the table gives ages only or the date is unusable. */
  birthDate: string | null;
  age: number | null;
  /** Why the row cannot take part, first failure first; empty when it is eligible. */
  problems: RowProblem[];
}

export interface EligibleCandidate extends Candidature {
  sex: Sex;
  sector: string;
  age: number;
}

export function isEligible(c: Candidature): c is EligibleCandidate {
  return c.problems.length === 0;
}

const SEX_WORDS: ReadonlyMap<string, Sex> = new Map<string, Sex>([
  ...['f', 'femme', 'feminin', 'mme', 'madame', 'mlle', 'mademoiselle'].map((w) => [w, 'F'] as [string, Sex]),
  ...['h', 'homme', 'masculin', 'm', 'm.', 'mr', 'monsieur'].map((w) => [w, 'H'] as [string, Sex]),
]);

/** Online forms answer « Une femme », « Un homme » (ALGORITHM.md §2, changed before first use). */
const LEADING_ARTICLE = /^une? /;

export function parseSex(value: string): Sex | null {
  const word = fold(value);
  return SEX_WORDS.get(word) ?? (word.startsWith('un') ? SEX_WORDS.get(word.replace(LEADING_ARTICLE, '')) : undefined) ?? null;
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return norm(value);
  if (typeof value === 'number') return norm(String(value));
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  const date = fromDateValue(value);
  return date ? toIso(date) : '';
}

export function parseBirthDate(value: CellValue): CalendarDate | null {
  if (typeof value === 'number') return fromExcelSerial(value);
  if (value instanceof Date) return fromDateValue(value);
  if (typeof value === 'string') return parseDateText(norm(value));
  return null;
}

function parseAgeCell(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,3}$/.test(norm(value))) return Number(norm(value));
  return null;
}

/** A blank cell, said without normalising (most cells are not blank: their first character says so). */
function isBlankCell(cell: CellValue): boolean {
  if (cell === null) return true;
  // trim() removes exactly what \s matches, so this is `cellText(cell) === ''` without normalising.
  if (typeof cell === 'string') return cell.length === 0 || (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(0) >= 0xa0 ? cell.trim() === '' : false);
  return cellText(cell) === '';
}

/** Whether the cells of a row within the table's columns are all blank. */
function isBlank(cells: readonly CellValue[], left: number, right: number): boolean {
  const last = Math.min(right, cells.length - 1);
  for (let column = left; column <= last; column++) if (!isBlankCell(cells[column])) return false;
  return true;
}

/**
 * Eligible rows, for the duplicate check of §2, by folded last name. Most last names occur once
 * in a table: such a row is kept as it is, and its first name is folded and a key built only when
 * a second row comes with the same last name (then the rows of that name are found by
 * first name and birth date, or age, in a map of their own, so a table where everyone is called
 * Martin stays linear).
 */
class SeenCandidates {
  private readonly byLastName = new Map<string, Candidature | Map<string, number>>();

  /** The row of the earlier eligible candidature `c` duplicates, or null after remembering `c`. */
  firstOf(c: Candidature): number | null {
    const lastName = foldNormal(c.lastName);
    const seen = this.byLastName.get(lastName);
    if (seen === undefined) {
      this.byLastName.set(lastName, c);
      return null;
    }
    let sameName: Map<string, number>;
    if (seen instanceof Map) {
      sameName = seen;
    } else {
      sameName = new Map([[personKey(seen), seen.row]]);
      this.byLastName.set(lastName, sameName);
    }
    const key = personKey(c);
    const first = sameName.get(key);
    if (first !== undefined) return first;
    sameName.set(key, c.row);
    return null;
  }
}

/** First name and birth date (or age, in a table without dates), as the duplicate check compares them. */
function personKey(c: Candidature): string {
  return `${foldNormal(c.firstName)}\u0000${c.birthDate ?? `age:${c.age}`}`;
}

/**
 * The problems of every eligible row: one frozen empty list shared by all, so a table of 100,000
 * rows does not hold (and the garbage collector copy) 100,000 empty arrays. A row that gets a
 * problem gets its own list first (see `problemAt`).
 */
const NO_PROBLEMS: RowProblem[] = Object.freeze([]) as unknown as RowProblem[];

/**
 * Adds a problem to a row: its cause and facts, the field at fault (whose cell is named) and the
 * value read there. A cell that reads as empty for a reason the sheet knows (blankCells.ts) gets
 * that cause too, where the code can have one.
 */
type ProblemAt = (cause: RowProblemCause, field: Field | null, raw: CellValue) => void;

class RowReader {
  private readonly sectorsByFold: ReadonlyMap<string, string>;
  /** Sector names typed exactly as the rules spell them, the usual case: found without folding. */
  private readonly sectorsAsSpelt: ReadonlyMap<string, string>;
  /** Column of each field, −1 when the table has none: read once, not per row. */
  private readonly id: number;
  private readonly lastName: number;
  private readonly firstName: number;
  private readonly sex: number;
  private readonly birthDate: number;
  private readonly age: number;
  private readonly sector: number;

  constructor(
    private readonly map: ColumnMap,
    private readonly rules: Rules,
    private readonly reference: CalendarDate,
    private readonly blanks: BlankCells,
  ) {
    const byFold = new Map(rules.sectors.map((name) => [fold(name), name]));
    this.sectorsByFold = byFold;
    this.sectorsAsSpelt = new Map(rules.sectors.filter((name) => byFold.get(fold(name)) === name).map((name) => [name, name]));
    const column = (field: Field) => map.columns[field] ?? -1;
    this.id = column('id');
    this.lastName = column('lastName');
    this.firstName = column('firstName');
    this.sex = column('sex');
    this.birthDate = column('birthDate');
    this.age = column('age');
    this.sector = column('sector');
  }

  read(rowNumber: number, cells: readonly CellValue[], seen: SeenCandidates): Candidature {
    const lastName = cellText(cellAt(cells, this.lastName));
    const firstName = cellText(cellAt(cells, this.firstName));
    const sectorValue = cellAt(cells, this.sector);
    const sectorText = cellText(sectorValue);
    const sector = this.sectorsAsSpelt.get(sectorText) ?? this.sectorsByFold.get(foldNormal(sectorText)) ?? null;
    const sexValue = cellAt(cells, this.sex);
    const sex = parseSex(cellText(sexValue));
    const birthValue = this.birthDate >= 0 ? cellAt(cells, this.birthDate) : null;
    // Ages are read from an age column only when there is no birth-date column.
    const birthDate = this.birthDate >= 0 ? parseBirthDate(birthValue) : null;
    const onTime = birthDate !== null && compareDates(birthDate, this.reference) <= 0;
    const readAge = this.birthDate >= 0 ? (onTime ? ageAt(birthDate, this.reference) : null) : parseAgeCell(cellAt(cells, this.age));
    // An age above the maximum is a typing mistake (ALGORITHM.md §2): the row has no usable age.
    const tooOld = readAge !== null && readAge > MAXIMUM_AGE ? readAge : null;
    const age = tooOld === null ? readAge : null;

    const candidature: Candidature = {
      row: rowNumber,
      id: cellText(cellAt(cells, this.id)),
      lastName,
      firstName,
      sex,
      sector,
      birthDate: onTime && tooOld === null ? toIso(birthDate) : null,
      age,
      problems: NO_PROBLEMS,
    };
    // Problems are worded only for the rows that have one, in the order of ALGORITHM.md §2.
    const eligible = lastName !== '' && firstName !== '' && sector !== null && sex !== null && age !== null && age >= this.rules.minimumAge;
    if (!eligible) {
      this.describeProblems(candidature, cells, { sectorValue, sexValue, birthValue, birthDate, tooOld });
      return candidature;
    }
    const first = seen.firstOf(candidature);
    if (first !== null) {
      // The cells compared, in this row and in the first one, so both can be found at once.
      const same = candidature.birthDate === null ? 'age' : 'birthDate';
      const compared: Field[] = ['lastName', 'firstName', same];
      const cellsOf = (row: number) => compared.map((field) => cellAddress(this.map.columns[field] as number, row));
      this.problemAt(candidature)({ code: 'duplicate', firstRow: first, same, cells: cellsOf(candidature.row), firstCells: cellsOf(first) }, null, null);
    }
    return candidature;
  }

  private problemAt(c: Candidature): ProblemAt {
    return (cause, field, raw) => {
      const column = field === null ? undefined : this.map.columns[field];
      const value = cellText(raw);
      const blank = field !== null && value === '' && canBeBlank(cause) ? this.blankCause(c.row, field) : undefined;
      if (c.problems === NO_PROBLEMS) c.problems = [];
      c.problems.push({ row: c.row, cell: column === undefined ? null : cellAddress(column, c.row), value, ...cause, ...(blank ? { blank } : {}) } as RowProblem);
    };
  }

  /** Why the field's cell reads as empty, when the sheet knows (a formula without result, a merged area). */
  private blankCause(row: number, field: Field): BlankCause | undefined {
    const column = this.map.columns[field];
    return column === undefined ? undefined : this.blanks.causeOf(row, column);
  }

  private describeProblems(
    c: Candidature,
    cells: readonly CellValue[],
    read: { sectorValue: CellValue; sexValue: CellValue; birthValue: CellValue; birthDate: CalendarDate | null; tooOld: number | null },
  ): void {
    const problem = this.problemAt(c);
    const referenceDate = toIso(this.reference);
    if (c.lastName === '' || c.firstName === '') problem({ code: 'missing_name' }, c.lastName === '' ? 'lastName' : 'firstName', null);
    if (c.sector === null) problem({ code: 'unknown_sector', sectors: this.rules.sectors }, 'sector', read.sectorValue);
    if (c.sex === null) problem({ code: 'invalid_sex' }, 'sex', read.sexValue);
    let ageField: Field = 'birthDate';
    if (this.birthDate < 0) {
      ageField = 'age';
      if (read.tooOld !== null) {
        problem({ code: 'invalid_birth_date', column: 'age', cause: 'too_old', maximumAge: MAXIMUM_AGE }, 'age', cellAt(cells, this.age));
      } else if (c.age === null) {
        problem({ code: 'invalid_birth_date', column: 'age', cause: 'not_a_whole_number' }, 'age', cellAt(cells, this.age));
      }
    } else if (read.birthDate === null) {
      problem({ code: 'invalid_birth_date', column: 'birthDate', cause: 'not_a_date' }, 'birthDate', read.birthValue);
    } else if (read.tooOld !== null) {
      problem({ code: 'invalid_birth_date', column: 'birthDate', cause: 'too_old', age: read.tooOld, maximumAge: MAXIMUM_AGE, referenceDate }, 'birthDate', read.birthValue);
    } else if (c.age === null) {
      problem({ code: 'invalid_birth_date', column: 'birthDate', cause: 'after_reference_date', referenceDate }, 'birthDate', read.birthValue);
    }
    if (c.age !== null && c.age < this.rules.minimumAge) {
      problem(
        { code: 'under_age', age: c.age, minimumAge: this.rules.minimumAge, referenceDate },
        ageField,
        ageField === 'age' ? cellAt(cells, this.age) : read.birthValue,
      );
    }
  }
}

/** The causes a blank cell explains: those of a cell that may read as empty (not an age or a date found too high, nor a duplicate). */
function canBeBlank(cause: RowProblemCause): boolean {
  switch (cause.code) {
    case 'missing_name':
    case 'unknown_sector':
    case 'invalid_sex':
      return true;
    case 'invalid_birth_date':
      return cause.cause === 'not_a_whole_number' || cause.cause === 'not_a_date';
    default:
      return false;
  }
}

function cellAt(cells: readonly CellValue[], column: number): CellValue {
  return column < 0 ? null : (cells[column] ?? null);
}

export interface CandidatureTable {
  columns: ColumnMap;
  candidatures: Candidature[];
}

/**
 * The one place where cells become candidatures, for every front end and for `verify`: every
 * non-blank row of `bounds` below the header, in the sheet's row order. `bounds` is the table's
 * area — an Excel table's range, or WHOLE_SHEET.
 */
export function readCandidatures(sheet: Sheet, bounds: CellArea, rules: Rules, reference: CalendarDate, mapping: ColumnMapping = {}): CandidatureTable {
  refuseUnkeepableCells(sheet, bounds);
  const columns = findColumns(sheet, bounds, mapping);
  const reader = new RowReader(columns, rules, reference, new BlankCells(sheet));
  const seen = new SeenCandidates();
  const candidatures: Candidature[] = [];
  // A formula saved without its result reads as empty but is not nothing: its row is read, and reported.
  const formulaRows = rowsWithFormulas(sheet, bounds);
  let last = Math.min(bounds.bottom, sheet.rows.length);
  for (const row of formulaRows) last = Math.max(last, row);
  for (let row = columns.headerRow + 1; row <= last; row++) {
    const cells = sheet.rows[row - 1] ?? EMPTY_ROW;
    if (isBlank(cells, bounds.left, bounds.right) && !formulaRows.has(row)) continue;
    candidatures.push(reader.read(row, cells, seen));
  }
  return { columns, candidatures };
}

/** The rows of `bounds` holding a formula saved without its result. */
function rowsWithFormulas(sheet: Sheet, bounds: CellArea): Set<number> {
  const rows = new Set<number>();
  for (const key of sheet.formulasWithoutValue.keys()) {
    const { row, column } = cellOfKey(key);
    if (row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right) rows.add(row);
  }
  return rows;
}
