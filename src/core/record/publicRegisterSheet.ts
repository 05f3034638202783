/**
 * The « Registre public » sheet: a public record (publicRecord.ts) laid out for people, and read
 * back by `verify`. Written and read here, in one place. From the top:
 * - title and what the sheet is (the sealed table before the draw, or the drawn record);
 * - the parameters: algorithm, rules, date, rules line (line0), fingerprint, then, once drawn, the
 *   public seed, the seed key, the place and the mandate's first day;
 * - the rows set aside, one line per reason with its count;
 * - once drawn, the replacements of the mandate, one line each with its §11 fingerprint;
 * - the sealed table, one line per eligible candidature in canonical order: seal, sector, sex,
 *   priority, then, once drawn, draw number, status, reserve rank and the name declared beside it.
 * What `verify` reads back is only what a public record states (the sealed lines, the seed, the
 * names, the replacements' facts); everything else is recomputed and compared cell by cell.
 */
import { INELIGIBILITY_CODES, type IneligibilityCode } from '../rowProblems';
import { INELIGIBILITY_LABELS } from './labels';
import { describePublicRegisterDamage } from '../publicMessages';
import type { PublicDifference, PublicRegisterDamage, PublicRowFault } from '../problems';
import { cellAddress, type CellValue } from '../sheet';
import { SEALED_ALGORITHM } from '../rules';
import { statusLabel } from './labels';
import type { CellStyle, SheetModel } from './model';
import { BASE_TABLE_NAMES, recordTableName } from './names';
import type { PublicRecord, PublishedReplacement, SealedEntry } from './publicRecord';
import { SheetBuilder, STYLES, withStyle } from './sheetBuilder';

export const PUBLIC_REGISTER_TITLES = {
  sealed: 'Table scellée des candidatures, publiée avant le tirage',
  drawn: 'Registre public du tirage au sort des membres habitants',
} as const;

const INTRODUCTION = {
  sealed:
    'Le tirage n’est pas encore fait. Cette table est publiée avec l’empreinte, avant le choix de la graine : chaque candidature recevable y figure ' +
    'par son sceau, son secteur, son sexe et sa priorité d’âge, sans aucune donnée personnelle. Avec le reçu que la Ville lui a envoyé, chaque ' +
    'candidat·e vérifie que sa candidature y est, sur la page de vérification de la Ville (champ « Votre reçu ») ou avec « tirage-cln verify ».',
  drawn:
    'Ce registre peut être publié : il ne contient aucune date de naissance, aucun âge, aucun numéro de ligne ou de candidature, et aucun nom ' +
    'en dehors des membres et de la liste complémentaire. Chacun peut y refaire le tirage (« tirage-cln verify <ce fichier> », ou la page de ' +
    'vérification) ; chaque candidat·e y retrouve sa ligne avec son reçu (champ « Votre reçu » de la page).',
} as const;

const PARAMETERS = {
  algorithm: 'Algorithme',
  preset: 'Règles',
  referenceDate: 'Date du tirage (AAAA-MM-JJ)',
  rulesLine: 'Ligne des règles (ligne 0 de l’empreinte)',
  fingerprint: 'Empreinte',
  eligible: 'Candidatures recevables (lignes de la table scellée)',
  publicSeed: 'Graine publique',
  seedKey: 'Clé de tirage',
  place: 'Lieu',
  mandateStart: 'Début du mandat (AAAA-MM-JJ)',
} as const;
type Parameter = keyof typeof PARAMETERS;
const SEALED_PARAMETERS: readonly Parameter[] = ['algorithm', 'preset', 'referenceDate', 'rulesLine', 'fingerprint', 'eligible'];
const DRAWN_PARAMETERS: readonly Parameter[] = [...SEALED_PARAMETERS, 'publicSeed', 'seedKey', 'place', 'mandateStart'];

const SET_ASIDE_TITLE = 'Candidatures écartées : leur nombre par motif, jamais leur nom';
const SET_ASIDE_HEADER = ['Motif', 'Nombre', 'Code'];

