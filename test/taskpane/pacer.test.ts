/** The reveal's pace: one step at a time, pause and resume, a new pace, everything at once; never a step twice. */
import type { WorkbookCheck } from '../../src/core/record/verify';
import type { RevealSession, WriteOutcome } from '../../src/excel/workbookAdapter';
import { RevealPacer, type PacerState, type Scheduler } from '../../src/taskpane/session/pacer';

/** A reveal of `count` steps that records what was asked of it. */
function fakeReveal(count: number): RevealSession & { calls: string[] } {
  const calls: string[] = [];
  const reveal = {
    calls,
    result: {} as WriteOutcome['result'],
    stepCount: count,
    stepsDone: 0,
    async revealStep() {
      if (reveal.stepsDone >= count) return false;
      calls.push(`step ${reveal.stepsDone + 1}`);
      reveal.stepsDone++;
      return reveal.stepsDone < count;
    },
    async finish() {
      while (await reveal.revealStep());
      calls.push('finish');
      return { result: reveal.result, sheetNames: [], check: { records: [], differences: [], addedSheets: [], announced: null, announcedSeed: null } as WorkbookCheck };
    },
  };
  return reveal;
}

/** A clock the test advances by hand: what is scheduled, and for how long. */
function manualClock(): { schedule: Scheduler; pending: { run: () => void; delayMs: number }[]; tick(): void } {
  const pending: { run: () => void; delayMs: number }[] = [];
  return {
    pending,
    schedule: (run, delayMs) => {
      const entry = { run, delayMs };
      pending.push(entry);
      return () => pending.splice(pending.indexOf(entry), 1);
    },
    tick: () => pending.shift()?.run(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function pacerOn(count: number) {
  const reveal = fakeReveal(count);
  const clock = manualClock();
  const states: PacerState[] = [];
  const done: WriteOutcome[] = [];
  const pacer = new RevealPacer(reveal, 2000, { onProgress: (_d, _t, state) => states.push(state), onDone: (o) => done.push(o), onError: (e) => { throw e; } }, clock.schedule);
  return { reveal, clock, states, done, pacer };
}

describe('the reveal pacer', () => {
  it('writes the first step at once, then one step per tick, then verifies', async () => {
    const { reveal, clock, done, pacer } = pacerOn(3);
    pacer.start();
    await settle();
    expect(reveal.calls).toEqual(['step 1']);
    expect(clock.pending.map((p) => p.delayMs)).toEqual([2000]);
    clock.tick();
    await settle();
    clock.tick();
    await settle();
    expect(reveal.calls).toEqual(['step 1', 'step 2', 'step 3', 'finish']);
    expect(done).toHaveLength(1);
    expect(pacer.state).toBe('done');
  });

  it('a pause writes nothing until resumed; a new pace applies to the next wait', async () => {
    const { reveal, clock, pacer } = pacerOn(4);
    pacer.start();
    await settle();
    pacer.pause();
    expect(clock.pending).toEqual([]);
    await settle();
    expect(reveal.calls).toEqual(['step 1']);
    pacer.setDelay(500);
    pacer.resume();
    await settle();
    expect(reveal.calls).toEqual(['step 1', 'step 2']);
    expect(clock.pending.map((p) => p.delayMs)).toEqual([500]);
  });

  it('reveal all writes what is left, once, even while a step is being written', async () => {
    const { reveal, clock, done, pacer } = pacerOn(5);
    pacer.start();
    pacer.revealAll();
    await settle();
    await settle();
    expect(reveal.calls).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5', 'finish']);
    expect(clock.pending).toEqual([]);
    expect(done).toHaveLength(1);
    pacer.revealAll();
    pacer.resume();
    await settle();
    expect(done).toHaveLength(1);
  });
});
