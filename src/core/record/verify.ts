/**
 * `verify`: recompute the draw from the record's data sheet and the recorded seed, then compare
 * every cell of the record with what the draw gives. The record is rebuilt with the same builders
 * that wrote it, so any figure, name or status edited afterwards shows as a difference.
 */
import { isEligible, readCandidatures, type Candidature } from '../candidatures';
import { candidateLine } from '../fingerprint';
import { drawLots, prepareCandidatures, referenceDateOf, type DrawResult } from '../draw';
import { cellAddress, InputError } from '../errors';
import { cellOfKey, WHOLE_SHEET, type CellValue, type Sheet } from '../sheet';
import { parseAnnouncedFingerprint } from '../announcedFingerprint';
import { parseReplacementFingerprint } from '../replacementLog';
import { sheetBuilders } from './buildRecord';
import { DATA_TITLE, isDataSheet, NotARecordError, parseDataSheet, type RecordData } from './dataSheet';
import { journalDifferences } from './journal';
import { isRecordSheetName, ROLES, sheetNamesLike } from './names';
import type { RecordSheetNames, RecordValue, SheetModel } from './model';
import { checkReplacements, findReplacementSheets, replacementAnnouncedDifference, type FoundReplacement } from './replacements';

/**
 * A number format can show something else than the value: `;;;"Retenu·e"` displays a word over
 * any number or text. The record only uses plain formats (percentages), so a format with literal
 * text, sections, conditions or colours in a record sheet is reported.
 */
