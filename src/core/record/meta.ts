/** What the record says beyond the draw itself: where, who, and where the candidatures are. */
import { norm } from '../text';
import { chooseSheetNames } from './names';
import type { RecordSheetNames } from './model';

export interface RecordMeta {
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
export function newRecordMeta(options: Omit<RecordMeta, 'sheetNames'>): RecordMeta {
  return { ...options, sheetNames: chooseSheetNames(options.inputSheets) };
}

/** "Mme A ; M. B;C" (or one name a line) → ["Mme A", "M. B", "C"], each name `norm`al. */
export function parseOfficials(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map(norm)
    .filter((name) => name !== '');
}
