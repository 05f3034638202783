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
 * The state (state.ts) lives in this object; `render` redraws the current step from it with the
 * views (views.ts; text only through text nodes), moves the focus to the new step's heading when
 * the step changes, and keeps it on the same control otherwise. Announcements go through one
 * polite live region; failures are alerts.
 */
import { prepareDraw, type PreparedDraw } from '../../core/draw';
import type { ColumnMapping } from '../../core/columns';
import { InputError } from '../../core/errors';
import { checkReferenceDateAhead } from '../../core/referenceDate';
import { checkDrawRequest, type DrawRequest, type DrawRequestField } from '../../core/drawRequest';
import { describeExcelWait } from '../../excel/problems';
import { allDifferences } from '../../core/record/verify';
import { isRecordSheetName } from '../../core/record/names';
import type { JournalEntry } from '../../core/record/journal';
import type { DrawOrder, WorkbookPort, WriteOutcome } from '../../excel/workbookAdapter';
import { h } from '../dom';
import { describeFailure, type Failure } from './failures';
import { PACES, RevealPacer, type PaceName, type PacerState, type Scheduler } from './pacer';
import { journalTime, localIsoDate, problemLines, recordDataSheets, sourceChoices, sourceLabel } from './sessionModel';
import { STEP_TITLES, type SessionState, type Step } from './state';
import { formFields, progressText, StepViews, type SessionActions } from './views';

export interface SessionOptions {
  /** The workbook's file name, for the procès-verbal. */
  sourceFile: string;
  /** The clock (tests and the preview may fix it). */
  now?: () => Date;
  /** How the reveal waits between steps. */
  schedule?: Scheduler;
}

