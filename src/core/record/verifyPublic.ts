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
import { describeDifference } from '../messages';
import { parseAnnouncedFingerprint } from '../announcedFingerprint';
import { parseReplacementFingerprint } from '../replacementLog';
import type { Candidature } from '../candidatures';
import { parseIsoDate } from '../dates';
import { drawPositions, groupOf, sectorIndexes, type CandidateOutcome, type DrawFacts } from '../draw';
import { INELIGIBILITY_CODES, InputError } from '../errors';
import { sortAndFingerprint } from '../fingerprint';
import { ZERO } from '../fraction';
import { mandatePeriod } from '../mandate';
import { allocationSpace, type SectorCounts } from '../parity';
import { MandateMembers, type Replacement } from '../replacement';
import { SEALED_ALGORITHM, type Rules } from '../rules';
import { publicLine } from '../seal';
import { normalisePublicSeed } from '../seed';
import { MAX_ROWS, type Sheet } from '../sheet';
import { isDataSheet, NotARecordError, rulesFromLine } from './dataSheet';
import { buildPublicationSheet } from './publicationSheet';
import { publicDrawRecord, type PublicRecord, type PublicRecordHead, type SealedOutcome } from './publicRecord';
import { buildPublicRegisterSheet, NotAPublicRegisterError, publicRegisterStage, readPublicRegister, type StatedLine, type StatedPublicRecord } from './publicRegisterSheet';
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
  /** One French line per difference; empty when the public record agrees with itself. */
  differences: string[];
  /** The record as recomputed from what it states, where a receipt is looked up; null when it could not be. */
  recomputed: PublicRecord | null;
}

