/**
 * The pane once Excel is ready: the start-up message, then the session underneath it. Shared by
 * the add-in (office.js underneath) and the browser preview (the simulated Excel): the same code.
 */
import type { WorkbookPort } from '../excel/workbookAdapter';
import { renderPaneView } from './render';
import { PaneSession, type SessionOptions } from './session/controller';

export function openSession(mount: HTMLElement, port: WorkbookPort, options: SessionOptions): PaneSession {
  // Said to screen readers, but not shown: the session's own step takes the top of the pane.
  renderPaneView(mount, { kind: 'ready' }).classList.add('visually-hidden');
  const host = mount.ownerDocument.createElement('div');
  host.className = 'session-host';
  mount.append(host);
  const session = new PaneSession(host, port, options);
  void session.start();
  return session;
}
