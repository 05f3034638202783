/**
 * ALGORITHM.md §3: the fingerprint, shown before the seed is chosen, commits to the rules, the
 * reference date and every eligible candidate; sorting the lines gives the canonical order, so
 * the draw never depends on how rows are ordered in the workbook.
 */
import type { EligibleCandidate } from './candidatures';
import { InputError } from './errors';
import { sha256HexOfPieces } from './hash';
import { ALGORITHM_ID, type Rules } from './rules';

export function headerLine(rules: Rules, referenceDate: string): string {
  return JSON.stringify([
    ALGORITHM_ID,
    referenceDate,
    rules.seatsPerSector,
    rules.minimumAge,
    rules.ageRuleAbove,
    rules.priorityBands,
    rules.sectors,
  ]);
}

export function candidateLine(c: EligibleCandidate): string {
  return JSON.stringify([c.sector, c.sex, c.lastName, c.firstName, c.birthDate ?? '', c.age, c.id]);
}

export interface Canonical {
  fingerprint: string;
  /** The header line then one line per candidate, in canonical order: the fingerprinted text. */
  headerLine: string;
  lines: string[];
  /** Eligible candidates in canonical order. */
  order: EligibleCandidate[];
  /** For each canonical position, the candidate's index in the list given to `canonicalise`. */
  sourceIndex: number[];
}

/** Lines joined per thousand: large pieces hash fast, and no piece weighs much. */
const LINES_PER_PIECE = 1_000;

/** `${header}\n${lines.join('\n')}`, the text of §3, in pieces. */
function* fingerprintedText(header: string, lines: readonly string[]): Generator<string> {
  yield header;
  for (let start = 0; start < lines.length; start += LINES_PER_PIECE) {
    yield '\n' + lines.slice(start, start + LINES_PER_PIECE).join('\n');
  }
}

export function canonicalise(rules: Rules, referenceDate: string, eligible: readonly EligibleCandidate[]): Canonical {
  const unsorted = eligible.map(candidateLine);
  const indexOf = new Map<string, number>();
  unsorted.forEach((line, index) => indexOf.set(line, index));
  if (indexOf.size !== unsorted.length) {
    // A table read by the engine cannot get here (§2 makes the later one a duplicate); a record's
    // edited data sheet can.
    throw new InputError('duplicate_lines', 'Deux candidatures recevables sont identiques (même ligne canonique) : une seule peut participer au tirage.');
  }
  // The default sort compares UTF-16 code units, exactly as §3 specifies; without a comparator
  // function it is also several times faster on 100,000 lines.
  const lines = unsorted.sort();
  const sourceIndex = lines.map((line) => indexOf.get(line) as number);
  const header = headerLine(rules, referenceDate);
  return {
    fingerprint: sha256HexOfPieces(fingerprintedText(header, lines)),
    headerLine: header,
    lines,
    order: sourceIndex.map((index) => eligible[index]),
    sourceIndex,
  };
}