export interface PublicWorkbookCheck {
  record: PublicRecordCheck;
  /** Differences of the workbook as a whole: a sheet no public record has, an announced fingerprint not found. */
  differences: string[];
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
export function allPublicDifferences(check: PublicWorkbookCheck): string[] {
  return [...check.record.differences, ...check.differences];
}

/**
 * Checks a public record alone. Throws NotARecordError when the workbook holds no public register,
 * or one whose structure is not the tool's.
 */
export function verifyPublicWorkbook(sheets: readonly Sheet[], options: PublicCheckOptions = {}): PublicWorkbookCheck {
  const register = findPublicRegister(sheets);
  if (register === undefined) throw new NotARecordError({ kind: 'no_public_register' });
  let stated: StatedPublicRecord;
  try {
    stated = readPublicRegister(register.name, register.rows);
  } catch (error) {
    if (error instanceof NotAPublicRegisterError) throw new NotARecordError({ kind: 'public_register_unreadable', detail: error.message });
    throw error;
  }
  const record = checkRegister(register, stated, sheets);
  const differences: string[] = [];
  const own = stated.stage === 'drawn' ? [register.name, PUBLIC_SHEET_NAMES.publication] : [register.name];
  for (const sheet of sheets) {
    if (!own.includes(sheet.name)) {
      differences.push(`Feuille « ${sheet.name} » : elle ne fait pas partie d’un registre public, qui n’a que ${own.map((name) => `« ${name} »`).join(' et ')}.`);
    }
  }
  let announced: PublicWorkbookCheck['announced'] = null;
  if (options.expectedFingerprint !== undefined) {
    const fingerprint = parseAnnouncedFingerprint(options.expectedFingerprint);
    announced = { fingerprint, found: record.fingerprint.toLowerCase() === fingerprint };
    if (!announced.found) {
      differences.push(
        `L’empreinte annoncée en séance (${fingerprint}) n’est pas celle du registre public (${record.fingerprint}) : ` +
          'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.',
      );
    }
  }
  if (options.expectedReplacementFingerprint !== undefined) {
    const problem = replacementAnnouncedDifference(parseReplacementFingerprint(options.expectedReplacementFingerprint), record.replacements.map((r) => r.fingerprint));
    if (problem !== null) differences.push(describeDifference(problem));
  }
  // A sealed table published before the seed has none: an announced seed is then found nowhere.
  let announcedSeed: PublicWorkbookCheck['announcedSeed'] = null;
  if (options.expectedSeed !== undefined) {
    const seed = options.expectedSeed;
    const drawn = record.stage === 'drawn' && record.fingerprint !== '';
    announcedSeed = { seed, found: drawn && record.publicSeed === seed };
    if (!announcedSeed.found) {
      const recorded = drawn ? [{ dataSheet: record.sheet, cell: '', seed: record.publicSeed }] : [];
      differences.push(describeDifference({ code: 'announced_seed_not_found', announced: seed, recorded }));
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
    differences.push(`« ${name} » : ${error.message}.`);
    return check;
  }
  const [algorithm, lineDate] = JSON.parse(parameters.rulesLine) as unknown[];
  if (algorithm !== SEALED_ALGORITHM || lineDate !== parameters.referenceDate || parseIsoDate(parameters.referenceDate) === null) {
    differences.push(`« ${name} » : la ligne des règles (${parameters.rulesLine}) n’est pas celle d’un tirage ${SEALED_ALGORITHM} du ${parameters.referenceDate}.`);
    return check;
  }
  for (const line of stated.lines) {
    if (!rules.sectors.includes(line.sector)) differences.push(`${name}, ligne ${line.sheetRow} : secteur « ${line.sector} » inconnu des règles.`);
  }
  if (differences.length > 0) return check;

  let sorted: ReturnType<typeof sortAndFingerprint>;
  try {
    sorted = sortAndFingerprint(parameters.rulesLine, stated.lines.map((l) => publicLine(l.seal, l.sector, l.sex, l.priority)));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    differences.push(`« ${name} » : ${error.message}`);
    return check;
  }
  // The table in canonical order: a line moved in the sheet shows as the cells that differ.
  const lines = sorted.sourceIndex.map((index) => stated.lines[index]);
  if (sorted.fingerprint !== parameters.fingerprint) {
    differences.push(`Empreinte recalculée à partir de la table scellée de « ${name} » : ${sorted.fingerprint} ; empreinte consignée : ${parameters.fingerprint}.`);
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
    for (const difference of compareSheet(buildPublicRegisterSheet(recomputed, name), register)) differences.push(describeDifference(difference));
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
    differences.push(`« ${name} » : ${error.message}`);
    return check;
  }
  const { mandateStart, place } = parameters;
  if (parseIsoDate(mandateStart) === null || mandateStart < head.referenceDate) {
    differences.push(`« ${name} » : début du mandat impossible « ${mandateStart} ».`);
    return check;
  }
  const setAside = INELIGIBILITY_CODES.reduce((sum, code) => sum + stated.setAside[code], 0);
  if (lines.length === 0 || lines.length + setAside > MAX_ROWS) {
    differences.push(`« ${name} » : ${lines.length} ligne(s) scellée(s) et ${setAside} candidature(s) écartée(s) : ce n’est pas un tableau de candidatures tiré au sort.`);
    return check;
  }
  for (const line of lines) {
    if (line.name.trim() === '') differences.push(`${name}, ligne ${line.sheetRow} : nom manquant ; le registre public nomme chaque membre et chaque personne de la liste complémentaire.`);
  }

  const draw = drawAgain(rules, head, publicSeed, lines, stated.setAside);
  if (draw.facts.seedKey !== parameters.seedKey) differences.push(`Clé de tirage recalculée : ${draw.facts.seedKey} ; clé consignée : ${parameters.seedKey}.`);

  // The replacement rule identifies people by their row; in a public record their draw number is their row.
  const members = new MandateMembers(draw.facts, mandatePeriod(mandateStart));
  const replacements: Replacement[] = [];
  let refused = false;
  for (const r of stated.replacements) {
    try {
      replacements.push(members.replace({ date: r.date, reason: r.reason, leavingRow: r.leavingDrawNumber, chosenRow: r.rule === 'chosen' ? r.joiningDrawNumber : null }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      differences.push(`${name}, ligne ${r.sheetRow} : ce remplacement ne suit pas la règle (les numéros de ligne y sont les n° de tirage). ${error.message}`);
      refused = true;
    }
  }
  if (refused) return check;

  const meta = { place, mandateStart };
  const recomputed = publicDrawRecord(draw.facts, draw.lines, meta, replacements);
  check.recomputed = recomputed;
  check.replacements = recomputed.replacements.map((r) => ({ date: r.date, fingerprint: r.fingerprint }));
  for (const difference of compareSheet(buildPublicRegisterSheet(recomputed, name), register)) differences.push(describeDifference(difference));
  const publication = sheets.find((s) => s.name === PUBLIC_SHEET_NAMES.publication);
  if (publication === undefined) differences.push(`Feuille « ${PUBLIC_SHEET_NAMES.publication} » manquante.`);
  else for (const difference of compareSheet(buildPublicationSheet(draw.facts, { ...meta, layout: LATEST_LAYOUT, sheetNames: { publication: publication.name } }), publication)) differences.push(describeDifference(difference));
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
