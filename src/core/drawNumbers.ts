/** ALGORITHM.md §6: draw numbers by a Fisher–Yates shuffle of the canonical order. */
import type { Rng } from './seed';

/** drawNumbers[c] is the draw number (1-based) of the candidate at canonical position c. */
export function shuffleDrawNumbers(count: number, rng: Rng): Uint32Array {
  const a = new Uint32Array(count);
  for (let p = 0; p < count; p++) a[p] = p;
  for (let i = count - 1; i >= 1; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = a[i];
    a[i] = a[j];
    a[j] = swap;
  }
  const drawNumbers = new Uint32Array(count);
  for (let p = 0; p < count; p++) drawNumbers[a[p]] = p + 1;
  return drawNumbers;
}
