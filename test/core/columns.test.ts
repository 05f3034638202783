import { WHOLE_SHEET } from '../../src/core';
import { sheetFrom } from '../support/sheets';
import { findColumns, formatColumnMapping, headerKey, parseColumnMapping } from '../../src/core/columns';
import { tableOf } from '../support/tables';
import { errorOf } from '../support/errors';

describe('header names', () => {
  it.each([
    ['Prénom', 'prenom'],
    ['  PRENOM ', 'prenom'],
    ['Sexe (F/H)', 'sexe'],
    ['N°', 'n°'],
    ['No.', 'no'],
    ['Date_de_naissance', 'date de naissance'],
    ['Né(e) le', 'ne e le'],
    ['Âge', 'age'],
  ])('%s reads as %s', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe('finding the columns', () => {
  it('accepts any column order and French synonyms, and ignores extra columns', () => {
    const table = tableOf([], ['Mairie de quartier', 'Commentaire', 'Genre', 'NOM', 'Prénom', 'Né le', 'Numéro']);
    expect(findColumns(table, WHOLE_SHEET)).toEqual({
      headerRow: 1,
      columns: { sector: 0, sex: 2, lastName: 3, firstName: 4, birthDate: 5, id: 6 },
    });
  });

  it('finds the header below a title and blank rows', () => {
    const table = sheetFrom({
      source: 'c.xlsx',
      rows: [
        { rowNumber: 1, cells: ['Candidatures CLN — juin 2025'] },
        { rowNumber: 2, cells: [] },
        { rowNumber: 3, cells: ['Nom', 'Prénom', 'Civilité', 'Âge', 'Quartier'] },
      ],
    });
    expect(findColumns(table, WHOLE_SHEET)).toEqual({ headerRow: 3, columns: { lastName: 0, firstName: 1, sex: 2, age: 3, sector: 4 } });
  });

  it('prefers Secteur over Quartier when both are present', () => {
    const table = tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 'Quartier', 'Secteur']);
    expect(findColumns(table, WHOLE_SHEET).columns.sector).toBe(5);
  });

  it('refuses two columns with the same name, saying which', () => {
    const error = errorOf(() => findColumns(tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 'Secteur', 'secteur']), WHOLE_SHEET));
    expect(error.code).toBe('ambiguous_column');
    expect(error.message).toContain('« Secteur » (E1) et « secteur » (F1)');
  });

  it('names the missing columns and the row it looked at', () => {
    const error = errorOf(() => findColumns(tableOf([['Dupont', 'Marie']], ['Nom', 'Prénom', 'Secteur']), WHOLE_SHEET));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain('test.csv, ligne 1');
    expect(error.message).toContain('introuvables : Sexe, Date de naissance (ou Âge)');
  });

  it('says when no header row is found at all', () => {
    const error = errorOf(() => findColumns(tableOf([['a', 'b']], ['x', 'y']), WHOLE_SHEET));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain('aucune ligne d’en-tête');
    expect(error.message).toContain('En-têtes de la première ligne remplie (ligne 1) : « x » (A1), « y » (B1).');
  });
});

