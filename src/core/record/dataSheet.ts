/**
 * The *Données du tirage* sheet: the canonical input and the parameters, enough to recompute the
 * draw from the file alone. Written and read here, in one place, so the two cannot disagree.
 */
import type { Candidature } from '../candidatures';
import { FIELD_LABELS, type ColumnMapping, type Field } from '../columns';
import type { DrawResult } from '../draw';
import { INELIGIBILITY_CODES, type IneligibilityCode, type RowProblem } from '../errors';
import { parseIsoDate } from '../dates';
import { ALGORITHMS, isAlgorithmId, PLAIN_ALGORITHM, SEALED_ALGORITHM, type AgeBand, type AlgorithmId, type Rules } from '../rules';
import { describeSealingKeyProblem, sealingKeyProblem } from '../seal';
import { areaAddress, parseAreaAddress, type CellArea, type CellValue } from '../sheet';
import { norm } from '../text';
import type { RecordMeta } from './meta';
import { parseOfficials } from './meta';
import type { CellStyle, RecordSheetNames, SheetModel } from './model';
import { BASE_TABLE_NAMES, isRecordSheetName, recordRoles, recordTableName, sheetNameOf } from './names';
import { SheetBuilder, STYLES, withStyle } from './sheetBuilder';

export const DATA_TITLE = 'Données du tirage';

const PARAMETERS = {
  algorithm: 'Algorithme',
  preset: 'Règles',
  referenceDate: 'Date du tirage (AAAA-MM-JJ)',
  mandateStart: 'Début du mandat (AAAA-MM-JJ)',
  rulesLine: 'Ligne des règles (ligne 0 de l’empreinte)',
  publicSeed: 'Graine publique',
  fingerprint: 'Empreinte',
  seedKey: 'Clé de tirage',
  sealingKey: 'Clé de scellement (secrète, à ne pas publier)',
  optimalAllocations: 'Répartitions optimales',
  allocationRank: 'Répartition retenue (rang)',
  place: 'Lieu',
  officials: 'Élus et personnes présents',
  sourceFile: 'Fichier d’origine',
  candidatureSheet: 'Feuille des candidatures',
  bounds: 'Plage du tableau des candidatures',
  headerRow: 'Ligne d’en-tête des candidatures',
  columnMapping: 'Correspondance des colonnes',
  recordSheets: 'Feuilles du registre',
  inputSheets: 'Feuilles du classeur avant le tirage',
  laterDrawReason: 'Motif d’un nouveau tirage',
} as const;
type Parameter = keyof typeof PARAMETERS;
/**
 * Parameters whose row is left out when empty (records written before them have no such row; a
 * `tirage-cln/1` draw has no sealing key).
 */
const OPTIONAL_PARAMETERS: readonly Parameter[] = ['sealingKey', 'bounds', 'columnMapping', 'laterDrawReason'];

export const CANDIDATE_HEADER = [
  'Ligne',
  'Recevable',
  'Secteur',
  'Sexe',
  'Nom',
  'Prénom',
  'Date de naissance',
  'Âge',
  'N°',
  'Motif',
  'Cellule',
  'Valeur lue',
  'Précision',
  'Colonne en cause',
];

const PARAMETERS_TOP = 4;
const LABEL: CellStyle = withStyle(STYLES.label, { wrap: true });
const VALUE: CellStyle = { vertical: 'top', wrap: true, horizontal: 'left' };
const CODE: CellStyle = withStyle(STYLES.code, { wrap: true, horizontal: 'left' });
const WRAPPED: CellStyle = { vertical: 'top', wrap: true };

