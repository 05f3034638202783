/**
 * `verify`: recompute the draw from the record's data sheet and the recorded seed, then compare
 * every cell of the record with what the draw gives. The record is rebuilt with the same builders
 * that wrote it, so any figure, name or status edited afterwards shows as a difference.
 */
import { isEligible, readCandidatures, type Candidature } from '../candidatures';
import { candidateLine } from '../fingerprint';
import { drawLots, prepareCandidatures, referenceDateOf, type DrawResult } from '../draw';
import { InputError, keptProblem } from '../errors';
import type { CandidatureFacts, Difference } from '../problems';
import { cellAddress, WHOLE_SHEET, type CellValue, type Sheet } from '../sheet';
import { parseAnnouncedFingerprint } from '../announcedFingerprint';
import { normalisePublicSeed } from '../seed';
import { parseReplacementFingerprint } from '../replacementLog';
import { sheetBuilders } from './buildRecord';
import { compareDisplay } from './display';
import { isDataSheet, NotARecordError, parseDataSheet, type RecordData } from './dataSheet';
import { journalDifferences } from './journal';
import { isRecordSheetName, JOURNAL_SHEET, lookAlikeOf, nameKey, replacementNumberOf, ROLES, sheetNamesLike } from './names';
import type { RecordSheetNames, RecordValue, SheetModel } from './model';
import { checkReplacements, findReplacementSheets, replacementAnnouncedDifference, type FoundReplacement } from './replacements';

