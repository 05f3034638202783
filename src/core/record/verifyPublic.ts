/**
 * `verify` of a public record (`tirage-cln/2`), with nothing else: its sealed lines give the
 * fingerprint again (§10), the seed gives the draw again (§4–§7, through the engine's own
 * `drawPositions`), the replacement rule gives each replacement again and §11 its fingerprint; the
 * register and the Publication are then rebuilt from these by the builders that wrote them and
 * compared cell by cell, like the private record's sheets.
 *
 * What a public record states and nobody can recompute from it — the sealed lines, the seed, the
 * names declared beside the seals, the counts of rows set aside, the place, the replacements'
 * dates and reasons — is held by what the city announced: the fingerprint before the seed
 * (`expectedFingerprint`), each replacement fingerprint on its notice (`expectedReplacementFingerprint`),
 * and each candidate's receipt for their own line.
 */
import { LATEST_LAYOUT } from './meta';
import { parseAnnouncedFingerprint } from '../announcedFingerprint';
import { parseReplacementFingerprint } from '../replacementLog';
import type { Candidature } from '../candidatures';
import { parseIsoDate } from '../dates';
import { drawPositions, groupOf, sectorIndexes, type CandidateOutcome, type DrawFacts } from '../draw';
import { INELIGIBILITY_CODES, InputError, keptProblem } from '../errors';
import { sortAndFingerprint } from '../fingerprint';
import { ZERO } from '../fraction';
import { mandatePeriod } from '../mandate';
import { allocationSpace, type SectorCounts } from '../parity';
import { MandateMembers, type Replacement } from '../replacement';
import { SEALED_ALGORITHM, type Rules } from '../rules';
import { publicLine } from '../seal';
import { normalisePublicSeed } from '../seed';
import type { PublicDifference } from '../problems';
import { cellAddress, MAX_ROWS, type Sheet } from '../sheet';
import { isDataSheet, NotARecordError, rulesFromLine } from './dataSheet';
import { buildPublicationSheet } from './publicationSheet';
import { publicDrawRecord, type PublicRecord, type PublicRecordHead, type SealedOutcome } from './publicRecord';
import { buildPublicRegisterSheet, publicRegisterStage, readPublicRegister, type StatedLine, type StatedPublicRecord } from './publicRegisterSheet';
import { PUBLIC_SHEET_NAMES } from './publicWorkbook';
import { replacementAnnouncedDifference } from './replacements';
import { compareSheet } from './verify';

export interface PublicRecordCheck {
  /** The register's sheet. */
  sheet: string;
  stage: PublicRecord['stage'];
  /** As the register states them. */
  fingerprint: string;
  /** '' before the draw. */
  publicSeed: string;
  /** The replacements applied again, in order, with their recomputed fingerprints. */
  replacements: { date: string; fingerprint: string }[];
  /** Empty when the public record agrees with itself (worded at the edge: publicMessages.ts's describePublicDifference). */
  differences: PublicDifference[];
  /** The record as recomputed from what it states, where a receipt is looked up; null when it could not be. */
  recomputed: PublicRecord | null;
}

export interface PublicWorkbookCheck {
  record: PublicRecordCheck;
  /** Differences of the workbook as a whole: a sheet no public record has, an announced fingerprint not found. */
  differences: PublicDifference[];
  announced: { fingerprint: string; found: boolean } | null;
  /** The seed announced in the room (read as the draw reads it), when one was given, and whether this draw has it. */
  announcedSeed: { seed: string; found: boolean } | null;
}

export interface PublicCheckOptions {
  /** The fingerprint announced before the seed. */
  expectedFingerprint?: string;
  /** The fingerprint of the last replacement, as its notice published it. */
  expectedReplacementFingerprint?: string;
  /** The seed announced in the room, already read with `norm` (readAnnouncedSeed): the one a redraw with another seed does not have. */
  expectedSeed?: string;
}

