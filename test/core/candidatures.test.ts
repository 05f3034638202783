import { describeRowProblem, ROUBAIX_CLN_2025, WHOLE_SHEET } from '../../src/core';
import { readCandidatures } from '../../src/core/candidatures';
import { tableOf } from '../support/tables';

const REF = { year: 2025, month: 6, day: 13 };
const read = (rows: Parameters<typeof tableOf>[0], header?: Parameters<typeof tableOf>[1]) =>
  readCandidatures(tableOf(rows, header), WHOLE_SHEET, ROUBAIX_CLN_2025, REF).candidatures;

describe('normalising a row', () => {
  it('normalises names, sex words, sector spelling and ids', () => {
    const [c] = read([[12, '  de  la\u00a0Tour ', 'Hélène', 'Madame', '12/03/1990', ' NORD ']]);
    expect(c).toEqual({
      row: 2,
      id: '12',
      lastName: 'de la Tour',
      firstName: 'Hélène',
      sex: 'F',
      sector: 'Nord',
      birthDate: '1990-03-12',
      age: 35,
      problems: [],
    });
  });

  it.each([
    ['f', 'F'],
    ['Femme', 'F'],
    ['FÉMININ', 'F'],
    ['Mme', 'F'],
    ['Mlle', 'F'],
    ['Mademoiselle', 'F'],
    ['h', 'H'],
    ['Homme', 'H'],
    ['masculin', 'H'],
    ['M', 'H'],
    ['M.', 'H'],
    ['Mr', 'H'],
    ['Monsieur', 'H'],
    // Online forms (ALGORITHM.md, changes before first public use).
    ['Une femme', 'F'],
    ['un homme', 'H'],
    ['UNE  FEMME', 'F'],
    ['Un Monsieur', 'H'],
  ])('reads sex %s as %s', (word, sex) => {
    expect(read([['1', 'A', 'B', word, '1990-01-01', 'Est']])[0].sex).toBe(sex);
  });

  it('accepts birth dates as Excel serials and date cells', () => {
    const [serial, date] = read([
      ['1', 'A', 'B', 'F', 32874, 'Est'],
      ['2', 'C', 'D', 'F', new Date(Date.UTC(1960, 4, 8)), 'Est'],
    ]);
    expect(serial.birthDate).toBe('1990-01-01');
    expect(date.birthDate).toBe('1960-05-08');
    expect(date.age).toBe(65);
  });

  it('uses the age column when there is no birth date', () => {
    const [c, text] = read(
      [
        ['A', 'B', 'H', 'Sud', 70],
        ['C', 'D', 'H', 'Sud', ' 17 '],
      ],
      ['Nom', 'Prénom', 'Sexe', 'Secteur', 'Âge'],
    );
    expect(c).toMatchObject({ id: '', birthDate: null, age: 70, problems: [] });
    expect(text.age).toBe(17);
  });

  it('ignores the age column when the table also has birth dates (the date decides)', () => {
    const [c] = read([['1', 'A', 'B', 'F', '1990-01-01', 'Est', 12]], [...['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'], 'Âge']);
    expect(c).toMatchObject({ birthDate: '1990-01-01', age: 35, problems: [] });
  });

  it('skips blank rows but keeps the sheet row numbers', () => {
    const candidatures = read([['1', 'A', 'B', 'F', '1990-01-01', 'Est'], [null, '', '  '], [], ['2', 'C', 'D', 'H', '1990-01-01', 'Est']]);
    expect(candidatures.map((c) => c.row)).toEqual([2, 5]);
  });

  it('keeps a row that holds only a note, as missing its name', () => {
    const [c] = read([[null, null, null, null, null, null, 'rappeler']]);
    expect(c.problems[0].code).toBe('missing_name');
  });
});

