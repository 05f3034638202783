/**
 * Finding the candidature table's columns by their French names, in any order, whatever the
 * spelling habits of the person who made the sheet ("Prénom", "PRENOM", "Sexe (F/H)", "N°").
 */
import { InputError } from './errors';
import type { CellValue, RawTable, SourceRow } from './table';
import { fold } from './text';

export type Field = 'id' | 'lastName' | 'firstName' | 'sex' | 'birthDate' | 'age' | 'sector';

/** Accepted header names for each field, most specific first: the first one found wins. */
const SYNONYMS: Record<Field, readonly string[]> = {
  id: ['n°', 'n° de candidature', 'numero de candidature', 'numero', 'no', 'num', 'n', 'id', 'identifiant'],
  lastName: ['nom', 'nom de famille', 'nom d usage'],
  firstName: ['prenom', 'prenoms'],
  sex: ['sexe', 'genre', 'civilite'],
  birthDate: ['date de naissance', 'date naissance', 'naissance', 'ne le', 'nee le', 'ne e le'],
  age: ['age', 'age en annees'],
  sector: ['secteur', 'mairie de quartier', 'grand quartier', 'quartier'],
};

/** French names shown when a column is missing. */
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

/** "Sexe (F/H)" → "sexe"; "N°." → "n°"; "Date_de_naissance" → "date de naissance". */
export function headerKey(value: CellValue): string {
  if (typeof value !== 'string') return '';
  return fold(value)
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[.:_'’*()\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Match {
  field: Field;
  rank: number;
  column: number;
}

function matchRow(row: SourceRow): Match[] {
  const matches: Match[] = [];
  row.cells.forEach((cell, column) => {
    const key = headerKey(cell);
    if (key === '') return;
    for (const field of Object.keys(SYNONYMS) as Field[]) {
      const rank = SYNONYMS[field].indexOf(key);
      if (rank >= 0) matches.push({ field, rank, column });
    }
  });
  return matches;
}

function missingFields(found: ReadonlySet<Field>): Field[] {
  const missing = ALWAYS_REQUIRED.filter((field) => !found.has(field));
  if (!found.has('birthDate') && !found.has('age')) missing.push('birthDate');
  return missing;
}

/**
 * The header is the first row holding every required column name; rows above it (a title, a
 * blank line) are not part of the table.
 */
export function findColumns(table: RawTable): ColumnMap {
  let closest: { row: SourceRow; found: Set<Field> } | null = null;
  for (const row of table.rows) {
    const matches = matchRow(row);
    const found = new Set(matches.map((m) => m.field));
    if (missingFields(found).length === 0) return { headerRow: row.rowNumber, columns: pickColumns(matches, row) };
    if (found.size > 0 && (closest === null || found.size > closest.found.size)) closest = { row, found };
  }
  throw missingColumnsError(table, closest);
}

function pickColumns(matches: Match[], row: SourceRow): ColumnMap['columns'] {
  const columns: ColumnMap['columns'] = {};
  for (const field of Object.keys(SYNONYMS) as Field[]) {
    const candidates = matches.filter((m) => m.field === field);
    if (candidates.length === 0) continue;
    const best = Math.min(...candidates.map((m) => m.rank));
    const tied = candidates.filter((m) => m.rank === best);
    if (tied.length > 1) {
      const names = tied.map((m) => `« ${String(row.cells[m.column])} »`).join(' et ');
      throw new InputError(
        'ambiguous_column',
        `Ligne ${row.rowNumber} : plusieurs colonnes peuvent être « ${FIELD_LABELS[field]} » (${names}). ` +
          `Renommez ou supprimez celle qui ne doit pas servir au tirage.`,
      );
    }
    columns[field] = tied[0].column;
  }
  return columns;
}

function missingColumnsError(table: RawTable, closest: { row: SourceRow; found: Set<Field> } | null): InputError {
  const expected = 'N° (facultatif), Nom, Prénom, Sexe, Date de naissance (ou Âge), Secteur';
  if (closest === null) {
    return new InputError(
      'missing_columns',
      `${table.source} : aucune ligne d'en-tête trouvée. La première ligne du tableau doit nommer les colonnes : ${expected}.`,
    );
  }
  const missing = missingFields(closest.found).map((f) => (f === 'birthDate' ? 'Date de naissance (ou Âge)' : FIELD_LABELS[f]));
  const plural = missing.length > 1;
  return new InputError(
    'missing_columns',
    `${table.source}, ligne ${closest.row.rowNumber} : colonne${plural ? 's' : ''} obligatoire${plural ? 's' : ''} ` +
      `introuvable${plural ? 's' : ''} : ${missing.join(', ')}. Colonnes attendues : ${expected}.`,
  );
}