export interface RecordCheck {
  dataSheet: string;
  fingerprint: string;
  publicSeed: string;
  /** Where the data sheet holds the seed ("B10"); '' when it is unreadable. */
  seedCell: string;
  /** The record's sheets as its data sheet lists them (as its own name suggests, when it is unreadable). */
  sheetNames: RecordSheetNames;
  /** The workbook's sheets before this draw added its own. */
  inputSheets: string[];
  /** Every difference, in the order found; empty when the record agrees with its data. */
  differences: Difference[];
  /** The Remplacement sheets of this draw, in the date order they were checked in. */
  replacements: string[];
  /** Their replacement fingerprints (ALGORITHM.md §11), recomputed, in the same order. */
  replacementFingerprints: string[];
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
 * Every cell that differs between the rebuilt sheet and the one found, in reading order, and what
 * shows them otherwise than the plan (display.ts). The
 * expected values are laid out as rows of cells, like the grid, so a sheet of 100,000 rows is
 * compared without a key or an object per cell.
 */
export function compareSheet(model: SheetModel, grid: Sheet): Difference[] {
  const expected: RecordValue[][] = [];
  for (const cell of model.cells) (expected[cell.row - 1] ??= [])[cell.column - 1] = cell.value;
  // What decides how the values are shown first (number formats, looks, what hides them), then the values.
  const differences: Difference[] = compareDisplay(model, grid);
  const rowCount = Math.max(expected.length, grid.rows.length);
  for (let r = 0; r < rowCount; r++) {
    const want = expected[r] ?? [];
    const found = grid.rows[r] ?? [];
    const columns = Math.max(want.length, found.length);
    for (let c = 0; c < columns; c++) {
      const value = want[c] ?? null;
      if (!sameValue(value, found[c])) differences.push({ code: 'cell_value', sheet: grid.name, cell: cellAddress(c, r + 1), expected: value, found: found[c] ?? null });
    }
  }
  return differences;
}

/** Everything the data sheet records of a candidature, so an edit of an excluded row is caught too. */
function factsOf(c: Candidature): CandidatureFacts {
  if (isEligible(c)) return { eligible: true, line: candidateLine(c) };
  const { sector, sex, lastName, firstName, birthDate, age, id } = c;
  return { eligible: false, sector, sex, lastName, firstName, birthDate, age, id, problem: c.problems[0] };
}

/** JSON with its keys in order, so two facts compare as text whatever order they were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The facts as one comparable text; `withBlank: false` leaves out why an empty cell reads as empty. */
function factsKey(facts: CandidatureFacts, withBlank = true): string {
  if (facts.eligible) return `recevable ${facts.line}`;
  const { problem, ...fields } = facts;
  const { blank, ...cause } = problem as typeof problem & { blank?: unknown };
  return canonicalJson({ ...fields, problem: withBlank ? { ...cause, blank } : cause });
}

/** Compares what the candidature sheet gives today with what the data sheet recorded. */
function rederive(data: RecordData, sheet: Sheet): Difference[] {
  const read = (from: Sheet): Map<number, Candidature> => {
    // Messages name the sheet, whatever reader read it.
    const { candidatures } = readCandidatures({ ...from, source: from.name }, data.bounds ?? WHOLE_SHEET, data.rules, referenceDateOf(data.referenceDate), data.columnMapping);
    return new Map(candidatures.map((c) => [c.row, c]));
  };
  let fromSheet: Map<number, Candidature>;
  try {
    fromSheet = read(sheet);
  } catch (error) {
    if (error instanceof InputError) return [{ code: 'candidatures_unreadable', sheet: sheet.name, problem: keptProblem(error) }];
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
    if (sheet.merges === null) return !isEligible(c) && c.problems[0].value === '' && factsKey(factsOf(c), false) === factsKey(factsOf(r), false);
    if (sheet.merges.length === 0) return false;
    withoutMerges ??= read({ ...sheet, merges: [] });
    const plain = withoutMerges.get(c.row);
    return plain !== undefined && factsKey(factsOf(plain)) === factsKey(factsOf(r));
  };
  const recorded = new Map(data.candidatures.map((c) => [c.row, c]));
  const dataSheet = data.meta.sheetNames.data;
  const differences: Difference[] = [];
  for (const c of fromSheet.values()) {
    const r = recorded.get(c.row);
    recorded.delete(c.row);
    const where = { sheet: sheet.name, cell: cellAddress(0, c.row), row: c.row, dataSheet };
    if (r === undefined) differences.push({ code: 'candidature_not_recorded', ...where, found: factsOf(c) });
    else if (factsKey(factsOf(c)) !== factsKey(factsOf(r)) && !agreesAnyway(c, r)) {
      differences.push({ code: 'candidature_differs', ...where, found: factsOf(c), recorded: factsOf(r) });
    }
  }
  for (const r of recorded.values()) differences.push({ code: 'recorded_row_not_in_sheet', sheet: dataSheet, row: r.row, candidatureSheet: sheet.name });
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
  if (grid === undefined) throw new NotARecordError({ kind: 'data_sheet_not_found', sheet: dataSheet });
  const { data, problems } = parseDataSheet(grid.rows, grid.name);
  if (problems.length > 0) throw new NotARecordError({ kind: 'data_row', difference: problems[0] });
  return { data, result: recompute(data) };
}

function checkRecord(dataGrid: Sheet, sheets: readonly Sheet[], replacements: readonly FoundReplacement[], sheetNames: readonly string[]): RecordCheck {
  const { data, problems } = parseDataSheet(dataGrid.rows, dataGrid.name);
  const differences: Difference[] = [...problems];
  const check: RecordCheck = {
    dataSheet: dataGrid.name,
    fingerprint: data.fingerprint,
    publicSeed: data.publicSeed,
    seedCell: data.cells.publicSeed,
    sheetNames: data.meta.sheetNames,
    inputSheets: data.meta.inputSheets,
    differences,
    replacements: [],
    replacementFingerprints: [],
  };
  // What the workbook held before this draw and no longer holds: an earlier draw's sheets, the journal.
  const present = new Set(sheetNames.map(nameKey));
  for (const removed of data.meta.inputSheets) {
    const journal = nameKey(removed) === nameKey(JOURNAL_SHEET);
    if (present.has(nameKey(removed)) || !(journal || isRecordSheetName(removed) || replacementNumberOf(removed) !== null)) continue;
    differences.push({ code: 'earlier_sheet_removed', sheet: dataGrid.name, cell: data.cells.inputSheets, removed, journal });
  }
  if (data.meta.sheetNames.data !== dataGrid.name) differences.push({ code: 'data_sheet_renamed', sheet: dataGrid.name, statedName: data.meta.sheetNames.data });
  if (problems.length > 0) return check;

  let result: DrawResult;
  try {
    result = recompute(data);
  } catch (error) {
    // Data that cannot be drawn from again is not what the tool wrote.
    const reason = error instanceof InputError ? keptProblem(error) : { message: error instanceof Error ? error.message : String(error) };
    differences.push({ code: 'not_recomputable', sheet: dataGrid.name, reason });
    return check;
  }
  const computed = result.prepared.canonical.fingerprint;
  if (computed !== data.fingerprint) differences.push({ code: 'fingerprint_differs', sheet: dataGrid.name, computed, recorded: data.fingerprint });
  if (result.seedKey !== data.seedKey) differences.push({ code: 'seed_key_differs', sheet: dataGrid.name, computed: result.seedKey, recorded: data.seedKey });
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const build of sheetBuilders(result.prepared.algorithm)) {
    const model = build(result, data.meta);
    const grid = byName.get(model.name);
    if (grid === undefined) differences.push({ code: 'sheet_missing', sheet: model.name });
    // One push per difference: an edited sheet of 100,000 rows gives more than a call's arguments can hold.
    else for (const difference of compareSheet(model, grid)) differences.push(difference);
  }
  const candidatureSheet = data.meta.candidatureSheet === null ? undefined : byName.get(data.meta.candidatureSheet);
  if (candidatureSheet) for (const difference of rederive(data, candidatureSheet)) differences.push(difference);
  else if (data.meta.candidatureSheet !== null) differences.push({ code: 'candidature_sheet_missing', sheet: data.meta.candidatureSheet });
  const replaced = checkReplacements(result, data, dataGrid.name, replacements, compareSheet);
  for (const difference of replaced.differences) differences.push(difference);
  check.replacements = replaced.sheets;
  check.replacementFingerprints = replaced.fingerprints;
  return check;
}

