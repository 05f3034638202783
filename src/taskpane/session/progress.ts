/** What the reveal's progress says, in the pane and to screen readers. */
import type { RevealProgress } from './state';

export function progressText(reveal: Pick<RevealProgress, 'done' | 'total' | 'state'>): string {
  const where = `Étape ${reveal.done} sur ${reveal.total} écrite`;
  switch (reveal.state) {
    case 'running':
      return `${where}.`;
    case 'paused':
      return `${where} — en pause.`;
    case 'finishing':
      return `${where} — écriture du reste et vérification…`;
    case 'done':
      return 'Registre entièrement écrit et vérifié.';
    case 'failed':
      return `${where} — l’écriture a échoué.`;
  }
}
