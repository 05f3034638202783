/**
 * The one place the task pane decides which view to show. Pure: it takes what Office said at
 * start-up and returns a view; `render.ts` draws it.
 */
import type { OfficeEnvironment } from './officeEnvironment';

export type PaneView =
  /** office.js could not be loaded from Microsoft's CDN. */
  | { kind: 'office-unavailable' }
  /** The page was opened in a browser, not from Office. */
  | { kind: 'outside-office' }
  /** Opened from another Office application than Excel. */
  | { kind: 'other-host'; host: string }
  /** Excel, but without the ExcelApi set the record needs. */
  | { kind: 'excel-too-old' }
  /** Excel with everything the add-in needs: the session's own view goes there. */
  | { kind: 'ready' };

export function choosePaneView(environment: OfficeEnvironment): PaneView {
  if (!environment.officeLoaded) return { kind: 'office-unavailable' };
  if (environment.host === null) return { kind: 'outside-office' };
  if (environment.host !== 'Excel') return { kind: 'other-host', host: environment.host };
  if (!environment.excelApiSupported) return { kind: 'excel-too-old' };
  return { kind: 'ready' };
}