describe('eligibility', () => {
  it('reports every problem of a row, in the order of the specification, first one deciding', () => {
    const [c] = read([['7', '', 'B', 'X', '31/02/1990', 'Hem']]);
    expect(c.problems.map((p) => p.code)).toEqual(['missing_name', 'unknown_sector', 'invalid_sex', 'invalid_birth_date']);
    expect(c.problems.map((p) => p.cell)).toEqual(['B2', 'F2', 'D2', 'E2']);
  });

  it('explains each problem in French with the row and cell', () => {
    const candidatures = read([
      ['1', 'A', 'B', 'F', '1990-01-01', 'Hem'],
      ['2', 'A', 'C', '?', '1990-01-01', 'Est'],
      ['3', 'A', 'D', 'F', '2026-01-01', 'Est'],
      ['4', 'A', 'E', 'F', '14/06/2009', 'Est'],
      ['5', 'A', 'F', 'F', '', 'Est'],
    ]);
    expect(candidatures.map((c) => describeRowProblem(c.problems[0]))).toEqual([
      'Ligne 2 : secteur inconnu « Hem » (cellule F2). Secteurs possibles : Centre, Est, Ouest, Nord, Sud.',
      'Ligne 3 : sexe non reconnu « ? » (cellule D3). Indiquez F (femme) ou H (homme).',
      'Ligne 4 : date de naissance invalide « 2026-01-01 » (cellule E4). Cette date est postérieure à la date du tirage (13/06/2025).',
      'Ligne 5 : candidature irrecevable (cellule E5) : 15 ans au 13/06/2025, date du tirage ; l’âge minimum est 16 ans.',
      'Ligne 6 : date de naissance non renseignée (cellule E6).',
    ]);
  });

  it('is 16 on the birthday itself', () => {
    expect(read([['1', 'A', 'B', 'F', '13/06/2009', 'Est']])[0].problems).toEqual([]);
  });

  it('marks a later row with the same folded names and birth date as a duplicate of the earlier eligible one', () => {
    const candidatures = read([
      ['1', 'Lefèvre', 'Zoé', 'F', '1990-01-01', 'Est'],
      ['2', 'LEFEVRE', ' zoe ', 'Femme', '01/01/1990', 'Nord'],
      ['3', 'Lefèvre', 'Zoé', 'F', '1990-01-02', 'Est'],
    ]);
    expect(candidatures.map((c) => c.problems[0]?.code ?? null)).toEqual([null, 'duplicate', null]);
    expect(describeRowProblem(candidatures[1].problems[0])).toContain('que la ligne 2');
  });

  it('finds each duplicate among many rows of the same last name, pointing to the right earlier row', () => {
    const date = (i: number) => `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${1950 + (i % 40)}`;
    const people = Array.from({ length: 1000 }, (_, i) => [String(i), 'Martin', `Prénom${i % 300}`, 'F', date(i), 'Est']);
    const again = [17, 500, 999].map((i) => [`bis${i}`, 'MARTIN', `prenom${i % 300}`, 'Femme', date(i), 'Sud']);
    const candidatures = read([...people, ...again]);
    const duplicates = candidatures.filter((c) => c.problems[0]?.code === 'duplicate');
    expect(duplicates.map((c) => c.row)).toEqual([1002, 1003, 1004]);
    expect(duplicates.map((c) => describeRowProblem(c.problems[0]).match(/que la ligne (\d+)/)?.[1])).toEqual(['19', '502', '1001']);
  });

  it('does not let an ineligible row hide a later eligible one', () => {
    const candidatures = read([
      ['1', 'Martin', 'Léa', 'F', '1990-01-01', 'Hem'],
      ['2', 'Martin', 'Léa', 'F', '1990-01-01', 'Est'],
    ]);
    expect(candidatures.map((c) => c.problems[0]?.code ?? null)).toEqual(['unknown_sector', null]);
  });

  it('compares ages when the table has no birth dates', () => {
    const candidatures = read(
      [
        ['Roy', 'Paul', 'H', 'Sud', 40],
        ['Roy', 'Paul', 'H', 'Sud', 41],
        ['ROY', 'Paul', 'H', 'Est', 40],
      ],
      ['Nom', 'Prénom', 'Sexe', 'Secteur', 'Âge'],
    );
    expect(candidatures.map((c) => c.problems[0]?.code ?? null)).toEqual([null, null, 'duplicate']);
  });

  it('refuses an age that is not a whole number', () => {
    const [c] = read([['A', 'B', 'H', 'Sud', 'quarante']], ['Nom', 'Prénom', 'Sexe', 'Secteur', 'Âge']);
    expect(c.problems[0]).toMatchObject({ code: 'invalid_birth_date', cell: 'E2', value: 'quarante', column: 'age' });
    expect(describeRowProblem(c.problems[0])).toBe('Ligne 2 : âge invalide « quarante » (cellule E2). Âge attendu : un nombre entier d’années.');
  });

  it.each([
    ['une', 'the article alone'],
    ['Unefemme', 'no space after the article'],
    ['Une personne', 'an article before another word'],
  ])('still refuses %j (%s) as a sex', (word) => {
    expect(read([['1', 'A', 'B', word, '1990-01-01', 'Est']])[0].problems[0]?.code).toBe('invalid_sex');
  });
});

