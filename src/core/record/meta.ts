/** What the record says beyond the draw itself: where, who, and where the candidatures are. */
import { norm } from '../text';
import { chooseSheetNames } from './names';
import type { RecordSheetNames } from './model';

/**
 * Which version of the record's sheets: 1, records written before the facts of row problems were
 * kept (« Données du tirage » words an excluded row's cause in « Précision »); 2, since (its facts
 * in « Cause », and the Publication sheet asks its reader to check the fingerprint and the seed
 * announced in the session). `verify` rebuilds a record in its own layout, so a record stays verifiable after
 * the layout changes; a new record gets the latest.
 */
export type RecordLayout = 1 | 2;
export const LATEST_LAYOUT: RecordLayout = 2;

export interface RecordMeta {
  layout: RecordLayout;
  /** Where the public session took place ("" when not given: the procès-verbal leaves a line). */
  place: string;
  /** Officials present ([] when not given: the procès-verbal leaves lines to sign by hand). */
  officials: string[];
  /** The workbook sheet holding the candidature table, when the record keeps it. */
  candidatureSheet: string | null;
  /** The file the candidatures came from, as its base name. */
  sourceFile: string;
  /** The workbook's sheets before the record was added (for a CSV, the sheet holding its table). */
  inputSheets: string[];
  /** First day of the members' two-year mandate (ISO), the draw date unless the operator said otherwise. */
  mandateStart: string;
  sheetNames: RecordSheetNames;
  /** Why this draw was made in a workbook that already held one ('' or absent for a first draw). */
  laterDrawReason?: string;
}

/** The meta of a new record: its sheets get names the workbook does not use yet. */
export function newRecordMeta(options: Omit<RecordMeta, 'sheetNames' | 'layout'>): RecordMeta {
  return { ...options, layout: LATEST_LAYOUT, sheetNames: chooseSheetNames(options.inputSheets) };
}

/** "Mme A ; M. B;C" (or one name a line) → ["Mme A", "M. B", "C"], each name `norm`al. */
export function parseOfficials(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map(norm)
    .filter((name) => name !== '');
}
