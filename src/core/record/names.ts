/**
 * Sheet and table names of the record, in one place: the "(2)" suffix of a second draw, which
 * names are record sheets, how Excel compares names, and which names Excel accepts. The CLI's
 * package writer, the office.js adapter and `verify` all ask here, so they cannot disagree.
 */
import { PLAIN_ALGORITHM, type AlgorithmId } from '../rules';
import type { PlainSheetRole, RecordSheetNames, RecordSheetRole } from './model';

export const BASE_SHEET_NAMES: Record<RecordSheetRole, string> = {
  draw: 'Tirage',
  summary: 'Synthèse',
  minutes: 'Procès-verbal',
  data: 'Données du tirage',
  publication: 'Publication',
  publicRegister: 'Registre public',
  receipts: 'Reçus',
};

/** The sheets of a `tirage-cln/1` record, in the order they are added (and listed in « Données du tirage »). */
export const PLAIN_ROLES: readonly PlainSheetRole[] = ['draw', 'summary', 'minutes', 'data', 'publication'];

/** A sealed draw's record (`tirage-cln/2`): the same, then what may be published and the receipts. */
export const SEALED_ROLES: readonly RecordSheetRole[] = [...PLAIN_ROLES, 'publicRegister', 'receipts'];

/** Every role a record sheet may have: the names the tool gives, recognised whatever the version. */
export const ROLES: readonly RecordSheetRole[] = SEALED_ROLES;

/** The sheets a draw's record has, by the draw's version: `/1` records keep exactly their five. */
export function recordRoles(algorithm: AlgorithmId): readonly RecordSheetRole[] {
  return algorithm === PLAIN_ALGORITHM ? PLAIN_ROLES : SEALED_ROLES;
}

/** The name of a record's sheet of this role; a sealed draw's own sheets exist only in its record (an error otherwise). */
export function sheetNameOf(names: RecordSheetNames, role: RecordSheetRole): string {
  const name = names[role];
  if (name === undefined) throw new Error(`the record has no sheet of role ${role}`);
  return name;
}

/** The base name of each record sheet's table (Excel table names allow no space nor accent-free rule; these are plain). */
export const BASE_TABLE_NAMES = { draw: 'Tirage', data: 'Donnees', publicRegister: 'RegistrePublic', receipts: 'Recus' } as const;

/**
 * Excel compares sheet names (and table names) without case: "tirage" and "Tirage" cannot both
 * exist. Compared as Unicode-normalised lower case, so that "Synthèse" typed either way of
 * composing "è" is taken as the same name, which can only refuse more, never overwrite.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('fr-FR');
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** "Tirage" for the first draw of a workbook, "Tirage (2)" for the second… */
export function numberedSheetName(base: string, n: number): string {
  return n === 1 ? base : `${base} (${n})`;
}

/** The record sheets' names for the n-th draw of a workbook. */
export function recordSheetNames(n: number): Record<RecordSheetRole, string> {
  return Object.fromEntries(ROLES.map((role) => [role, numberedSheetName(BASE_SHEET_NAMES[role], n)])) as Record<RecordSheetRole, string>;
}

/** The draw's number a sheet name carries: 1 for "Tirage", 2 for "Tirage (2)"; null when it is no record sheet's name. */
export function recordNumberOf(name: string, role?: RecordSheetRole): number | null {
  const bases = role === undefined ? ROLES.map((r) => BASE_SHEET_NAMES[r]) : [BASE_SHEET_NAMES[role]];
  for (const base of bases) {
    if (name === base) return 1;
    if (name.startsWith(`${base} (`)) {
      const n = /^ \((\d+)\)$/.exec(name.slice(base.length))?.[1];
      if (n !== undefined) return Number(n);
    }
  }
  return null;
}

/**
 * The record sheets named like `sheetName` ("Tirage (2)" beside "Données du tirage (2)"): what
 * `verify` presumes when a data sheet is unreadable and cannot list its sheets itself.
 */
export function sheetNamesLike(sheetName: string): Record<RecordSheetRole, string> {
  const suffix = / \(\d+\)$/.exec(sheetName)?.[0] ?? '';
  return Object.fromEntries(ROLES.map((role) => [role, BASE_SHEET_NAMES[role] + suffix])) as Record<RecordSheetRole, string>;
}

/** A name the tool gives record sheets: "Tirage", "Tirage (2)"… */
export function isRecordSheetName(name: string, role?: RecordSheetRole): boolean {
  return recordNumberOf(name, role) !== null;
}

/**
 * Record sheets never replace existing ones: a second draw in the same workbook gets "Tirage (2)",
 * "Synthèse (2)"… — the first number for which no record sheet name is taken.
 */
export function chooseSheetNames(existing: readonly string[]): Record<RecordSheetRole, string> {
  const taken = new Set(existing.map(nameKey));
  for (let n = 1; ; n++) {
    const names = recordSheetNames(n);
    if (ROLES.every((role) => !taken.has(nameKey(names[role])))) return names;
  }
}

/** A record table's name: "Tirage" on sheet "Tirage", "Tirage_2" on "Tirage (2)". */
export function recordTableName(base: string, sheetName: string): string {
  const n = recordNumberOf(sheetName) ?? 1;
  return n === 1 ? base : `${base}_${n}`;
}

/**
 * The wanted table name, or "<name>_2", "<name>_3"… when the workbook already uses it (table
 * names and defined names share one namespace, compared without case). `taken` holds name keys
 * and receives the chosen one.
 */
export function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(nameKey(name)); n++) name = `${wanted}_${n}`;
  taken.add(nameKey(name));
  return name;
}

/**
 * Replacement sheets are numbered on their own, one per departure during the mandate, whatever
 * draw they belong to (the sheet says which): "Remplacement", "Remplacement (2)"…
 */
export const REPLACEMENT_SHEET_BASE = 'Remplacement';

/** 1 for "Remplacement", 2 for "Remplacement (2)"; null for any other name. */
export function replacementNumberOf(name: string): number | null {
  if (name === REPLACEMENT_SHEET_BASE) return 1;
  const n = new RegExp(`^${REPLACEMENT_SHEET_BASE} \\((\\d+)\\)$`).exec(name)?.[1];
  return n === undefined ? null : Number(n);
}

/** The first replacement sheet name the workbook does not use. */
export function chooseReplacementSheetName(existing: readonly string[]): string {
  const taken = new Set(existing.map(nameKey));
  for (let n = 1; ; n++) {
    const name = numberedSheetName(REPLACEMENT_SHEET_BASE, n);
    if (!taken.has(nameKey(name))) return name;
  }
}

/** Excel's limits on a sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * Why Excel would refuse (or silently change) a sheet name, or null when it accepts it:
 * 1 to 31 characters, none of []:*?/\, no apostrophe at either end, not "History" (reserved).
 */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'le nom est vide';
  if (name.length > MAX_SHEET_NAME) return `le nom dépasse ${MAX_SHEET_NAME} caractères`;
  if (/[[\]:*?/\\]/.test(name)) return 'le nom contient un des caractères [ ] : * ? / \\';
  if (/^'|'$/.test(name)) return 'le nom commence ou finit par une apostrophe';
  if (name.toLowerCase() === 'history') return 'le nom « History » est réservé par Excel';
  return null;
}

/** Excel table names: a letter, "_" or "\" first, then letters, digits, ".", "_"; not a cell reference; at most 255 characters. */
export function isValidTableName(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name) &&
    name.length <= 255
  );
}