const REPLACEMENTS_TITLE = 'Remplacements pendant le mandat (ALGORITHM.md §11)';
export const REPLACEMENT_HEADER = [
  'Empreinte du remplacement',
  'Date (AAAA-MM-JJ)',
  'N° de tirage sortant',
  'N° de tirage entrant',
  'Règle',
  'Membre sortant',
  'Motif',
  'Remplaçant·e',
];
const NO_REPLACEMENT = 'Aucun remplacement consigné.';

const TABLE_TITLE = {
  sealed: 'Table scellée : une ligne par candidature recevable, dans l’ordre canonique (celui de l’empreinte)',
  drawn: 'Table scellée et résultat : une ligne par candidature recevable, dans l’ordre canonique (celui de l’empreinte)',
} as const;
const SEALED_HEADER = ['Sceau', 'Secteur', 'Sexe', 'Priorité d’âge'];
const DRAWN_HEADER = [...SEALED_HEADER, 'N° de tirage', 'Statut', 'Rang sur la liste complémentaire', 'Nom'];
export const PUBLIC_TABLE_HEADERS = { sealed: SEALED_HEADER, drawn: DRAWN_HEADER } as const;

const LAST_COLUMN = DRAWN_HEADER.length;
/** Column A holds 64-digit seals and fingerprints (monospaced, 10 points: see STYLES.fingerprint). */
const COLUMN_WIDTHS = [70, 12, 8, 10, 10, 26, 14, 30];
const YES = 'oui';
const NO = 'non';

const LABEL: CellStyle = withStyle(STYLES.label, { wrap: true });
const VALUE: CellStyle = { vertical: 'top', wrap: true, horizontal: 'left' };
const CODE: CellStyle = withStyle(STYLES.code, { wrap: true, horizontal: 'left' });
/** One style object for each kind of cell of the table, shared by every row (100,000 rows). */
const SEAL: CellStyle = { monospace: true, size: 10 };

function parameterValues(record: PublicRecord): Record<Parameter, string | number> {
  const { head } = record;
  const drawn = record.stage === 'drawn' ? record : null;
  return {
    algorithm: head.algorithm,
    preset: head.preset,
    referenceDate: head.referenceDate,
    rulesLine: head.rulesLine,
    fingerprint: head.fingerprint,
    eligible: record.lines.length,
    publicSeed: drawn?.publicSeed ?? '',
    seedKey: drawn?.seedKey ?? '',
    place: drawn?.place ?? '',
    mandateStart: drawn?.mandateStart ?? '',
  };
}

function replacementRow(r: PublishedReplacement): (string | number | null)[] {
  return [r.fingerprint, r.date, r.leaving.drawNumber, r.joining?.drawNumber ?? null, r.rule, r.leaving.name, r.reason, r.joining?.name ?? ''];
}