function parameterValues(result: DrawResult, meta: RecordMeta): Record<Parameter, string> {
  const { prepared } = result;
  return {
    algorithm: prepared.algorithm,
    preset: prepared.rules.preset,
    referenceDate: prepared.referenceDate,
    mandateStart: meta.mandateStart,
    rulesLine: prepared.canonical.headerLine,
    publicSeed: result.publicSeed,
    fingerprint: prepared.canonical.fingerprint,
    seedKey: result.seedKey,
    // ALGORITHM.md §10: the key is kept with the private record, so that `verify` seals the candidatures again.
    sealingKey: prepared.canonical.algorithm === SEALED_ALGORITHM ? prepared.canonical.sealingKey : '',
    optimalAllocations: String(prepared.space.count),
    allocationRank: String(result.allocationIndex + 1n),
    place: meta.place,
    officials: meta.officials.join('; '),
    sourceFile: meta.sourceFile,
    candidatureSheet: meta.candidatureSheet ?? '',
    // Written only when the candidatures were an Excel table's range, not the whole sheet: `verify`
    // reads that range again (records without this row were read from the whole sheet).
    bounds: prepared.bounds === null ? '' : areaAddress(prepared.bounds),
    headerRow: prepared.headerRow === null ? '' : String(prepared.headerRow),
    // JSON: a header may hold any character, ';' and '=' included. Written only when the operator
    // named columns, so that records without a mapping keep their layout.
    columnMapping: Object.keys(prepared.columnMapping).length === 0 ? '' : JSON.stringify(prepared.columnMapping),
    // The sheets of the draw's version: a `tirage-cln/1` record lists its five, as it always has.
    recordSheets: recordRoles(prepared.algorithm).map((role) => sheetNameOf(meta.sheetNames, role)).join('; '),
    // JSON: a sheet name may hold any character but a few, ';' included.
    inputSheets: JSON.stringify(meta.inputSheets),
    laterDrawReason: meta.laterDrawReason ?? '',
  };
}

/** Eligible candidates in canonical order (the fingerprinted list), then the others by row. */
function dataRows(result: DrawResult): Candidature[] {
  const excluded = result.prepared.candidatures.filter((c) => c.problems.length > 0);
  return [...result.prepared.canonical.order, ...excluded];
}

export function buildDataSheet(result: DrawResult, meta: RecordMeta): SheetModel {
  // Narrow enough for A4 landscape at 77 % (8.5 points): the long texts wrap rather than widen the page.
  const sheet = new SheetBuilder('data', meta.sheetNames.data, [22, 11, 9, 5, 20, 16, 11, 5, 8, 18, 8, 12, 22, 9], `Tirage CLN — empreinte ${result.prepared.canonical.fingerprint}`);
  const last = CANDIDATE_HEADER.length;
  sheet.set(1, 1, DATA_TITLE, STYLES.title);
  sheet.merged(
    2,
    1,
    CANDIDATE_HEADER.length,
    'Tout ce qu’il faut pour refaire le tirage à partir de ce fichier seul (algorithme public docs/ALGORITHM.md). Ne pas modifier : « tirage-cln verify » compare chaque chiffre du registre à ces données.',
    STYLES.note,
  );
  // Each value across the page, wrapped: a long one (the rules line, the sheets' names) stays on the printed page.
  sheet.set(PARAMETERS_TOP, 1, 'Paramètre', STYLES.header).merged(PARAMETERS_TOP, 2, last, 'Valeur', STYLES.header);
  const values = parameterValues(result, meta);
  const parameters = (Object.keys(PARAMETERS) as Parameter[]).filter((key) => !(OPTIONAL_PARAMETERS.includes(key) && values[key] === ''));
  parameters.forEach((key, i) => {
    const row = PARAMETERS_TOP + 1 + i;
    sheet.set(row, 1, PARAMETERS[key], LABEL);
    sheet.merged(row, 2, last, values[key], key === 'fingerprint' || key === 'seedKey' || key === 'sealingKey' || key === 'rulesLine' ? CODE : VALUE);
  });

  const titleRow = PARAMETERS_TOP + parameters.length + 2;
  sheet.set(titleRow, 1, 'Candidatures : les recevables dans l’ordre canonique (celui de l’empreinte), puis les écartées', STYLES.section);
  const headerRow = titleRow + 1;
  sheet.row(headerRow, CANDIDATE_HEADER, STYLES.header);
  const rows = dataRows(result);
  rows.forEach((c, i) => {
    const problem = c.problems[0];
    const row = headerRow + 1 + i;
    sheet.row(row, [c.row, problem ? 'non' : 'oui', c.sector ?? '', c.sex ?? '']);
    sheet.row(row, [c.lastName, c.firstName], WRAPPED, 5);
    sheet.row(row, [c.birthDate ?? '', c.age, c.id, problem?.code ?? '', problem?.cell ?? ''], undefined, 7);
    sheet.row(row, [problem?.value ?? '', problem?.detail ?? ''], WRAPPED, 12);
    sheet.set(row, 14, problem?.onAge ? 'Âge' : '');
  });
  // Printed for the archive, legibly (paper.ts: never below 8 points): the whole record on paper
  // is enough to check the draw, and these pages are where it starts. The header repeats on each page.
  return sheet
    .table({ name: recordTableName(BASE_TABLE_NAMES.data, meta.sheetNames.data), headerRow, firstColumn: 1, lastColumn: last, lastRow: headerRow + Math.max(1, rows.length) })
    .freeze(0)
    .print({ orientation: 'landscape', legible: 'width', repeatRows: { from: headerRow, to: headerRow } })
    .build();
}

