/**
 * The public session, in six steps, on any `WorkbookPort` — Excel through office.js in the add-in,
 * the simulated Excel in the preview: the same code in both.
 *
 * 1 Candidatures · 2 Vérification · 3 Empreinte · 4 Graine publique · 5 Tirage · 6 Procès-verbal.
 *
 * Rules kept here, each in one place:
 * - the fingerprint drawn is the fingerprint shown: the draw request carries the fingerprint of
 *   step 3, and the adapter refuses the draw (with the new one) if the table changed since;
 * - every attempt goes into the « Journal des tirages » before anything is drawn, and its outcome
 *   after; a draw in a workbook that already holds one needs a reason (journal and procès-verbal);
 * - a workbook that already holds a record opens on the offer to verify it, not to draw again.
 *
 * The state lives in this object; `render` redraws the current step from it (text only through
 * text nodes), moves the focus to the new step's heading when the step changes, and keeps it on
 * the same control otherwise. Announcements go through one polite live region; failures are
 * alerts.
 */
import { prepareDraw, type DrawResult, type PreparedDraw } from '../../core/draw';
import { FIELD_LABELS, type ColumnMapping, type Field } from '../../core/columns';
import { InputError } from '../../core/errors';
import { checkReferenceDateAhead } from '../../core/referenceDate';
import { normalisePublicSeed } from '../../core/seed';
import { refuseUnkeepableText } from '../../core/keepableText';
import { parseOfficials } from '../../core/record/meta';
import { allDifferences, type WorkbookCheck } from '../../core/record/verify';
import { isRecordSheetName } from '../../core/record/names';
import type { JournalEntry, LoggedEntry } from '../../core/record/journal';
import { describeFormulaWithoutValue, ExcelAdapterError } from '../../excel/problems';
import type { TableRead, TableRef, WorkbookContents } from '../../excel/tableReader';
import type { DrawRequest, WorkbookPort, WriteOutcome } from '../../excel/workbookAdapter';
import { append, h, type Child } from '../dom';
import { describeFailure, type Failure } from './failures';
import { PACES, RevealPacer, type PaceName, type PacerState, type Scheduler } from './pacer';
import {
  chanceLines,
  countsBySectorAndSex,
  fieldsOfLabels,
  differenceTarget,
  journalTime,
  localIsoDate,
  membersAndReserve,
  problemLines,
  recognisedColumns,
  recordDataSheets,
  seatLines,
  sourceChoices,
  sourceLabel,
} from './sessionModel';

export type Step = 'existing' | 1 | 2 | 3 | 4 | 5 | 6;

export const STEP_TITLES: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: 'Candidatures',
  2: 'Vérification',
  3: 'Empreinte',
  4: 'Graine publique',
  5: 'Tirage',
  6: 'Procès-verbal',
};

export interface SessionOptions {
  /** The workbook's file name, for the procès-verbal. */
  sourceFile: string;
  /** The clock (tests and the preview may fix it). */
  now?: () => Date;
  /** How the reveal waits between steps. */
  schedule?: Scheduler;
}

interface RevealView {
  done: number;
  total: number;
  state: PacerState;
  pace: PaceName;
}

interface State {
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
}

export class PaneSession {
  private readonly document: Document;
  private readonly live: HTMLElement;
  private readonly view: HTMLElement;
  private renderedStep: Step | null = null;
  private pacer: RevealPacer | null = null;
  private state: State;
  /** What « Réessayer » does again after a lost connection or a timeout. */
  private lastAction: (() => Promise<void>) | null = null;

