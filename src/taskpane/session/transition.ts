/**
 * The session's rules, as one pure function: `transition(state, event)` gives the next state and
 * the effects to run (read the workbook, write the journal, start the reveal…). No DOM, no Excel:
 * the controller runs the effects on the `WorkbookPort` and feeds their results back as events.
 *
 * Rules kept here, each in one place:
 * - the fingerprint drawn is the fingerprint shown: the draw request carries the fingerprint of
 *   step 3 and the sealing key that made it (kept in the workbook from then until the draw), and
 *   the adapter refuses the draw (with the new one) if the table changed since;
 * - every attempt goes into the « Journal des tirages » before anything is drawn, and its outcome
 *   after; a draw in a workbook that already holds one needs a reason (journal and procès-verbal);
 * - a workbook that already holds a record opens on the offer to verify it, not to draw again;
 * - whatever depends on the date of the draw (ages, problems, fingerprint) is computed again when
 *   it changes, and a step that sends the operator back says why;
 * - a field's error stays only while its cause does.
 */
import { prepareDraw } from '../../core/draw';
import type { DrawRequest } from '../../core/drawRequest';
import { InputError } from '../../core/errors';
import { replacementEntry, type JournalOutcome, type LoggedEntry } from '../../core/record/journal';
import { readMandateRecord } from '../../core/record/replace';
import type { ReplacementField } from '../../core/replacement';
import { isRecordSheetName } from '../../core/record/names';
import { allDifferences } from '../../core/record/verify';
import type { DrawOrder, TableRead, WorkbookContents } from '../../excel/workbookAdapter';
import { describeFailure, type Failure } from './failures';
import { PACES } from './pacer';
import { progressText } from './progress';
import { emptyReplaceForm, fieldOf, proposalFor, proposalSentence, REPLACE_FIELD_IDS, replaceErrorsStillStanding, replaceFormErrors, requestOf, type ReplaceForm } from './replaceForm';
import { checkSeedForm, errorsStillStanding, referenceDateProblem, sameErrors, type DrawContextFacts } from './seedForm';
import { problemLines, recordDataSheets, sameSource, sourceChoices } from './sessionModel';
import {
  SESSION_STEPS,
  STEP_TITLES,
  type CheckStep,
  type Effect,
  type FieldErrors,
  type FingerprintStep,
  type JournalDraft,
  type PublicationKind,
  type PaneEvent,
  type PaneState,
  type ReadPurpose,
  type ReadyTable,
  type ReplaceStep,
  type RevealStep,
  type SeedForm,
  type SeedStep,
  type Setup,
  type StepState,
  type TableState,
  type Transition,
  type WorkbookView,
} from './state';

export function initialState(today: string, sourceFile: string): PaneState {
  return { view: { step: 'opening' }, busy: 'Lecture du classeur…', failure: null, notice: null, today, sourceFile, running: { type: 'open' } };
}

export function newSetup(today: string): Setup {
  return { choice: 0, referenceDate: today, columnMapping: {}, place: '', officials: '' };
}

/** The step's number in the stepper (1 to 6), or null for the views outside the six steps. */
export function stepNumber(view: StepState): number | null {
  const index = (SESSION_STEPS as readonly string[]).indexOf(view.step);
  return index < 0 ? null : index + 1;
}