export function buildPublicRegisterSheet(record: PublicRecord, name: string): SheetModel {
  const sheet = new SheetBuilder('publicRegister', name, COLUMN_WIDTHS, `Tirage CLN, registre public — empreinte ${record.head.fingerprint}`);
  let row = 1;
  const full = (value: string, style: CellStyle) => sheet.merged(row++, 1, LAST_COLUMN, value, style);
  const gap = () => row++;
  full('Ville de Roubaix — Conseil local du numérique', STYLES.subtitle);
  full(PUBLIC_REGISTER_TITLES[record.stage], STYLES.title);
  full(INTRODUCTION[record.stage], STYLES.note);
  gap();

  sheet.set(row, 1, 'Paramètre', STYLES.header).merged(row++, 2, LAST_COLUMN, 'Valeur', STYLES.header);
  const values = parameterValues(record);
  for (const key of record.stage === 'drawn' ? DRAWN_PARAMETERS : SEALED_PARAMETERS) {
    sheet.set(row, 1, PARAMETERS[key], LABEL);
    sheet.merged(row++, 2, LAST_COLUMN, values[key], key === 'fingerprint' || key === 'seedKey' || key === 'rulesLine' ? CODE : VALUE);
  }
  gap();

  full(SET_ASIDE_TITLE, STYLES.section);
  sheet.row(row++, SET_ASIDE_HEADER, STYLES.header);
  for (const code of INELIGIBILITY_CODES) {
    sheet.row(row, [INELIGIBILITY_LABELS[code], record.head.setAside[code]], { vertical: 'top' });
    sheet.set(row++, 3, code, STYLES.code);
  }
  gap();

  if (record.stage === 'drawn') {
    full(REPLACEMENTS_TITLE, STYLES.section);
    if (record.replacements.length === 0) full(NO_REPLACEMENT, STYLES.text);
    else {
      sheet.row(row++, REPLACEMENT_HEADER, STYLES.header);
      for (const r of record.replacements) {
        sheet.row(row, replacementRow(r), { vertical: 'top', wrap: true });
        sheet.set(row++, 1, r.fingerprint, withStyle(SEAL, { vertical: 'top' }));
      }
    }
    gap();
  }

  full(TABLE_TITLE[record.stage], STYLES.section);
  const headerRow = row++;
  const header = PUBLIC_TABLE_HEADERS[record.stage];
  sheet.row(headerRow, header, STYLES.header);
  if (record.stage === 'drawn') {
    for (const line of record.lines) {
      sheet.set(row, 1, line.seal, SEAL);
      sheet.row(row++, [line.sector, line.sex, line.priority ? YES : NO, line.drawNumber, statusLabel({ status: line.status, reserveRank: line.reserveRank, reason: null }), line.reserveRank, line.name], undefined, 2);
    }
  } else {
    for (const line of record.lines) {
      sheet.set(row, 1, line.seal, SEAL);
      sheet.row(row++, [line.sector, line.sex, line.priority ? YES : NO], undefined, 2);
    }
  }
  return sheet
    .table({ name: recordTableName(BASE_TABLE_NAMES.publicRegister, name), headerRow, firstColumn: 1, lastColumn: header.length, lastRow: headerRow + Math.max(1, record.lines.length) })
    .print({ orientation: 'landscape', repeatRows: { from: headerRow, to: headerRow } })
    .build();
}

// ---------------------------------------------------------------------------------------------
// Reading a published register back

/** A sealed line as found in a published register, with the name declared beside it. */
export interface StatedLine extends SealedEntry {
  /** The sheet's row (1-based), for messages. */
  sheetRow: number;
  name: string;
}

/** A replacement as a published register states it: the facts §11 hashes, the rest is recomputed. */
export interface StatedReplacement {
  sheetRow: number;
  date: string;
  leavingDrawNumber: number;
  joiningDrawNumber: number | null;
  rule: string;
  reason: string;
}

/** What a published register states; `problems` are values that cannot be what the tool wrote. */
export interface StatedPublicRecord {
  stage: PublicRecord['stage'];
  parameters: Record<Parameter, string>;
  setAside: Record<IneligibilityCode, number>;
  lines: StatedLine[];
  replacements: StatedReplacement[];
  problems: PublicDifference[];
}