/** Every difference found, record by record, then for the workbook as a whole. */
export function allDifferences(check: WorkbookCheck): Difference[] {
  return [...check.records.flatMap((r) => r.differences), ...check.differences];
}

export interface WorkbookCheck {
  records: RecordCheck[];
  /** Differences that belong to no single record (a sheet no record accounts for, an announced fingerprint found nowhere). */
  differences: Difference[];
  /** Sheets added after the draw that look like no record sheet: not differences, listed so the reader knows. */
  addedSheets: string[];
  /** The fingerprint announced in the session, when one was given, and whether a draw of the workbook has it. */
  announced: { fingerprint: string; found: boolean } | null;
  /** The seed announced in the session (read as the draw reads a seed), when one was given, and whether a draw of the workbook has it. */
  announcedSeed: { seed: string; found: boolean } | null;
}

/**
 * The seed announced in the session as a citizen types it back: read with `norm`, as the draw reads
 * the seed it is given (ALGORITHM.md §4), so spaces and composed accents count as the draw counts them.
 */
export function readAnnouncedSeed(text: string): string {
  return normalisePublicSeed(text);
}

/**
 * Checks every record of a workbook (a workbook may hold several draws). A sheet is taken for a
 * record's data sheet by its title or by its name, so that retitling it does not hide a draw.
 * Throws NotARecordError when the workbook holds no record at all.
 */
