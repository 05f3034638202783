/**
 * The task pane's entry point (bundled by webpack into dist/taskpane.*.js): wait for Office,
 * decide the view, draw it; in Excel, the session runs on the office.js adapter.
 */
import './taskpane.css';
import { officeWorkbook } from '../excel/office';
import { documentFileName, readOfficeEnvironment } from './officeEnvironment';
import { openSession } from './pane';
import { choosePaneView } from './paneView';
import { MOUNT_POINT_ID, STARTED_ATTRIBUTE, mountPoint, renderPaneView } from './render';

async function start(): Promise<void> {
  const mount = mountPoint(document);
  // Every module of this script has loaded: from here on, failures are the pane's own to report.
  mount.setAttribute(STARTED_ATTRIBUTE, '');
  const environment = await readOfficeEnvironment();
  const view = choosePaneView(environment);
  if (view.kind === 'ready') openSession(mount, officeWorkbook(), { sourceFile: documentFileName() });
  else renderPaneView(mount, view);
}

start().catch((error: unknown) => {
  // Reaching here is a bug of the pane itself: say so in the pane rather than in a console no one sees.
  const mount = document.getElementById(MOUNT_POINT_ID) ?? document.body;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'pane-message pane-message--warning';
  p.textContent = `Le volet n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}. Fermez-le et rouvrez-le depuis l’onglet Accueil.`;
  mount.replaceChildren(p);
});
