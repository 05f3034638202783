/**
 * The session's state, one type per step: each step holds exactly what it shows and what its
 * buttons need, nothing nullable that the step cannot do without. `transition` (transition.ts)
 * is the only way from one state to the next; the views (views.ts) draw a state; the controller
 * (controller.ts) runs the effects a transition asks for and feeds their results back as events.
 */
import type { ColumnMapping, Field } from '../../core/columns';
import type { DrawResult, PreparedDraw } from '../../core/draw';
import type { LoggedEntry } from '../../core/record/journal';
import type { WorkbookCheck } from '../../core/record/verify';
import type { TableRead, TableRef, WorkbookContents } from '../../excel/tableReader';
import type { Failure } from './failures';
import type { PaceName, PacerState } from './pacer';
import type { DrawOrder, WriteOutcome } from '../../excel/workbookAdapter';
import type { JournalEntry } from '../../core/record/journal';
import type { MandateRecord } from '../../core/record/replace';
import type { ReplacementRequest } from '../../core/replacement';
import type { Sheet } from '../../core/sheet';
import type { ReplacementOutcome } from '../../excel/workbookAdapter';
import type { ReplaceErrors, ReplaceForm } from './replaceForm';

/** The steps of the public session, numbered as the stepper shows them. */
export const SESSION_STEPS = ['table', 'check', 'fingerprint', 'seed', 'reveal', 'minutes'] as const;
export type SessionStepName = (typeof SESSION_STEPS)[number];

export const STEP_TITLES: Record<SessionStepName, string> = {
  table: 'Candidatures',
  check: 'Vérification',
  fingerprint: 'Empreinte',
  seed: 'Graine publique',
  reveal: 'Tirage',
  minutes: 'Procès-verbal',
};

/** What the workbook holds, as last listed. */
export interface WorkbookView {
  contents: WorkbookContents;
  /** Where the candidatures may be: Excel tables first, then whole sheets. */
  choices: TableRef[];
  /** The data sheets of the records already in the workbook. */
  records: string[];
  journal: LoggedEntry[];
}

/** What the operator chose and typed for the session, kept from step to step. */
export interface Setup {
  /** Index of the chosen source in `WorkbookView.choices`. */
  choice: number;
  /** As the date field gives it: ISO `YYYY-MM-DD`, or '' while it is incomplete. */
  referenceDate: string;
  /** Columns the operator named because the table's headers were not recognised. */
  columnMapping: ColumnMapping;
  place: string;
  /** One name per line, as typed. */
  officials: string;
}

/** When columns are missing: which, and the headers of the closest row to choose from. */
export interface MissingColumns {
  fields: Field[];
  headers: { cell: string; text: string }[];
}

/** A table read and prepared for the draw at the session's date. */
export interface ReadyTable {
  read: TableRead;
  prepared: PreparedDraw;
}

/** Step 1's table, as far as it could be taken. */
export type TableState =
  | { kind: 'unread' }
  | ({ kind: 'ready' } & ReadyTable)
  /** Headers not recognised: the operator names the columns. */
  | { kind: 'columns'; read: TableRead; missing: MissingColumns }
  /** The table cannot be used as it is: the failure says why. */
  | { kind: 'refused'; read: TableRead }
  /** Read, but the date of the draw is not usable yet: its field says why. */
  | { kind: 'undated'; read: TableRead };

/** Step 4's fields that belong to the seed, chosen after the fingerprint. */
export interface SeedForm {
  seed: string;
  /** Why a draw is made in a workbook that already holds one; '' for a first draw. */
  reason: string;
  /** First day of the mandate, ISO; the draw date unless the operator changes it. */
  mandateStart: string;
}

/** The id of each field that can be in error, as the views name its input. */
export type FieldId =
  | 'reference-date'
  | 'field-seed'
  | 'field-place'
  | 'field-officials'
  | 'field-reason'
  | 'field-mandate-start';

export type FieldErrors = Partial<Record<FieldId, string>>;

/** The draw the adapter refused because the table changed after its fingerprint was shown. */
export interface Refusal {
  shown: string;
  current: string;
}

