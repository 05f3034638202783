/// <reference types="office-js" />
/**
 * What the task pane learns from Office when it starts: whether office.js loaded, which Office
 * application hosts the pane, and whether that Excel implements the API set the record needs.
 * This module and `src/excel` are the only ones that read the `Office` global.
 */

/**
 * The lowest ExcelApi set the add-in uses: protection (1.2, options 1.7), freeze panes (1.7),
 * cell properties and page layout (1.9). manifest.xml's <Requirements> names the same set, so
 * Office refuses the add-in on an older Excel; the run-time check is for the clients that
 * install it anyway (an old build of Excel on Mac, a manifest sideloaded by hand).
 */
export const REQUIRED_EXCEL_API = '1.9';

export interface OfficeEnvironment {
  /** False when office.js did not load (no network, the CDN blocked): `Office` is undefined. */
  officeLoaded: boolean;
  /** Office's host name ("Excel", "Word"…), or null when the page is opened outside Office. */
  host: string | null;
  /** Whether the host implements ExcelApi REQUIRED_EXCEL_API (false outside Excel). */
  excelApiSupported: boolean;
}

/** Waits for office.js to be ready and reads the environment; never rejects. */
export async function readOfficeEnvironment(): Promise<OfficeEnvironment> {
  if (typeof Office === 'undefined') return { officeLoaded: false, host: null, excelApiSupported: false };
  const info = await Office.onReady();
  // Outside Office, onReady resolves with { host: null } (office.js's documented behaviour).
  const host = info.host === null || info.host === undefined ? null : String(info.host);
  const excelApiSupported = host === 'Excel' && Office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  return { officeLoaded: true, host, excelApiSupported };
}

/**
 * The open workbook's file name, for the procès-verbal's « Fichier d’origine » ("classeur.xlsx");
 * Office gives a path or a URL, or nothing for a workbook never saved.
 */
export function documentFileName(): string {
  const location = typeof Office === 'undefined' ? '' : (Office.context.document?.url ?? '');
  return fileNameIn(location) || 'Classeur Excel';
}

/** "https://…", "file://…": Excel on the web and cloud files. "C:\…" or "/Users/…" is a path on disk. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A URL's last segment is percent-encoded and followed by a query or a fragment; a path's is the
 * file's name as it is, where "%20", "%" or "?" are plain characters of that name.
 */
function fileNameIn(location: string): string {
  if (!URL_SCHEME.test(location)) return location.split(/[\\/]/).pop() ?? '';
  const last = location.split(/[?#]/)[0].split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
