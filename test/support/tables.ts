/** Small builders for candidature tables in tests. */
import { CSV_SHEET_NAME, plainSheet, type CellValue, type Sheet } from '../../src/core';

export const HEADER = ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'];

/** A sheet whose first row is `header`, then `rows`, as a CSV reads. */
export function tableOf(rows: CellValue[][], header: CellValue[] = HEADER, source = 'test.csv'): Sheet {
  return plainSheet(CSV_SHEET_NAME, source, [header, ...rows]);
}

export interface PersonSpec {
  sector: string;
  sex: 'F' | 'H';
  birthDate: string;
}

/** Rows with made-up names, numbered ids, from (sector, sex, birth date) triples. */
export function rowsOf(people: readonly PersonSpec[]): CellValue[][] {
  return people.map((p, i) => [String(i + 1), `Nom${i + 1}`, `Prénom${i + 1}`, p.sex, p.birthDate, p.sector]);
}

/** `count` people of one sector and sex, born on distinct days of `year`. */
export function group(sector: string, sex: 'F' | 'H', count: number, year = 1980): PersonSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    sector,
    sex,
    birthDate: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
  }));
}

/** The 13 June 2025 candidatures: Centre 2 F; Est 2 F, 3 H; Ouest 1 H; Nord 2 F, 4 H; Sud 2 H. */
export const JUNE_2025: PersonSpec[] = [
  ...group('Centre', 'F', 2),
  ...group('Est', 'F', 2),
  ...group('Est', 'H', 3),
  ...group('Ouest', 'H', 1),
  ...group('Nord', 'F', 2),
  ...group('Nord', 'H', 4),
  ...group('Sud', 'H', 2),
];