const DISGUISING_FORMAT = /["\\;[]/;

export interface RecordCheck {
  dataSheet: string;
  fingerprint: string;
  publicSeed: string;
  /** The record's sheets as its data sheet lists them (as its own name suggests, when it is unreadable). */
  sheetNames: RecordSheetNames;
  /** The workbook's sheets before this draw added its own. */
  inputSheets: string[];
  /** One French line per difference; empty when the record agrees with its data. */
  differences: string[];
  /** The Remplacement sheets of this draw, in the date order they were checked in. */
  replacements: string[];
  /** Their replacement fingerprints (ALGORITHM.md §11), recomputed, in the same order. */
  replacementFingerprints: string[];
}

function show(value: CellValue | RecordValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (value instanceof Date) return `« ${value.toISOString().slice(0, 10)} » (date)`;
  return typeof value === 'number' ? String(value).replace('.', ',') : `« ${String(value)} »`;
}

export function sameValue(expected: RecordValue, found: CellValue | undefined): boolean {
  const e = expected === '' ? null : expected;
  const f = found === '' || found === undefined ? null : found;
  if (e === null || f === null) return e === f;
  if (typeof e === 'number') return typeof f === 'number' && Math.abs(e - f) <= 1e-9 * Math.max(1, Math.abs(e));
  // Another program may store line breaks as CR LF.
  return typeof f === 'string' && f.replace(/\r\n/g, '\n') === e;
}

/**
 * Every cell that differs between the rebuilt sheet and the one found, in reading order. The
 * expected values are laid out as rows of cells, like the grid, so a sheet of 100,000 rows is
 * compared without a key or an object per cell.
 */
export function compareSheet(model: SheetModel, grid: Sheet): string[] {
  const expected: RecordValue[][] = [];
  for (const cell of model.cells) (expected[cell.row - 1] ??= [])[cell.column - 1] = cell.value;
  const differences: string[] = [];
  // In reading order, whatever order the reader found them in.
  const formats = [...grid.numberFormats].filter(([, format]) => DISGUISING_FORMAT.test(format)).sort(([a], [b]) => a - b);
  for (const [position, format] of formats) {
    const { row, column } = cellOfKey(position);
    differences.push(`${grid.name}, cellule ${cellAddress(column, row)} : format d’affichage « ${format} », qui peut montrer autre chose que la valeur.`);
  }
  const rowCount = Math.max(expected.length, grid.rows.length);
  for (let r = 0; r < rowCount; r++) {
    const want = expected[r] ?? [];
    const found = grid.rows[r] ?? [];
    const columns = Math.max(want.length, found.length);
    for (let c = 0; c < columns; c++) {
      const value = want[c] ?? null;
      if (!sameValue(value, found[c])) {
        differences.push(`${grid.name}, cellule ${cellAddress(c, r + 1)} : attendu ${show(value)}, trouvé ${show(found[c])}.`);
      }
    }
  }
  return differences;
}

/** Compares what the candidature sheet gives today with what the data sheet recorded. */
function rederive(data: RecordData, sheet: Sheet): string[] {
  const read = (from: Sheet): Map<number, Candidature> => {
    // Messages name the sheet, whatever reader read it.
    const { candidatures } = readCandidatures({ ...from, source: from.name }, data.bounds ?? WHOLE_SHEET, data.rules, referenceDateOf(data.referenceDate), data.columnMapping);
    return new Map(candidatures.map((c) => [c.row, c]));
  };
  let fromSheet: Map<number, Candidature>;
  try {
    fromSheet = read(sheet);
  } catch (error) {
    if (error instanceof InputError) return [`Feuille « ${sheet.name} » : ${error.message}`];
    throw error;
  }
  // A merged area changes no value (its other cells read as empty either way), only the
  // explanation of why a cell is empty, which a record may give or not: office.js gives a sheet's
  // merged areas only from ExcelApi 1.13 (Range.getMergedAreasOrNullObject), and the add-in asks
  // for 1.9. So a record explained without the sheet's merged areas conforms (the sheet read
  // without them), and where the reader could not see merged areas (merges: null, the add-in's own
  // check), so does a record explaining an empty cell by one (the row compared but that explanation).
  let withoutMerges: Map<number, Candidature> | undefined;
  const agreesAnyway = (c: Candidature, r: Candidature): boolean => {
    if (sheet.merges === null) return !isEligible(c) && c.problems[0].value === '' && summary(c, false) === summary(r, false);
    if (sheet.merges.length === 0) return false;
    withoutMerges ??= read({ ...sheet, merges: [] });
    const plain = withoutMerges.get(c.row);
    return plain !== undefined && summary(plain) === summary(r);
  };
  // Everything the data sheet records of a row, so an edit of an excluded row is caught too.
  function summary(c: Candidature, withDetail = true): string {
    if (isEligible(c)) return `recevable ${candidateLine(c)}`;
    const { code, cell, value, detail, onAge } = c.problems[0];
    return `écartée (${code}) ${JSON.stringify([c.sector, c.sex, c.lastName, c.firstName, c.birthDate, c.age, c.id, cell, value, withDetail ? (detail ?? null) : null, onAge ?? false])}`;
  }
  const recorded = new Map(data.candidatures.map((c) => [c.row, c]));
  const differences: string[] = [];
  for (const c of fromSheet.values()) {
    const r = recorded.get(c.row);
    recorded.delete(c.row);
    const where = `Feuille « ${sheet.name} », ligne ${c.row}`;
    if (r === undefined) differences.push(`${where} : candidature absente de « ${data.meta.sheetNames.data} » (${summary(c)}).`);
    else if (summary(c) !== summary(r) && !agreesAnyway(c, r)) differences.push(`${where} : la feuille donne ${summary(c)}, « ${data.meta.sheetNames.data} » consigne ${summary(r)}.`);
  }
  for (const r of recorded.values()) {
    differences.push(`« ${data.meta.sheetNames.data} » : la ligne ${r.row} ne correspond à aucune candidature de la feuille « ${sheet.name} ».`);
  }
  return differences;
}

function recompute(data: RecordData): DrawResult {
  const candidatures = [...data.candidatures].sort((a, b) => a.row - b.row);
  const prepared = prepareCandidatures(
    candidatures,
    {
      referenceDate: data.referenceDate,
      excludeInvalid: true,
      rules: data.rules,
      columns: data.columnMapping,
      bounds: data.bounds,
      ...(data.sealingKey === null ? {} : { sealingKey: data.sealingKey }),
    },
    data.headerRow,
  );
  return drawLots(prepared, data.publicSeed);
}

/**
 * The draw of a record, recomputed from its data sheet, for `replace`: the data must be readable
 * (NotARecordError otherwise); whether the record conforms is `verifyWorkbook`'s to say.
 */
export function readRecordDraw(sheets: readonly Sheet[], dataSheet: string): { data: RecordData; result: DrawResult } {
  const grid = sheets.find((s) => s.name === dataSheet);
  if (grid === undefined) throw new NotARecordError(`feuille « ${dataSheet} » introuvable`);
  const { data, problems } = parseDataSheet(grid.rows, grid.name);
  if (problems.length > 0) throw new NotARecordError(problems[0]);
  return { data, result: recompute(data) };
}

function checkRecord(dataGrid: Sheet, sheets: readonly Sheet[], replacements: readonly FoundReplacement[]): RecordCheck {
  const { data, problems } = parseDataSheet(dataGrid.rows, dataGrid.name);
  const differences = [...problems];
  const check: RecordCheck = { dataSheet: dataGrid.name, fingerprint: data.fingerprint, publicSeed: data.publicSeed, sheetNames: data.meta.sheetNames, inputSheets: data.meta.inputSheets, differences, replacements: [], replacementFingerprints: [] };
  if (data.meta.sheetNames.data !== dataGrid.name) {
    differences.push(`« ${dataGrid.name} » se présente comme la feuille « ${data.meta.sheetNames.data} » : la liste des feuilles du registre a été modifiée.`);
  }
  if (problems.length > 0) return check;

  let result: DrawResult;
  try {
    result = recompute(data);
  } catch (error) {
    // Data that cannot be drawn from again is not what the tool wrote.
    const reason = error instanceof Error ? error.message : String(error);
    differences.push(`« ${dataGrid.name} » : le tirage ne peut pas être recalculé à partir de ces données (${reason}).`);
    return check;
  }
  const computed = result.prepared.canonical.fingerprint;
  if (computed !== data.fingerprint) {
    differences.push(`Empreinte recalculée à partir de « ${dataGrid.name} » : ${computed} ; empreinte consignée : ${data.fingerprint}.`);
  }
  if (result.seedKey !== data.seedKey) {
    differences.push(`Clé de tirage recalculée : ${result.seedKey} ; clé consignée : ${data.seedKey}.`);
  }
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const build of sheetBuilders(result.prepared.algorithm)) {
    const model = build(result, data.meta);
    const grid = byName.get(model.name);
    if (grid === undefined) differences.push(`Feuille « ${model.name} » manquante.`);
    // One push per difference: an edited sheet of 100,000 rows gives more than a call's arguments can hold.
    else for (const difference of compareSheet(model, grid)) differences.push(difference);
  }
  const candidatureSheet = data.meta.candidatureSheet === null ? undefined : byName.get(data.meta.candidatureSheet);
  if (candidatureSheet) for (const difference of rederive(data, candidatureSheet)) differences.push(difference);
  else if (data.meta.candidatureSheet !== null) differences.push(`Feuille des candidatures « ${data.meta.candidatureSheet} » manquante.`);
  const replaced = checkReplacements(result, data, dataGrid.name, replacements, compareSheet);
  for (const difference of replaced.differences) differences.push(difference);
  check.replacements = replaced.sheets;
  check.replacementFingerprints = replaced.fingerprints;
  return check;
}