/** The header row of the online form in issue 6 §9. */
const FORM = [
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

describe('online form exports (issue 6 §9)', () => {
  it('recognises the form’s questions; ID stays the candidature number, the times and the e-mail are nothing', () => {
    expect(findColumns(tableOf([], FORM), WHOLE_SHEET)).toEqual({
      headerRow: 1,
      columns: { id: 0, lastName: 4, firstName: 5, birthDate: 6, sex: 7, sector: 8 },
    });
  });

  it('takes « Nom de famille » rather than the « Nom » column Microsoft Forms adds (the account name)', () => {
    const header = ['ID', 'Heure de début', 'Heure de fin', 'Adresse de messagerie', 'Nom', 'Heure de la dernière modification', ...FORM.slice(4)];
    expect(findColumns(tableOf([], header), WHOLE_SHEET).columns).toEqual({ id: 0, lastName: 6, firstName: 7, birthDate: 8, sex: 9, sector: 10 });
  });

  it.each([
    ['Quel est votre genre ?', 'sex'],
    ['Quelle est votre date de naissance ?', 'birthDate'],
    ['Quel âge avez-vous ?', 'age'],
    ['Votre quartier de résidence', 'sector'],
    ['Votre prénom', 'firstName'],
    ['Votre nom', 'lastName'],
  ])('takes a header containing one field’s word, « %s », for that field', (question, field) => {
    const usual: Record<string, string> = { lastName: 'Nom', firstName: 'Prénom', sex: 'Sexe', birthDate: 'Date de naissance', sector: 'Secteur' };
    // An age question stands in for the birth date.
    const header = Object.entries(usual).map(([f, name]) => (f === field || (field === 'age' && f === 'birthDate') ? question : name));
    expect(findColumns(tableOf([], header), WHOLE_SHEET).columns[field as 'sex']).toBe(header.indexOf(question));
  });

  it('takes no field from a header that contains the words of two (« Nom et prénom », « Nom du quartier »)', () => {
    const error = errorOf(() => findColumns(tableOf([], ['Nom et prénom', 'Sexe', 'Âge', 'Nom du quartier']), WHOLE_SHEET));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain('introuvables : Nom, Prénom, Secteur');
  });

  it('prefers a header that is the field’s name to one that contains its word', () => {
    expect(findColumns(tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 'Secteur', 'Secteur d’activité']), WHOLE_SHEET).columns.sector).toBe(4);
  });

  it('refuses two headers containing the same field’s word, naming both cells', () => {
    const error = errorOf(() => findColumns(tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 'Votre secteur', 'Secteur d’activité']), WHOLE_SHEET));
    expect(error.code).toBe('ambiguous_column');
    expect(error.message).toContain('« Votre secteur » (E1) et « Secteur d’activité » (F1)');
  });

  it('lists the table’s actual headers when a field is still missing', () => {
    const error = errorOf(() => findColumns(tableOf([], FORM.map((h) => (h === 'Vous êtes :' ? 'Q8' : h))), WHOLE_SHEET));
    expect(error.message).toBe(
      'test.csv, ligne 1 : colonne obligatoire introuvable : Sexe. Colonnes attendues : N° (facultatif), Nom, Prénom, Sexe, ' +
        'Date de naissance (ou Âge), Secteur. En-têtes de cette ligne : « ID » (A1), « Heure de début » (B1), « Heure de fin » (C1), ' +
        '« Adresse de messagerie » (D1), « Nom de famille » (E1), « Prénom » (F1), « Date de naissance (JJ/MM/AAAA) » (G1), « Q8 » (H1), ' +
        '« Dans quel secteur habitez-vous ? » (I1), « Pourquoi souhaitez-vous rejoindre le CLN ? » (J1).',
    );
    // What the task pane needs to offer the choice of a column.
    expect(error.details.missingFields).toEqual(['sex']);
    expect(error.details.headerRow).toBe(1);
    expect(error.details.headers?.[7]).toEqual({ cell: 'H1', text: 'Q8' });
  });

  it('shows invisible characters of the headers it lists', () => {
    const error = errorOf(() => findColumns(tableOf([], ['Nom', 'Prénom', 'Se\u200bxe', 'Âge']), WHOLE_SHEET));
    expect(error.message).toContain('« Se⟨U+200B⟩xe » (C1)');
  });
});

describe('columns named explicitly', () => {
  it('parses « champ=en-tête » pairs, fields named loosely, headers kept as typed', () => {
    expect(parseColumnMapping(' sexe = Vous êtes : ; Date de naissance=Né(e) le;N°=ID ;')).toEqual({
      sex: 'Vous êtes :',
      birthDate: 'Né(e) le',
      id: 'ID',
    });
    expect(formatColumnMapping({ sector: 'Q9', sex: 'Q8' })).toBe('Sexe=Q8;Secteur=Q9');
  });

  it.each([
    ['Sexe', 'l’en-tête manque'],
    ['Sexe=', 'l’en-tête manque'],
    ['Genre=Q8', '« Genre » n’est pas un champ du tirage'],
    ['Sexe=Q8;sexe=Q9', 'le champ « Sexe » est indiqué deux fois'],
    ['Sexe=Q8;Secteur=q8', 'l’en-tête « q8 » est déjà celui du champ « Sexe »'],
  ])('refuses %j: %s', (text, why) => {
    const error = errorOf(() => parseColumnMapping(text));
    expect(error.code).toBe('bad_column_mapping');
    expect(error.message).toContain(why);
    expect(error.message).toContain('champs : N°, Nom, Prénom, Sexe, Date de naissance, Âge, Secteur');
  });

  it('finds a mapped header whatever its case and accents, before any name or word', () => {
    const table = tableOf([], [...FORM.slice(0, 7), 'Q8', 'Q9', 'Secteur']);
    expect(findColumns(table, WHOLE_SHEET, { sex: 'q8', sector: 'Q9' }).columns).toMatchObject({ sex: 7, sector: 8 });
  });

  it('finds a header the sheet holds as a number', () => {
    expect(findColumns(tableOf([], ['Nom', 'Prénom', 'Sexe', 'Âge', 2025]), WHOLE_SHEET, { sector: '2025' }).columns.sector).toBe(4);
  });

  it('lets a mapping take the column another field would have had', () => {
    const table = tableOf([], ['Nom', 'Nom de famille', 'Prénom', 'Sexe', 'Âge', 'Secteur']);
    expect(findColumns(table, WHOLE_SHEET, { lastName: 'Nom de famille' }).columns.lastName).toBe(1);
  });

  it('says which mapped header is missing', () => {
    const error = errorOf(() => findColumns(tableOf([], FORM), WHOLE_SHEET, { sex: 'Genre' }));
    expect(error.code).toBe('missing_columns');
    expect(error.message).toContain('introuvable : Sexe (en-tête indiqué « Genre »)');
  });
});
