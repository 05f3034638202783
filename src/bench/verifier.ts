/**
 * The verifier page (dist/verifier.html) as a resident uses it: opened from the disk in Debian's
 * Chromium, a record of 1,000 candidatures picked with its file button, timed until the verdict
 * is on the page (reading the file, the zip, the sheets, recomputing the draw, comparing, drawing
 * the outcome). Issue 10 asks for under 2 s on the bench machine; the median of a few runs.
 * And how long the page's main thread is held while it checks a large record (issue 15 §4): the
 * longest task Chromium reports (PerformanceObserver 'longtask'), with the page's worker and with
 * `Worker` taken away, so that the check runs on the page as it did before.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { measureRecordWrite } from './record';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface VerifierMeasure {
  candidates: number;
  /** Median time from picking the file to the verdict shown, in ms. */
  verifierMs: number;
  runsMs: number[];
  /** The whole page, script and styles included (issue 10: at most 400 KB). */
  verifierBytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function launch(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    offline: true,
  });
}

export async function measureVerifier(distDir: string, candidates: number, runs: number): Promise<VerifierMeasure> {
  const page = join(distDir, 'verifier.html');
  const dir = mkdtempSync(join(tmpdir(), 'tirage-bench-verifier-'));
  const context = await launch(dir);
  try {
    const record = join(dir, 'registre.xlsx');
    await measureRecordWrite(candidates, record);
    const runsMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const tab = await context.newPage();
      await tab.goto(pathToFileURL(page).href);
      const t0 = performance.now();
      await tab.setInputFiles('#record-file', record);
      const title = await tab.locator('#outcome h2').innerText();
      runsMs.push(Math.round(performance.now() - t0));
      if (title !== 'Registre conforme') throw new Error(`verifier.html : « ${title} » pour le registre du banc d’essai`);
      await tab.close();
    }
    return { candidates, verifierMs: median(runsMs), runsMs, verifierBytes: statSync(page).size };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface MainThreadRun {
  /** From picking the file to the verdict shown, in ms. */
  verdictMs: number;
  /** The longest task on the page's main thread meanwhile (a task of 50 ms or more; 0 when none was that long). */
  longestTaskMs: number;
}

export interface VerifierMainThreadMeasure {
  candidates: number;
  fileKB: number;
  /** The check in the page's worker, as the page does it. */
  worker: MainThreadRun;
  /** The same page with `Worker` taken away: the check on the page itself, as before issue 15 §4. */
  mainThread: MainThreadRun;
}

async function mainThreadRun(context: BrowserContext, page: string, record: string, withWorker: boolean): Promise<MainThreadRun> {
  const tab = await context.newPage();
  try {
    // Through the DevTools protocol, which the page's policy does not govern.
    await tab.addInitScript((withWorker: boolean) => {
      const scope = window as unknown as { longestTask: number; Worker?: unknown };
      scope.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) scope.longestTask = Math.max(scope.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      if (!withWorker) delete scope.Worker;
    }, withWorker);
    await tab.goto(pathToFileURL(page).href);
    const t0 = performance.now();
    await tab.setInputFiles('#record-file', record);
    const title = await tab.locator('#outcome h2').innerText({ timeout: 600_000 });
    const verdictMs = Math.round(performance.now() - t0);
    if (title !== 'Registre conforme') throw new Error(`verifier.html : « ${title} » pour le registre du banc d’essai`);
    const longestTaskMs = await tab.evaluate(() => Math.round((window as unknown as { longestTask: number }).longestTask));
    return { verdictMs, longestTaskMs };
  } finally {
    await tab.close();
  }
}

export async function measureVerifierMainThread(distDir: string, candidates: number): Promise<VerifierMainThreadMeasure> {
  const page = join(distDir, 'verifier.html');
  const dir = mkdtempSync(join(tmpdir(), 'tirage-bench-verifier-'));
  const context = await launch(dir);
  try {
    const record = join(dir, 'registre.xlsx');
    const { fileKB } = await measureRecordWrite(candidates, record);
    return { candidates, fileKB, worker: await mainThreadRun(context, page, record, true), mainThread: await mainThreadRun(context, page, record, false) };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