/** The sheet holding a public register, known by its title. */
export function findPublicRegister(sheets: readonly Sheet[]): Sheet | undefined {
  return sheets.find((s) => publicRegisterStage(s.rows) !== null);
}

/** A workbook that is a public record: a public register, and no private record's data. */
export function isPublicRecord(sheets: readonly Sheet[]): boolean {
  return findPublicRegister(sheets) !== undefined && !sheets.some((s) => isDataSheet(s.name, s.rows));
}

/** Every difference of a public workbook. */
export function allPublicDifferences(check: PublicWorkbookCheck): PublicDifference[] {
  return [...check.record.differences, ...check.differences];
}

/**
 * Checks a public record alone. Throws NotARecordError when the workbook holds no public register,
 * NotAPublicRegisterError when its structure is not the tool's.
 */
export function verifyPublicWorkbook(sheets: readonly Sheet[], options: PublicCheckOptions = {}): PublicWorkbookCheck {
  const register = findPublicRegister(sheets);
  if (register === undefined) throw new NotARecordError({ kind: 'no_public_register' });
  const stated = readPublicRegister(register.name, register.rows);
  const record = checkRegister(register, stated, sheets);
  const differences: PublicDifference[] = [];
  const own = stated.stage === 'drawn' ? [register.name, PUBLIC_SHEET_NAMES.publication] : [register.name];
  for (const sheet of sheets) {
    if (!own.includes(sheet.name)) differences.push({ code: 'public_sheet_foreign', sheet: sheet.name, own });
  }
  let announced: PublicWorkbookCheck['announced'] = null;
  if (options.expectedFingerprint !== undefined) {
    const fingerprint = parseAnnouncedFingerprint(options.expectedFingerprint);
    announced = { fingerprint, found: record.fingerprint.toLowerCase() === fingerprint };
    if (!announced.found) differences.push({ code: 'announced_fingerprint_not_public', announced: fingerprint, recorded: record.fingerprint });
  }
  if (options.expectedReplacementFingerprint !== undefined) {
    const problem = replacementAnnouncedDifference(parseReplacementFingerprint(options.expectedReplacementFingerprint), record.replacements.map((r) => r.fingerprint));
    if (problem !== null) differences.push(problem);
  }
  // A sealed table published before the seed has none: an announced seed is then found nowhere.
  let announcedSeed: PublicWorkbookCheck['announcedSeed'] = null;
  if (options.expectedSeed !== undefined) {
    const seed = options.expectedSeed;
    const drawn = record.stage === 'drawn' && record.fingerprint !== '';
    announcedSeed = { seed, found: drawn && record.publicSeed === seed };
    if (!announcedSeed.found) {
      const recorded = drawn ? [{ dataSheet: record.sheet, cell: '', seed: record.publicSeed }] : [];
      differences.push({ code: 'announced_seed_not_found', announced: seed, recorded });
    }
  }
  return { record, differences, announced, announcedSeed };
}

