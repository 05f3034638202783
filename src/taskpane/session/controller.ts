/**
 * The public session on any `WorkbookPort` — Excel through office.js in the add-in, the simulated
 * Excel in the preview: the same code in both. A thin controller: each event goes through the pure
 * `transition` (transition.ts); the controller draws the new state (views.ts), then runs the
 * effects asked for — the port's calls, the reveal's pacer, the clipboard, the live region, the
 * focus — and feeds each result back as an event. It decides nothing.
 *
 * Focus: to the new step's heading when the step changes, to the failure when one appears, to a
 * field when the transition asks; otherwise it stays where it is (the page is patched in place,
 * dom.ts). Announcements go through one polite live region; failures are alerts.
 */
import type { RevealSession, WorkbookPort } from '../../excel/workbookAdapter';
import { InputError } from '../../core/errors';
import { sealingKeyFromBytes } from '../../core/seal';
import { describeExcelWait } from '../../excel/problems';
import { h, patch } from '../dom';
import { RevealPacer, PACES, type Scheduler } from './pacer';
import { publicationPlans } from './publicationWorkbooks';
import { journalTime, localIsoDate } from './sessionModel';
import type { Effect, PaneEvent, PaneState } from './state';
import { initialState, transition } from './transition';
import { StepViews } from './views';

export interface SessionOptions {
  /** The workbook's file name, for the procès-verbal. */
  sourceFile: string;
  /** The clock (tests and the preview may fix it). */
  now?: () => Date;
  /** How the reveal waits between steps. */
  schedule?: Scheduler;
}

export class PaneSession {
  private readonly document: Document;
  private readonly live: HTMLElement;
  private readonly view: HTMLElement;
  private readonly views: StepViews;
  private state: PaneState;
  private pacer: RevealPacer | null = null;

