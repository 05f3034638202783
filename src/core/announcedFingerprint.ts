/**
 * The fingerprint announced in the public session, as an operator types it back (the CLI's
 * --fingerprint, the task pane's field, `verify`): read here once, so every front end accepts the
 * same spellings (spaces around it, capitals) and compares the same way.
 */
import { InputError } from './errors';

export function parseAnnouncedFingerprint(text: string): string {
  const fingerprint = text.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw new InputError(
      'bad_fingerprint',
      `Empreinte annoncée illisible « ${text} » : attendu 64 caractères hexadécimaux (0-9, a-f), tels qu’affichés en séance.`,
    );
  }
  return fingerprint;
}

/** Refuses to draw from a table that is no longer the one whose fingerprint was announced. */
export function checkAnnounced(actual: string, announced: string): void {
  if (actual !== announced) {
    throw new InputError(
      'fingerprint_mismatch',
      `L’empreinte du tableau (${actual}) n’est pas celle annoncée en séance (${announced}) : les candidatures ont changé ` +
        'depuis l’annonce, ou ce n’est pas le même fichier, la même feuille ou la même date. Le tirage n’a pas été fait.',
    );
  }
}
