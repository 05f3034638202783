/**
 * The rules of the draw (article 7 of the Roubaix CLN regulation), as data: the engine reads them
 * from here and nowhere else.
 */

/**
 * The versions of the draw (docs/ALGORITHM.md): `/1` fingerprints the candidatures themselves (§3);
 * `/2` fingerprints them sealed (§10), so that what is published holds no personal data. §4–§8 are
 * the same for both. Every version stays runnable, so that every record stays verifiable.
 */
export const PLAIN_ALGORITHM = 'tirage-cln/1';
export const SEALED_ALGORITHM = 'tirage-cln/2';
export const ALGORITHMS = [PLAIN_ALGORITHM, SEALED_ALGORITHM] as const;
export type AlgorithmId = (typeof ALGORITHMS)[number];

export function isAlgorithmId(text: unknown): text is AlgorithmId {
  return (ALGORITHMS as readonly unknown[]).includes(text);
}

export type Sex = 'F' | 'H';
export const SEXES: readonly Sex[] = ['F', 'H'];

/** An age band, inclusive; `max` null means "and over". */
export type AgeBand = readonly [number, number | null];

export interface Rules {
  /** Identifier of the preset, printed in the record. */
  preset: string;
  /** Sector names, in the order used for allocations and summaries. */
  sectors: readonly string[];
  seatsPerSector: number;
  minimumAge: number;
  priorityBands: readonly AgeBand[];
  /** The age rule applies to a (sector, sex) group with strictly more candidates than this. */
  ageRuleAbove: number;
}

export const ROUBAIX_CLN_2025: Rules = {
  preset: 'roubaix-cln-2025',
  sectors: ['Centre', 'Est', 'Ouest', 'Nord', 'Sud'],
  // Critère 1: at most 4 members per sector.
  seatsPerSector: 4,
  // "Ouvert aux Roubaisiens dès 16 ans".
  minimumAge: 16,
  // Critère 3: priority to 16–25 and 65 and over...
  priorityBands: [
    [16, 25],
    [65, null],
  ],
  // ...applied when a sector has more than 2 candidatures of one sex.
  ageRuleAbove: 2,
};

/**
 * ALGORITHM.md §2: an age above this at the reference date is a typing mistake (01/02/0090 for
 * 1990, an age cell of 150), `invalid_birth_date`, not a 65-and-over priority. Not a preset
 * parameter: no one is older, whatever the council.
 */
export const MAXIMUM_AGE = 120;

export function inPriorityBand(rules: Rules, age: number): boolean {
  return rules.priorityBands.some(([min, max]) => age >= min && (max === null || age <= max));
}

export function ageRuleApplies(rules: Rules, groupSize: number): boolean {
  return groupSize > rules.ageRuleAbove;
}
