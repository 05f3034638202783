/**
 * The live reveal's pace, decided by the operator: one step of the record at a time, a pause the
 * operator can hold as long as needed, a pace that can change, and « tout révéler » at any moment.
 * There is no time limit and no animation that cannot be stopped (WCAG 2.2.2). A pause never
 * changes the result: the draw is already computed; only the writing waits.
 */
import type { RevealSession, WriteOutcome } from '../../excel/workbookAdapter';

export type PaceName = 'lent' | 'normal' | 'rapide';

export const PACES: Record<PaceName, { label: string; delayMs: number }> = {
  lent: { label: 'Lent (4 secondes)', delayMs: 4000 },
  normal: { label: 'Normal (2 secondes)', delayMs: 2000 },
  rapide: { label: 'Rapide (½ seconde)', delayMs: 500 },
};

export type PacerState = 'running' | 'paused' | 'finishing' | 'done' | 'failed';

export interface PacerEvents {
  onProgress(done: number, total: number, state: PacerState): void;
  onDone(outcome: WriteOutcome): void;
  onError(error: unknown): void;
}

/** How a later step is scheduled: setTimeout in the pane; a test passes its own clock. */
export type Scheduler = (run: () => void, delayMs: number) => () => void;

export const timerScheduler: Scheduler = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

export class RevealPacer {
  private current: PacerState = 'running';
  private cancelTimer: (() => void) | null = null;
  private busy = false;

  constructor(
    private readonly session: RevealSession,
    private delayMs: number,
    private readonly events: PacerEvents,
    private readonly schedule: Scheduler = timerScheduler,
  ) {}

  get state(): PacerState {
    return this.current;
  }

  /** Writes the first step at once (the sheets appear), then one step per delay. */
  start(): void {
    this.report();
    void this.step();
  }

  pause(): void {
    if (this.current !== 'running') return;
    this.current = 'paused';
    this.clearTimer();
    this.report();
  }

  resume(): void {
    if (this.current !== 'paused') return;
    this.current = 'running';
    this.report();
    if (!this.busy) void this.step();
  }

  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
    if (this.current === 'running' && this.cancelTimer !== null) {
      this.clearTimer();
      this.later();
    }
  }

  /** Everything left at once, then the record is read back and verified. */
  revealAll(): void {
    if (this.current === 'done' || this.current === 'failed' || this.current === 'finishing') return;
    this.current = 'finishing';
    this.clearTimer();
    this.report();
    if (!this.busy) void this.finish();
  }

  private report(): void {
    this.events.onProgress(this.session.stepsDone, this.session.stepCount, this.current);
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private later(): void {
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      void this.step();
    }, this.delayMs);
  }

  private async step(): Promise<void> {
    if (this.current !== 'running' || this.busy) return;
    this.busy = true;
    let more: boolean;
    try {
      more = await this.session.revealStep();
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.busy = false;
    }
    this.report();
    // The operator may have paused or asked for everything while the step was being written.
    const now = this.current as PacerState;
    if (!more || now === 'finishing') void this.finish();
    else if (now === 'running') this.later();
  }

  private async finish(): Promise<void> {
    this.current = 'finishing';
    this.busy = true;
    try {
      const outcome = await this.session.finish();
      this.busy = false;
      this.current = 'done';
      this.report();
      this.events.onDone(outcome);
    } catch (error) {
      this.busy = false;
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.current = 'failed';
    this.clearTimer();
    this.report();
    this.events.onError(error);
  }
}
