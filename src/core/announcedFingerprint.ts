/**
 * The fingerprint announced in the public session, as an operator types it back (the CLI's
 * --fingerprint, the verifier page's field, `verify`): read here once, so every front end accepts the
 * same spellings — the groups of 8 the pane shows, spaces, hyphens, line breaks, capitals
 * (ALGORITHM.md §10) — and compares the same way.
 */
import { InputError } from './errors';
import { SEALED_ALGORITHM, type AlgorithmId } from './rules';
import { readTypedCode } from './typedCode';

/** 256 bits of SHA-256, in hexadecimal. */
export const FINGERPRINT_DIGITS = 64;

export function parseAnnouncedFingerprint(text: string): string {
  const read = readTypedCode(text, FINGERPRINT_DIGITS);
  if (!read.ok) {
    throw new InputError({ code: 'bad_fingerprint', problem: read, digits: FINGERPRINT_DIGITS });
  }
  return read.hex;
}

/** Refuses to draw from a table that is no longer the one whose fingerprint was announced. */
export function checkAnnounced(actual: string, announced: string, algorithm: AlgorithmId): void {
  if (actual !== announced) {
    throw new InputError({ code: 'fingerprint_mismatch', actual, announced, sealed: algorithm === SEALED_ALGORITHM });
  }
}
