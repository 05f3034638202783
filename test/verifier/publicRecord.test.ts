/**
 * dist/verifier.html in Debian's Chromium, opened from the disk (file://) with the network cut, given
 * public records of a sealed draw (issue 16 §3): it reads them as it reads a record — the same lines
 * as `tirage-cln verify` — and its « Votre reçu » field shows the candidate's own line, or says the
 * receipt is nowhere, as the CLI does.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { GOLDEN_SEALING_KEY } from '../golden/cases';
import { distFile } from '../support/addinBuild';
import { launchChromium, requireChromium, type ChromiumSession } from '../support/chromium';
import { cliAt } from '../support/cli';
import { testOutputDir } from '../support/libreoffice';
import { editSharedStringCell } from '../support/recordEdits';

const REPO = join(__dirname, '..', '..');
const EXAMPLE_CSV = join(REPO, 'assets', 'exemple-candidatures.csv');
const SEED = '4 2 6 1 5 3';
const OUT = testOutputDir('verifier-public');
const cli = cliAt('2025-06-13');

const files = {
  key: join(OUT, 'cle.txt'),
  sealed: join(OUT, 'table-scellee.xlsx'),
  record: join(OUT, 'registre.xlsx'),
  published: join(OUT, 'registre-public.xlsx'),
  edited: join(OUT, 'registre-public-modifie.xlsx'),
};

interface Candidate {
  status: string;
  sector: string;
  drawNumber: number;
  reserveRank: number | null;
  receipt: string;
  seal: string;
}
let candidates: Candidate[] = [];

const withChromium = requireChromium() ? describe : describe.skip;

withChromium('verifier.html and the public record, in Chromium from the disk with the network cut', () => {
  let browser: ChromiumSession;
  let pageUrl: string;

  beforeAll(async () => {
    pageUrl = pathToFileURL(distFile('verifier.html')).href;
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(files.key, `${GOLDEN_SEALING_KEY}\n`);
    expect((await cli('probabilities', EXAMPLE_CSV, '--date', '2025-06-13', '--seal-key', files.key, '--public-out', files.sealed)).code).toBe(0);
    const drawn = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--seal-key', files.key, '--out', files.record, '--public-out', files.published);
    expect([drawn.code, drawn.stderr]).toEqual([0, '']);
    candidates = JSON.parse((await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--seal-key', files.key, '--json')).stdout).candidates;
    await editSharedStringCell(files.published, files.edited, 'Registre public', 'Retenu·e', 'Liste complémentaire n° 4');
    browser = await launchChromium();
    await browser.context.setOffline(true);
    await browser.context.route(/^https?:/, (route) => route.abort('blockedbyclient'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function outcomeOf(page: Page): Promise<{ title: string; lines: string[] }> {
    const title = page.locator('#outcome h2');
    await title.waitFor();
    const text = await page.locator('#outcome').innerText();
    return { title: await title.innerText(), lines: text.split('\n').map((line) => line.trim()).filter((line) => line !== '') };
  }

  /** The page's outcome for `file`, with a receipt typed first when given, and its status line; every request it made, every worker it started. */
  async function check(file: string, receipt?: string): Promise<{ title: string; lines: string[]; announcer: string; requests: string[]; workers: string[] }> {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.goto(pageUrl);
      if (receipt !== undefined) await page.fill('#receipt', receipt);
      await page.setInputFiles('#record-file', file);
      const outcome = await outcomeOf(page);
      expect(errors).toEqual([]);
      return { ...outcome, announcer: await page.locator('#announcer').innerText(), requests, workers };
    } finally {
      await page.close();
    }
  }

  /** Every line the CLI prints (report and receipt) is on the page, checked in the page's worker, and nothing left the browser. */
  async function expectSameAsCli(file: string, receipt?: string): Promise<{ title: string; lines: string[]; announcer: string }> {
    const [page, cliRun] = await Promise.all([check(file, receipt), cli('verify', file, ...(receipt === undefined ? [] : ['--receipt', receipt]))]);
    const expected = (cliRun.code === 2 ? cliRun.stderr : cliRun.stdout).split('\n').filter((line) => line !== '');
    for (const line of expected) expect(page.lines).toContain(line);
    // Checked in one worker made from the page's own script (issue 15 §4), from a blob: URL, which is no network request.
    expect(page.workers).toEqual([expect.stringMatching(/^blob:null\//)]);
    expect(page.requests.filter((url) => !url.startsWith('blob:'))).toEqual([pageUrl]);
    return page;
  }

  test('the public record: « Registre conforme », its fingerprint and seed, as the CLI says', async () => {
    const page = await expectSameAsCli(files.published);
    expect(page.title).toBe('Registre conforme');
    expect(page.lines).toContain(`Graine publique : « ${SEED} »`);
  });

  test('the sealed table published before the draw: conforming, without a seed', async () => {
    const page = await expectSameAsCli(files.sealed);
    expect(page.title).toBe('Registre conforme');
    expect(page.lines).toContain('Table scellée conforme : son empreinte est celle de ses lignes scellées ; le tirage n’est pas encore fait.');
    expect(page.lines.some((line) => line.startsWith('Graine publique'))).toBe(false);
  });

  test('one status edited: « NON conforme », with the cell', async () => {
    const page = await expectSameAsCli(files.edited);
    expect(page.title).toBe('Registre NON conforme');
    expect(page.lines.join('\n')).toMatch(/Registre public, cellule F\d+ : attendu « Retenu·e », trouvé « Liste complémentaire n° 4 »\./);
  });

  test('« Votre reçu »: a reserve’s receipt, typed in capitals with spaces, shows their own line', async () => {
    const reserve = candidates.find((c) => c.status === 'reserve') as Candidate;
    const typed = (reserve.receipt.toUpperCase().match(/.{4}/g) as string[]).join(' ');
    const page = await expectSameAsCli(files.published, typed);
    expect(page.lines).toContain('Votre ligne');
    expect(page.lines).toContain(`Sceau : ${reserve.seal}`);
    expect(page.lines).toContain(`Secteur : ${reserve.sector}`);
    expect(page.lines).toContain(`N° de tirage : ${reserve.drawNumber}`);
    expect(page.lines).toContain(`Statut : Liste complémentaire n° ${reserve.reserveRank}`);
    // The status line says the verdict and the receipt's first line, for a screen reader.
    const found = page.lines.find((line) => line.includes('votre candidature est dans')) as string;
    expect([page.announcer.startsWith('Registre conforme'), page.announcer.endsWith(` ${found}`)]).toEqual([true, true]);
    // Before the draw, the same receipt finds the same seal in the sealed table.
    const before = await expectSameAsCli(files.sealed, reserve.receipt);
    expect(before.lines).toContain(`Sceau : ${reserve.seal}`);
    expect(before.lines).toContain('Statut : tirage pas encore fait.');
  });

  test('a receipt found nowhere, and a mistyped one, are said as the CLI says them', async () => {
    const nowhere = await expectSameAsCli(files.published, 'abcd-abcd-abcd-abcd-abcd-abcd');
    expect(nowhere.lines.join('\n')).toContain('ce reçu ne figure pas dans ce tirage');
    const mistyped = await expectSameAsCli(files.published, 'abcd-abcd');
    expect(mistyped.title).toBe('Vérification impossible');
    expect(mistyped.lines.join('\n')).toContain('Reçu illisible : 8 chiffres hexadécimaux trouvés, il en faut 24.');
  });
});
