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
import { areaReference, BlankCells } from './blankCells';
import { cellAddress, describeBlankCause, type RowProblem } from './errors';
import { refuseUnkeepableCells } from './keepableText';
import { MAXIMUM_AGE, type Rules, type Sex } from './rules';
import type { CellValue, RawTable, SourceRow } from './table';
import { fold, norm } from './text';

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

function isBlank(row: SourceRow): boolean {
  // A formula saved without its result reads as empty but is not nothing: the row is reported.
  if (row.formulasWithoutValue !== undefined && row.formulasWithoutValue.size > 0) return false;
  // trim() removes exactly what \s matches, so this is `cellText(cell) === ''` without normalising.
  return row.cells.every((cell) => cell === null || (typeof cell === 'string' ? cell.trim() === '' : cellText(cell) === ''));
}

class RowReader {
  private readonly sectorsByFold: ReadonlyMap<string, string>;

  constructor(
    private readonly map: ColumnMap,
    private readonly rules: Rules,
    private readonly reference: CalendarDate,
    private readonly blanks: BlankCells,
  ) {
    this.sectorsByFold = new Map(rules.sectors.map((name) => [fold(name), name]));
  }

  read(row: SourceRow, seen: Map<string, number>): Candidature {
    const value = (field: Field): CellValue => {
      const column = this.map.columns[field];
      return column === undefined ? null : (row.cells[column] ?? null);
    };
    const cell = (field: Field): string | null => {
      const column = this.map.columns[field];
      return column === undefined ? null : cellAddress(column, row.rowNumber);
    };
    const problems: RowProblem[] = [];
    const problem = (code: RowProblem['code'], field: Field | null, raw: CellValue, detail?: string) => {
      if (field !== null && cellText(raw) === '') detail = this.blankDetail(row, field) ?? detail;
      problems.push({
        code,
        row: row.rowNumber,
        cell: field ? cell(field) : null,
        value: cellText(raw),
        ...(detail ? { detail } : {}),
        ...(code === 'invalid_birth_date' && field === 'age' ? { onAge: true as const } : {}),
      });
    };

    const lastName = cellText(value('lastName'));
    const firstName = cellText(value('firstName'));
    if (lastName === '' || firstName === '') {
      problem('missing_name', lastName === '' ? 'lastName' : 'firstName', null);
    }

    const sectorText = cellText(value('sector'));
    const sector = this.sectorsByFold.get(fold(sectorText)) ?? null;
    if (sector === null) {
      problem('unknown_sector', 'sector', value('sector'), `Secteurs possibles : ${this.rules.sectors.join(', ')}.`);
    }

    const sex = parseSex(cellText(value('sex')));
    if (sex === null) problem('invalid_sex', 'sex', value('sex'));

    const { birthDate, age, ageField } = this.readAge(value, problem);
    if (age !== null && age < this.rules.minimumAge) {
      problem(
        'under_age',
        ageField,
        value(ageField),
        `${age} an${age > 1 ? 's' : ''} au ${formatFrenchDate(this.reference)}, date du tirage ; ` +
          `l’âge minimum est ${this.rules.minimumAge} ans.`,
      );
    }

    const candidature: Candidature = {
      row: row.rowNumber,
      id: cellText(value('id')),
      lastName,
      firstName,
      sex,
      sector,
      birthDate: birthDate ? toIso(birthDate) : null,
      age,
      problems,
    };
    if (problems.length === 0) this.checkDuplicate(candidature, seen, problem);
    return candidature;
  }

  /** Why the field's cell reads as empty, when the sheet knows (a formula without result, a merged area). */
  private blankDetail(row: SourceRow, field: Field): string | undefined {
    const column = this.map.columns[field];
    const cause = column === undefined ? undefined : this.blanks.causeOf(row, column);
    if (cause === undefined) return undefined;
    return describeBlankCause(cause.kind === 'formula' ? cause : { kind: 'merged', area: areaReference(cause.area), valueRow: cause.area.top });
  }

