/**
 * The public record of a sealed draw (`tirage-cln/2`, ALGORITHM.md §10 « What is published »), as
 * pure data: exactly what the city may publish, and what anyone re-runs the draw from. Two stages:
 * - the **sealed table**, before the seed: the rules, the fingerprint, each sealed line (seal,
 *   sector, sex, priority) and the counts of rows set aside, so that each candidate can check with
 *   their receipt that they are in it before the draw;
 * - the **drawn record**: the same with the seed, the seed key, each line's draw number, status and
 *   reserve rank, the names of members and reserves beside their seals, and the replacements of
 *   the mandate with their fingerprints (§11).
 *
 * Built from the private draw (`sealedTableOf`, `publicDrawRecord`) and, by `verify`, from a
 * published record's own lines: one model, one sheet builder (publicRegisterSheet.ts), so what is
 * published and what is checked cannot drift apart. Nothing here holds a birth date, an age, a row
 * or candidature number, a receipt or the name of anyone set aside: the types have no room for them.
 */
import { canonicalPositions, type CandidateOutcome, type DrawFacts, type DrawResult, type PreparedDraw, type Status } from '../draw';
import { INELIGIBILITY_CODES, type IneligibilityCode } from '../errors';
import type { Replacement, ReplacementRule } from '../replacement';
import { replacementEvent, replacementFingerprints } from '../replacementLog';
import { SEALED_ALGORITHM, type Sex } from '../rules';
import { displayName } from './labels';

/** public(c) of §10: one line of the sealed table. */
export interface SealedEntry {
  seal: string;
  sector: string;
  sex: Sex;
  priority: boolean;
}

/** A line of the drawn record: its sealed entry, what the draw gave it, and the name declared beside it. */
export interface DrawnEntry extends SealedEntry {
  drawNumber: number;
  status: Exclude<Status, 'ineligible'>;
  reserveRank: number | null;
  /** « DUPONT Marie »: every drawn line is a member or on the reserve list, whose names are published. */
  name: string;
}

/** Someone a replacement concerns, as published: by draw number and name. */
export interface PublishedPerson {
  drawNumber: number;
  name: string;
}

/** A replacement as published (§11): no row, no personal data beyond the names of who leaves and who joins. */
export interface PublishedReplacement {
  date: string;
  leaving: PublishedPerson;
  joining: PublishedPerson | null;
  rule: ReplacementRule;
  reason: string;
  /** chain_k, the replacement fingerprint. */
  fingerprint: string;
}

/** What both stages state first. */
export interface PublicRecordHead {
  algorithm: typeof SEALED_ALGORITHM;
  /** The rules' preset (`roubaix-cln-2025`). */
  preset: string;
  referenceDate: string;
  /** line0 of §10, whose values are the rules. */
  rulesLine: string;
  fingerprint: string;
  /** Rows set aside, counted by reason (every reason, zero included): never who. */
  setAside: Record<IneligibilityCode, number>;
}

/** Before the seed: the sealed table alone. */
export interface SealedTable {
  stage: 'sealed';
  head: PublicRecordHead;
  /** In canonical order. */
  lines: SealedEntry[];
}

/** After the draw. */
export interface PublicDrawRecord {
  stage: 'drawn';
  head: PublicRecordHead;
  publicSeed: string;
  seedKey: string;
  /** Where the session took place ('' when not given), and the mandate's first day: the Publication says both. */
  place: string;
  mandateStart: string;
  /** In canonical order. */
  lines: DrawnEntry[];
  /** In the order they were recorded (date order). */
  replacements: PublishedReplacement[];
}

export type PublicRecord = SealedTable | PublicDrawRecord;

/** A sealed line's seal beside the outcome of its candidature: what a drawn record is made from, in canonical order. */
export interface SealedOutcome {
  seal: string;
  outcome: CandidateOutcome;
}

function refuseUnsealed(algorithm: string): void {
  // The front ends offer a public record only for a sealed draw; `/1` publishes its candidatures' lines, not seals.
  if (algorithm !== SEALED_ALGORITHM) throw new Error(`a public record needs a sealed draw (${SEALED_ALGORITHM}), not ${algorithm}`);
}