/** What the data sheet says, read back. */
export interface RecordData {
  algorithm: AlgorithmId;
  /** The sealing key of a `tirage-cln/2` draw (64 hex digits); null for `/1`. */
  sealingKey: string | null;
  rules: Rules;
  referenceDate: string;
  publicSeed: string;
  fingerprint: string;
  seedKey: string;
  meta: RecordMeta;
  headerRow: number | null;
  /** Columns the operator named explicitly (empty when none). */
  columnMapping: ColumnMapping;
  /** The Excel table's range the candidatures were read from; null when the whole sheet was. */
  bounds: CellArea | null;
  candidatures: Candidature[];
}

/** The data sheet cannot be read: its structure is not that of a record. */
export class NotARecordError extends Error {}

/** A data sheet by its title, or by the name the tool gives it ("Données du tirage (2)"). */
export function isDataSheet(name: string, rows: readonly (readonly CellValue[])[]): boolean {
  return text(rows[0]?.[0]).trim() === DATA_TITLE || isRecordSheetName(name, 'data');
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The rules a rules line (line0 of the fingerprint) states, with the preset's name; NotARecordError when it is not one. */
export function rulesFromLine(line: string, preset: string): { algorithm: AlgorithmId; rules: Rules } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new NotARecordError(`la ligne des règles n’est pas lisible (« ${line} »)`);
  }
  if (!Array.isArray(parsed) || parsed.length !== 7) throw new NotARecordError(`la ligne des règles n’a pas la forme attendue (« ${line} »)`);
  const [algorithm, , seatsPerSector, minimumAge, ageRuleAbove, priorityBands, sectors] = parsed as unknown[];
  if (!isAlgorithmId(algorithm)) {
    throw new NotARecordError(`algorithme « ${String(algorithm)} » non pris en charge par cette version (seuls ${ALGORITHMS.join(' et ')} le sont)`);
  }
  const isInt = (x: unknown): x is number => Number.isInteger(x);
  const bandsOk =
    Array.isArray(priorityBands) && priorityBands.every((b) => Array.isArray(b) && b.length === 2 && isInt(b[0]) && (b[1] === null || isInt(b[1])));
  const sectorsOk = Array.isArray(sectors) && sectors.every((s) => typeof s === 'string');
  const inRange = (x: unknown, min: number, max: number) => isInt(x) && x >= min && x <= max;
  const bandsInRange = bandsOk && (priorityBands as [number, number | null][]).every(([min, max]) => inRange(min, 0, 150) && (max === null || inRange(max, min, 150)));
  const sectorList = sectors as string[];
  const sectorsDistinct = sectorsOk && sectorList.length > 0 && new Set(sectorList).size === sectorList.length && sectorList.every((name) => name.trim() !== '');
  if (!inRange(seatsPerSector, 1, 1000) || !inRange(minimumAge, 0, 150) || !inRange(ageRuleAbove, 0, 1000) || !bandsInRange || !sectorsDistinct) {
    throw new NotARecordError(`la ligne des règles n’a pas la forme attendue (« ${line} »)`);
  }
  return {
    algorithm,
    rules: { preset, sectors: sectorList, seatsPerSector: seatsPerSector as number, minimumAge: minimumAge as number, ageRuleAbove: ageRuleAbove as number, priorityBands: priorityBands as AgeBand[] },
  };
}

