/**
 * The sealed table of a `tirage-cln/2` draw (ALGORITHM.md §10), as the front ends and the record
 * need it: each eligible candidature with its receipt (for the candidate alone), its seal and its
 * public line (for everyone), in canonical order; or each candidature's seal and receipt by row.
 */
import type { EligibleCandidate } from './candidatures';
import { canonicalPositions, type PreparedDraw } from './draw';
import { SEALED_ALGORITHM } from './rules';
import type { Seal } from './seal';

export interface SealedLine {
  /** Canonical position, from 0: the line's place in the published table (§10). */
  position: number;
  candidate: EligibleCandidate;
  receipt: string;
  seal: string;
  /** public(c): the fingerprinted, published line. */
  publicLine: string;
}

/** Every eligible candidature of a sealed draw, in canonical order; none for a `/1` draw, which has no seals. */
export function sealedLines(prepared: PreparedDraw): SealedLine[] {
  const { canonical } = prepared;
  if (canonical.algorithm !== SEALED_ALGORITHM) return [];
  return canonical.order.map((candidate, position) => ({
    position,
    candidate,
    receipt: canonical.receipts[position],
    seal: canonical.seals[position],
    publicLine: canonical.lines[position],
  }));
}

/**
 * Each candidature's seal and receipt, in row order (as `prepared.candidatures`), null for an
 * ineligible row; null altogether for a `/1` draw.
 */
export function sealsByCandidature(prepared: PreparedDraw): (Seal | null)[] | null {
  const { canonical } = prepared;
  if (canonical.algorithm !== SEALED_ALGORITHM) return null;
  return Array.from(canonicalPositions(prepared), (position) =>
    position < 0 ? null : { receipt: canonical.receipts[position], seal: canonical.seals[position] },
  );
}