function checkRegister(register: Sheet, stated: StatedPublicRecord, sheets: readonly Sheet[]): PublicRecordCheck {
  const { parameters } = stated;
  const name = register.name;
  const differences = [...stated.problems];
  const check: PublicRecordCheck = { sheet: name, stage: stated.stage, fingerprint: parameters.fingerprint, publicSeed: parameters.publicSeed, replacements: [], differences, recomputed: null };
  if (differences.length > 0) return check;

  let rules: Rules;
  try {
    rules = rulesFromLine(parameters.rulesLine, parameters.preset).rules;
  } catch (error) {
    if (!(error instanceof NotARecordError)) throw error;
    differences.push({ code: 'record_unreadable', sheet: name, damage: error.damage });
    return check;
  }
  const [algorithm, lineDate] = JSON.parse(parameters.rulesLine) as unknown[];
  if (algorithm !== SEALED_ALGORITHM || lineDate !== parameters.referenceDate || parseIsoDate(parameters.referenceDate) === null) {
    differences.push({ code: 'public_rules_line', sheet: name, line: parameters.rulesLine, referenceDate: parameters.referenceDate });
    return check;
  }
  for (const line of stated.lines) {
    if (!rules.sectors.includes(line.sector)) {
      differences.push({ code: 'public_row', sheet: name, cell: cellAddress(1, line.sheetRow), row: line.sheetRow, fault: { kind: 'sector', found: line.sector } });
    }
  }
  if (differences.length > 0) return check;

  let sorted: ReturnType<typeof sortAndFingerprint>;
  try {
    sorted = sortAndFingerprint(parameters.rulesLine, stated.lines.map((l) => publicLine(l.seal, l.sector, l.sex, l.priority)));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    differences.push({ code: 'public_register_refused', sheet: name, problem: keptProblem(error) });
    return check;
  }
  // The table in canonical order: a line moved in the sheet shows as the cells that differ.
  const lines = sorted.sourceIndex.map((index) => stated.lines[index]);
  if (sorted.fingerprint !== parameters.fingerprint) {
    differences.push({ code: 'public_fingerprint_differs', sheet: name, computed: sorted.fingerprint, recorded: parameters.fingerprint });
  }
  const head: PublicRecordHead = {
    algorithm: SEALED_ALGORITHM,
    preset: rules.preset,
    referenceDate: parameters.referenceDate,
    rulesLine: parameters.rulesLine,
    fingerprint: sorted.fingerprint,
    setAside: stated.setAside,
  };
  if (stated.stage === 'sealed') {
    const recomputed: PublicRecord = { stage: 'sealed', head, lines: lines.map(({ seal, sector, sex, priority }) => ({ seal, sector, sex, priority })) };
    check.recomputed = recomputed;
    for (const difference of compareSheet(buildPublicRegisterSheet(recomputed, name), register)) differences.push(difference);
    return check;
  }
  return checkDrawn(check, register, stated, rules, head, lines, sheets);
}