export function verifyWorkbook(
  sheets: readonly Sheet[],
  options: {
    expectedFingerprint?: string;
    expectedSeed?: string;
    /** The fingerprint published with the last replacement (ALGORITHM.md §11). */
    expectedReplacementFingerprint?: string;
    /** Every sheet of the workbook, when `sheets` holds only some (the add-in's check right after writing reads the record's own). */
    sheetNames?: readonly string[];
  } = {},
): WorkbookCheck {
  const dataSheets = sheets.filter((s) => isDataSheet(s.name, s.rows));
  // A draw the add-in's journal logged is reported even when every record sheet is gone.
  const logged = journalDifferences(sheets);
  if (dataSheets.length === 0) {
    const orphans = sheets.filter((s) => isRecordSheetName(s.name));
    const roles = new Set(orphans.map((s) => ROLES.find((role) => isRecordSheetName(s.name, role))));
    // One sheet called « Synthèse » may be anybody's; two of the record's sheets are a record that lost its data.
    if (roles.size < 2 && logged.length === 0) throw new NotARecordError({ kind: 'no_data_sheet' });
    const orphaned: Difference[] = roles.size < 2 ? [] : [{ code: 'data_sheet_missing', sheets: orphans.map((s) => s.name) }];
    return { records: [], differences: [...logged, ...orphaned], addedSheets: [], announced: null, announcedSeed: null };
  }
  const replacements = findReplacementSheets(sheets);
  const records = dataSheets.map((grid): RecordCheck => {
    try {
      return checkRecord(grid, sheets, replacements, options.sheetNames ?? sheets.map((s) => s.name));
    } catch (error) {
      if (!(error instanceof NotARecordError)) throw error;
      // Unreadable: its sheets are presumed to be those named like it ("Tirage (2)" beside "Données du tirage (2)").
      const sheetNames = sheetNamesLike(grid.name);
      return {
        dataSheet: grid.name,
        fingerprint: '',
        publicSeed: '',
        seedCell: '',
        sheetNames,
        inputSheets: [],
        differences: [{ code: 'record_unreadable', sheet: grid.name, damage: error.damage }],
        replacements: [],
        replacementFingerprints: [],
      };
    }
  });
  const differences: Difference[] = [...logged];
  // Sheets that do not belong: named as the tool names a record's sheets, or like one of them; any other sheet added after the draw is listed.
  const accounted = new Set(records.flatMap((r) => [...Object.values(r.sheetNames), r.dataSheet, ...r.inputSheets]));
  const known = new Set([...replacements.map((r) => r.grid.name), ...sheets.filter((s) => nameKey(s.name) === nameKey(JOURNAL_SHEET)).map((s) => s.name)]);
  const addedSheets: string[] = [];
  for (const sheet of sheets) {
    if (accounted.has(sheet.name) || known.has(sheet.name)) continue;
    const like = lookAlikeOf(sheet.name);
    if (isRecordSheetName(sheet.name)) differences.push({ code: 'stray_record_sheet', sheet: sheet.name });
    else if (like !== null) differences.push({ code: 'look_alike_sheet', sheet: sheet.name, like });
    else addedSheets.push(sheet.name);
  }
  const checked = new Set(records.flatMap((r) => r.replacements));
  for (const { grid, stated } of replacements) {
    if ('problem' in stated) differences.push(stated.problem);
    else if (!checked.has(grid.name)) differences.push({ code: 'replacement_orphan', sheet: grid.name, dataSheet: stated.dataSheet });
  }
  const announced = options.expectedFingerprint === undefined ? undefined : parseAnnouncedFingerprint(options.expectedFingerprint);
  const found = announced !== undefined && records.some((r) => r.fingerprint.toLowerCase() === announced);
  if (announced !== undefined && !found) {
    differences.push({ code: 'announced_fingerprint_not_found', announced, recorded: records.map((r) => r.fingerprint).filter((f) => f !== '') });
  }
  const seed = options.expectedSeed === undefined ? undefined : readAnnouncedSeed(options.expectedSeed);
  const seedFound = seed !== undefined && records.some((r) => r.fingerprint !== '' && r.publicSeed === seed);
  if (seed !== undefined && !seedFound) {
    const recorded = records.filter((r) => r.fingerprint !== '').map((r) => ({ dataSheet: r.dataSheet, cell: r.seedCell, seed: r.publicSeed }));
    const where = recorded.length === 1 ? { sheet: recorded[0].dataSheet, cell: recorded[0].cell } : {};
    differences.push({ code: 'announced_seed_not_found', announced: seed, recorded, ...where });
  }
  // The notice published with the last replacement of the latest draw (the one `replace` adds to).
  if (options.expectedReplacementFingerprint !== undefined) {
    const latest = records[records.length - 1];
    const problem = replacementAnnouncedDifference(parseReplacementFingerprint(options.expectedReplacementFingerprint), latest?.replacementFingerprints ?? []);
    if (problem !== null) differences.push(problem);
  }
  return {
    records,
    differences,
    addedSheets,
    announced: announced === undefined ? null : { fingerprint: announced, found },
    announcedSeed: seed === undefined ? null : { seed, found: seedFound },
  };
}