describe('absurd ages (ALGORITHM.md §2: above 120 is invalid_birth_date)', () => {
  it('refuses a birth date mistyped as year 0090, which gave an age of 1935 and the 65+ priority', () => {
    const [c] = read([['1', 'A', 'B', 'F', '01/02/0090', 'Est']]);
    expect(c).toMatchObject({ birthDate: null, age: null });
    expect(c.problems[0]).toMatchObject({ code: 'invalid_birth_date', cell: 'E2', value: '01/02/0090' });
    expect(describeRowProblem(c.problems[0])).toBe(
      'Ligne 2 : date de naissance invalide « 01/02/0090 » (cellule E2). Cette date donne 1935 ans au 13/06/2025 : ' +
        'plus de 120 ans, c’est une erreur de saisie (l’année ?).',
    );
  });

  it('takes 120 years as the last possible age, counted to the day', () => {
    const [oldest, tooOld] = read([
      ['1', 'A', 'B', 'F', '14/06/1904', 'Est'],
      ['2', 'C', 'D', 'F', '13/06/1904', 'Est'],
    ]);
    expect(oldest).toMatchObject({ age: 120, problems: [] });
    expect(tooOld.problems[0]?.code).toBe('invalid_birth_date');
  });

  it('refuses an age cell of 150, and keeps 120', () => {
    const [c, oldest] = read(
      [
        ['A', 'B', 'H', 'Sud', 150],
        ['C', 'D', 'H', 'Sud', '120'],
      ],
      ['Nom', 'Prénom', 'Sexe', 'Secteur', 'Âge'],
    );
    expect(c.problems[0]).toMatchObject({ code: 'invalid_birth_date', cell: 'E2', value: '150', column: 'age' });
    expect(describeRowProblem(c.problems[0])).toBe('Ligne 2 : âge invalide « 150 » (cellule E2). Un âge de plus de 120 ans est une erreur de saisie : corrigez-le.');
    expect(c.age).toBeNull();
    expect(oldest).toMatchObject({ age: 120, problems: [] });
  });
});

describe('messages that point somewhere (issue 6 §7)', () => {
  it('names the cells of a duplicate and of the row it repeats', () => {
    const [, twin] = read([
      ['1', 'Martin', 'Léa', 'F', '1990-01-01', 'Est'],
      ['2', 'MARTIN', 'Lea', 'F', '01/01/1990', 'Nord'],
    ]);
    expect(describeRowProblem(twin.problems[0])).toBe(
      'Ligne 3 : doublon. Mêmes nom, prénom et même date de naissance (cellules B3, C3, E3) que la ligne 2 (cellules B2, C2, E2) : ' +
        'une seule candidature par personne, seule la ligne 2 participe au tirage. Supprimez la ligne en double.',
    );
  });

  it('shows the invisible characters of a value, which would otherwise look right', () => {
    const [zeroWidth, noBreak] = read([
      ['1', 'Martin', 'Léa', 'F', '1990-01-01', 'Sud\u200b'],
      ['2', 'Petit', 'Jules', '\u2060H', '1990-01-01', 'Sud'],
    ]);
    expect(describeRowProblem(zeroWidth.problems[0])).toBe(
      'Ligne 2 : secteur inconnu « Sud⟨U+200B⟩ » (cellule F2). Secteurs possibles : Centre, Est, Ouest, Nord, Sud.',
    );
    expect(describeRowProblem(noBreak.problems[0])).toBe('Ligne 3 : sexe non reconnu « ⟨U+2060⟩H » (cellule D3). Indiquez F (femme) ou H (homme).');
  });
});