/** The drawn record: the draw, the replacements and both sheets, again. */
function checkDrawn(
  check: PublicRecordCheck,
  register: Sheet,
  stated: StatedPublicRecord,
  rules: Rules,
  head: PublicRecordHead,
  lines: readonly StatedLine[],
  sheets: readonly Sheet[],
): PublicRecordCheck {
  const { parameters } = stated;
  const { differences } = check;
  const name = register.name;
  let publicSeed: string;
  try {
    publicSeed = normalisePublicSeed(parameters.publicSeed);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    differences.push({ code: 'public_register_refused', sheet: name, problem: keptProblem(error) });
    return check;
  }
  const { mandateStart, place } = parameters;
  if (parseIsoDate(mandateStart) === null || mandateStart < head.referenceDate) {
    differences.push({ code: 'record_unreadable', sheet: name, damage: { kind: 'mandate_start_impossible', start: mandateStart } });
    return check;
  }
  const setAside = INELIGIBILITY_CODES.reduce((sum, code) => sum + stated.setAside[code], 0);
  if (lines.length === 0 || lines.length + setAside > MAX_ROWS) {
    differences.push({ code: 'public_table_size', sheet: name, lines: lines.length, setAside });
    return check;
  }
  for (const line of lines) {
    if (line.name.trim() === '') differences.push({ code: 'public_row', sheet: name, cell: cellAddress(7, line.sheetRow), row: line.sheetRow, fault: { kind: 'name_missing' } });
  }

  const draw = drawAgain(rules, head, publicSeed, lines, stated.setAside);
  if (draw.facts.seedKey !== parameters.seedKey) differences.push({ code: 'seed_key_differs', sheet: name, computed: draw.facts.seedKey, recorded: parameters.seedKey });

  // The replacement rule identifies people by their row; in a public record their draw number is their row.
  const members = new MandateMembers(draw.facts, mandatePeriod(mandateStart));
  const replacements: Replacement[] = [];
  let refused = false;
  for (const r of stated.replacements) {
    try {
      replacements.push(members.replace({ date: r.date, reason: r.reason, leavingRow: r.leavingDrawNumber, chosenRow: r.rule === 'chosen' ? r.joiningDrawNumber : null }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      differences.push({ code: 'public_replacement_against_rule', sheet: name, cell: cellAddress(0, r.sheetRow), row: r.sheetRow, problem: keptProblem(error) });
      refused = true;
    }
  }
  if (refused) return check;

  const meta = { place, mandateStart };
  const recomputed = publicDrawRecord(draw.facts, draw.lines, meta, replacements);
  check.recomputed = recomputed;
  check.replacements = recomputed.replacements.map((r) => ({ date: r.date, fingerprint: r.fingerprint }));
  for (const difference of compareSheet(buildPublicRegisterSheet(recomputed, name), register)) differences.push(difference);
  const publication = sheets.find((s) => s.name === PUBLIC_SHEET_NAMES.publication);
  if (publication === undefined) differences.push({ code: 'sheet_missing', sheet: PUBLIC_SHEET_NAMES.publication });
  else for (const difference of compareSheet(buildPublicationSheet(draw.facts, { ...meta, layout: LATEST_LAYOUT, sheetNames: { publication: publication.name } }), publication)) differences.push(difference);
  return check;
}

/** A candidature known only by what a public record says of it (the rest is empty). */
function publicCandidature(row: number, fields: Partial<Candidature>): Candidature {
  return { row, id: '', lastName: '', firstName: '', sex: null, sector: null, birthDate: null, age: null, problems: [], ...fields };
}

/**
 * The draw again from the sealed lines in canonical order: each line's outcome (its candidature
 * holding only the public fields, and the name declared beside its seal), then one outcome per row
 * set aside, by reason.
 */
function drawAgain(rules: Rules, head: PublicRecordHead, publicSeed: string, lines: readonly StatedLine[], setAside: StatedPublicRecord['setAside']): { facts: DrawFacts; lines: SealedOutcome[] } {
  const sectorIndex = sectorIndexes(rules);
  const counts: SectorCounts[] = rules.sectors.map(() => ({ women: 0, men: 0 }));
  const group = new Int32Array(lines.length);
  lines.forEach((line, position) => {
    const sector = sectorIndex.get(line.sector) as number;
    group[position] = groupOf(sector, line.sex);
    if (line.sex === 'F') counts[sector].women++;
    else counts[sector].men++;
  });
  const space = allocationSpace(rules, counts);
  const drawn = drawPositions(rules, space, head.fingerprint, publicSeed, group, lines.map((l) => l.priority));
  const sealed = lines.map((line, position): SealedOutcome => {
    const drawNumber = drawn.drawNumbers[position];
    // displayName('', name) is the name as declared: the record wrote « DUPONT Marie » whole.
    const candidature = publicCandidature(drawNumber, { firstName: line.name, sex: line.sex, sector: line.sector });
    return {
      seal: line.seal,
      // No chance is published, and none is shown from a public record.
      outcome: { candidature, reason: null, priority: line.priority, drawNumber, status: drawn.status[position], reserveRank: drawn.reserveRank[position], probability: ZERO },
    };
  });
  const outcomes: CandidateOutcome[] = sealed.map((s) => s.outcome);
  for (const code of INELIGIBILITY_CODES) {
    for (let k = 0; k < setAside[code]; k++) {
      const row = outcomes.length + 1;
      // Only its reason is published (a count per reason): the outcome says it, the cells behind it are not known.
      const candidature = publicCandidature(row, {});
      outcomes.push({ candidature, reason: code, priority: false, drawNumber: null, status: 'ineligible', reserveRank: null, probability: ZERO });
    }
  }
  const facts: DrawFacts = {
    prepared: { algorithm: SEALED_ALGORITHM, rules, referenceDate: head.referenceDate, space, canonical: { fingerprint: head.fingerprint, headerLine: head.rulesLine } },
    publicSeed,
    seedKey: drawn.seedKey,
    allocation: drawn.allocation,
    outcomes,
  };
  return { facts, lines: sealed };
}
