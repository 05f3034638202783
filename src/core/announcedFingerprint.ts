/**
 * The fingerprint announced in the public session, as an operator types it back (the CLI's
 * --fingerprint, the verifier page's field, `verify`): read here once, so every front end accepts the
 * same spellings — the groups of 8 the pane shows, spaces, hyphens, line breaks, capitals
 * (ALGORITHM.md §10) — and compares the same way.
 */
import { InputError } from './errors';
import { SEALED_ALGORITHM, type AlgorithmId } from './rules';
import { describeTypedCodeProblem, readTypedCode } from './typedCode';

/** 256 bits of SHA-256, in hexadecimal. */
export const FINGERPRINT_DIGITS = 64;

export function parseAnnouncedFingerprint(text: string): string {
  const read = readTypedCode(text, FINGERPRINT_DIGITS);
  if (!read.ok) {
    throw new InputError(
      'bad_fingerprint',
      `Empreinte annoncée illisible : ${describeTypedCodeProblem(read)}. Recopiez les ${FINGERPRINT_DIGITS} chiffres hexadécimaux (0 à 9, a à f) ` +
        'affichés en séance ; les espaces, les tirets, les retours à la ligne et les majuscules ne comptent pas.',
    );
  }
  return read.hex;
}

/**
 * Refuses to draw from a table that is no longer the one whose fingerprint was announced: a
 * co-author's edit since, another file, sheet, date (or sealing key). One code for every front end.
 */
export function checkAnnounced(actual: string, announced: string, algorithm: AlgorithmId): void {
  if (actual !== announced) {
    // A sealed fingerprint also depends on the key (ALGORITHM.md §10).
    const key = algorithm === SEALED_ALGORITHM ? ', la même clé de scellement' : '';
    const message =
      `L’empreinte du tableau n’est pas celle annoncée en séance : empreinte annoncée ${announced}, empreinte actuelle ${actual}. ` +
      `Les candidatures ont changé depuis l’annonce, ou ce n’est pas le même fichier, la même feuille${key} ou la même date. Le tirage n’a pas été fait.`;
    throw new InputError('fingerprint_mismatch', message, [message], { fingerprints: { announced, actual } });
  }
}