export interface RevealProgress {
  done: number;
  total: number;
  state: PacerState;
  pace: PaceName;
  /**
   * Why Excel makes the writing wait, as the adapter says it (a cell being edited: « Quittez la
   * cellule en cours de saisie… »); null while Excel answers.
   */
  excelWait: string | null;
}

/** What every step of the draw after step 1 carries: the workbook, the choices, the table. */
interface DrawContext {
  workbook: WorkbookView;
  setup: Setup;
  table: ReadyTable;
  /** The operator confirmed that the rows with problems are set aside. */
  excludeConfirmed: boolean;
}

export interface OpeningStep {
  step: 'opening';
}

/** The workbook already holds a record: verify it first. */
export interface ExistingStep {
  step: 'existing';
  workbook: WorkbookView;
  setup: Setup;
}

export interface TableStep {
  step: 'table';
  workbook: WorkbookView;
  setup: Setup;
  table: TableState;
  errors: FieldErrors;
}

export interface CheckStep extends DrawContext {
  step: 'check';
}

/**
 * The sealing key of the draw being prepared (`tirage-cln/2`, ALGORITHM.md §10): made when the
 * table's fingerprint is first shown and kept in the workbook until the draw, so that a reload of
 * the pane shows, and the draw uses, the fingerprint announced. It travels with the fingerprint.
 */
interface Sealed {
  sealingKey: string;
}

export interface FingerprintStep extends DrawContext, Sealed {
  step: 'fingerprint';
  /** The fingerprint shown to the room, which the draw must find again. */
  fingerprint: string;
  refusal: Refusal | null;
  form: SeedForm;
}

export interface SeedStep extends DrawContext, Sealed {
  step: 'seed';
  fingerprint: string;
  form: SeedForm;
  errors: FieldErrors;
  /** Set when the adapter refused the draw: the table changed since its fingerprint was shown. */
  refusal: Refusal | null;
}

export interface RevealStep extends DrawContext, Sealed {
  step: 'reveal';
  fingerprint: string;
  form: SeedForm;
  /** The normalised seed, as drawn and logged. */
  seed: string;
  result: DrawResult;
  progress: RevealProgress;
}

/** Step 6: a record checked, after a draw (with its result) or on opening a workbook that holds one. */
export interface MinutesStep {
  step: 'minutes';
  workbook: WorkbookView;
  setup: Setup;
  check: WorkbookCheck;
  /** The draw just made; null when an existing record was verified. */
  drawn: { result: DrawResult; mandateStart: string } | null;
}

/** A member leaves during the mandate (issue 17): the form, on the record's latest draw as read. */
export interface ReplaceStep {
  step: 'replace';
  workbook: WorkbookView;
  setup: Setup;
  /** The verification the form was opened from (« Retour » shows it again). */
  check: WorkbookCheck;
  record: MandateRecord;
  form: ReplaceForm;
  errors: ReplaceErrors;
}

/** The departure recorded in the workbook, its sheet read back and the workbook verified. */
export interface ReplacedStep {
  step: 'replaced';
  workbook: WorkbookView;
  setup: Setup;
  outcome: ReplacementOutcome;
}

export type StepState = OpeningStep | ExistingStep | TableStep | CheckStep | FingerprintStep | SeedStep | RevealStep | MinutesStep | ReplaceStep | ReplacedStep;

/** A failure as the pane shows it, with what « Réessayer » does again when it can. */
export interface ShownFailure extends Failure {
  retry: PaneEvent | null;
}

export interface PaneState {
  view: StepState;
  /** What the pane is waiting for, said to the operator; null when idle. */
  busy: string | null;
  failure: ShownFailure | null;
  /**
   * Why the pane brought the operator to this step rather than the one asked for; or what an action
   * did outside the pane (a workbook opened for the staff to save).
   */
  notice: string | null;
  /** The operator's day, ISO (for the date limits). */
  today: string;
  /** The workbook's file name, for the procès-verbal. */
  sourceFile: string;
  /** The event that started what is running now (« Réessayer » sends it again). */
  running: PaneEvent | null;
}

// ---------------------------------------------------------------------------------------------
// Events: what the operator does, and what the controller reports back

export type ListPurpose = 'open' | 'reread' | 'newDraw' | 'refresh';
export type ReadPurpose = 'show' | 'reread';

