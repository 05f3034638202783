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
import { InputError } from './errors';
import { FIELD_LABELS, FIELDS, type Field } from './fields';
import type { ColumnMappingFault, HeaderCells } from './problems';
import { cellAddress, type CellArea, type CellValue, type Sheet } from './sheet';
import { fold, norm } from './text';

export { FIELD_LABELS, type Field } from './fields';

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
      const columns = tied.map((m) => ({ cell: cellAddress(m.column, row.rowNumber), header: cellString(row.cells[m.column]) }));
      throw new InputError({ code: 'ambiguous_column', row: row.rowNumber, field, columns });
    }
    columns[field] = tied[0].column;
  }
  return columns;
}

function cellString(cell: CellValue | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
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

/** The header cells of a row with their addresses, for a person to choose from. */
function headersOf(row: HeaderRow): HeaderCells {
  return { row: row.rowNumber, cells: filledCells(row).map(({ cell, column }) => ({ cell: cellAddress(column, row.rowNumber), text: String(cell) })) };
}

function missingColumnsError(sheet: Sheet, bounds: CellArea, closest: { row: HeaderRow; found: Set<Field> } | null, mapping: ColumnMapping): InputError {
  let firstFilled: HeaderRow | undefined;
  const last = Math.min(bounds.bottom, sheet.rows.length);
  for (let rowNumber = bounds.top; rowNumber <= last && firstFilled === undefined; rowNumber++) {
    const row: HeaderRow = { rowNumber, cells: sheet.rows[rowNumber - 1], left: bounds.left, right: bounds.right };
    if (filledCells(row).length > 0) firstFilled = row;
  }
  if (closest === null) {
    return new InputError({ code: 'missing_columns', reason: 'no_header', source: sheet.source, firstFilled: firstFilled ? headersOf(firstFilled) : null });
  }
  const missing = missingFields(closest.found, mapping).map((field) => ({ field, mapped: mapping[field] ?? null }));
  return new InputError({ code: 'missing_columns', reason: 'fields', source: sheet.source, header: headersOf(closest.row), missing });
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
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    const name = equals < 0 ? part.trim() : part.slice(0, equals).trim();
    const header = equals < 0 ? '' : norm(part.slice(equals + 1));
    const field = fieldNamed(name);
    const bad = (fault: ColumnMappingFault) => new InputError({ code: 'bad_column_mapping', part: part.trim(), fault });
    if (equals < 0 || header === '') throw bad({ kind: 'no_header' });
    if (field === null) throw bad({ kind: 'unknown_field', name });
    if (mapping[field] !== undefined) throw bad({ kind: 'field_twice', field });
    const other = (Object.keys(mapping) as Field[]).find((f) => mappingKey(mapping[f] as string) === mappingKey(header));
    if (other !== undefined) throw bad({ kind: 'header_twice', header, field: other });
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
