/**
 * The verifier page (dist/verifier.html) as a resident uses it: opened from the disk in Debian's
 * Chromium, a record of 1,000 candidatures picked with its file button, timed until the verdict
 * is on the page (reading the file, the zip, the sheets, recomputing the draw, comparing, drawing
 * the outcome). Issue 10 asks for under 2 s on the bench machine; the median of a few runs.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
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

export async function measureVerifier(distDir: string, candidates: number, runs: number): Promise<VerifierMeasure> {
  const page = join(distDir, 'verifier.html');
  const dir = mkdtempSync(join(tmpdir(), 'tirage-bench-verifier-'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    offline: true,
  });
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
