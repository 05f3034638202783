/**
 * The session's state, as plain data: which step, what was read and shown, what is being written.
 * The session (session.ts) changes it; the views (views.ts) draw it.
 */
import type { ColumnMapping, Field } from '../../core/columns';
import type { DrawResult, PreparedDraw } from '../../core/draw';
import type { LoggedEntry } from '../../core/record/journal';
import type { WorkbookCheck } from '../../core/record/verify';
import type { TableRead, TableRef, WorkbookContents } from '../../excel/tableReader';
import type { WriteOutcome } from '../../excel/workbookAdapter';
import type { Failure } from './failures';
import type { PaceName, PacerState } from './pacer';

export type Step = 'existing' | 1 | 2 | 3 | 4 | 5 | 6;

export const STEP_TITLES: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: 'Candidatures',
  2: 'Vérification',
  3: 'Empreinte',
  4: 'Graine publique',
  5: 'Tirage',
  6: 'Procès-verbal',
};

export interface RevealView {
  done: number;
  total: number;
  state: PacerState;
  pace: PaceName;
}

export interface SessionState {
  step: Step;
  busy: string | null;
  failure: Failure | null;
  contents: WorkbookContents | null;
  choices: TableRef[];
  choice: number;
  referenceDate: string;
  read: TableRead | null;
  /** The table prepared with every problem row set aside, for display. */
  prepared: PreparedDraw | null;
  excludeConfirmed: boolean;
  /** The fingerprint shown at step 3, which the draw must find again. */
  shownFingerprint: string | null;
  seed: string;
  place: string;
  officials: string;
  reason: string;
  /** Records already in the workbook (their data sheets), and what the journal logged. */
  existingRecords: string[];
  journal: LoggedEntry[];
  refusal: { shown: string; current: string } | null;
  reveal: RevealView | null;
  result: DrawResult | null;
  outcome: WriteOutcome | null;
  check: WorkbookCheck | null;
  /** Field errors of step 4, by field id. */
  fieldErrors: Record<string, string>;
  /** Columns the operator named because the table's headers were not recognised. */
  columnMapping: ColumnMapping;
  /** When columns are missing: which, and the headers of the closest row to choose from. */
  missingColumns: { fields: Field[]; headers: { cell: string; text: string }[] } | null;
  /** Why Excel makes the draw wait (a cell being edited), as the adapter says it; null when Excel answers. */
  excelWait: string | null;
}
