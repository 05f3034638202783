/** ALGORITHM.md §4: the public seed, chosen after the fingerprint is shown, keys the generator. */
import seedrandom from 'seedrandom';
import { InputError } from './errors';
import { sha256Hex } from './hash';
import { norm } from './text';

export type Rng = () => number;

export function normalisePublicSeed(publicSeed: string): string {
  const seed = norm(publicSeed);
  if (seed === '') {
    throw new InputError(
      'empty_seed',
      'La graine publique est vide. Saisissez le texte choisi en séance (par exemple les chiffres des dés lancés par les élus).',
    );
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
