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
import { BlankCells } from './blankCells';
import { cellAddress, describeBlankCause, type RowProblem } from './errors';
import { refuseUnkeepableCells } from './keepableText';
import { MAXIMUM_AGE, type Rules, type Sex } from './rules';
import { areaAddress, EMPTY_ROW, cellOfKey, type CellArea, type CellValue, type Sheet } from './sheet';
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

export function formatFrenchDate(date: CalendarDate): string {
  return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
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

type ProblemAt = (code: RowProblem['code'], field: Field | null, raw: CellValue, detail?: string) => void;

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
      const same = candidature.birthDate === null ? 'même âge' : 'même date de naissance';
      // The cells compared, in this row and in the first one, so both can be found at once.
      const compared: Field[] = ['lastName', 'firstName', candidature.birthDate === null ? 'age' : 'birthDate'];
      const cellsOf = (row: number) => compared.map((field) => cellAddress(this.map.columns[field] as number, row)).join(', ');
      this.problemAt(candidature)(
        'duplicate',
        null,
        null,
        `Mêmes nom, prénom et ${same} (cellules ${cellsOf(candidature.row)}) que la ligne ${first} (cellules ${cellsOf(first)}) : ` +
          `une seule candidature par personne, seule la ligne ${first} participe au tirage. Supprimez la ligne en double.`,
      );
    }
    return candidature;
  }

  private problemAt(c: Candidature): ProblemAt {
    return (code, field, raw, detail) => {
      const column = field === null ? undefined : this.map.columns[field];
      if (field !== null && cellText(raw) === '') detail = this.blankDetail(c.row, field) ?? detail;
      if (c.problems === NO_PROBLEMS) c.problems = [];
      c.problems.push({
        code,
        row: c.row,
        cell: column === undefined ? null : cellAddress(column, c.row),
        value: cellText(raw),
        ...(detail ? { detail } : {}),
        ...(code === 'invalid_birth_date' && field === 'age' ? { onAge: true as const } : {}),
      });
    };
  }

  /** Why the field's cell reads as empty, when the sheet knows (a formula without result, a merged area). */
  private blankDetail(row: number, field: Field): string | undefined {
    const column = this.map.columns[field];
    const cause = column === undefined ? undefined : this.blanks.causeOf(row, column);
    if (cause === undefined) return undefined;
    return describeBlankCause(cause.kind === 'formula' ? cause : { kind: 'merged', area: areaAddress(cause.area), valueRow: cause.area.top });
  }

  private describeProblems(
    c: Candidature,
    cells: readonly CellValue[],
    read: { sectorValue: CellValue; sexValue: CellValue; birthValue: CellValue; birthDate: CalendarDate | null; tooOld: number | null },
  ): void {
    const problem = this.problemAt(c);
    if (c.lastName === '' || c.firstName === '') problem('missing_name', c.lastName === '' ? 'lastName' : 'firstName', null);
    if (c.sector === null) problem('unknown_sector', 'sector', read.sectorValue, `Secteurs possibles : ${this.rules.sectors.join(', ')}.`);
    if (c.sex === null) problem('invalid_sex', 'sex', read.sexValue);
    let ageField: Field = 'birthDate';
    if (this.birthDate < 0) {
      ageField = 'age';
      if (read.tooOld !== null) {
        problem('invalid_birth_date', 'age', cellAt(cells, this.age), `Un âge de plus de ${MAXIMUM_AGE} ans est une erreur de saisie : corrigez-le.`);
      } else if (c.age === null) {
        problem('invalid_birth_date', 'age', cellAt(cells, this.age), 'Âge attendu : un nombre entier d’années.');
      }
    } else if (read.birthDate === null) {
      const detail = cellText(read.birthValue) === '' ? '' : 'Format attendu : JJ/MM/AAAA (par exemple 05/03/1990), pour une date qui existe.';
      problem('invalid_birth_date', 'birthDate', read.birthValue, detail);
    } else if (read.tooOld !== null) {
      problem(
        'invalid_birth_date',
        'birthDate',
        read.birthValue,
        `Cette date donne ${read.tooOld} ans au ${formatFrenchDate(this.reference)} : plus de ${MAXIMUM_AGE} ans, c’est une erreur de saisie (l’année ?).`,
      );
    } else if (c.age === null) {
      problem('invalid_birth_date', 'birthDate', read.birthValue, `Cette date est postérieure à la date du tirage (${formatFrenchDate(this.reference)}).`);
    }
    if (c.age !== null && c.age < this.rules.minimumAge) {
      problem(
        'under_age',
        ageField,
        ageField === 'age' ? cellAt(cells, this.age) : read.birthValue,
        `${c.age} an${c.age > 1 ? 's' : ''} au ${formatFrenchDate(this.reference)}, date du tirage ; ` +
          `l’âge minimum est ${this.rules.minimumAge} ans.`,
      );
    }
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
