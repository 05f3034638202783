/**
 * Draws a start-up view into the pane's mount point. Text only goes through textContent: nothing
 * from Office or from a workbook is ever parsed as HTML.
 */
import { paneMessage } from './messages';
import type { PaneView } from './paneView';

/** The id of the <main> element every view is drawn into (taskpane.html). */
export const MOUNT_POINT_ID = 'tirage-pane';

/**
 * Set on the mount point once the pane's script has loaded: the start-up guard in taskpane.html
 * (startupGuard.js, which names it too) then leaves the pane to its own messages.
 */
export const STARTED_ATTRIBUTE = 'data-started';

export function mountPoint(document: Document): HTMLElement {
  const element = document.getElementById(MOUNT_POINT_ID);
  if (element === null) throw new Error(`taskpane.html n’a pas d’élément #${MOUNT_POINT_ID}`);
  return element;
}

/** Replaces the mount point's content with the view's message; returns the section drawn. */
export function renderPaneView(mount: HTMLElement, view: PaneView): HTMLElement {
  const message = paneMessage(view);
  const document = mount.ownerDocument;
  const section = document.createElement('section');
  section.className = `pane-message pane-message--${message.role === 'alert' ? 'warning' : 'info'}`;
  section.setAttribute('role', message.role);
  section.dataset.view = view.kind;
  const title = document.createElement('h2');
  title.textContent = message.title;
  section.append(title);
  for (const paragraph of message.body) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    section.append(p);
  }
  mount.replaceChildren(section);
  mount.setAttribute('aria-busy', 'false');
  return section;
}
