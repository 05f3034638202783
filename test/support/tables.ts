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

/** The columns of an online form export (Microsoft Forms), as the golden vector « formulaire-en-ligne » has them. */
export const ONLINE_FORM_HEADER = [
  'ID',
  'Heure de début',
  'Heure de fin',
  'Adresse de messagerie',
  'Nom de famille',
  'Prénom',
  'Date de naissance (JJ/MM/AAAA)',
  'Vous êtes :',
  'Dans quel secteur habitez-vous ?',
  'Pourquoi souhaitez-vous rejoindre le CLN ?',
];
const FORM_LAST = ['Vandenberghe', 'Lefebvre-Dumont', 'Benmansour', 'Delcourt', 'Nguyen', 'Vasseur', 'Masquelier', 'Vanderbeken', 'Boukhalfa', 'Carpentier'];
const FORM_FIRST = { F: ['Marie-Christine', 'Anne-Sophie', 'Thi Mai', 'Maëlle'], H: ['Jean-Baptiste', 'Pierre-Antoine', 'Raphaël', 'Jérôme'] };

/**
 * An online form export: for each sector, `women` and `men` eligible candidatures (long compound
 * names, the widest a list prints), then five rows set aside (no name, too young, a sector outside
 * the city, an unknown sex, a duplicate), shuffled by a fixed rule. 41 rows with the header for
 * 7 candidatures a sector: 20 members and 15 on the reserve list.
 */
export function onlineFormExport(bySector: Record<string, readonly [women: number, men: number]>): Sheet {
  const rows: CellValue[][] = [];
  for (const [sector, [women, men]] of Object.entries(bySector)) {
    for (const [sex, count] of [['F', women], ['H', men]] as const) {
      for (let k = 0; k < count; k++) {
        const n = rows.length + 1;
        const birth = `${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + (n % 12)).padStart(2, '0')}/${1950 + n}`;
        rows.push([n, '09/05/2025 10:02', '09/05/2025 10:09', 'anonymous', FORM_LAST[n % FORM_LAST.length], FORM_FIRST[sex][n % 4], birth, sex === 'F' ? 'Une femme' : 'Un homme', sector, '']);
      }
    }
  }
  const setAside: CellValue[][] = [
    ['', 'Hélène', '03/04/1990', 'Une femme', 'Centre'],
    ['Petit', 'Léa', '01/02/2012', 'Une femme', 'Nord'],
    ['Roubaix', 'Tom', '05/05/1985', 'Un homme', 'Croix'],
    ['Caron', 'Zoé', '05/05/1985', 'Autre', 'Sud'],
    rows[3].slice(4, 9),
  ];
  for (const [last, first, birth, sex, sector] of setAside) rows.push([rows.length + 1, 'x', 'x', 'anonymous', last, first, birth, sex, sector, '']);
  // Interleaved as a form receives them: every seventh row in turn.
  const order = rows.map((_, i) => i).sort((a, b) => ((a * 7) % rows.length) - ((b * 7) % rows.length) || a - b);
  return tableOf(order.map((i) => rows[i]), ONLINE_FORM_HEADER, 'formulaire.csv');
}