  constructor(
    mount: HTMLElement,
    private readonly port: WorkbookPort,
    private readonly options: SessionOptions,
  ) {
    this.document = mount.ownerDocument;
    this.state = initialState(localIsoDate(this.now()), options.sourceFile);
    this.views = new StepViews(this.document, (event) => void this.dispatch(event));
    this.live = h(this.document, 'div', { id: 'pane-live', className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this.view = h(this.document, 'div', { className: 'session' });
    mount.replaceChildren(this.view, this.live);
    mount.setAttribute('aria-busy', 'false');
    // A cell being edited holds Excel: the adapter says so, and null once Excel answers again.
    this.port.onExcelWait((wait) => void this.dispatch({ type: 'excelWait', text: wait === null ? null : describeExcelWait(wait) }));
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** The state drawn now (for tests). */
  get current(): PaneState {
    return this.state;
  }

  /** First look at the workbook: its tables, and whether it already holds a record. */
  start(): Promise<void> {
    this.render(null);
    return this.dispatch({ type: 'open' });
  }

  /** One event: the next state drawn, then its effects run in order; the first that fails stops the rest. */
  async dispatch(event: PaneEvent): Promise<void> {
    const before = this.state;
    const { state, effects } = transition(before, event);
    this.state = state;
    if (state !== before) this.render(before);
    for (const effect of effects) {
      let result: PaneEvent | null;
      try {
        result = await this.perform(effect);
      } catch (error) {
        await this.dispatch({ type: 'failed', effect, error });
        return;
      }
      if (result !== null) await this.dispatch(result);
    }
  }

  /** Runs one effect; returns the event that reports its result, if any. */
  private async perform(effect: Effect): Promise<PaneEvent | null> {
    switch (effect.kind) {
      case 'listWorkbook': {
        const contents = await this.port.listTables();
        const journal = await this.port.readJournal();
        return { type: 'workbookListed', contents, journal, purpose: effect.purpose };
      }
      case 'readTable':
        return { type: 'tableRead', read: await this.port.readTable(effect.source), purpose: effect.purpose };
      case 'readForFingerprint': {
        // The key kept in the workbook since the fingerprint was first shown (a reload of the pane finds it); else a new one, kept before it is used.
        let kept: string | null;
        let keyReplaced = false;
        try {
          kept = await this.port.readSealingKey();
        } catch (error) {
          // A kept key no one can read (a damaged part, two keys): the fingerprint it gave cannot be found again; a new one is made, and said.
          if (!(error instanceof InputError && error.code === 'bad_seal_key')) throw error;
          kept = null;
          keyReplaced = true;
        }
        const sealingKey = kept ?? newSealingKey();
        if (kept === null) await this.port.keepSealingKey(sealingKey);
        return { type: 'fingerprintRead', read: await this.port.readTable(effect.source), sealingKey, keyReplaced };
      }
      case 'forgetSealingKey':
        await this.port.forgetSealingKey();
        return null;
      case 'openWorkbook': {
        const content = effect.what === 'publicRecord' ? { what: effect.what, sheets: await this.port.readRecordSheets(), source: this.options.sourceFile } : effect;
        const plans = publicationPlans(content);
        // Loaded on first use: the .xlsx writer stays out of the script the pane starts with (its size budget).
        const { newWorkbookBytes } = await import(/* webpackChunkName: "taskpane-xlsx-writer" */ '../../xlsx/newWorkbook');
        await this.port.openAsNewWorkbook(await newWorkbookBytes(plans));
        return { type: 'workbookOpened', what: effect.what };
      }
      case 'journal':
        try {
          await this.port.appendJournal({ time: journalTime(this.now()), ...effect.entry });
        } catch (error) {
          if (effect.onFailure === 'report') throw error;
        }
        return null;
      case 'startReveal': {
        const session = await this.port.startReveal(effect.order);
        await this.dispatch({ type: 'revealStarted', result: session.result, stepCount: session.stepCount });
        this.startPacer(session);
        return null;
      }
      case 'pacer':
        if (effect.command === 'pause') this.pacer?.pause();
        else if (effect.command === 'resume') this.pacer?.resume();
        else this.pacer?.revealAll();
        return null;
      case 'pace':
        this.pacer?.setDelay(effect.delayMs);
        return null;
      case 'verifyRecord':
        return { type: 'verified', check: await this.port.verifyRecord() };
      case 'readRecord':
        return { type: 'recordRead', sheets: await this.port.readRecordSheets() };
      case 'writeReplacement': {
        const outcome = await this.port.writeReplacement(effect.request, { source: this.options.sourceFile, today: this.state.today });
        return { type: 'replacementWritten', outcome };
      }
      case 'selectCell':
        await this.port.selectCell(effect.sheet, effect.cell);
        return { type: 'cellSelected', sheet: effect.sheet, cell: effect.cell };
      case 'copy':
        return { type: 'copied', how: await this.copy(effect.text) };
      case 'announce':
        // Emptied first, so that the same sentence twice is announced twice.
        this.live.textContent = '';
        this.live.textContent = effect.text;
        return null;
      case 'focus':
        this.document.getElementById(effect.id)?.focus();
        return null;
    }
  }

  private startPacer(session: RevealSession): void {
    this.pacer = new RevealPacer(
      session,
      PACES.normal.delayMs,
      {
        onProgress: (done, total, state) => void this.dispatch({ type: 'revealProgress', done, total, state }),
        onDone: (outcome) => void this.dispatch({ type: 'revealDone', outcome }),
        onError: (error) => void this.dispatch({ type: 'revealFailed', error }),
      },
      this.options.schedule,
    );
    this.pacer.start();
  }

  private async copy(text: string): Promise<'clipboard' | 'selected'> {
    try {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // Some Office webviews refuse the clipboard: select the text so Ctrl+C copies it.
      const target = this.document.getElementById('fingerprint');
      const selection = this.document.getSelection();
      if (target && selection) selection.selectAllChildren(target);
      return 'selected';
    }
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  private render(before: PaneState | null): void {
    const state = this.state;
    const hadFocus = this.view.contains(this.document.activeElement);
    patch(this.view, this.views.render(state));
    this.view.setAttribute('aria-busy', String(state.busy !== null));
    const focus = (id: string) => this.document.getElementById(id)?.focus();
    const typing = isField(this.document.activeElement) && this.view.contains(this.document.activeElement);
    // A failure takes the focus, except from a field being typed in (a date's year typed digit by digit
    // is a far-off date for a moment): the alert is announced all the same.
    if (state.failure !== null && before?.failure !== state.failure && !typing) focus('session-failure');
    else if (before === null || before.view.step !== state.view.step) focus('step-title');
    else if (hadFocus) {
      // The control that had the focus is gone or now disabled: the step's heading takes it, never the page's start.
      const active = this.document.activeElement;
      if (!this.view.contains(active) || (active as HTMLButtonElement).disabled) focus('step-title');
    }
  }
}

/** 32 random bytes from the browser's cryptographic generator, as issue 16 §1 asks, in 64 hex digits. */
function newSealingKey(): string {
  return sealingKeyFromBytes(crypto.getRandomValues(new Uint8Array(32)));
}

function isField(element: Element | null): boolean {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && ['text', 'date'].includes(element.type));
}
