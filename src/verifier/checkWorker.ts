/**
 * The verifier page's worker: the page's own script, run again as a dedicated worker
 * (backgroundCheck.ts makes it), which only answers the page's checks. Reading a record of
 * 100,000 candidatures and redrawing it takes seconds; here the page stays usable meanwhile.
 */
import { checkFile, refusalLines, type CheckAnswer, type CheckOrder } from './checkFile';

/** What the worker posts: `ready` once its script has run (so the page tells a worker that never started from a check that failed), then one answer per order. */
export type WorkerMessage = { kind: 'ready' } | CheckAnswer;

/** The little of DedicatedWorkerGlobalScope used here (the browser code is typed with the DOM library, not WebWorker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckOrder>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

/** True when the script runs as a worker: a worker has no document. */
export function runsInWorker(): boolean {
  return typeof document === 'undefined';
}

export function serveChecks(): void {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => {
    const order = event.data;
    // checkFile answers every failure of the check; this catches the answer's own (one that could not be posted),
    // which would otherwise leave the page waiting: a rejected promise in a worker raises no error on the page's side.
    void checkFile(order)
      .then((answer) => scope.postMessage(answer))
      .catch((error: unknown) => scope.postMessage({ kind: 'refused', lines: refusalLines(error, order.file.name) }));
  };
  scope.postMessage({ kind: 'ready' });
}