function setAsideCounts(reasons: Iterable<IneligibilityCode | null>): Record<IneligibilityCode, number> {
  const counts = Object.fromEntries(INELIGIBILITY_CODES.map((code) => [code, 0])) as Record<IneligibilityCode, number>;
  for (const reason of reasons) if (reason !== null) counts[reason]++;
  return counts;
}

function headOf(draw: Pick<DrawFacts, 'prepared'>, reasons: Iterable<IneligibilityCode | null>): PublicRecordHead {
  const { prepared } = draw;
  refuseUnsealed(prepared.algorithm);
  return {
    algorithm: SEALED_ALGORITHM,
    preset: prepared.rules.preset,
    referenceDate: prepared.referenceDate,
    rulesLine: prepared.canonical.headerLine,
    fingerprint: prepared.canonical.fingerprint,
    setAside: setAsideCounts(reasons),
  };
}

/** For each canonical position, the index of its candidature in row order. */
function rowIndexes(prepared: PreparedDraw): Int32Array {
  const positions = canonicalPositions(prepared);
  const rows = new Int32Array(prepared.canonical.order.length);
  positions.forEach((position, i) => {
    if (position >= 0) rows[position] = i;
  });
  return rows;
}

/** The sealed table of a prepared sealed draw, before the seed. */
export function sealedTableOf(prepared: PreparedDraw): SealedTable {
  const { canonical } = prepared;
  if (canonical.algorithm !== SEALED_ALGORITHM) throw new Error(`a sealed table needs a sealed draw (${SEALED_ALGORITHM}), not ${canonical.algorithm}`);
  const rows = rowIndexes(prepared);
  return {
    stage: 'sealed',
    head: headOf({ prepared }, prepared.candidatures.map((c) => c.problems[0]?.code ?? null)),
    lines: canonical.order.map((c, position) => ({ seal: canonical.seals[position], sector: c.sector, sex: c.sex, priority: prepared.priorities[rows[position]] })),
  };
}

/** Each sealed line of a private sealed draw with its candidature's outcome, in canonical order. */
export function sealedOutcomes(result: DrawResult): SealedOutcome[] {
  const { canonical } = result.prepared;
  if (canonical.algorithm !== SEALED_ALGORITHM) throw new Error(`no seals in a ${canonical.algorithm} draw`);
  const rows = rowIndexes(result.prepared);
  return canonical.seals.map((seal, position) => ({ seal, outcome: result.outcomes[rows[position]] }));
}

/** « DUPONT Marie », as the Publication names people. */
function nameOf(o: CandidateOutcome): string {
  return displayName(o.candidature.lastName, o.candidature.firstName);
}

function personOf(o: CandidateOutcome): PublishedPerson {
  return { drawNumber: o.drawNumber as number, name: nameOf(o) };
}

/** What the public record says beyond the draw. */
export interface PublicRecordMeta {
  place: string;
  mandateStart: string;
}

/**
 * The drawn public record: the draw's public facts, its sealed lines with their outcomes (canonical
 * order), and the replacements recorded so far (date order), each with its §11 fingerprint.
 */
export function publicDrawRecord(draw: DrawFacts, lines: readonly SealedOutcome[], meta: PublicRecordMeta, replacements: readonly Replacement[]): PublicDrawRecord {
  const fingerprints = replacementFingerprints(draw.seedKey, replacements.map(replacementEvent));
  return {
    stage: 'drawn',
    head: headOf(draw, draw.outcomes.map((o) => o.reason)),
    publicSeed: draw.publicSeed,
    seedKey: draw.seedKey,
    place: meta.place,
    mandateStart: meta.mandateStart,
    lines: lines.map(({ seal, outcome }) => {
      const c = outcome.candidature;
      if (outcome.status === 'ineligible' || c.sector === null || c.sex === null || outcome.drawNumber === null) {
        throw new Error('a sealed line is an eligible candidature');
      }
      return {
        seal,
        sector: c.sector,
        sex: c.sex,
        priority: outcome.priority,
        drawNumber: outcome.drawNumber,
        status: outcome.status,
        reserveRank: outcome.reserveRank,
        name: nameOf(outcome),
      };
    }),
    replacements: replacements.map((r, k) => ({
      date: r.request.date,
      leaving: personOf(r.leaving),
      joining: r.joining === null ? null : personOf(r.joining),
      rule: r.rule,
      reason: r.request.reason,
      fingerprint: fingerprints[k],
    })),
  };
}
