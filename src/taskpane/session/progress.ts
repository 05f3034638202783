/**
 * What the reveal's progress says, in the pane and to screen readers: a share of the record in
 * words beside the bar, never a second numbering of « étapes » next to the session's own.
 */
import type { RevealProgress } from './state';

/** « 43 % », with the non-breaking space French puts before the sign. */
function share(done: number, total: number): string {
  return `${total === 0 ? 0 : Math.round((done / total) * 100)}\u00a0%`;
}

export function progressText(reveal: Pick<RevealProgress, 'done' | 'total' | 'state'>): string {
  const written = share(reveal.done, reveal.total);
  switch (reveal.state) {
    case 'running':
      return reveal.done === 0 ? 'Le registre commence à s’écrire dans le classeur.' : `Registre écrit à ${written}.`;
    case 'paused':
      return `En pause : registre écrit à ${written}. La pause ne change pas le résultat.`;
    case 'finishing':
      return 'Écriture de la fin du registre, puis vérification…';
    case 'done':
      return 'Registre entièrement écrit et vérifié.';
    case 'failed':
      return `L’écriture s’est arrêtée : registre écrit à ${written}.`;
  }
}
