/**
 * Finding the candidature table's columns by their French names, in any order, whatever the
 * spelling habits of the person who made the sheet ("Prénom", "PRENOM", "Sexe (F/H)", "N°"), or
 * the questions of an online form ("Dans quel secteur habitez-vous ?"), or as the operator maps
 * them explicitly ("Sexe=Vous êtes :"): one function for the CLI and the task pane.
 *
 * Three tiers, the first that decides wins for a field:
 * 1. an explicit mapping, field → header text;
 * 2. a header that is one of the field's names (SYNONYMS, most specific first);
 * 3. a header that contains one of the field's words (FIELD_WORDS) and no other field's word.
 *    The candidature number is never guessed this way: a form's "ID" column is its own.
 */
import { cellAddress, InputError } from './errors';
import type { CellArea, CellValue, Sheet } from './sheet';
import { fold, norm } from './text';
import { showInvisible } from './visibleText';

export type Field = 'id' | 'lastName' | 'firstName' | 'sex' | 'birthDate' | 'age' | 'sector';

const FIELDS: readonly Field[] = ['id', 'lastName', 'firstName', 'sex', 'birthDate', 'age', 'sector'];

/**
 * Accepted header names for each field, the first one found wins. « Nom de famille » comes before
 * « Nom »: a Microsoft Forms export has a « Nom » column of its own, the respondent's account name
 * (« anonymous »), beside the form's question « Nom de famille ».
 */
const SYNONYMS: Record<Field, readonly string[]> = {
  id: ['n°', 'n° de candidature', 'numero de candidature', 'numero', 'no', 'num', 'n', 'id', 'identifiant'],
  lastName: ['nom de famille', 'nom', 'nom d usage'],
  firstName: ['prenom', 'prenoms'],
  sex: ['sexe', 'genre', 'civilite', 'vous etes', 'etes vous'],
  birthDate: ['date de naissance', 'date naissance', 'naissance', 'ne le', 'nee le', 'ne e le'],
  age: ['age', 'age en annees'],
  sector: ['secteur', 'mairie de quartier', 'grand quartier', 'quartier'],
};

/**
 * Words that name a field inside a longer header (a form's question). "nom" is a whole word:
 * « Prénom » and « Adresse de messagerie » do not contain it.
 */
const FIELD_WORDS: Partial<Record<Field, readonly string[]>> = {
  lastName: ['nom'],
  firstName: ['prenom', 'prenoms'],
  sex: ['sexe', 'genre', 'civilite'],
  birthDate: ['naissance'],
  age: ['age'],
  sector: ['secteur', 'quartier'],
};

/** French names shown when a column is missing, and accepted as field names in a mapping. */
export const FIELD_LABELS: Record<Field, string> = {
  id: 'N°',
  lastName: 'Nom',
  firstName: 'Prénom',
  sex: 'Sexe',
  birthDate: 'Date de naissance',
  age: 'Âge',
  sector: 'Secteur',
};

const ALWAYS_REQUIRED: readonly Field[] = ['lastName', 'firstName', 'sex', 'sector'];

export interface ColumnMap {
  /** The header's row number in the sheet. */
  headerRow: number;
  /** Column index (0 = A) of each field found. */
  columns: Partial<Record<Field, number>>;
}

/** Headers named explicitly by the operator, field → header text as typed. */
export type ColumnMapping = Partial<Record<Field, string>>;