/**
 * The workbooks the staff open from the pane, each as a new workbook to save (issue 16): before the
 * seed, the sealed table (to publish with the fingerprint) and the receipts (to send, never to
 * publish); after the draw, the public record (with the replacements recorded so far).
 */
export type PublicationKind = 'sealedTable' | 'receipts' | 'publicRecord';

export type PaneEvent =
  | { type: 'open' }
  | { type: 'chooseSource'; index: number }
  | { type: 'setDate'; value: string }
  | { type: 'readAgain' }
  | { type: 'useColumns'; mapping: ColumnMapping }
  | { type: 'toCheck' }
  | { type: 'back' }
  | { type: 'confirmExclusion'; confirmed: boolean }
  | { type: 'showFingerprint' }
  | { type: 'toSeed' }
  | { type: 'edit'; field: FieldId; value: string }
  | { type: 'draw' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'revealAll' }
  | { type: 'setPace'; pace: PaceName }
  | { type: 'verifyExisting' }
  | { type: 'prepareNew' }
  | { type: 'newDraw' }
  | { type: 'select'; sheet: string; cell: string }
  | { type: 'copyFingerprint' }
  | { type: 'publish'; what: PublicationKind }
  | { type: 'retry' }
  | { type: 'startReplace' }
  | { type: 'editReplace'; field: keyof ReplaceForm; value: string }
  | { type: 'confirmReplace' }
  // Reported by the controller
  | { type: 'workbookListed'; contents: WorkbookContents; journal: LoggedEntry[]; purpose: ListPurpose }
  | { type: 'tableRead'; read: TableRead; purpose: ReadPurpose }
  /** The table read again for step 3, with the sealing key kept in the workbook (made and kept if there was none). */
  | { type: 'fingerprintRead'; read: TableRead; sealingKey: string; keyReplaced?: boolean }
  | { type: 'workbookOpened'; what: PublicationKind }
  | { type: 'revealStarted'; result: DrawResult; stepCount: number }
  | { type: 'revealProgress'; done: number; total: number; state: PacerState }
  | { type: 'excelWait'; text: string | null }
  | { type: 'revealDone'; outcome: WriteOutcome }
  | { type: 'revealFailed'; error: unknown }
  | { type: 'verified'; check: WorkbookCheck }
  | { type: 'cellSelected'; sheet: string; cell: string }
  | { type: 'copied'; how: 'clipboard' | 'selected' }
  | { type: 'recordRead'; sheets: Sheet[] }
  | { type: 'replacementWritten'; outcome: ReplacementOutcome }
  | { type: 'failed'; effect: Effect; error: unknown };

/** A journal line as the session decides it; the controller adds the time. */
export type JournalDraft = Omit<JournalEntry, 'time'>;

export type Effect =
  | { kind: 'listWorkbook'; purpose: ListPurpose }
  | { kind: 'readTable'; source: TableRef; purpose: ReadPurpose }
  /** The sealing key kept in the workbook (or a new one, kept), then the table: step 3's fingerprint. */
  | { kind: 'readForFingerprint'; source: TableRef }
  /** After the draw: the key is in « Données du tirage »; the next draw gets a new one. */
  | { kind: 'forgetSealingKey' }
  /** The public record is read from the workbook's latest draw; the others are made from the table prepared at step 3. */
  | { kind: 'openWorkbook'; what: 'sealedTable' | 'receipts'; prepared: PreparedDraw }
  | { kind: 'openWorkbook'; what: 'publicRecord' }
  /** `report`: a failure is shown; `ignore`: the failure being reported already says more. */
  | { kind: 'journal'; entry: JournalDraft; onFailure: 'report' | 'ignore' }
  | { kind: 'startReveal'; order: DrawOrder }
  | { kind: 'pacer'; command: 'pause' | 'resume' | 'all' }
  | { kind: 'pace'; delayMs: number }
  | { kind: 'verifyRecord' }
  /** Every sheet of the workbook, for the replacement form. */
  | { kind: 'readRecord' }
  | { kind: 'writeReplacement'; request: ReplacementRequest }
  | { kind: 'selectCell'; sheet: string; cell: string }
  | { kind: 'copy'; text: string }
  | { kind: 'announce'; text: string }
  | { kind: 'focus'; id: string };

export interface Transition {
  state: PaneState;
  effects: Effect[];
}