  private readAge(
    value: (field: Field) => CellValue,
    problem: (code: RowProblem['code'], field: Field, raw: CellValue, detail?: string) => void,
  ): { birthDate: CalendarDate | null; age: number | null; ageField: Field } {
    if (this.map.columns.birthDate === undefined) {
      const age = parseAgeCell(value('age'));
      if (age === null) {
        problem('invalid_birth_date', 'age', value('age'), 'Âge attendu : un nombre entier d’années.');
      } else if (age > MAXIMUM_AGE) {
        problem('invalid_birth_date', 'age', value('age'), `Un âge de plus de ${MAXIMUM_AGE} ans est une erreur de saisie : corrigez-le.`);
        return { birthDate: null, age: null, ageField: 'age' };
      }
      return { birthDate: null, age, ageField: 'age' };
    }
    const raw = value('birthDate');
    const birthDate = parseBirthDate(raw);
    if (birthDate === null) {
      const detail = cellText(raw) === '' ? '' : 'Format attendu : JJ/MM/AAAA (par exemple 05/03/1990), pour une date qui existe.';
      problem('invalid_birth_date', 'birthDate', raw, detail);
      return { birthDate: null, age: null, ageField: 'birthDate' };
    }
    if (compareDates(birthDate, this.reference) > 0) {
      problem('invalid_birth_date', 'birthDate', raw, `Cette date est postérieure à la date du tirage (${formatFrenchDate(this.reference)}).`);
      return { birthDate: null, age: null, ageField: 'birthDate' };
    }
    const age = ageAt(birthDate, this.reference);
    if (age > MAXIMUM_AGE) {
      problem(
        'invalid_birth_date',
        'birthDate',
        raw,
        `Cette date donne ${age} ans au ${formatFrenchDate(this.reference)} : plus de ${MAXIMUM_AGE} ans, c’est une erreur de saisie (l’année ?).`,
      );
      return { birthDate: null, age: null, ageField: 'birthDate' };
    }
    return { birthDate, age, ageField: 'birthDate' };
  }

  private checkDuplicate(
    c: Candidature,
    seen: Map<string, number>,
    problem: (code: RowProblem['code'], field: Field | null, raw: CellValue, detail?: string) => void,
  ): void {
    const key = `${fold(c.lastName)}\u0000${fold(c.firstName)}\u0000${c.birthDate ?? `age:${c.age}`}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, c.row);
      return;
    }
    const same = c.birthDate === null ? 'même âge' : 'même date de naissance';
    // The cells compared, in this row and in the first one, so both can be found at once.
    const compared: Field[] = ['lastName', 'firstName', c.birthDate === null ? 'age' : 'birthDate'];
    const cells = (row: number) => compared.map((field) => cellAddress(this.map.columns[field] as number, row)).join(', ');
    problem(
      'duplicate',
      null,
      null,
      `Mêmes nom, prénom et ${same} (cellules ${cells(c.row)}) que la ligne ${first} (cellules ${cells(first)}) : ` +
        `une seule candidature par personne, seule la ligne ${first} participe au tirage. Supprimez la ligne en double.`,
    );
  }
}

export interface CandidatureTable {
  columns: ColumnMap;
  candidatures: Candidature[];
}

/** Reads every non-blank row below the header, in the sheet's row order. */
export function readCandidatures(table: RawTable, rules: Rules, reference: CalendarDate, mapping: ColumnMapping = {}): CandidatureTable {
  refuseUnkeepableCells(table);
  const columns = findColumns(table, mapping);
  const reader = new RowReader(columns, rules, reference, new BlankCells(table));
  const seen = new Map<string, number>();
  const candidatures: Candidature[] = [];
  for (const row of table.rows) {
    if (row.rowNumber <= columns.headerRow || isBlank(row)) continue;
    candidatures.push(reader.read(row, seen));
  }
  return { columns, candidatures };
}