/** Every difference found, record by record, then for the workbook as a whole. */
export function allDifferences(check: WorkbookCheck): string[] {
  return [...check.records.flatMap((r) => r.differences), ...check.differences];
}

export interface WorkbookCheck {
  records: RecordCheck[];
  /** Differences that belong to no single record (a sheet no record accounts for, an announced fingerprint found nowhere). */
  differences: string[];
  /** The fingerprint announced in the session, when one was given, and whether a draw of the workbook has it. */
  announced: { fingerprint: string; found: boolean } | null;
}

/**
 * Checks every record of a workbook (a workbook may hold several draws). A sheet is taken for a
 * record's data sheet by its title or by its name, so that retitling it does not hide a draw.
 * Throws NotARecordError when the workbook holds no record at all.
 */
export function verifyWorkbook(sheets: readonly Sheet[], options: { expectedFingerprint?: string; expectedReplacementFingerprint?: string } = {}): WorkbookCheck {
  const dataSheets = sheets.filter((s) => isDataSheet(s.name, s.rows));
  // A draw the add-in's journal logged is reported even when every record sheet is gone.
  const logged = journalDifferences(sheets);
  if (dataSheets.length === 0) {
    const orphans = sheets.filter((s) => isRecordSheetName(s.name));
    const roles = new Set(orphans.map((s) => ROLES.find((role) => isRecordSheetName(s.name, role))));
    // One sheet called « Synthèse » may be anybody's; two of the record's sheets are a record that lost its data.
    if (roles.size < 2 && logged.length === 0) throw new NotARecordError(`aucune feuille « ${DATA_TITLE} » : ce classeur n’est pas un registre de tirage`);
    const names = orphans.map((s) => `« ${s.name} »`).join(', ');
    const orphaned =
      roles.size < 2
        ? []
        : [
            `Feuille « ${DATA_TITLE} » manquante : le classeur contient les feuilles de registre ${names}, mais plus les données qui ` +
              'permettent de recalculer le tirage et de les vérifier.',
          ];
    return { records: [], differences: [...logged, ...orphaned], announced: null };
  }
  const replacements = findReplacementSheets(sheets);
  const records = dataSheets.map((grid): RecordCheck => {
    try {
      return checkRecord(grid, sheets, replacements);
    } catch (error) {
      if (!(error instanceof NotARecordError)) throw error;
      // Unreadable: its sheets are presumed to be those named like it ("Tirage (2)" beside "Données du tirage (2)").
      const sheetNames = sheetNamesLike(grid.name);
      return { dataSheet: grid.name, fingerprint: '', publicSeed: '', sheetNames, inputSheets: [], differences: [`« ${grid.name} » : ${error.message}.`], replacements: [], replacementFingerprints: [] };
    }
  });
  const differences: string[] = [...logged];
  const accounted = new Set(records.flatMap((r) => [...Object.values(r.sheetNames), r.dataSheet, ...r.inputSheets]));
  for (const sheet of sheets) {
    if (isRecordSheetName(sheet.name) && !accounted.has(sheet.name)) {
      differences.push(`Feuille « ${sheet.name} » : nommée comme une feuille de registre, elle n’appartient à aucun tirage consigné dans ce classeur.`);
    }
  }
  const checked = new Set(records.flatMap((r) => r.replacements));
  for (const { grid, stated } of replacements) {
    if ('problem' in stated) differences.push(stated.problem);
    else if (!checked.has(grid.name)) {
      differences.push(`Feuille « ${grid.name} » : remplacement rattaché à « ${stated.dataSheet} », qui n’est pas un tirage lisible de ce classeur.`);
    }
  }
  const announced = options.expectedFingerprint === undefined ? undefined : parseAnnouncedFingerprint(options.expectedFingerprint);
  const found = announced !== undefined && records.some((r) => r.fingerprint.toLowerCase() === announced);
  if (announced !== undefined && !found) differences.push(announcedNotFound(announced, records.map((r) => r.fingerprint).filter((f) => f !== '')));
  // The notice published with the last replacement of the latest draw (the one `replace` adds to).
  if (options.expectedReplacementFingerprint !== undefined) {
    const latest = records[records.length - 1];
    const problem = replacementAnnouncedDifference(parseReplacementFingerprint(options.expectedReplacementFingerprint), latest?.replacementFingerprints ?? []);
    if (problem !== null) differences.push(problem);
  }
  return { records, differences, announced: announced === undefined ? null : { fingerprint: announced, found } };
}

/** The announced fingerprint is no draw's: the one difference no check inside the file can find. */
function announcedNotFound(announced: string, recorded: readonly string[]): string {
  const why = 'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.';
  if (recorded.length === 1) return `L’empreinte annoncée en séance (${announced}) n’est pas celle du tirage consigné (${recorded[0]}) : ${why}`;
  const which = recorded.length === 0 ? 'aucune empreinte consignée lisible' : `empreintes consignées : ${recorded.join(', ')}`;
  return `L’empreinte annoncée en séance (${announced}) n’est celle d’aucun tirage de ce classeur (${which}) : ${why}`;
}