/** The sealing key a data sheet records: required by `tirage-cln/2`, absent from `/1`. */
function sealingKeyOf(algorithm: AlgorithmId, key: string, sheetName: string): string | null {
  if (algorithm === PLAIN_ALGORITHM) {
    if (key !== '') throw new NotARecordError(`« ${sheetName} » consigne une clé de scellement pour un tirage ${PLAIN_ALGORITHM}, qui n’en a pas`);
    return null;
  }
  if (key === '') throw new NotARecordError(`clé de scellement introuvable dans « ${sheetName} » : un tirage ${SEALED_ALGORITHM} ne peut pas être recalculé sans elle`);
  const problem = sealingKeyProblem(key);
  if (problem !== null) throw new NotARecordError(`clé de scellement illisible dans « ${sheetName} » (${describeSealingKeyProblem(problem)})`);
  return key;
}

/**
 * Reads a data sheet. Structural damage (no parameters, no candidate table, unknown algorithm)
 * throws NotARecordError; a value that cannot be what the writer wrote is listed in `problems`.
 */
export function parseDataSheet(rows: readonly (readonly CellValue[])[], sheetName: string): { data: RecordData; problems: string[] } {
  if (text(rows[0]?.[0]) !== DATA_TITLE) throw new NotARecordError(`la feuille ne commence pas par son titre « ${DATA_TITLE} »`);
  const problems: string[] = [];
  const found = new Map<string, string>();
  rows.forEach((r) => {
    const label = text(r[0]);
    if (label !== '' && !found.has(label)) found.set(label, text(r[1]));
  });
  const param = (key: Parameter): string => {
    const value = found.get(PARAMETERS[key]) ?? (OPTIONAL_PARAMETERS.includes(key) ? '' : undefined);
    if (value === undefined) throw new NotARecordError(`paramètre « ${PARAMETERS[key]} » introuvable dans « ${sheetName} »`);
    return value;
  };
  const { algorithm, rules } = rulesFromLine(param('rulesLine'), param('preset'));
  const referenceDate = param('referenceDate');
  if (param('algorithm') !== algorithm) throw new NotARecordError(`algorithme « ${param('algorithm')} » non pris en charge, ou autre que celui de la ligne des règles (${algorithm})`);
  const sealingKey = sealingKeyOf(algorithm, param('sealingKey'), sheetName);
  if (parseIsoDate(referenceDate) === null) throw new NotARecordError(`date du tirage illisible « ${referenceDate} »`);
  const mandateStart = param('mandateStart');
  if (parseIsoDate(mandateStart) === null || mandateStart < referenceDate) throw new NotARecordError(`début du mandat impossible « ${mandateStart} »`);

  const headerIndex = rows.findIndex((r) => CANDIDATE_HEADER.every((name, i) => text(r[i]) === name));
  if (headerIndex < 0) throw new NotARecordError(`tableau des candidatures introuvable dans « ${sheetName} »`);
  const candidatures: Candidature[] = [];
  const seenRows = new Set<number>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.every((v) => text(v) === '')) break;
    const where = `${sheetName}, ligne ${i + 1}`;
    const row = r[0];
    const age = r[7];
    const eligible = text(r[1]);
    if (typeof row !== 'number' || !Number.isInteger(row)) problems.push(`${where} : numéro de ligne illisible « ${text(row)} ».`);
    else if (seenRows.has(row)) problems.push(`${where} : la ligne ${row} des candidatures apparaît deux fois.`);
    else seenRows.add(row);
    if (!(age === null || age === '' || (typeof age === 'number' && Number.isInteger(age)))) problems.push(`${where} : âge illisible « ${text(age)} ».`);
    if (eligible !== 'oui' && eligible !== 'non') problems.push(`${where} : « Recevable » doit valoir oui ou non, trouvé « ${eligible} ».`);
    const sex = text(r[3]);
    const code = text(r[9]);
    if (eligible === 'non' && !(INELIGIBILITY_CODES as readonly string[]).includes(code)) problems.push(`${where} : motif inconnu « ${code} ».`);
    const candidateRow = typeof row === 'number' ? row : Number.NaN;
    const problem: RowProblem[] =
      eligible === 'non'
        ? [
            {
              code: code as IneligibilityCode,
              row: candidateRow,
              cell: text(r[10]) === '' ? null : text(r[10]),
              value: text(r[11]),
              ...(text(r[12]) ? { detail: text(r[12]) } : {}),
              ...(text(r[13]) === 'Âge' ? { onAge: true as const } : {}),
            },
          ]
        : [];
    candidatures.push({
      row: candidateRow,
      id: text(r[8]),
      lastName: text(r[4]),
      firstName: text(r[5]),
      sex: sex === 'F' || sex === 'H' ? sex : null,
      sector: text(r[2]) === '' ? null : text(r[2]),
      birthDate: text(r[6]) === '' ? null : text(r[6]),
      age: typeof age === 'number' ? age : null,
      problems: problem,
    });
    if (eligible === 'oui' && (sex !== 'F' && sex !== 'H')) problems.push(`${where} : sexe « ${sex} » impossible pour une candidature recevable.`);
    if (eligible === 'oui' && !rules.sectors.includes(text(r[2]))) problems.push(`${where} : secteur « ${text(r[2])} » inconnu des règles.`);
    if (eligible === 'oui' && typeof age !== 'number') problems.push(`${where} : âge manquant pour une candidature recevable.`);
  }
  const names = param('recordSheets').split(';').map((n) => n.trim());
  const roles = recordRoles(algorithm);
  if (names.length !== roles.length) throw new NotARecordError(`liste des feuilles du registre illisible dans « ${sheetName} »`);
  const sheetNames = Object.fromEntries(roles.map((role, i) => [role, names[i]])) as RecordSheetNames;
  const headerRow = param('headerRow');
  let inputSheets: string[];
  try {
    const parsed: unknown = JSON.parse(param('inputSheets'));
    if (!Array.isArray(parsed) || !parsed.every((n) => typeof n === 'string')) throw new Error('not a list of names');
    inputSheets = parsed as string[];
  } catch {
    throw new NotARecordError(`liste des feuilles d’origine illisible dans « ${sheetName} »`);
  }
  return {
    data: {
      algorithm,
      sealingKey,
      rules,
      referenceDate,
      columnMapping: columnMappingOf(param('columnMapping'), sheetName),
      bounds: boundsOf(param('bounds'), sheetName),
      publicSeed: norm(param('publicSeed')),
      fingerprint: param('fingerprint'),
      seedKey: param('seedKey'),
      headerRow: /^\d+$/.test(headerRow) ? Number(headerRow) : null,
      candidatures,
      meta: {
        place: param('place'),
        officials: parseOfficials(param('officials')),
        candidatureSheet: param('candidatureSheet') === '' ? null : param('candidatureSheet'),
        sourceFile: param('sourceFile'),
        inputSheets,
        mandateStart,
        sheetNames,
        ...(param('laterDrawReason') === '' ? {} : { laterDrawReason: param('laterDrawReason') }),
      },
    },
    problems,
  };
}

function boundsOf(text: string, sheetName: string): CellArea | null {
  if (text === '') return null;
  const area = parseAreaAddress(text);
  if (area === null || areaAddress(area) !== text) throw new NotARecordError(`plage du tableau des candidatures illisible dans « ${sheetName} » (« ${text} »)`);
  return area;
}

function columnMappingOf(text: string, sheetName: string): ColumnMapping {
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const fields = Object.keys(FIELD_LABELS);
  const valid =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) &&
    Object.entries(parsed).every(([field, header]) => fields.includes(field) && typeof header === 'string' && header !== '');
  if (!valid) throw new NotARecordError(`correspondance des colonnes illisible dans « ${sheetName} » (« ${text} »)`);
  return parsed as Partial<Record<Field, string>>;
}