  constructor(
    mount: HTMLElement,
    private readonly port: WorkbookPort,
    private readonly options: SessionOptions,
  ) {
    this.document = mount.ownerDocument;
    const now = this.now();
    this.state = {
      step: 1,
      busy: 'Lecture du classeur…',
      failure: null,
      contents: null,
      choices: [],
      choice: 0,
      referenceDate: localIsoDate(now),
      read: null,
      prepared: null,
      excludeConfirmed: false,
      shownFingerprint: null,
      seed: '',
      place: '',
      officials: '',
      reason: '',
      existingRecords: [],
      journal: [],
      refusal: null,
      reveal: null,
      result: null,
      outcome: null,
      check: null,
      fieldErrors: {},
      columnMapping: {},
      missingColumns: null,
    };
    this.live = h(this.document, 'div', { id: 'pane-live', className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this.view = h(this.document, 'div', { className: 'session' });
    mount.replaceChildren(this.view, this.live);
    mount.setAttribute('aria-busy', 'false');
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** First look at the workbook: its tables, and whether it already holds a record. */
  async start(): Promise<void> {
    this.render();
    await this.attempt('Lecture du classeur…', async () => {
      await this.loadContents();
      if (this.state.existingRecords.length > 0) this.goTo('existing');
      else if (this.state.choices.length > 0) await this.readTable();
    });
  }

  private async loadContents(): Promise<void> {
    const contents = await this.port.listTables();
    const choices = sourceChoices(contents);
    const previous = this.state.choices[this.state.choice];
    const kept = previous === undefined ? -1 : choices.findIndex((c) => sourceLabel(c) === sourceLabel(previous));
    this.state.contents = contents;
    this.state.choices = choices;
    this.state.choice = kept >= 0 ? kept : 0;
    this.state.existingRecords = recordDataSheets(contents);
    this.state.journal = await this.port.readJournal();
  }

  // -------------------------------------------------------------------------------------------
  // Actions

  /** Runs an action with a busy message; a failure is shown where the operator looks, in French. */
  private async attempt(busy: string, action: () => Promise<void>): Promise<void> {
    this.lastAction = () => this.attempt(busy, action);
    this.state.busy = busy;
    this.state.failure = null;
    this.announce(busy);
    this.render();
    try {
      await action();
    } catch (error) {
      this.state.failure = describeFailure(error);
    } finally {
      this.state.busy = null;
      this.render();
    }
    if (this.state.failure !== null) this.focusFailure();
  }

  private async readTable(): Promise<void> {
    const source = this.state.choices[this.state.choice];
    if (source === undefined) return;
    this.state.read = null;
    this.state.prepared = null;
    this.state.shownFingerprint = null;
    const read = await this.port.readTable(source);
    checkReferenceDateAhead(this.state.referenceDate, localIsoDate(this.now()));
    let prepared: PreparedDraw;
    try {
      prepared = prepareDraw(read.table, { referenceDate: this.state.referenceDate, excludeInvalid: true, ...this.mappingOption() });
      this.state.missingColumns = null;
    } catch (error) {
      // The pane's remedy for headers it does not recognise: the operator names the columns (InputError.details).
      const details = error instanceof InputError && error.code === 'missing_columns' ? error.details : null;
      const fields = fieldsOfLabels(details?.missingFields ?? []);
      this.state.missingColumns = details?.headers && fields.length > 0 ? { fields, headers: [...details.headers] } : null;
      throw error;
    }
    this.state.read = read;
    this.state.prepared = prepared;
    this.announce(`Tableau lu : ${prepared.candidatures.length} candidatures.`);
  }

  private mappingOption(): { columns?: ColumnMapping } {
    return Object.keys(this.state.columnMapping).length > 0 ? { columns: this.state.columnMapping } : {};
  }

  /** The columns chosen in the form of step 1, added to those already named, then the table read again. */
  private useColumns(): Promise<void> {
    const missing = this.state.missingColumns;
    if (missing === null) return Promise.resolve();
    const mapping: ColumnMapping = { ...this.state.columnMapping };
    for (const field of formFields(missing.fields)) {
      const select = this.document.getElementById(`column-${field}`) as HTMLSelectElement | null;
      const header = select === null || select.value === '' ? undefined : missing.headers[Number(select.value)]?.text;
      if (header !== undefined) mapping[field] = header;
    }
    this.state.columnMapping = mapping;
    return this.attempt('Lecture du tableau avec les colonnes indiquées…', () => this.readTable());
  }

  private goTo(step: Step): void {
    this.state.step = step;
    this.state.failure = null;
    this.state.fieldErrors = {};
    this.render();
    if (typeof step === 'number') this.announce(`Étape ${step} sur 6 : ${STEP_TITLES[step]}.`);
  }

  private problemCount(): number {
    return this.state.prepared === null ? 0 : problemLines(this.state.prepared).length;
  }

  /** Step 3: the table read again, so the fingerprint shown is the table's as it is now. */
  private showFingerprint(): Promise<void> {
    return this.attempt('Relecture du tableau et calcul de l’empreinte…', async () => {
      const before = this.problemCount();
      await this.readTable();
      const prepared = this.state.prepared as PreparedDraw;
      const problems = problemLines(prepared).length;
      if (problems > 0 && (!this.state.excludeConfirmed || problems !== before)) {
        // New problems appeared since step 2: the operator decides again.
        this.state.excludeConfirmed = false;
        this.goTo(2);
        return;
      }
      this.state.shownFingerprint = prepared.canonical.fingerprint;
      this.goTo(3);
    });
  }

  private validateStep4(): boolean {
    const errors: Record<string, string> = {};
    try {
      normalisePublicSeed(this.state.seed);
    } catch (error) {
      errors['field-seed'] = error instanceof Error ? error.message : String(error);
    }
    const texts: [string, string, string][] = [
      ['field-place', 'Le lieu', this.state.place],
      ['field-officials', 'La liste des élus et personnes présents', this.state.officials],
      ['field-reason', 'Le motif', this.state.reason],
    ];
    for (const [id, what, text] of texts) {
      try {
        refuseUnkeepableText(what, text);
      } catch (error) {
        errors[id] = error instanceof Error ? error.message : String(error);
      }
    }
    if (this.isLaterDraw() && this.state.reason.trim() === '') {
      errors['field-reason'] =
        'Ce classeur contient déjà un tirage : indiquez pourquoi un nouveau tirage est fait. Le motif est inscrit au journal des tirages et au nouveau procès-verbal ; le premier registre reste intact.';
    }
    this.state.fieldErrors = errors;
    return Object.keys(errors).length === 0;
  }

  /** A draw in a workbook that already holds one, or that the journal says already drew. */
  isLaterDraw(): boolean {
    return this.state.existingRecords.length > 0 || this.state.journal.some((e) => e.outcome === 'recorded');
  }

  private journalEntry(outcome: JournalEntry['outcome'], fields: Partial<JournalEntry> = {}): JournalEntry {
    return {
      time: journalTime(this.now()),
      fingerprint: this.state.shownFingerprint ?? '',
      publicSeed: this.state.seed,
      outcome,
      dataSheet: '',
      reason: this.isLaterDraw() ? this.state.reason.trim() : '',
      detail: '',
      ...fields,
    };
  }

  private async draw(): Promise<void> {
    if (!this.validateStep4()) {
      this.render();
      const first = Object.keys(this.state.fieldErrors)[0];
      this.document.getElementById(first)?.focus();
      return;
    }
    const source = this.state.choices[this.state.choice];
    const request: DrawRequest = {
      source,
      shownFingerprint: this.state.shownFingerprint as string,
      referenceDate: this.state.referenceDate,
      excludeInvalid: this.state.excludeConfirmed,
      publicSeed: this.state.seed,
      place: this.state.place.trim(),
      officials: parseOfficials(this.state.officials.replace(/\n/g, ';')),
      sourceFile: this.options.sourceFile,
      ...(this.isLaterDraw() ? { laterDrawReason: this.state.reason.trim() } : {}),
      ...this.mappingOption(),
    };
    this.state.refusal = null;
    await this.attempt('Préparation du tirage…', async () => {
      // Logged before anything is drawn: even an attempt cut short stays in the workbook.
      await this.port.appendJournal(this.journalEntry('requested'));
      let session;
      try {
        session = await this.port.startReveal(request);
      } catch (error) {
        await this.logFailure(error);
        if (error instanceof ExcelAdapterError && error.problem.code === 'table_changed') {
          this.state.refusal = { shown: error.problem.shown, current: error.problem.current };
        }
        throw error;
      }
      this.state.result = session.result;
      this.state.reveal = { done: 0, total: session.stepCount, state: 'running', pace: 'normal' };
      this.goTo(5);
      this.pacer = new RevealPacer(
        session,
        PACES.normal.delayMs,
        {
          onProgress: (done, total, state) => this.progress(done, total, state),
          onDone: (outcome) => void this.recorded(outcome),
          onError: (error) => void this.revealFailed(error),
        },
        this.options.schedule,
      );
      this.pacer.start();
    });
  }

  private async logFailure(error: unknown): Promise<void> {
    const refused = error instanceof ExcelAdapterError && error.problem.code === 'table_changed';
    try {
      await this.port.appendJournal(this.journalEntry(refused ? 'refused' : 'failed', { detail: describeFailure(error).lines.join(' ') }));
    } catch {
      // The failure itself is what the operator must read; a journal that cannot be written either is part of it.
    }
  }

  private progress(done: number, total: number, state: PacerState): void {
    if (this.state.reveal === null) return;
    const before = this.state.reveal;
    this.state.reveal = { ...before, done, total, state };
    this.updateProgress();
    if (before.state !== state) this.render();
    // Screen readers hear the reveal advance as the room sees it.
    if (before.state !== state || before.done !== done) this.announce(progressText(this.state.reveal));
  }

  private async recorded(outcome: WriteOutcome): Promise<void> {
    this.state.outcome = outcome;
    this.state.check = outcome.check;
    let failure: Failure | null = null;
    try {
      const dataSheet = outcome.check.records[0]?.sheetNames.data ?? outcome.sheetNames.find((name) => isRecordSheetName(name, 'data')) ?? '';
      await this.port.appendJournal(this.journalEntry('recorded', { dataSheet }));
      await this.loadContents();
    } catch (error) {
      // The record is written and checked; only its line in the journal is missing: say so, with the rest.
      failure = describeFailure(error);
    }
    const differences = allDifferences(outcome.check).length;
    this.goTo(6);
    this.announce(differences === 0 ? 'Registre écrit. Registre conforme.' : `Registre écrit : ${differences} différence(s) trouvée(s) à la vérification.`);
    if (failure !== null) {
      this.state.failure = { ...failure, title: 'Registre écrit, mais pas inscrit au journal des tirages' };
      this.render();
      this.focusFailure();
    }
  }

  private async revealFailed(error: unknown): Promise<void> {
    await this.logFailure(error);
    const failure = describeFailure(error);
    // The draw is deterministic: drawn again from the same table and seed, it gives the same result.
    this.state.failure = {
      ...failure,
      remedy: `${failure.remedy} Le tirage lui-même est calculé : avec le même tableau et la même graine, il donnera le même résultat. « Réessayer » relit le tableau et affiche son empreinte ; si elle est inchangée, tirez à nouveau avec la même graine, en indiquant comme motif l’interruption.`,
    };
    this.lastAction = () => this.showFingerprint();
    this.render();
    this.focusFailure();
  }

  private verifyExisting(): Promise<void> {
    return this.attempt('Vérification du registre…', async () => {
      this.state.outcome = null;
      this.state.result = null;
      this.state.check = await this.port.verifyRecord();
      this.goTo(6);
    });
  }

  private select(sheet: string, cell: string): Promise<void> {
    return this.attempt(`Sélection de la cellule ${cell} de la feuille « ${sheet} »…`, async () => {
      await this.port.selectCell(sheet, cell);
      this.announce(`Cellule ${cell} de la feuille « ${sheet} » sélectionnée dans Excel.`);
    });
  }

  private newDraw(): Promise<void> {
    return this.attempt('Lecture du classeur…', async () => {
      this.state.seed = '';
      this.state.reason = '';
      this.state.excludeConfirmed = false;
      this.state.outcome = null;
      this.state.result = null;
      this.state.check = null;
      this.state.reveal = null;
      await this.loadContents();
      await this.readTable();
      this.goTo(1);
    });
  }

  private announce(text: string): void {
    // Emptied first, so that the same sentence twice is announced twice.
    this.live.textContent = '';
    this.live.textContent = text;
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private render(): void {
    const active = this.document.activeElement;
    const focusedId = active instanceof HTMLElement && this.view.contains(active) ? active.id : '';
    const stepChanged = this.renderedStep !== this.state.step;
    this.view.replaceChildren(...this.stepper(), this.body());
    this.view.setAttribute('aria-busy', String(this.state.busy !== null));
    this.renderedStep = this.state.step;
    const again = focusedId === '' ? null : this.document.getElementById(focusedId);
    if (stepChanged) this.document.getElementById('step-title')?.focus();
    else if (again !== null && !(again as HTMLButtonElement).disabled) again.focus();
    else if (focusedId !== '') this.document.getElementById('step-title')?.focus();
  }

  private focusFailure(): void {
    this.document.getElementById('session-failure')?.focus();
  }

  private el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Parameters<typeof h>[2] = {}, ...children: Child[]) => h(this.document, tag, props, ...children);

  private button(id: string, label: string, action: () => void | Promise<void>, options: { primary?: boolean; disabled?: boolean; describedBy?: string } = {}): HTMLButtonElement {
    return this.el(
      'button',
      {
        id,
        className: options.primary ? 'button button--primary' : 'button',
        // Busy: announced as unavailable but kept focusable, so the keyboard never loses its place.
        attrs: { type: 'button', disabled: options.disabled === true, 'aria-disabled': this.state.busy !== null ? 'true' : null, 'aria-describedby': options.describedBy },
        on: {
          click: () => {
            if (this.state.busy === null) void action();
          },
        },
      },
      label,
    );
  }

  private stepper(): HTMLElement[] {
    if (this.state.step === 'existing') return [];
    const current = this.state.step;
    const items = ([1, 2, 3, 4, 5, 6] as const).map((n) =>
      this.el(
        'li',
        { className: `stepper__item${n === current ? ' stepper__item--current' : n < current ? ' stepper__item--done' : ''}`, attrs: { 'aria-current': n === current ? 'step' : null } },
        this.el('span', { className: 'stepper__number', attrs: { 'aria-hidden': 'true' } }, String(n)),
        this.el('span', { className: 'stepper__label' }, STEP_TITLES[n]),
        n < current ? this.el('span', { className: 'visually-hidden' }, ' (terminée)') : null,
      ),
    );
    return [this.el('nav', { attrs: { 'aria-label': 'Étapes de la séance' } }, this.el('ol', { className: 'stepper' }, ...items))];
  }

  private heading(text: string): HTMLElement {
    const step = this.state.step;
    const prefix = typeof step === 'number' ? `Étape ${step} sur 6 — ` : '';
    return this.el('h2', { id: 'step-title', className: 'step__title', attrs: { tabindex: '-1' } }, `${prefix}${text}`);
  }

  private body(): HTMLElement {
    const section = this.el('section', { className: 'step', attrs: { 'aria-labelledby': 'step-title', 'data-step': String(this.state.step) } });
    const step = this.state.step;
    const content =
      step === 'existing' ? this.existingView() : step === 1 ? this.step1() : step === 2 ? this.step2() : step === 3 ? this.step3() : step === 4 ? this.step4() : step === 5 ? this.step5() : this.step6();
    append(section, content);
    const failure = this.failureView();
    if (failure) section.insertBefore(failure, section.children[1] ?? null);
    if (this.state.busy !== null) section.insertBefore(this.el('p', { className: 'step__busy' }, this.state.busy), section.children[1] ?? null);
    return section;
  }

  private failureView(): HTMLElement | null {
    const failure = this.state.failure;
    if (failure === null) return null;
    return this.el(
      'div',
      { id: 'session-failure', className: 'pane-message pane-message--warning', attrs: { role: 'alert', tabindex: '-1', 'data-code': failure.code } },
      this.el('h3', {}, failure.title),
      ...failure.lines.map((line) => this.el('p', {}, line)),
      this.el('p', { className: 'remedy' }, failure.remedy),
      failure.code === 'table_changed' ? this.button('show-new-fingerprint', 'Afficher la nouvelle empreinte', () => this.showFingerprint(), { primary: true }) : null,
      failure.code === 'connection_lost' || failure.code === 'sync_timeout' || failure.code === 'excel_error'
        ? this.button('retry', 'Réessayer', () => this.lastAction?.(), { disabled: this.lastAction === null })
        : null,
    );
  }

  private existingView(): Child[] {
    const n = this.state.existingRecords.length;
    return [
      this.heading('Ce classeur contient déjà un tirage'),
      this.el(
        'p',
        {},
        n === 1
          ? `Un registre de tirage est déjà enregistré dans ce classeur (feuille « ${this.state.existingRecords[0]} »). Vérifiez-le d’abord : la vérification refait le tirage à partir de ses données et compare chaque cellule.`
          : `${n} registres de tirage sont déjà enregistrés dans ce classeur. Vérifiez-les d’abord : la vérification refait chaque tirage et compare chaque cellule.`,
      ),
      this.el(
        'p',
        {},
        'Un nouveau tirage dans ce classeur n’efface rien : il s’ajoute dans de nouvelles feuilles, son motif est demandé et inscrit au journal des tirages et au procès-verbal.',
      ),
      this.el(
        'div',
        { className: 'actions' },
        this.button('verify-existing', 'Vérifier le registre', () => this.verifyExisting(), { primary: true }),
        this.button('prepare-new', 'Préparer un nouveau tirage', () => this.attempt('Lecture du tableau…', async () => {
          await this.readTable();
          this.goTo(1);
        })),
      ),
    ];
  }

  private step1(): Child[] {
    const { choices, prepared, read } = this.state;
    const children: Child[] = [this.heading(STEP_TITLES[1])];
    if (this.state.contents !== null && choices.length === 0) {
      children.push(
        this.el('p', { className: 'pane-message pane-message--warning', attrs: { role: 'alert' } }, 'Aucun tableau ni aucune feuille de candidatures dans ce classeur. Ouvrez le classeur qui contient le tableau des candidatures, puis cliquez sur « Relire le tableau ».'),
      );
    }
    const select = this.el(
      'select',
      {
        id: 'source',
        attrs: { 'aria-describedby': 'source-help' },
        on: {
          change: (e) => {
            this.state.choice = Number((e.target as HTMLSelectElement).value);
            // Columns named for one table mean nothing for another.
            this.state.columnMapping = {};
            this.state.missingColumns = null;
          },
        },
      },
      ...choices.map((c, i) => {
        const option = this.el('option', { attrs: { value: String(i) } }, sourceLabel(c));
        option.selected = i === this.state.choice;
        return option;
      }),
    );
    const date = this.el('input', {
      id: 'reference-date',
      attrs: { type: 'date', value: this.state.referenceDate, required: true, 'aria-describedby': 'reference-date-help' },
      on: { change: (e) => (this.state.referenceDate = (e.target as HTMLInputElement).value) },
    });
    children.push(
      this.el(
        'div',
        { className: 'field' },
        this.el('label', { attrs: { for: 'source' } }, 'Tableau des candidatures'),
        select,
        this.el('p', { id: 'source-help', className: 'field__help' }, 'Les tableaux Excel du classeur, puis chaque feuille entière.'),
      ),
      this.el(
        'div',
        { className: 'field' },
        this.el('label', { attrs: { for: 'reference-date' } }, 'Date du tirage'),
        date,
        this.el('p', { id: 'reference-date-help', className: 'field__help' }, 'Le jour de la séance publique : l’âge de chaque candidature est compté à cette date, et elle entre dans l’empreinte.'),
      ),
      this.el('div', { className: 'actions' }, this.button('read-table', 'Relire le tableau', () => this.attempt('Lecture du tableau…', async () => {
        await this.loadContents();
        await this.readTable();
      }), { disabled: choices.length === 0 })),
    );
    if (this.state.missingColumns !== null && prepared === null) children.push(this.columnsForm(this.state.missingColumns));
    if (prepared !== null && read !== null) {
      const columns = recognisedColumns(read.table, this.state.columnMapping);
      children.push(
        this.el('h3', {}, 'Colonnes reconnues'),
        this.el('ul', { className: 'plain-list', attrs: { id: 'columns' } }, ...columns.map((c) => this.el('li', {}, `${c.field} : colonne ${c.column} (« ${c.header} »)`))),
        this.countsTable(prepared),
        ...read.formulasWithoutValue.map((f) => this.el('p', { className: 'pane-message pane-message--warning' }, describeFormulaWithoutValue(f))),
        this.el('div', { className: 'actions' }, this.button('to-step-2', 'Continuer : vérification', () => this.goTo(2), { primary: true })),
      );
    }
    return children;
  }

  private columnsForm(missing: { fields: Field[]; headers: { cell: string; text: string }[] }): HTMLElement {
    return this.el(
      'fieldset',
      { id: 'columns-form', className: 'columns-form' },
      this.el('legend', {}, 'Indiquer les colonnes non reconnues'),
      this.el('p', {}, 'Choisissez, pour chaque donnée, la colonne du tableau qui la contient. Le registre consigne ce choix.'),
      ...formFields(missing.fields).map((field) =>
        this.el(
          'div',
          { className: 'field' },
          this.el('label', { attrs: { for: `column-${field}` } }, field === 'age' ? 'ou Âge (si le tableau donne l’âge plutôt que la date de naissance)' : FIELD_LABELS[field]),
          this.el(
            'select',
            { id: `column-${field}` },
            this.el('option', { attrs: { value: '' } }, '— choisir une colonne —'),
            ...missing.headers.map((header, i) => this.el('option', { attrs: { value: String(i) } }, `« ${header.text} » (${header.cell})`)),
          ),
        ),
      ),
      this.el('div', { className: 'actions' }, this.button('use-columns', 'Utiliser ces colonnes', () => this.useColumns(), { primary: true })),
    );
  }

  private countsTable(prepared: PreparedDraw): HTMLElement {
    const rows = countsBySectorAndSex(prepared);
    const problems = problemLines(prepared).length;
    return this.el(
      'table',
      { id: 'counts', className: 'data-table' },
      this.el('caption', {}, `Candidatures recevables par secteur et par sexe (${prepared.candidatures.length} reçues${problems > 0 ? `, ${new Set(problemLines(prepared).map((p) => p.problem.row)).size} à vérifier` : ''})`),
      this.el('thead', {}, this.el('tr', {}, ...['Secteurs', 'Femmes', 'Hommes', 'Total'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
      this.el(
        'tbody',
        {},
        ...rows.map((r) => this.el('tr', { className: r.sector === 'Total' ? 'data-table__total' : '' }, this.el('th', { attrs: { scope: 'row' } }, r.sector), this.el('td', {}, r.F), this.el('td', {}, r.H), this.el('td', {}, r.total))),
      ),
    );
  }

  private step2(): Child[] {
    const prepared = this.state.prepared;
    const children: Child[] = [this.heading(STEP_TITLES[2])];
    if (prepared === null) return children;
    const lines = problemLines(prepared);
    if (lines.length === 0) {
      children.push(this.el('p', { className: 'pane-message pane-message--info' }, `Aucune anomalie : les ${prepared.candidatures.length} candidatures peuvent participer au tirage.`));
    } else {
      const rows = new Set(lines.map((l) => l.problem.row)).size;
      children.push(
        this.el('p', {}, `${rows} ligne${rows > 1 ? 's' : ''} ne peu${rows > 1 ? 'vent' : 't'} pas participer au tirage. Activez une ligne pour la sélectionner dans la feuille, corrigez-la puis cliquez sur « Relire le tableau » ; ou écartez ces lignes : elles seront consignées au procès-verbal avec leur motif.`),
        this.el(
          'ul',
          { id: 'problems', className: 'problem-list' },
          ...lines.map((l, i) =>
            this.el('li', {}, this.button(`problem-${i}`, l.text, () => this.select(this.state.read?.table.sheet ?? '', l.cell))),
          ),
        ),
      );
      const box = this.el('input', {
        id: 'exclude-confirm',
        attrs: { type: 'checkbox' },
        on: {
          change: (e) => {
            this.state.excludeConfirmed = (e.target as HTMLInputElement).checked;
            this.render();
          },
        },
      });
      box.checked = this.state.excludeConfirmed;
      children.push(
        this.el('div', { className: 'field field--check' }, box, this.el('label', { attrs: { for: 'exclude-confirm' } }, `J’écarte ces ${rows} ligne${rows > 1 ? 's' : ''} du tirage ; elles seront consignées au procès-verbal avec leur motif.`)),
      );
    }
    children.push(
      this.el(
        'div',
        { className: 'actions' },
        this.button('back-to-1', 'Retour', () => this.goTo(1)),
        lines.length > 0 ? this.button('reread-2', 'Relire le tableau', () => this.attempt('Lecture du tableau…', () => this.readTable())) : null,
        this.button('to-step-3', 'Continuer : empreinte', () => this.showFingerprint(), { primary: true, disabled: lines.length > 0 && !this.state.excludeConfirmed }),
      ),
    );
    return children;
  }

  private step3(): Child[] {
    const prepared = this.state.prepared as PreparedDraw;
    const fingerprint = this.state.shownFingerprint ?? '';
    const children: Child[] = [this.heading(STEP_TITLES[3])];
    if (this.state.refusal !== null) {
      children.push(
        this.el(
          'p',
          { className: 'pane-message pane-message--warning', attrs: { role: 'alert' } },
          `Le tableau a changé : l’empreinte ci-dessous est la nouvelle (l’ancienne était ${this.state.refusal.shown}). Annoncez-la avant de choisir la graine.`,
        ),
      );
    }
    children.push(
      this.el('p', {}, 'L’empreinte résume exactement le tableau des candidatures et les règles. Annoncez-la à la salle et affichez-la avant de choisir la graine : toute modification du tableau la change.'),
      this.el('p', { className: 'fingerprint-label', attrs: { id: 'fingerprint-label' } }, 'Empreinte'),
      this.el('p', { id: 'fingerprint', className: 'fingerprint', attrs: { 'aria-labelledby': 'fingerprint-label', 'data-fingerprint': fingerprint } }, ...groups(fingerprint)),
      this.el('div', { className: 'actions' }, this.button('copy-fingerprint', 'Copier l’empreinte', () => this.copy(fingerprint))),
      this.el('h3', {}, 'Sièges par secteur'),
      this.el(
        'table',
        { id: 'seats', className: 'data-table' },
        this.el('caption', {}, 'Sièges à pourvoir ; la graine choisit parmi les répartitions femmes-hommes qui respectent la parité.'),
        this.el('thead', {}, this.el('tr', {}, ...['Secteurs', 'Sièges', 'Femmes', 'Hommes'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
        this.el(
          'tbody',
          {},
          ...seatLines(prepared).map((s) =>
            this.el('tr', {}, this.el('th', { attrs: { scope: 'row' } }, s.sector), this.el('td', {}, s.seats), this.el('td', {}, range(s.minWomen, s.maxWomen)), this.el('td', {}, range(s.seats - s.maxWomen, s.seats - s.minWomen))),
          ),
        ),
      ),
      this.el('h3', {}, 'Chance de chaque candidature d’être retenue'),
      this.el(
        'table',
        { id: 'chances', className: 'data-table' },
        this.el('caption', { className: 'visually-hidden' }, 'Chance de chaque candidature'),
        this.el('thead', {}, this.el('tr', {}, ...['Ligne', 'Nom', 'Secteur', 'Sexe', 'Chance'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
        this.el('tbody', {}, ...chanceLines(prepared).map((c) => this.el('tr', {}, this.el('td', {}, c.row), this.el('th', { attrs: { scope: 'row' } }, c.name), this.el('td', {}, c.sector), this.el('td', {}, c.sex), this.el('td', {}, c.chance)))),
      ),
      this.el('div', { className: 'actions' }, this.button('back-to-2', 'Retour', () => this.goTo(2)), this.button('to-step-4', 'Continuer : graine publique', () => this.goTo(4), { primary: true })),
    );
    return children;
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.announce('Empreinte copiée.');
    } catch {
      // Some Office webviews refuse the clipboard: select the text so Ctrl+C copies it.
      const target = this.document.getElementById('fingerprint');
      const selection = this.document.getSelection();
      if (target && selection) {
        selection.selectAllChildren(target);
        this.announce('Empreinte sélectionnée : appuyez sur Ctrl+C pour la copier.');
      }
    }
  }

  private textField(id: string, label: string, help: string, value: string, set: (value: string) => void, multiline = false): HTMLElement {
    const error = this.state.fieldErrors[id];
    const describedBy = [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = { 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : null, autocomplete: 'off' };
    const input = multiline
      ? this.el('textarea', { id, attrs: { ...attrs, rows: 3 }, on: { input: (e) => set((e.target as HTMLTextAreaElement).value) } })
      : this.el('input', { id, attrs: { ...attrs, type: 'text' }, on: { input: (e) => set((e.target as HTMLInputElement).value) } });
    input.value = value;
    return this.el(
      'div',
      { className: 'field' },
      this.el('label', { attrs: { for: id } }, label),
      input,
      this.el('p', { id: `${id}-help`, className: 'field__help' }, help),
      error ? this.el('p', { id: `${id}-error`, className: 'field__error' }, error) : null,
    );
  }

  private step4(): Child[] {
    const later = this.isLaterDraw();
    return [
      this.heading(STEP_TITLES[4]),
      this.el(
        'p',
        { id: 'why-seed' },
        'La graine est choisie en public après l’annonce de l’empreinte : personne ne pouvait donc connaître le résultat en préparant le tableau, et chacun peut refaire le tirage avec l’empreinte et la graine.',
      ),
      this.el('p', {}, `Empreinte annoncée : ${this.state.shownFingerprint ?? ''} — date du tirage : ${this.state.referenceDate}.`),
      later
        ? this.textField(
            'field-reason',
            'Motif du nouveau tirage (obligatoire)',
            'Ce classeur contient déjà un tirage. Le motif est inscrit au journal des tirages et au nouveau procès-verbal ; le premier registre n’est pas modifié.',
            this.state.reason,
            (v) => (this.state.reason = v),
            true,
          )
        : null,
      this.textField('field-seed', 'Graine publique', 'Par exemple les dés lancés par les élus, ou des nombres proposés par la salle, tels qu’annoncés : « 4 2 6 1 5 3 ».', this.state.seed, (v) => (this.state.seed = v)),
      this.textField('field-place', 'Lieu', 'Où se tient la séance (facultatif : une ligne est laissée sur le procès-verbal).', this.state.place, (v) => (this.state.place = v)),
      this.textField('field-officials', 'Élus et personnes présents', 'Un nom par ligne (facultatif : des lignes à signer sont laissées sur le procès-verbal).', this.state.officials, (v) => (this.state.officials = v), true),
      this.el('div', { className: 'actions' }, this.button('back-to-3', 'Retour', () => this.goTo(3)), this.button('draw', 'Tirer au sort', () => this.draw(), { primary: true })),
    ];
  }

  private step5(): Child[] {
    const reveal = this.state.reveal;
    const children: Child[] = [this.heading(STEP_TITLES[5])];
    if (reveal === null) return children;
    const running = reveal.state === 'running';
    const over = reveal.state === 'done' || reveal.state === 'failed' || reveal.state === 'finishing';
    const pace = this.el(
      'select',
      {
        id: 'pace',
        attrs: { disabled: over },
        on: {
          change: (e) => {
            const name = (e.target as HTMLSelectElement).value as PaceName;
            if (this.state.reveal) this.state.reveal.pace = name;
            this.pacer?.setDelay(PACES[name].delayMs);
            this.announce(`Rythme : ${PACES[name].label}.`);
          },
        },
      },
      ...(Object.keys(PACES) as PaceName[]).map((name) => {
        const option = this.el('option', { attrs: { value: name } }, PACES[name].label);
        option.selected = name === reveal.pace;
        return option;
      }),
    );
    children.push(
      this.el('p', {}, 'Le tirage est calculé ; le registre s’écrit maintenant dans le classeur, secteur par secteur : les numéros de tirage apparaissent dans l’ordre du tirage, puis les statuts et les couleurs. Une pause ne change pas le résultat.'),
      this.el('label', { attrs: { for: 'reveal-progress', id: 'reveal-progress-label' } }, 'Avancement du registre'),
      this.el('progress', { id: 'reveal-progress', attrs: { max: reveal.total, value: reveal.done, 'aria-valuetext': progressText(reveal) } }),
      this.el('p', { id: 'reveal-text' }, progressText(reveal)),
      reveal.state === 'failed' ? null : this.el(
        'div',
        { className: 'actions' },
        // One button that toggles, so the keyboard focus stays on it.
        running
          ? this.button('pause-toggle', 'Pause', () => this.pacer?.pause(), { primary: true })
          : this.button('pause-toggle', 'Reprendre', () => this.pacer?.resume(), { primary: true, disabled: over }),
        this.button('reveal-all', 'Tout révéler', () => this.pacer?.revealAll(), { disabled: over }),
      ),
      reveal.state === 'failed' ? null : this.el('div', { className: 'field' }, this.el('label', { attrs: { for: 'pace' } }, 'Rythme'), pace),
    );
    return children;
  }

  private updateProgress(): void {
    const reveal = this.state.reveal;
    if (reveal === null) return;
    const bar = this.document.getElementById('reveal-progress');
    const text = this.document.getElementById('reveal-text');
    if (bar) {
      bar.setAttribute('max', String(reveal.total));
      bar.setAttribute('value', String(reveal.done));
      bar.setAttribute('aria-valuetext', progressText(reveal));
    }
    if (text) text.textContent = progressText(reveal);
  }

  private step6(): Child[] {
    const check = this.state.check;
    const children: Child[] = [this.heading(STEP_TITLES[6])];
    if (check === null) return children;
    const differences = allDifferences(check);
    if (differences.length === 0) {
      children.push(
        this.el(
          'div',
          { id: 'verdict', className: 'verdict verdict--ok', attrs: { role: 'status' } },
          this.el('p', { className: 'verdict__title' }, 'Registre conforme'),
          this.el('p', {}, `Vérifié dans Excel : chaque cellule de ${check.records.length > 1 ? `chacun des ${check.records.length} registres` : 'registre'} correspond au tirage recalculé à partir de ses données.`),
        ),
      );
    } else {
      children.push(
        this.el(
          'div',
          { id: 'verdict', className: 'verdict verdict--ko', attrs: { role: 'alert' } },
          this.el('p', { className: 'verdict__title' }, `Registre non conforme : ${differences.length} différence${differences.length > 1 ? 's' : ''}`),
          this.el('p', {}, 'Activez une différence pour sélectionner la cellule dans Excel.'),
        ),
        this.el(
          'ul',
          { id: 'differences', className: 'problem-list' },
          ...differences.map((line, i) => {
            const target = differenceTarget(line);
            return this.el('li', {}, target ? this.button(`difference-${i}`, line, () => this.select(target.sheet, target.cell)) : line);
          }),
        ),
      );
    }
    const result = this.state.result;
    if (result !== null) {
      const { members, reserve } = membersAndReserve(result);
      children.push(
        this.el('h3', {}, `Membres retenus (${members.length})`),
        this.el('ol', { id: 'members', className: 'name-list' }, ...members.map((m) => this.el('li', {}, `${m.name} — ${m.sector}, ${m.sex === 'F' ? 'femme' : 'homme'}`))),
        this.el('h3', {}, `Liste complémentaire (${reserve.length})`),
        this.el('ul', { id: 'reserve', className: 'name-list' }, ...reserve.map((m) => this.el('li', {}, `${m.name} — ${m.sector}, ${m.status}`))),
      );
    }
    const minutes = check.records[check.records.length - 1]?.sheetNames.minutes;
    children.push(
      this.el(
        'div',
        { className: 'actions' },
        minutes ? this.button('show-minutes', 'Afficher le procès-verbal', () => this.select(minutes, 'A1'), { primary: true, describedBy: 'print-help' }) : null,
        this.button('new-draw', 'Préparer un autre tirage', () => this.newDraw()),
      ),
      this.el('p', { id: 'print-help', className: 'field__help' }, 'La feuille du procès-verbal s’affiche dans Excel, mise en page pour l’impression A4 : Fichier > Imprimer (Ctrl+P).'),
    );
    return children;
  }
}

/** The fields the columns form asks for: a missing birth date may be given as an age column instead. */
function formFields(missing: readonly Field[]): Field[] {
  return missing.includes('birthDate') && !missing.includes('age') ? [...missing, 'age'] : [...missing];
}

/** The fingerprint in groups of 8, so the room can read it aloud and compare. */
function groups(fingerprint: string): string[] {
  return (fingerprint.match(/.{1,8}/g) ?? []).map((g, i, all) => (i < all.length - 1 ? `${g} ` : g));
}

function range(min: number, max: number): string {
  return min === max ? String(min) : `${min} à ${max}`;
}

function progressText(reveal: RevealView): string {
  const where = `Étape ${reveal.done} sur ${reveal.total} écrite`;
  switch (reveal.state) {
    case 'running':
      return `${where}.`;
    case 'paused':
      return `${where} — en pause.`;
    case 'finishing':
      return `${where} — écriture du reste et vérification…`;
    case 'done':
      return 'Registre entièrement écrit et vérifié.';
    case 'failed':
      return `${where} — l’écriture a échoué.`;
  }
}