export class PaneSession implements SessionActions {
  private readonly document: Document;
  private readonly live: HTMLElement;
  private readonly view: HTMLElement;
  private renderedStep: Step | null = null;
  private pacer: RevealPacer | null = null;
  private readonly state: SessionState;
  private readonly views: StepViews;
  /** What « Réessayer » does again after a lost connection or a timeout. */
  private lastAction: (() => Promise<void>) | null = null;
  /** The request of the draw under way, as core checked it: the journal logs its seed. */
  private request: DrawRequest | null = null;

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
      excelWait: null,
    };
    this.views = new StepViews(this.document, this.state, this);
    this.live = h(this.document, 'div', { id: 'pane-live', className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this.view = h(this.document, 'div', { className: 'session' });
    mount.replaceChildren(this.view, this.live);
    mount.setAttribute('aria-busy', 'false');
    // A cell being edited holds the writing: the line says what to do, and goes when Excel answers again.
    this.port.onExcelWait((wait) => {
      this.state.excelWait = wait === null ? null : describeExcelWait(wait);
      if (this.state.excelWait !== null) this.announce(this.state.excelWait);
      this.render();
    });
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
      prepared = prepareDraw(read.sheet, { referenceDate: this.state.referenceDate, excludeInvalid: true, bounds: read.bounds, ...this.mappingOption() });
      this.state.missingColumns = null;
    } catch (error) {
      // The pane's remedy for headers it does not recognise: the operator names the columns (InputError.details).
      const details = error instanceof InputError && error.code === 'missing_columns' ? error.details : null;
      const fields = [...(details?.missingFields ?? [])];
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
  useColumns(): Promise<void> {
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

  goTo(step: Step): void {
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
  showFingerprint(): Promise<void> {
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

  /** Step 4's fields checked by core (core/drawRequest.ts); each problem shown beside its field. */
  private checkStep4(): DrawRequest | null {
    const checked = checkDrawRequest(
      {
        publicSeed: this.state.seed,
        referenceDate: this.state.referenceDate,
        excludeInvalid: this.state.excludeConfirmed,
        place: this.state.place,
        officials: this.state.officials,
        laterDrawReason: this.isLaterDraw() ? this.state.reason : '',
        ...this.mappingOption(),
      },
      { today: localIsoDate(this.now()), laterDraw: this.isLaterDraw() },
    );
    const ids: Partial<Record<DrawRequestField, string>> = { seed: 'field-seed', place: 'field-place', officials: 'field-officials', reason: 'field-reason' };
    const errors: Record<string, string> = {};
    const elsewhere = checked.ok ? [] : Object.entries(checked.problems).filter(([name]) => ids[name as DrawRequestField] === undefined);
    if (!checked.ok) for (const [name, problem] of Object.entries(checked.problems)) if (ids[name as DrawRequestField]) errors[ids[name as DrawRequestField] as string] = problem.message;
    this.state.fieldErrors = errors;
    // A problem of step 1 (the date) is shown as a failure, with its remedy.
    if (elsewhere.length > 0) this.state.failure = describeFailure(elsewhere[0][1]);
    return checked.ok ? checked.request : null;
  }

  /** A draw in a workbook that already holds one, or that the journal says already drew. */
  isLaterDraw(): boolean {
    return this.state.existingRecords.length > 0 || this.state.journal.some((e) => e.outcome === 'recorded');
  }

  private journalEntry(outcome: JournalEntry['outcome'], fields: Partial<JournalEntry> = {}): JournalEntry {
    return {
      time: journalTime(this.now()),
      fingerprint: this.state.shownFingerprint ?? '',
      // The seed as the draw used it (core/drawRequest.ts normalises it once).
      publicSeed: this.request?.publicSeed ?? this.state.seed,
      outcome,
      dataSheet: '',
      reason: this.request?.laterDrawReason ?? (this.isLaterDraw() ? this.state.reason.trim() : ''),
      detail: '',
      ...fields,
    };
  }

  async draw(): Promise<void> {
    const request = this.checkStep4();
    if (request === null) {
      this.render();
      const first = Object.keys(this.state.fieldErrors)[0];
      if (first === undefined) this.focusFailure();
      else this.document.getElementById(first)?.focus();
      return;
    }
    this.request = request;
    const order: DrawOrder = {
      source: this.state.choices[this.state.choice],
      sourceFile: this.options.sourceFile,
      request: { ...request, announcedFingerprint: this.state.shownFingerprint as string },
    };
    this.state.refusal = null;
    await this.attempt('Préparation du tirage…', async () => {
      // Logged before anything is drawn: even an attempt cut short stays in the workbook.
      await this.port.appendJournal(this.journalEntry('requested'));
      let session;
      try {
        session = await this.port.startReveal(order);
      } catch (error) {
        await this.logFailure(error);
        const fingerprints = error instanceof InputError && error.code === 'fingerprint_mismatch' ? error.details.fingerprints : undefined;
        if (fingerprints !== undefined) this.state.refusal = { shown: fingerprints.announced, current: fingerprints.actual };
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
    const refused = error instanceof InputError && error.code === 'fingerprint_mismatch';
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

  verifyExisting(): Promise<void> {
    return this.attempt('Vérification du registre…', async () => {
      this.state.outcome = null;
      this.state.result = null;
      this.state.check = await this.port.verifyRecord();
      this.goTo(6);
    });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.attempt(`Sélection de la cellule ${cell} de la feuille « ${sheet} »…`, async () => {
      await this.port.selectCell(sheet, cell);
      this.announce(`Cellule ${cell} de la feuille « ${sheet} » sélectionnée dans Excel.`);
    });
  }

  newDraw(): Promise<void> {
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

  // -------------------------------------------------------------------------------------------
  // The views' other actions (views.ts)

  readAgain(): Promise<void> {
    return this.attempt('Lecture du tableau…', async () => {
      await this.loadContents();
      await this.readTable();
    });
  }

  prepareNew(): Promise<void> {
    return this.attempt('Lecture du tableau…', async () => {
      await this.readTable();
      this.goTo(1);
    });
  }

  confirmExclusion(confirmed: boolean): void {
    this.state.excludeConfirmed = confirmed;
    this.render();
  }

  pause(): void {
    this.pacer?.pause();
  }

  resume(): void {
    this.pacer?.resume();
  }

  revealAll(): void {
    this.pacer?.revealAll();
  }

  setPace(name: PaceName): void {
    if (this.state.reveal) this.state.reveal.pace = name;
    this.pacer?.setDelay(PACES[name].delayMs);
    this.announce(`Rythme : ${PACES[name].label}.`);
  }

  retry(): void {
    void this.lastAction?.();
  }

  canRetry(): boolean {
    return this.lastAction !== null;
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
    this.view.replaceChildren(...this.views.stepper(), this.views.body());
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

  async copy(text: string): Promise<void> {
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
}