export function transition(state: PaneState, event: PaneEvent): Transition {
  const next = step(state, event);
  // Screen readers hear the step change as the room sees it.
  const before = stepNumber(state.view);
  const after = stepNumber(next.state.view);
  if (after !== null && after !== before) {
    const name = SESSION_STEPS[after - 1];
    return { state: next.state, effects: [{ kind: 'announce', text: `Étape ${after} sur 6 : ${STEP_TITLES[name]}.` }, ...next.effects] };
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const same = (state: PaneState): Transition => ({ state, effects: [] });

/** Work begins on Excel: the operator reads what the pane waits for; earlier failures and notices go. */
function begin(state: PaneState, event: PaneEvent, busy: string, effects: Effect[], view: StepState = state.view): Transition {
  return { state: { ...state, view, busy, failure: null, notice: null, running: event }, effects: [{ kind: 'announce', text: busy }, ...effects] };
}

/** Nothing is running any more. */
function settle(state: PaneState, view: StepState, extra: Partial<PaneState> = {}): PaneState {
  return { ...state, view, busy: null, running: null, ...extra };
}

/** A user's move from one view to another, without Excel: failures and notices of the old view go. */
function move(state: PaneState, view: StepState, effects: Effect[] = []): Transition {
  return { state: { ...state, view, failure: null, notice: null }, effects };
}

function shown(failure: Failure, retry: PaneEvent | null): PaneState['failure'] {
  return { ...failure, retry };
}

function workbookOf(view: StepState): WorkbookView | null {
  return 'workbook' in view ? view.workbook : null;
}

function setupOf(view: StepState, today: string): Setup {
  return 'setup' in view ? view.setup : newSetup(today);
}

/** The workbook as listed; the source chosen before stays chosen when it is still there. */
function listed(contents: WorkbookContents, journal: LoggedEntry[], before: WorkbookView | null, setup: Setup): { workbook: WorkbookView; setup: Setup; kept: boolean } {
  const choices = sourceChoices(contents);
  const previous = before?.choices[setup.choice];
  const kept = previous === undefined ? -1 : choices.findIndex((c) => sameSource(c, previous));
  const records = recordDataSheets(contents);
  const choice = kept >= 0 ? kept : 0;
  const columnMapping = choice === setup.choice && kept >= 0 ? setup.columnMapping : {};
  return { workbook: { contents, choices, records, journal }, setup: { ...setup, choice, columnMapping }, kept: kept >= 0 };
}

function withWorkbook(view: StepState, workbook: WorkbookView): StepState {
  return 'workbook' in view ? { ...view, workbook } : view;
}

/**
 * The table prepared at the session's date, with every problem row set aside for display; or
 * why it cannot be (a failure, or the date field's own error).
 */
export function prepareTable(read: TableRead, setup: Setup, today: string, sealingKey?: string): { table: TableState; failure: Failure | null; dateError: string | null } {
  const dateError = referenceDateProblem(setup.referenceDate, today);
  if (dateError !== null) return { table: { kind: 'undated', read }, failure: null, dateError };
  const columns = Object.keys(setup.columnMapping).length > 0 ? { columns: setup.columnMapping } : {};
  // Steps 1 and 2 need no key (counts, problems and chances are the same sealed or not); step 3's fingerprint is sealed.
  const sealed = sealingKey === undefined ? {} : { sealingKey };
  try {
    const prepared = prepareDraw(read.sheet, { referenceDate: setup.referenceDate, excludeInvalid: true, bounds: read.bounds, ...columns, ...sealed });
    return { table: { kind: 'ready', read, prepared }, failure: null, dateError: null };
  } catch (error) {
    // The pane's remedy for headers it does not recognise: the operator names the columns (InputError.details).
    const details = error instanceof InputError && error.code === 'missing_columns' ? error.details : null;
    const fields = [...(details?.missingFields ?? [])];
    const table: TableState = details?.headers && fields.length > 0 ? { kind: 'columns', read, missing: { fields, headers: [...details.headers] } } : { kind: 'refused', read };
    return { table, failure: describeFailure(error), dateError: null };
  }
}

function problemTexts(table: ReadyTable): string[] {
  return problemLines(table.prepared).map((p) => p.text);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

function tableStep(state: PaneState, workbook: WorkbookView, setup: Setup, read: TableRead, sealingKey?: string): { view: StepState; failure: Failure | null; ready: boolean } {
  const { table, failure, dateError } = prepareTable(read, setup, state.today, sealingKey);
  const errors: FieldErrors = dateError === null ? {} : { 'reference-date': dateError };
  return { view: { step: 'table', workbook, setup, table, errors }, failure, ready: table.kind === 'ready' };
}

function readAnnouncement(table: ReadyTable): Effect {
  return { kind: 'announce', text: `Tableau lu : ${table.prepared.candidatures.length} candidatures.` };
}

function emptyForm(setup: Setup): SeedForm {
  return { seed: '', reason: '', mandateStart: setup.referenceDate };
}

/** A draw in a workbook that already holds one, or that the journal says already drew. */
export function isLaterDraw(workbook: WorkbookView): boolean {
  return workbook.records.length > 0 || workbook.journal.some((e) => e.outcome === 'recorded');
}

/** What step 4's checks depend on besides its fields. */
function factsOf(view: SeedStep | RevealStep, today: string): DrawContextFacts {
  return { excludeInvalid: view.excludeConfirmed, laterDraw: isLaterDraw(view.workbook), today };
}

function journalDraft(view: SeedStep | RevealStep, today: string, outcome: JournalOutcome, fields: Partial<JournalDraft> = {}): JournalDraft {
  // The seed and the reason as the draw uses them (core/drawRequest.ts normalises them once); an
  // attempt the engine refuses is logged as typed: the journal keeps every attempt.
  const { request } = checkSeedForm(view.form, view.setup, factsOf(view, today));
  return {
    fingerprint: view.fingerprint,
    publicSeed: request?.publicSeed ?? view.form.seed,
    outcome,
    dataSheet: '',
    reason: request?.laterDrawReason ?? (isLaterDraw(view.workbook) ? view.form.reason.trim() : ''),
    detail: '',
    ...fields,
  };
}

/** What the adapter is asked to draw: core's checked request, with the fingerprint the room was shown and the key that made it. */
function drawOrder(view: SeedStep, request: DrawRequest, sourceFile: string): DrawOrder {
  return { source: view.workbook.choices[view.setup.choice], sourceFile, request: { ...request, sealingKey: view.sealingKey, announcedFingerprint: view.fingerprint } };
}

/** What the pane says once a workbook is open in Excel: where it is, and what the staff do with it. */
const OPENED: Record<PublicationKind, string> = {
  sealedTable: 'Table scellée ouverte dans un nouveau classeur Excel : enregistrez-le et publiez-le avec l’empreinte.',
  receipts: 'Reçus ouverts dans un nouveau classeur Excel : enregistrez-le pour envoyer à chacun son reçu, sans le publier.',
  publicRecord: 'Registre public ouvert dans un nouveau classeur Excel : enregistrez-le et publiez-le.',
};

const PREPARING: Record<PublicationKind, string> = {
  sealedTable: 'Préparation de la table scellée…',
  receipts: 'Préparation des reçus…',
  publicRecord: 'Préparation du registre public…',
};

/** The views from which the table can be read again for its fingerprint. */
type DrawContextStep = CheckStep | FingerprintStep | SeedStep | RevealStep;

function isDrawContext(view: StepState): view is DrawContextStep {
  return view.step === 'check' || view.step === 'fingerprint' || view.step === 'seed' || view.step === 'reveal';
}

// ---------------------------------------------------------------------------------------------
// The transitions

function step(state: PaneState, event: PaneEvent): Transition {
  const view = state.view;
  switch (event.type) {
    case 'open':
      return begin(state, event, 'Lecture du classeur…', [{ kind: 'listWorkbook', purpose: 'open' }]);

    case 'workbookListed': {
      const { workbook, setup, kept } = listed(event.contents, event.journal, workbookOf(view), setupOf(view, state.today));
      const source = workbook.choices[setup.choice];
      const unread: StepState = { step: 'table', workbook, setup, table: { kind: 'unread' }, errors: {} };
      const read = (here: StepState, purpose: ReadPurpose): Transition =>
        source === undefined ? same(settle(state, unread)) : { state: { ...state, view: here }, effects: [{ kind: 'readTable', source, purpose }] };
      switch (event.purpose) {
        case 'open':
          if (workbook.records.length > 0) return same(settle(state, { step: 'existing', workbook, setup }));
          return read(unread, 'show');
        case 'newDraw':
          return read(unread, 'show');
        case 'reread':
          // At step 2 the same table is read again in place; if it is gone, step 1 shows what there is.
          return view.step === 'check' && kept ? read({ ...view, workbook, setup }, 'reread') : read(unread, 'show');
        case 'refresh':
          return same({ ...state, view: withWorkbook(view, workbook) });
      }
      return same(state);
    }

    case 'tableRead': {
      const workbook = workbookOf(view);
      if (workbook === null) return same(settle(state, view));
      const setup = setupOf(view, state.today);
      const table = tableStep(state, workbook, setup, event.read);
      if (event.purpose === 'reread' && view.step === 'check' && table.view.step === 'table' && table.view.table.kind === 'ready') {
        const ready = table.view.table;
        const unchanged = sameList(problemTexts(ready), problemTexts(view.table));
        const check: CheckStep = { ...view, table: { read: ready.read, prepared: ready.prepared }, excludeConfirmed: view.excludeConfirmed && unchanged };
        return { state: settle(state, check), effects: [readAnnouncement(ready)] };
      }
      const notice =
        event.purpose === 'reread' && view.step === 'check'
          ? 'Le tableau relu ne peut plus être utilisé tel quel : vous êtes revenu à l’étape 1, où le problème est décrit.'
          : null;
      const effects = table.view.step === 'table' && table.view.table.kind === 'ready' ? [readAnnouncement(table.view.table)] : [];
      return { state: settle(state, table.view, { failure: table.failure === null ? null : shown(table.failure, null), notice }), effects };
    }

    case 'fingerprintRead':
      if (!isDrawContext(view)) return same(settle(state, view));
      return fingerprintRead(state, view, event.read, event.sealingKey, event.keyReplaced === true);

    case 'chooseSource': {
      if (view.step !== 'table') return same(state);
      const source = view.workbook.choices[event.index];
      if (source === undefined) return same(state);
      // Columns named for one table mean nothing for another.
      const setup: Setup = { ...view.setup, choice: event.index, columnMapping: {} };
      return begin(state, event, 'Lecture du tableau…', [{ kind: 'readTable', source, purpose: 'show' }], { ...view, setup, table: { kind: 'unread' } });
    }

    case 'setDate': {
      if (view.step !== 'table') return same(state);
      const setup: Setup = { ...view.setup, referenceDate: event.value };
      const table = view.table;
      if (table.kind === 'unread') {
        const dateError = referenceDateProblem(event.value, state.today);
        return same({ ...state, view: { ...view, setup, errors: dateError === null ? {} : { 'reference-date': dateError } } });
      }
      // Ages, problems and fingerprint depend on the date: everything is computed again from the table read.
      const again = tableStep(state, view.workbook, setup, table.read);
      const effects = again.view.step === 'table' && again.view.table.kind === 'ready' ? [readAnnouncement(again.view.table)] : [];
      return { state: { ...state, view: again.view, failure: again.failure === null ? null : shown(again.failure, null), notice: null }, effects };
    }

    case 'readAgain':
      if (view.step !== 'table' && view.step !== 'check') return same(state);
      return begin(state, event, 'Lecture du tableau…', [{ kind: 'listWorkbook', purpose: 'reread' }]);

    case 'useColumns': {
      if (view.step !== 'table' || view.table.kind !== 'columns') return same(state);
      const source = view.workbook.choices[view.setup.choice];
      if (source === undefined) return same(state);
      const setup: Setup = { ...view.setup, columnMapping: { ...view.setup.columnMapping, ...event.mapping } };
      return begin(state, event, 'Lecture du tableau avec les colonnes indiquées…', [{ kind: 'readTable', source, purpose: 'show' }], { ...view, setup });
    }

    case 'toCheck':
      if (view.step !== 'table' || view.table.kind !== 'ready') return same(state);
      return move(state, { step: 'check', workbook: view.workbook, setup: view.setup, table: { read: view.table.read, prepared: view.table.prepared }, excludeConfirmed: false });

    case 'back':
      switch (view.step) {
        case 'check':
          return move(state, { step: 'table', workbook: view.workbook, setup: view.setup, table: { kind: 'ready', ...view.table }, errors: {} });
        case 'fingerprint':
          return move(state, { step: 'check', workbook: view.workbook, setup: view.setup, table: view.table, excludeConfirmed: view.excludeConfirmed });
        case 'seed':
          return move(state, { ...view, step: 'fingerprint', refusal: null });
        case 'replace':
          return move(state, { step: 'minutes', workbook: view.workbook, setup: view.setup, check: view.check, drawn: null });
        default:
          return same(state);
      }

    case 'confirmExclusion':
      if (view.step !== 'check') return same(state);
      return same({ ...state, view: { ...view, excludeConfirmed: event.confirmed } });

    case 'showFingerprint': {
      if (!isDrawContext(view)) return same(state);
      const source = view.workbook.choices[view.setup.choice];
      return begin(state, event, 'Relecture du tableau et calcul de l’empreinte…', [{ kind: 'readForFingerprint', source }]);
    }

    case 'toSeed':
      if (view.step !== 'fingerprint') return same(state);
      return move(state, { ...view, step: 'seed', errors: {}, refusal: null });

    case 'edit':
      return same({ ...state, view: edited(view, event.field, event.value, state.today) });

    case 'draw': {
      if (view.step !== 'seed') return same(state);
      const { request, errors } = checkSeedForm(view.form, view.setup, factsOf(view, state.today));
      const first = Object.keys(errors)[0];
      const dateError = errors['reference-date'];
      if (dateError !== undefined) {
        // The date is step 1's field: said here as a failure, with the way back.
        const failure = { title: 'La date du tirage ne peut pas être utilisée', lines: [dateError], remedy: 'Revenez à l’étape 1 et corrigez la date du tirage.', code: 'bad_reference_date' };
        return same({ ...state, view: { ...view, errors }, failure: shown(failure, null), notice: null });
      }
      if (first !== undefined || request === null) return { state: { ...state, view: { ...view, errors }, failure: null, notice: null }, effects: first === undefined ? [] : [{ kind: 'focus', id: first }] };
      const order = drawOrder(view, request, state.sourceFile);
      // Logged before anything is drawn: even an attempt cut short stays in the workbook.
      return begin(
        state,
        event,
        'Préparation du tirage…',
        [
          { kind: 'journal', entry: journalDraft(view, state.today, 'requested'), onFailure: 'report' },
          { kind: 'startReveal', order },
        ],
        { ...view, errors: {}, refusal: null },
      );
    }

    case 'revealStarted': {
      if (view.step !== 'seed') return same(settle(state, view));
      const reveal: RevealStep = {
        step: 'reveal',
        workbook: view.workbook,
        setup: view.setup,
        table: view.table,
        excludeConfirmed: view.excludeConfirmed,
        fingerprint: view.fingerprint,
        sealingKey: view.sealingKey,
        form: view.form,
        seed: event.result.publicSeed,
        result: event.result,
        progress: { done: 0, total: event.stepCount, state: 'running', pace: 'normal', excelWait: null },
      };
      return same(settle(state, reveal));
    }

    case 'revealProgress': {
      if (view.step !== 'reveal') return same(state);
      const before = view.progress;
      const progress = { ...before, done: event.done, total: event.total, state: event.state };
      const effects: Effect[] = before.state !== event.state || before.done !== event.done ? [{ kind: 'announce', text: progressText(progress) }] : [];
      return { state: { ...state, view: { ...view, progress } }, effects };
    }

    case 'excelWait': {
      // Outside the reveal (reading, a replacement's write), the line is said; the busy line stays.
      if (view.step !== 'reveal') return { state, effects: event.text === null ? [] : [{ kind: 'announce', text: event.text }] };
      if (view.progress.excelWait === event.text) return same(state);
      const effects: Effect[] = event.text === null ? [] : [{ kind: 'announce', text: event.text }];
      return { state: { ...state, view: { ...view, progress: { ...view.progress, excelWait: event.text } } }, effects };
    }

    case 'pause':
    case 'resume':
    case 'revealAll':
      if (view.step !== 'reveal') return same(state);
      return { state, effects: [{ kind: 'pacer', command: event.type === 'revealAll' ? 'all' : event.type }] };

    case 'setPace':
      if (view.step !== 'reveal') return same(state);
      return {
        state: { ...state, view: { ...view, progress: { ...view.progress, pace: event.pace } } },
        effects: [
          { kind: 'pace', delayMs: PACES[event.pace].delayMs },
          { kind: 'announce', text: `Rythme : ${PACES[event.pace].label}.` },
        ],
      };

    case 'revealDone': {
      if (view.step !== 'reveal') return same(state);
      const { outcome } = event;
      const dataSheet = outcome.check.records[0]?.sheetNames.data ?? outcome.sheetNames.find((name) => isRecordSheetName(name, 'data')) ?? '';
      const differences = allDifferences(outcome.check).length;
      const minutes: StepState = { step: 'minutes', workbook: view.workbook, setup: view.setup, check: outcome.check, drawn: { result: view.result, mandateStart: view.form.mandateStart } };
      return {
        state: settle(state, minutes, { failure: null, notice: null }),
        effects: [
          { kind: 'announce', text: differences === 0 ? 'Registre écrit. Registre conforme.' : `Registre écrit : ${differences} différence(s) trouvée(s) à la vérification.` },
          { kind: 'journal', entry: journalDraft(view, state.today, 'recorded', { dataSheet }), onFailure: 'report' },
          { kind: 'listWorkbook', purpose: 'refresh' },
          { kind: 'forgetSealingKey' },
        ],
      };
    }

    case 'revealFailed': {
      if (view.step !== 'reveal') return same(state);
      const failure = describeFailure(event.error);
      // The draw is deterministic: drawn again from the same table and seed, it gives the same result.
      const remedy = `${failure.remedy} Le tirage lui-même est calculé : avec le même tableau et la même graine, il donnera le même résultat. « Réessayer » relit le tableau et affiche son empreinte ; si elle est inchangée, tirez à nouveau avec la même graine, en indiquant comme motif l’interruption.`;
      return {
        state: settle(state, { ...view, progress: { ...view.progress, state: 'failed', excelWait: null } }, { failure: shown({ ...failure, remedy }, { type: 'showFingerprint' }) }),
        effects: [logFailure(view, state.today, event.error)],
      };
    }

    case 'verifyExisting':
      if (view.step !== 'existing' && view.step !== 'minutes' && view.step !== 'replaced') return same(state);
      return begin(state, event, 'Vérification du registre…', [{ kind: 'verifyRecord' }]);

    case 'verified': {
      const workbook = workbookOf(view);
      if (workbook === null) return same(settle(state, view));
      return same(settle(state, { step: 'minutes', workbook, setup: setupOf(view, state.today), check: event.check, drawn: null }));
    }

    case 'prepareNew': {
      if (view.step !== 'existing') return same(state);
      const table: StepState = { step: 'table', workbook: view.workbook, setup: view.setup, table: { kind: 'unread' }, errors: {} };
      const source = view.workbook.choices[view.setup.choice];
      if (source === undefined) return move(state, table);
      return begin(state, event, 'Lecture du tableau…', [{ kind: 'readTable', source, purpose: 'show' }], table);
    }

    case 'newDraw':
      if (view.step !== 'minutes') return same(state);
      return begin(state, event, 'Lecture du classeur…', [{ kind: 'listWorkbook', purpose: 'newDraw' }]);

    case 'select':
      return begin(state, event, `Sélection de la cellule ${event.cell} de la feuille « ${event.sheet} »…`, [{ kind: 'selectCell', sheet: event.sheet, cell: event.cell }]);

    case 'cellSelected':
      return { state: settle(state, view), effects: [{ kind: 'announce', text: `Cellule ${event.cell} de la feuille « ${event.sheet} » sélectionnée dans Excel.` }] };

    case 'copyFingerprint':
      if (view.step !== 'fingerprint') return same(state);
      return { state, effects: [{ kind: 'copy', text: view.fingerprint }] };

    case 'publish': {
      if (view.step === 'fingerprint' && event.what !== 'publicRecord') {
        return begin(state, event, PREPARING[event.what], [{ kind: 'openWorkbook', what: event.what, prepared: view.table.prepared }]);
      }
      if (event.what === 'publicRecord' && publicRecordOffered(view)) return begin(state, event, PREPARING.publicRecord, [{ kind: 'openWorkbook', what: 'publicRecord' }]);
      return same(state);
    }

    case 'workbookOpened':
      return { state: settle(state, view, { notice: OPENED[event.what] }), effects: [{ kind: 'announce', text: OPENED[event.what] }] };

    case 'copied':
      return { state, effects: [{ kind: 'announce', text: event.how === 'clipboard' ? 'Empreinte copiée.' : 'Empreinte sélectionnée : appuyez sur Ctrl+C pour la copier.' }] };

    case 'retry': {
      const retry = state.failure?.retry;
      if (!retry) return same(state);
      return step({ ...state, failure: null }, retry);
    }

    case 'startReplace': {
      const check = view.step === 'minutes' ? view.check : view.step === 'replaced' ? view.outcome.check : null;
      // A departure is recorded only in a record that verifies: the button is offered only then.
      if (check === null || allDifferences(check).length > 0) return same(state);
      return begin(state, event, 'Lecture du registre…', [{ kind: 'readRecord' }]);
    }

    case 'recordRead': {
      const check = view.step === 'minutes' ? view.check : view.step === 'replaced' ? view.outcome.check : null;
      if (check === null || (view.step !== 'minutes' && view.step !== 'replaced')) return same(settle(state, view));
      try {
        const record = readMandateRecord(event.sheets, state.sourceFile);
        const replace: ReplaceStep = { step: 'replace', workbook: view.workbook, setup: view.setup, check, record, form: emptyReplaceForm(state.today), errors: {} };
        return same(settle(state, replace));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return same(settle(state, view, { failure: shown(describeFailure(error), null) }));
      }
    }

    case 'editReplace': {
      if (view.step !== 'replace') return same(state);
      const form = editedReplaceForm(view.form, event.field, event.value);
      const errors = replaceErrorsStillStanding(view.errors, replaceFormErrors(view.record, form, state.today));
      // Another member chosen: what the rule gives is said, as the sighted operator reads it under the list.
      const proposal = form.leavingRow !== view.form.leavingRow ? proposalFor(view.record, form) : null;
      return { state: { ...state, view: { ...view, form, errors } }, effects: proposal === null ? [] : [{ kind: 'announce', text: proposalSentence(proposal) }] };
    }

    case 'confirmReplace': {
      if (view.step !== 'replace') return same(state);
      const errors = replaceFormErrors(view.record, view.form, state.today);
      const request = requestOf(view.form);
      const first = Object.keys(errors)[0] as ReplacementField | undefined;
      if (first !== undefined || request === null) {
        return { state: { ...state, view: { ...view, errors }, failure: null, notice: null }, effects: first === undefined ? [] : [{ kind: 'focus', id: REPLACE_FIELD_IDS[first] }] };
      }
      return begin(state, event, 'Écriture de la feuille de remplacement…', [{ kind: 'writeReplacement', request }], { ...view, errors: {} });
    }

    case 'replacementWritten': {
      if (view.step !== 'replace') return same(settle(state, view));
      const { outcome } = event;
      const differences = allDifferences(outcome.check).length;
      const draw = { fingerprint: outcome.result.prepared.canonical.fingerprint, publicSeed: outcome.result.publicSeed };
      return {
        state: settle(state, { step: 'replaced', workbook: view.workbook, setup: view.setup, outcome }, { failure: null, notice: null }),
        effects: [
          { kind: 'announce', text: differences === 0 ? `Remplacement consigné dans la feuille « ${outcome.sheetName} ». Registre conforme.` : `Remplacement consigné : ${differences} différence(s) trouvée(s) à la vérification.` },
          { kind: 'journal', entry: replacementEntry(outcome.replacement, outcome.sheetName, draw), onFailure: 'report' },
          { kind: 'listWorkbook', purpose: 'refresh' },
        ],
      };
    }

    case 'failed':
      return failed(state, event.effect, event.error);
  }
}

/** The replacement form with one field typed or chosen; choosing another member clears the choice made for the previous one. */
function editedReplaceForm(form: ReplaceForm, field: keyof ReplaceForm, value: string): ReplaceForm {
  const row = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);
  switch (field) {
    case 'leavingRow': {
      const leavingRow = row(value);
      return leavingRow === form.leavingRow ? form : { ...form, leavingRow, chosenRow: null };
    }
    case 'chosenRow':
      return { ...form, chosenRow: row(value) };
    case 'date':
      return { ...form, date: value };
    case 'reason':
      return { ...form, reason: value };
  }
}

/** A field typed: its value kept, and its error cleared once its cause is gone. */
function edited(view: StepState, field: string, value: string, today: string): StepState {
  switch (view.step) {
    case 'seed': {
      const setup = field === 'field-place' ? { ...view.setup, place: value } : field === 'field-officials' ? { ...view.setup, officials: value } : view.setup;
      const form: SeedForm =
        field === 'field-seed' ? { ...view.form, seed: value } : field === 'field-reason' ? { ...view.form, reason: value } : field === 'field-mandate-start' ? { ...view.form, mandateStart: value } : view.form;
      const errors = errorsStillStanding(view.errors, checkSeedForm(form, setup, factsOf(view, today)).errors);
      return { ...view, setup, form, errors: sameErrors(errors, view.errors) ? view.errors : errors };
    }
    default:
      return view;
  }
}

/**
 * Whether step 6 (or a replacement's outcome) offers the public record: the workbook's latest draw
 * is sealed and the workbook verifies — a public record is only ever made from a conforming record.
 */
export function publicRecordOffered(view: StepState): boolean {
  const check = view.step === 'minutes' ? view.check : view.step === 'replaced' ? view.outcome.check : null;
  if (check === null || allDifferences(check).length > 0) return false;
  return check.records[check.records.length - 1]?.sheetNames.publicRegister !== undefined;
}

/** The table read again for step 3: its fingerprint, unless its problems changed — then back to step 2, saying why. */
function fingerprintRead(state: PaneState, view: DrawContextStep, read: TableRead, sealingKey: string, keyReplaced: boolean): Transition {
  const again = tableStep(state, view.workbook, view.setup, read, sealingKey);
  if (again.view.step !== 'table' || again.view.table.kind !== 'ready') {
    return {
      state: settle(state, again.view, {
        failure: again.failure === null ? null : shown(again.failure, null),
        notice: 'Le tableau, relu pour calculer l’empreinte, ne peut plus être utilisé tel quel : vous êtes revenu à l’étape 1, où le problème est décrit.',
      }),
      effects: [],
    };
  }
  const table: ReadyTable = { read: again.view.table.read, prepared: again.view.table.prepared };
  const now = problemTexts(table);
  const unchanged = sameList(now, problemTexts(view.table));
  const base = { workbook: view.workbook, setup: view.setup, table };
  if (now.length > 0 && (!view.excludeConfirmed || !unchanged)) {
    // New problems appeared since step 2: the operator decides again, and reads why.
    const notice = `Le tableau a changé depuis sa vérification : relu pour calculer l’empreinte, il a maintenant ${now.length} anomalie${now.length > 1 ? 's' : ''} (avant : ${problemTexts(view.table).length}). Vérifiez la liste ci-dessous et confirmez à nouveau, avant d’afficher l’empreinte.`;
    return { state: settle(state, { step: 'check', ...base, excludeConfirmed: false }, { notice }), effects: [{ kind: 'announce', text: notice }] };
  }
  const refusal = view.step === 'seed' ? view.refusal : null;
  // After a refusal the seed is chosen again: one chosen before the fingerprint does not make the draw verifiable.
  const form = view.step === 'check' ? emptyForm(view.setup) : refusal !== null ? { ...view.form, seed: '' } : view.form;
  const fingerprint: FingerprintStep = { step: 'fingerprint', ...base, excludeConfirmed: view.excludeConfirmed, fingerprint: table.prepared.canonical.fingerprint, sealingKey, refusal, form };
  if (!keyReplaced) return same(settle(state, fingerprint));
  const notice = 'La clé de scellement gardée dans ce classeur était illisible : une nouvelle clé a été tirée, et l’empreinte ci-dessous est nouvelle. Annoncez-la avant de choisir la graine.';
  return { state: settle(state, fingerprint, { notice }), effects: [{ kind: 'announce', text: notice }] };
}

function logFailure(view: SeedStep | RevealStep, today: string, error: unknown): Effect {
  const refused = error instanceof InputError && error.code === 'fingerprint_mismatch';
  return { kind: 'journal', entry: journalDraft(view, today, refused ? 'refused' : 'failed', { detail: describeFailure(error).lines.join(' ') }), onFailure: 'ignore' };
}

function failed(state: PaneState, effect: Effect, error: unknown): Transition {
  const view = state.view;
  const failure = describeFailure(error);
  switch (effect.kind) {
    case 'journal':
      // The failure being shown already says more than a journal that cannot be written either.
      if (effect.onFailure === 'ignore') return same(state);
      if (effect.entry.outcome === 'recorded' || effect.entry.outcome === 'replaced') {
        // The record is written and checked; only its line in the journal is missing: say so, with the rest.
        const title = effect.entry.outcome === 'recorded' ? 'Registre écrit, mais pas inscrit au journal des tirages' : 'Remplacement écrit, mais pas inscrit au journal des tirages';
        return same(settle(state, view, { failure: shown({ ...failure, title }, null) }));
      }
      return same(settle(state, view, { failure: shown(failure, state.running) }));
    case 'startReveal': {
      if (view.step !== 'seed') return same(settle(state, view, { failure: shown(failure, state.running) }));
      const fingerprints = error instanceof InputError && error.code === 'fingerprint_mismatch' ? error.details.fingerprints : undefined;
      const refusal = fingerprints === undefined ? null : { shown: fingerprints.announced, current: fingerprints.actual };
      return { state: settle(state, { ...view, refusal }, { failure: shown(failure, state.running) }), effects: [logFailure(view, state.today, error)] };
    }
    case 'writeReplacement':
      // Core refused the departure on the workbook as it is now (a co-author recorded one meanwhile…): said beside its field.
      if (view.step === 'replace' && error instanceof InputError && error.code !== 'record_not_conforming') {
        const field = fieldOf(error);
        return { state: settle(state, { ...view, errors: { [field]: error.message } }), effects: [{ kind: 'focus', id: REPLACE_FIELD_IDS[field] }] };
      }
      return same(settle(state, view, { failure: shown(failure, state.running) }));
    case 'forgetSealingKey':
      // Harmless: the record already holds the key; the next draw's fingerprint would reuse it, sealed all the same.
      return same(state);
    case 'listWorkbook':
      if (effect.purpose === 'refresh') return same(state);
      return same(settle(state, view, { failure: shown(failure, state.running) }));
    default:
      return same(settle(state, view, { failure: shown(failure, state.running) }));
  }
}