/** "Sexe (F/H)" → "sexe"; "N°." → "n°"; "Date_de_naissance" → "date de naissance". */
export function headerKey(value: CellValue): string {
  if (typeof value !== 'string') return '';
  return fold(value)
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[.:_'’*()\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How an explicit mapping names a header: as the sheet shows it, ignoring case, accents and spaces. */
function mappingKey(text: CellValue): string {
  if (typeof text === 'number') return String(text); // a header such as 2025
  return typeof text === 'string' ? fold(text) : '';
}

function containedField(key: string): Field | null {
  const words = new Set(key.split(/[^\p{L}\p{N}°]+/u));
  const fields = FIELDS.filter((field) => (FIELD_WORDS[field] ?? []).some((word) => words.has(word)));
  return fields.length === 1 ? fields[0] : null;
}

interface Match {
  field: Field;
  /** Lower is stronger: -1 explicit, then the synonym's rank, then words. */
  rank: number;
  column: number;
}

const WORD_RANK = 1000;

/** A row of the table: its number, its cells, and the table's columns (from `left` to `right`, 0-based). */
interface HeaderRow {
  rowNumber: number;
  cells: readonly CellValue[];
  left: number;
  right: number;
}

function matchRow(row: HeaderRow, mapping: ColumnMapping): Match[] {
  const matches: Match[] = [];
  const mapped = new Set(Object.keys(mapping) as Field[]);
  const explicitKeys = new Map((Object.entries(mapping) as [Field, string][]).map(([field, header]) => [mappingKey(header), field]));
  const right = Math.min(row.right, row.cells.length - 1);
  for (let column = row.left; column <= right; column++) {
    const cell = row.cells[column];
    const explicit = explicitKeys.get(mappingKey(cell));
    if (explicit !== undefined) {
      matches.push({ field: explicit, rank: -1, column });
      continue;
    }
    const key = headerKey(cell);
    if (key === '') continue;
    let exact = false;
    for (const field of FIELDS) {
      const rank = SYNONYMS[field].indexOf(key);
      if (rank >= 0 && !mapped.has(field)) matches.push({ field, rank, column });
      exact ||= rank >= 0;
    }
    const contained = exact ? null : containedField(key);
    if (contained !== null && !mapped.has(contained)) matches.push({ field: contained, rank: WORD_RANK, column });
  }
  return matches;
}

function missingFields(found: ReadonlySet<Field>, mapping: ColumnMapping): Field[] {
  const missing = ALWAYS_REQUIRED.filter((field) => !found.has(field));
  if (!found.has('birthDate') && !found.has('age')) missing.push('birthDate');
  for (const field of Object.keys(mapping) as Field[]) if (!found.has(field) && !missing.includes(field)) missing.push(field);
  return missing;
}

/**
 * The header is the first row of the table's bounds holding every required column (and every
 * column mapped explicitly); rows above it (a title, a blank line) are not part of the table.
 */
export function findColumns(sheet: Sheet, bounds: CellArea, mapping: ColumnMapping = {}): ColumnMap {
  let closest: { row: HeaderRow; found: Set<Field> } | null = null;
  const last = Math.min(bounds.bottom, sheet.rows.length);
  for (let rowNumber = bounds.top; rowNumber <= last; rowNumber++) {
    const row: HeaderRow = { rowNumber, cells: sheet.rows[rowNumber - 1], left: bounds.left, right: bounds.right };
    const matches = matchRow(row, mapping);
    const found = new Set(matches.map((m) => m.field));
    if (missingFields(found, mapping).length === 0) return { headerRow: rowNumber, columns: pickColumns(matches, row) };
    if (found.size > 0 && (closest === null || found.size > closest.found.size)) closest = { row, found };
  }
  throw missingColumnsError(sheet, bounds, closest, mapping);
}

function pickColumns(matches: Match[], row: HeaderRow): ColumnMap['columns'] {
  const columns: ColumnMap['columns'] = {};
  for (const field of FIELDS) {
    const candidates = matches.filter((m) => m.field === field);
    if (candidates.length === 0) continue;
    const best = Math.min(...candidates.map((m) => m.rank));
    const tied = candidates.filter((m) => m.rank === best);
    if (tied.length > 1) {
      const names = tied.map((m) => `${quoted(row.cells[m.column])} (${cellAddress(m.column, row.rowNumber)})`).join(' et ');
      throw new InputError(
        'ambiguous_column',
        `Ligne ${row.rowNumber} : plusieurs colonnes peuvent être « ${FIELD_LABELS[field]} » : ${names}. ` +
          'Renommez ou supprimez celle qui ne doit pas servir au tirage, ou indiquez laquelle choisir.',
      );
    }
    columns[field] = tied[0].column;
  }
  return columns;
}

function quoted(cell: CellValue | undefined): string {
  return `« ${showInvisible(cell === null || cell === undefined ? '' : String(cell))} »`;
}

function filledCells(row: HeaderRow): { cell: CellValue; column: number }[] {
  const filled: { cell: CellValue; column: number }[] = [];
  const right = Math.min(row.right, row.cells.length - 1);
  for (let column = row.left; column <= right; column++) {
    const cell = row.cells[column];
    if (cell !== null && cell !== undefined && norm(String(cell)) !== '') filled.push({ cell, column });
  }
  return filled;
}

/** The header cells of a row, quoted with their addresses, for a person to choose from. */
function headersOf(row: HeaderRow): string {
  return filledCells(row)
    .map(({ cell, column }) => `${quoted(cell)} (${cellAddress(column, row.rowNumber)})`)
    .join(', ');
}

const EXPECTED = 'N° (facultatif), Nom, Prénom, Sexe, Date de naissance (ou Âge), Secteur';

function missingColumnsError(sheet: Sheet, bounds: CellArea, closest: { row: HeaderRow; found: Set<Field> } | null, mapping: ColumnMapping): InputError {
  let firstFilled: HeaderRow | undefined;
  const last = Math.min(bounds.bottom, sheet.rows.length);
  for (let rowNumber = bounds.top; rowNumber <= last && firstFilled === undefined; rowNumber++) {
    const row: HeaderRow = { rowNumber, cells: sheet.rows[rowNumber - 1], left: bounds.left, right: bounds.right };
    if (filledCells(row).length > 0) firstFilled = row;
  }
  if (closest === null) {
    const seen = firstFilled ? ` En-têtes de la première ligne remplie (ligne ${firstFilled.rowNumber}) : ${headersOf(firstFilled)}.` : '';
    return new InputError(
      'missing_columns',
      `${sheet.source} : aucune ligne d’en-tête trouvée. La première ligne du tableau doit nommer les colonnes : ${EXPECTED}.${seen}`,
    );
  }
  const missing = missingFields(closest.found, mapping).map((f) =>
    mapping[f] !== undefined ? `${FIELD_LABELS[f]} (en-tête indiqué « ${showInvisible(mapping[f] as string)} »)` : f === 'birthDate' ? 'Date de naissance (ou Âge)' : FIELD_LABELS[f],
  );
  const plural = missing.length > 1;
  const message =
    `${sheet.source}, ligne ${closest.row.rowNumber} : colonne${plural ? 's' : ''} obligatoire${plural ? 's' : ''} ` +
    `introuvable${plural ? 's' : ''} : ${missing.join(', ')}. Colonnes attendues : ${EXPECTED}. ` +
    `En-têtes de cette ligne : ${headersOf(closest.row)}.`;
  return new InputError('missing_columns', message, [message], {
    missingFields: missingFields(closest.found, mapping).map((f) => FIELD_LABELS[f]),
    headerRow: closest.row.rowNumber,
    headers: filledCells(closest.row).map(({ cell, column }) => ({ cell: cellAddress(column, closest.row.rowNumber), text: String(cell) })),
  });
}

/** A field named as a person would name it in a mapping: « Prénom », « prenom », « Date de naissance ». */
function fieldNamed(name: string): Field | null {
  const key = headerKey(name);
  return FIELDS.find((field) => headerKey(FIELD_LABELS[field]) === key) ?? null;
}

/**
 * `Sexe=Vous êtes :;Secteur=Dans quel secteur habitez-vous ?` → { sex: 'Vous êtes :', sector: … }.
 * Fields are separated by « ; », each as `champ=en-tête`; the header is written as the sheet shows it.
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  const fields = Object.values(FIELD_LABELS).join(', ');
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    const name = equals < 0 ? part.trim() : part.slice(0, equals).trim();
    const header = equals < 0 ? '' : norm(part.slice(equals + 1));
    const field = fieldNamed(name);
    const bad = (what: string) =>
      new InputError('bad_column_mapping', `Correspondance des colonnes illisible, « ${showInvisible(part.trim())} » : ${what}. Écrivez champ=en-tête, séparés par « ; » (champs : ${fields}).`);
    if (equals < 0 || header === '') throw bad('l’en-tête manque');
    if (field === null) throw bad(`« ${showInvisible(name)} » n’est pas un champ du tirage`);
    if (mapping[field] !== undefined) throw bad(`le champ « ${FIELD_LABELS[field]} » est indiqué deux fois`);
    const other = (Object.keys(mapping) as Field[]).find((f) => mappingKey(mapping[f] as string) === mappingKey(header));
    if (other !== undefined) throw bad(`l’en-tête « ${showInvisible(header)} » est déjà celui du champ « ${FIELD_LABELS[other]} »`);
    mapping[field] = header;
  }
  return mapping;
}

/** The mapping as the operator would type it again, fields in their usual order. */
export function formatColumnMapping(mapping: ColumnMapping): string {
  return FIELDS.filter((field) => mapping[field] !== undefined)
    .map((field) => `${FIELD_LABELS[field]}=${mapping[field]}`)
    .join(';');
}