/** A public register's sheet: the first rows are the tool's (a published file has no other way to say what it is). */
export function publicRegisterStage(rows: readonly (readonly CellValue[])[]): PublicRecord['stage'] | null {
  const title = text(rows[1]?.[0]);
  return title === PUBLIC_REGISTER_TITLES.drawn ? 'drawn' : title === PUBLIC_REGISTER_TITLES.sealed ? 'sealed' : null;
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function sameRow(found: readonly CellValue[] | undefined, expected: readonly string[]): boolean {
  return expected.every((name, i) => text(found?.[i]) === name);
}

function isEmptyRow(r: readonly CellValue[] | undefined): boolean {
  return r === undefined || r.every((v) => text(v) === '');
}

/** A positive whole number as a cell holds it, or null. */
function wholeNumber(value: CellValue | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** Thrown when the sheet's structure is not that of a public register: what is missing. */
export class NotAPublicRegisterError extends Error {
  constructor(readonly damage: PublicRegisterDamage) {
    super(describePublicRegisterDamage(damage));
    this.name = 'NotAPublicRegisterError';
  }
}

/**
 * Reads a published register where the builder wrote it. A missing part throws
 * NotAPublicRegisterError; a value that cannot be what the tool wrote is listed in `problems`.
 */
export function readPublicRegister(name: string, rows: readonly (readonly CellValue[])[]): StatedPublicRecord {
  const stage = publicRegisterStage(rows);
  if (stage === null) throw new NotAPublicRegisterError({ kind: 'public_register_title', sheet: name });
  const header = PUBLIC_TABLE_HEADERS[stage];
  const tableHeader = rows.findIndex((r) => sameRow(r, header) && text(r[header.length]) === '');
  if (tableHeader < 0) throw new NotAPublicRegisterError({ kind: 'public_table_missing', sheet: name, header });
  const problems: PublicDifference[] = [];
  // The cell is the one holding the value that cannot be the tool's.
  const report = (row: number, column: number, fault: PublicRowFault) => problems.push({ code: 'public_row', sheet: name, cell: cellAddress(column, row), row, fault });

  const found = new Map<string, string>();
  for (const r of rows.slice(0, tableHeader)) {
    const label = text(r[0]);
    if (label !== '' && !found.has(label)) found.set(label, text(r[1]));
  }
  const parameters = Object.fromEntries(
    (Object.keys(PARAMETERS) as Parameter[]).map((key) => {
      const value = found.get(PARAMETERS[key]);
      const expected = (stage === 'drawn' ? DRAWN_PARAMETERS : SEALED_PARAMETERS).includes(key);
      if (value === undefined && expected) throw new NotAPublicRegisterError({ kind: 'parameter_missing', label: PARAMETERS[key], sheet: name });
      return [key, value ?? ''];
    }),
  ) as Record<Parameter, string>;
  if (parameters.algorithm !== SEALED_ALGORITHM) {
    throw new NotAPublicRegisterError({ kind: 'public_register_algorithm', algorithm: parameters.algorithm });
  }

  const setAside = Object.fromEntries(INELIGIBILITY_CODES.map((code) => [code, 0])) as Record<IneligibilityCode, number>;
  const setAsideHeader = rows.findIndex((r) => sameRow(r, SET_ASIDE_HEADER));
  if (setAsideHeader < 0 || setAsideHeader > tableHeader) throw new NotAPublicRegisterError({ kind: 'set_aside_missing', sheet: name });
  for (let i = setAsideHeader + 1; i < tableHeader && !isEmptyRow(rows[i]); i++) {
    const code = text(rows[i][2]);
    const count = wholeNumber(rows[i][1]);
    if (!(INELIGIBILITY_CODES as readonly string[]).includes(code)) report(i + 1, 2, { kind: 'reason', found: code });
    else if (count === null) report(i + 1, 1, { kind: 'count', found: text(rows[i][1]) });
    else setAside[code as IneligibilityCode] = count;
  }

  const replacements: StatedReplacement[] = [];
  const replacementHeader = rows.findIndex((r) => sameRow(r, REPLACEMENT_HEADER));
  if (replacementHeader >= 0 && replacementHeader < tableHeader) {
    for (let i = replacementHeader + 1; i < tableHeader && !isEmptyRow(rows[i]); i++) {
      const r = rows[i];
      const leaving = wholeNumber(r[2]);
      const joining = text(r[3]) === '' ? null : wholeNumber(r[3]);
      if (leaving === null) report(i + 1, 2, { kind: 'leaving_draw_number', found: text(r[2]) });
      else if (text(r[3]) !== '' && joining === null) report(i + 1, 3, { kind: 'joining_draw_number', found: text(r[3]) });
      else replacements.push({ sheetRow: i + 1, date: text(r[1]), leavingDrawNumber: leaving, joiningDrawNumber: joining, rule: text(r[4]), reason: text(r[6]) });
    }
  }

  const lines: StatedLine[] = [];
  for (let i = tableHeader + 1; i < rows.length && !isEmptyRow(rows[i]); i++) {
    const r = rows[i];
    const seal = text(r[0]);
    const sex = text(r[2]);
    const priority = text(r[3]);
    if (!/^[0-9a-f]{64}$/.test(seal)) report(i + 1, 0, { kind: 'seal', found: seal });
    if (sex !== 'F' && sex !== 'H') report(i + 1, 2, { kind: 'sex', found: sex });
    if (priority !== YES && priority !== NO) report(i + 1, 3, { kind: 'priority', found: priority });
    lines.push({ sheetRow: i + 1, seal, sector: text(r[1]), sex: sex === 'H' ? 'H' : 'F', priority: priority === YES, name: stage === 'drawn' ? text(r[7]) : '' });
  }
  return { stage, parameters, setAside, lines, replacements, problems };
}
