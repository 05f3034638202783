/**
 * Inputs of the golden vectors. Each vector file holds its own input table too (and, for
 * tirage-cln/2, its sealing key), so another implementation can be checked against these files alone.
 */
import type { CellValue } from '../../src/core';
import { HEADER, JUNE_2025, rowsOf } from '../support/tables';

export interface GoldenCase {
  name: string;
  description: string;
  referenceDate: string;
  publicSeed: string;
  excludeInvalid: boolean;
  /** The sheet, header first, row 1 at index 0. */
  sheet: CellValue[][];
  /** tirage-cln/2 (ALGORITHM.md §10): the sealing key, 64 hex digits; none for tirage-cln/1. */
  sealingKey?: string;
}

const SECTORS = ['Centre', 'Est', 'Ouest', 'Nord', 'Sud'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent'];
const FIRST_F = ['Léa', 'Chloé', 'Inès', 'Zoé', 'Maëlle', 'Anaïs', 'Hélène', 'Françoise'];
const FIRST_H = ['Noé', 'Lucas', 'Raphaël', 'Jérôme', 'François', 'Hugo', 'Éric', 'Loïc'];

/** 60 candidatures, uneven by sector and sex, with young and senior candidates in most groups. */
function sixty(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < 60; i++) {
    const sector = SECTORS[(i * 7) % 5 === 0 ? 0 : (i * 3 + (i >> 2)) % 5];
    const sex = (i * 5 + (i >> 3)) % 3 === 0 ? 'F' : 'H';
    const age = [19, 34, 47, 58, 67, 23, 71, 41, 29, 80, 52, 16][i % 12];
    const birth = `${2026 - age - 1}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const first = sex === 'F' ? FIRST_F[i % FIRST_F.length] : FIRST_H[i % FIRST_H.length];
    rows.push([100 + i, LAST[i % LAST.length], first, sex === 'F' ? 'Femme' : 'Homme', birth, sector]);
  }
  return [HEADER, ...rows];
}

export const GOLDEN_CASES: GoldenCase[] = [
  {
    name: 'juin-2025',
    description: 'The 16 candidatures of 13 June 2025 (§9), made-up names and dates.',
    referenceDate: '2025-06-13',
    publicSeed: '4 2 6 1 5 3',
    excludeInvalid: false,
    sheet: [HEADER, ...rowsOf(JUNE_2025)],
  },
  {
    name: 'soixante',
    description: '60 candidatures, several optimal allocations, age priority in play.',
    referenceDate: '2026-03-21',
    publicSeed: 'Dés : 6 3 3 1 5 2 — séance du conseil',
    excludeInvalid: false,
    sheet: sixty(),
  },
  {
    name: 'ages-et-exclusions',
    description: 'Ages instead of birth dates, ids, and ineligible rows recorded with their codes.',
    referenceDate: '2025-09-01',
    publicSeed: '17 04 92',
    excludeInvalid: true,
    sheet: [
      ['Quartier', 'NOM', 'Prénom', 'Civilité', 'Âge', 'N° de candidature', 'Remarque'],
      ['Nord', 'Nguyen', 'Thi Mai', 'Mme', 17, 'C-001', ''],
      ['nord', 'Benali', 'Karim', 'M.', 68, 'C-002', 'rappel'],
      ['NORD', 'Vasseur', 'Jules', 'Monsieur', 44, 'C-003', null],
      ['Nord', 'De Smet', 'Paul', 'h', 25, 'C-004', null],
      ['Nord', 'Lemaire', 'Anne', 'F', 15, 'C-005', 'trop jeune'],
      ['Hem', 'Durand', 'Marc', 'H', 40, 'C-006', 'hors Roubaix'],
      ['Sud', 'Benali', 'Karim', 'M.', 68, 'C-007', 'même nom, autre secteur, même âge'],
      ['Sud', 'Fontaine', 'Léon', 'H', 33, 'C-008', null],
      [null, null, null, null, null, null, null],
      ['Centre', '=HYPERLINK("http://x","clic")', '+33 6 12', 'F', 50, 'C-009', null],
      ['Centre', 'Petit', 'Ève', 'Mlle', 'vingt', 'C-010', null],
      ['Est', 'Roussel', 'Iris', 'F', 30, 'C-011', null],
      ['Est', 'Roussel', 'Hugo', 'X', 30, 'C-012', null],
      ['Ouest', 'Caron', 'Nina', 'Femme', 66, 'C-013', null],
      ['Ouest', '', 'Tom', 'H', 20, 'C-014', null],
    ],
  },
  {
    name: 'formulaire-en-ligne',
    description:
      'An online form export (changes before first public use): question headers, « Une femme » / « Un homme », ' +
      'ages above 120 excluded as invalid_birth_date, 120 itself eligible.',
    referenceDate: '2025-06-13',
    publicSeed: 'formulaire 2025',
    excludeInvalid: true,
    sheet: [
      [
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
      ],
      [1, '09/05/2025 10:02', '09/05/2025 10:09', 'anonymous', 'Dupont', 'Marie', '03/04/1990', 'Une femme', 'Centre', 'Pour aider'],
      [2, '09/05/2025 10:15', '09/05/2025 10:21', 'anonymous', 'Benali', 'Karim', '01/12/1998', 'Un homme', 'Nord', 'Apprendre'],
      [3, '09/05/2025 11:00', '09/05/2025 11:04', 'anonymous', 'Petit', 'Léa', '01/02/0090', 'Une femme', 'Nord', 'Partager'],
      [4, '10/05/2025 08:30', '10/05/2025 08:41', 'anonymous', 'Vasseur', 'Jeanne', '14/06/1904', 'Une femme', 'Nord', 'Transmettre'],
      [5, '10/05/2025 09:12', '10/05/2025 09:20', 'anonymous', 'Roussel', 'Hugo', '13/06/1904', 'Un homme', 'Nord', ''],
      [6, '10/05/2025 14:45', '10/05/2025 14:50', 'anonymous', 'Nguyen', 'Thi Mai', '22/08/2007', 'Une femme', 'Nord', 'Le numérique'],
      [7, '11/05/2025 19:03', '11/05/2025 19:09', 'anonymous', 'Lemaire', 'Anne', '30/11/1975', 'Une femme', 'Nord', ''],
      [8, '11/05/2025 20:30', '11/05/2025 20:33', 'anonymous', 'Caron', 'Tom', '05/05/1985', 'Un homme', 'Sud', ''],
      [9, '12/05/2025 07:55', '12/05/2025 08:02', 'anonymous', 'Fontaine', 'Léon', '17/07/1950', 'Un homme', 'Est', 'Retraité'],
      [10, '12/05/2025 12:10', '12/05/2025 12:18', 'anonymous', 'Durand', 'Chloé', '02/02/1980', 'Une femme', 'Nord', ''],
      [11, '12/05/2025 18:40', '12/05/2025 18:47', 'anonymous', 'Leroy', 'Inès', '09/09/1969', 'Une femme', 'Nord', 'Pour mon quartier'],
    ],
  },
];
/**
 * The sealing key of the tirage-cln/2 vectors: 32 bytes drawn once from a secure generator and
 * frozen here (a real key is drawn afresh for each table and never published).
 */
export const GOLDEN_SEALING_KEY = '3684b260947bb190edf9244f6326a3d22fc3468511c540a5cdfcb0692b0b20a5';

/** tirage-cln/2 (§10): the same tables sealed with the golden key; the /1 vectors above stay as they are. */
export const SEALED_GOLDEN_CASES: GoldenCase[] = GOLDEN_CASES.map((c) => ({
  ...c,
  name: `scelle-${c.name}`,
  description: `${c.description} Sealed draw, tirage-cln/2 (§10), with the golden sealing key.`,
  sealingKey: GOLDEN_SEALING_KEY,
}));
