/**
 * The sealing key of `tirage-cln/2` as it is kept (ALGORITHM.md §10): 64 lower-case hexadecimal
 * digits. Apart from seal.ts so that a problem with a key can be worded (core/messages.ts) without
 * depending on the sealing itself.
 */

/** §10: K is 32 bytes, written as 64 lower-case hexadecimal digits. */
export const SEALING_KEY_BYTES = 32;
export const SEALING_KEY_DIGITS = 2 * SEALING_KEY_BYTES;

/** Why a text is not a sealing key as §10 writes one (64 lower-case hex digits, nothing else). */
export type SealingKeyProblem =
  | { problem: 'digit_count'; digits: number }
  | { problem: 'character'; character: string; position: number };

/**
 * A sealing key exactly as it is kept (a key file without its final line break, a record's data
 * sheet): strict, because a key is never typed — a changed character is another key and another
 * fingerprint, and an upper-case copy would be a second spelling of the same key.
 */
export function sealingKeyProblem(text: string): SealingKeyProblem | null {
  let position = 0;
  for (const character of text) {
    position++;
    if (!/^[0-9a-f]$/.test(character)) return { problem: 'character', character, position };
  }
  return text.length === SEALING_KEY_DIGITS ? null : { problem: 'digit_count', digits: text.length };
}
