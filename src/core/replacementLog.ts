/**
 * ALGORITHM.md §11: the replacements of a draw as a chained log, in both versions. Each
 * replacement's fingerprint hashes the one before it and its own event (date, draw numbers, rule,
 * reason), from a start tied to the draw's seed key. Printed on the Remplacement sheet and on its
 * public notice, it lets anyone holding the published value see a changed reason or date, or a
 * deleted last replacement, which no check inside the file can: the file may be edited whole.
 */
import { FINGERPRINT_DIGITS } from './announcedFingerprint';
import { InputError } from './errors';
import { sha256Hex } from './hash';
import type { Replacement, ReplacementRule } from './replacement';
import { norm } from './text';
import { describeTypedCodeProblem, readTypedCode } from './typedCode';

/** What §11 hashes of one replacement: public in both versions (draw numbers, never rows or names). */
export interface ReplacementEvent {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  leavingDrawNumber: number;
  /** Null when the seat stays vacant. */
  joiningDrawNumber: number | null;
  rule: ReplacementRule;
  reason: string;
}

export function replacementEvent(replacement: Replacement): ReplacementEvent {
  const drawNumber = (n: number | null): number => {
    // Members and reserves all have a draw number; only an ineligible row has none.
    if (n === null) throw new Error('a replacement concerns drawn candidates only');
    return n;
  };
  return {
    date: replacement.request.date,
    leavingDrawNumber: drawNumber(replacement.leaving.drawNumber),
    joiningDrawNumber: replacement.joining === null ? null : drawNumber(replacement.joining.drawNumber),
    rule: replacement.rule,
    reason: replacement.request.reason,
  };
}

/** event_k = JSON([dateISO, leavingDrawNumber, joiningDrawNumber or null, rule, norm(reason)]). */
export function eventLine(event: ReplacementEvent): string {
  return JSON.stringify([event.date, event.leavingDrawNumber, event.joiningDrawNumber, event.rule, norm(event.reason)]);
}

/** chain_0 = SHA-256("tirage-cln replacements\n" + seedKey): the log starts from the draw it belongs to. */
export function chainStart(seedKey: string): string {
  return sha256Hex(`tirage-cln replacements\n${seedKey}`);
}

/** chain_k = SHA-256(chain_(k-1) + "\n" + event_k): the k-th replacement fingerprint. */
export function chainNext(previous: string, event: ReplacementEvent): string {
  return sha256Hex(`${previous}\n${eventLine(event)}`);
}

/** The replacement fingerprint of each event, in order (chain_1, chain_2…). */
export function replacementFingerprints(seedKey: string, events: readonly ReplacementEvent[]): string[] {
  let chain = chainStart(seedKey);
  return events.map((event) => (chain = chainNext(chain, event)));
}

/** A replacement fingerprint as typed from its notice: spaces, hyphens, line breaks and case ignored (§10). */
export function parseReplacementFingerprint(text: string): string {
  const read = readTypedCode(text, FINGERPRINT_DIGITS);
  if (!read.ok) {
    throw new InputError(
      'bad_fingerprint',
      `Empreinte de remplacement illisible : ${describeTypedCodeProblem(read)}. Recopiez les ${FINGERPRINT_DIGITS} chiffres hexadécimaux (0 à 9, a à f) ` +
        'publiés avec l’avis du dernier remplacement ; les espaces, les tirets, les retours à la ligne et les majuscules ne comptent pas.',
    );
  }
  return read.hex;
}
