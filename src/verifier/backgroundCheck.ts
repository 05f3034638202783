/**
 * Runs the verifier page's checks off its main thread: a record of 100,000 candidatures held the
 * page still for about ten seconds (issue 15 §4). The worker is the page's own inline script, made
 * into a blob URL: the page stays one file, opened from a disk (file://) where nothing else can be
 * loaded, and its script is not shipped twice. The page's policy admits exactly this with
 * `worker-src blob:` (webpack.config.js); a worker made from a blob URL keeps the page's policy
 * (CSP 3, « Initialize a worker's policy container »), so it cannot load or send anything either.
 *
 * Where no worker can be made, the check runs on the page as before, so the page never loses its
 * use: a browser without Worker, a constructor that throws, or a worker that fails before its
 * script has run (a browser that refuses blob workers on file://, a stricter policy).
 */
import { checkFile, refusalLines, type CheckAnswer, type CheckOrder } from './checkFile';
import type { WorkerMessage } from './checkWorker';

/** The text of the page's script when it is inline (it always is in dist/verifier.html), else null. */
export function inlineScriptText(script: HTMLOrSVGScriptElement | null): string | null {
  if (!(script instanceof HTMLScriptElement) || script.src !== '' || script.text === '') return null;
  return script.text;
}

export class BackgroundChecker {
  /** The worker's script as a blob URL, made at the first check. */
  private url: string | null = null;
  /** True when no worker can be made here (or one failed to start): every check then runs on the page. */
  private workerless: boolean;
  /** The worker of the check under way, and how to end its wait: a newer check stops it, since its answer would be shown to no one. */
  private current: { worker: Worker; supersede(): void } | null = null;

  constructor(private readonly scriptText: string | null) {
    this.workerless = scriptText === null || typeof Worker === 'undefined';
  }

  /** The check's answer, or null when a newer check began before it ended. */
  check(order: CheckOrder): Promise<CheckAnswer | null> {
    this.current?.supersede();
    const worker = this.newWorker();
    if (worker === null) return checkFile(order);
    return new Promise((resolve) => {
      let started = false;
      const end = (answer: CheckAnswer | null | Promise<CheckAnswer>) => {
        worker.terminate();
        if (this.current?.worker === worker) this.current = null;
        resolve(answer);
      };
      this.current = { worker, supersede: () => end(null) };
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        if (event.data.kind === 'ready') started = true;
        else end(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        if (started) {
          // The check itself broke (its errors are answers, so this is the browser's: memory, most likely).
          end({ kind: 'refused', lines: refusalLines(new Error(event.message), order.file.name) });
        } else {
          this.workerless = true;
          end(checkFile(order));
        }
      };
      worker.onmessageerror = () => end({ kind: 'refused', lines: refusalLines(new Error('la réponse de la vérification est illisible'), order.file.name) });
      worker.postMessage(order);
    });
  }

  private newWorker(): Worker | null {
    if (this.workerless || this.scriptText === null) return null;
    try {
      // Kept for the page's life: a check may start a worker again, and revoking the URL while a worker loads would break it.
      this.url ??= URL.createObjectURL(new Blob([this.scriptText], { type: 'text/javascript' }));
      return new Worker(this.url);
    } catch {
      this.workerless = true;
      return null;
    }
  }
}
