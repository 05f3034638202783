/** ALGORITHM.md §4: the public seed, chosen after the fingerprint is shown, keys the generator. */
/// <reference path="./seedrandomArc4.d.ts" />
import seedrandom from 'seedrandom/seedrandom';
import { InputError } from './errors';
import { sha256Hex } from './hash';
import { unkeepable } from './keepableText';
import { norm } from './text';

export type Rng = () => number;

/**
 * Dice, numbers called by the audience, a sentence: a few dozen characters. Far more is not a
 * seed chosen in the room (a file pasted by mistake), and the record must keep it whole.
 */
export const MAX_SEED_LENGTH = 1_000;

/**
 * Characters that show nothing: format characters (zero-width space, joiners, direction marks,
 * soft hyphen, byte-order mark) and blank look-alikes (Hangul fillers, the blank Braille pattern).
 * A seed made only of them looks empty on the screen and in the record, so it is empty.
 */
const INVISIBLE_ONLY = /^[\p{Cf}\p{Z}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0]*$/u;

export function normalisePublicSeed(publicSeed: string): string {
  const seed = norm(publicSeed);
  if (INVISIBLE_ONLY.test(seed)) {
    throw new InputError({ code: 'empty_seed', reason: 'empty' });
  }
  const reason = unkeepable(seed, MAX_SEED_LENGTH);
  if (reason !== null) {
    throw new InputError({ code: 'unkeepable_seed', reason });
  }
  return seed;
}

/** The seed key binds the draw to both the candidate list (fingerprint) and the public seed. */
export function seedKeyOf(fingerprint: string, publicSeed: string): string {
  return sha256Hex(`${fingerprint}\n${normalisePublicSeed(publicSeed)}`);
}

/** seedrandom's default generator (ARC4), as the specification names it. */
export function generatorFor(seedKey: string): Rng {
  return seedrandom(seedKey);
}
