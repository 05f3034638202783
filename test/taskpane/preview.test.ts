/**
 * The public session in a real browser: the preview (dist-preview/, the task pane's own code on
 * the simulated Excel) in Debian's Chromium. The whole session with the keyboard alone, to
 * « Registre conforme », with a screenshot of each step in test-output/taskpane/ and an axe-core
 * audit of each step in the normal and the forced-colors themes; the record left in the simulated
 * workbook saved to .xlsx and passed to `tirage-cln verify`. Then hostile names, a table edited
 * after its fingerprint was shown, and a second draw in the same workbook.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { workbookFromSnapshot, type WorkbookSnapshot } from '../../src/excel/simulated/snapshot';
import { simulatedWorkbookToXlsx } from '../../src/excel/simulated/xlsxFile';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';
import { JOURNAL_SHEET } from '../../src/core/record/journal';
import { longFrenchDate } from '../../src/core/record/labels';
import { mandatePeriod, mandateText } from '../../src/core/mandate';
import { cliAt } from '../support/cli';
import { ROOT } from '../support/addinBuild';
import { launchChromium, requireChromium, serveDirectory, type ChromiumSession, type StaticServer } from '../support/chromium';

const PREVIEW = path.join(ROOT, 'dist-preview');
const OUTPUT = path.join(ROOT, 'test-output', 'taskpane');
const SEED = '4 2 6 1 5 3';
const EXAMPLE_CSV = path.join(ROOT, 'assets', 'exemple-candidatures.csv');

const withChromium = requireChromium() ? describe : describe.skip;

interface Hooks {
  snapshot(): WorkbookSnapshot;
  setCell(sheet: string, address: string, value: string | number): void;
  reopenPane(): void;
  failFromNextSync(code: string | null): void;
  setReadOnly(readOnly: boolean): void;
  editCell(refusals: number): void;
  openedWorkbooks(): string[];
  customXmlParts(): string[];
  overwriteCustomXmlParts(xml: string): void;
}

withChromium('the public session in the browser preview', () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    if (!fs.existsSync(path.join(PREVIEW, 'index.html'))) throw new Error('dist-preview/index.html est absent : lancez npm run build avant ce test.');
    fs.mkdirSync(OUTPUT, { recursive: true });
    server = await serveDirectory(PREVIEW);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh preview page, on the example table, with every dialog (an executed `alert`) recorded. */
  async function openPreview(): Promise<{ page: Page; dialogs: string[]; requests: string[] }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${server.origin}/index.html`);
    await page.locator('#step-title', { hasText: 'Candidatures' }).waitFor();
    await page.locator('#counts').waitFor();
    return { page, dialogs, requests };
  }

  async function stepTitle(page: Page, text: string): Promise<void> {
    await page.locator('#step-title', { hasText: text }).waitFor();
  }

  /** No serious or critical violation, in the normal theme and in forced colors (Windows high contrast). */
  async function audit(page: Page, where: string): Promise<void> {
    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors });
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
      });
      expect({ where, forcedColors, violations }).toEqual({ where, forcedColors, violations: [] });
    }
    await page.emulateMedia({ forcedColors: 'none' });
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });
  }

  /** Presses Tab (Shift+Tab when `back`) until the element is focused: the keyboard's own way there. */
  async function tabTo(page: Page, selector: string, back = false): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`${selector} n’a pas pu être atteint au clavier`);
  }

  async function press(page: Page, selector: string, key = 'Enter'): Promise<void> {
    await tabTo(page, selector);
    await page.keyboard.press(key);
  }

  async function hooks<T>(page: Page, use: (hooks: Hooks) => T): Promise<T> {
    return page.evaluate(`(${use.toString()})(window.tiragePreview)`) as Promise<T>;
  }

  async function snapshot(page: Page): Promise<WorkbookSnapshot> {
    return hooks(page, (h) => h.snapshot());
  }

  function sheetValues(snap: WorkbookSnapshot, name: string): (string | number | boolean | null)[] {
    const sheet = snap.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`feuille « ${name} » absente`);
    return sheet.cells.map(([, cell]) => cell.value);
  }

  async function loadCsv(page: Page, name: string, csv: string): Promise<void> {
    await page.setInputFiles('#preview-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('#preview-file-status', { hasText: `« ${name} » chargé` }).waitFor();
    await page.locator('#counts').waitFor();
  }

  /** Steps 1 to 4 with the mouse's equivalent (clicks), for the tests that are not about the keyboard. */
  async function toSeedStep(page: Page): Promise<string> {
    await page.click('#to-step-2');
    await stepTitle(page, 'Vérification');
    if (await page.locator('#exclude-confirm').count()) await page.check('#exclude-confirm');
    await page.click('#to-step-3');
    await stepTitle(page, 'Empreinte');
    const fingerprint = (await page.getAttribute('#fingerprint', 'data-fingerprint')) ?? '';
    await page.click('#to-step-4');
    await stepTitle(page, 'Graine publique');
    return fingerprint;
  }

  /** At step 4: the sealed fingerprint the CLI computes for `csv` at the pane's date, with the sealing key the simulated workbook keeps. */
  async function cliFingerprint(page: Page, csv: string): Promise<string> {
    const key = /<sealingKey [^>]*>([0-9a-f]{64})</.exec((await hooks(page, (h) => h.customXmlParts())).join(''))?.[1];
    if (key === undefined) throw new Error('aucune clé de scellement gardée dans le classeur simulé');
    const keyFile = path.join(OUTPUT, 'cle-apercu.txt');
    fs.writeFileSync(keyFile, `${key}\n`);
    const date = await page.inputValue('#field-mandate-start');
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'probabilities', csv, '--date', date, '--seal-key', keyFile, '--json'], { encoding: 'utf8' });
    return (JSON.parse(out) as { fingerprint: string }).fingerprint;
  }

  async function drawToEnd(page: Page, seed = SEED): Promise<void> {
    await page.fill('#field-seed', seed);
    await page.click('#draw');
    await stepTitle(page, 'Tirage');
    await page.click('#reveal-all');
    await stepTitle(page, 'Procès-verbal');
    await page.locator('#verdict').waitFor();
  }

  test('the whole session with the keyboard alone, audited and photographed at each step, to a record that `verify` accepts', async () => {
    const { page, dialogs, requests } = await openPreview();
    try {
      expect(await page.locator('.preview-banner h1').innerText()).toBe('Aperçu — Excel simulé');
      // Step 1: the table found, its columns, the counts laid out like the slide.
      expect(await page.locator('#source option:checked').innerText()).toContain('Candidatures');
      expect(await page.locator('#columns').innerText()).toContain('Sexe : colonne D');
      const counts = await page.locator('#counts tbody tr').allInnerTexts();
      expect(counts[counts.length - 1].split('\t')).toEqual(['Total', expect.any(String), expect.any(String), '16']);
      await audit(page, 'étape 1');
      await shot(page, '1-candidatures');
      await press(page, '#to-step-2');

      // Step 2.
      await stepTitle(page, 'Étape 2 sur 6 — Vérification');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
      await audit(page, 'étape 2');
      await shot(page, '2-verification');
      if (await page.locator('#exclude-confirm').count()) await press(page, '#exclude-confirm', 'Space');
      await press(page, '#to-step-3');

      // Step 3: the fingerprint before any seed.
      await stepTitle(page, 'Empreinte');
      const fingerprint = (await page.getAttribute('#fingerprint', 'data-fingerprint')) ?? '';
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.locator('#chances tbody tr').count()).toBe(16);
      await audit(page, 'étape 3');
      await shot(page, '3-empreinte');
      // 200 % zoom in a 640-pixel pane, or a 320-pixel one: everything reflows, nothing scrolls sideways (WCAG 1.4.10).
      await page.setViewportSize({ width: 320, height: 900 });
      const overflow = await page.evaluate(() => {
        const pane = document.getElementById('tirage-pane') as HTMLElement;
        return { pane: pane.scrollWidth - pane.clientWidth, page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      });
      expect(overflow).toEqual({ pane: 0, page: 0 });
      await shot(page, '3-empreinte-320px');
      await page.setViewportSize({ width: 1400, height: 1000 });
      // Before the seed: the sealed table and the receipts, each opened as a new workbook (listed by the preview, to download).
      await press(page, '#open-sealed-table');
      await page.locator('#session-notice', { hasText: 'Table scellée ouverte' }).waitFor();
      await press(page, '#open-receipts');
      await page.locator('#session-notice', { hasText: 'Reçus ouverts' }).waitFor();
      expect(await page.locator('#preview-opened a').allInnerTexts()).toEqual(['Registre public.xlsx', 'Reçus.xlsx']);
      await audit(page, 'étape 3, classeurs ouverts');
      const [sealedTable, receipts] = (await hooks(page, (h) => h.openedWorkbooks())).map((base64) => Buffer.from(base64, 'base64'));
      const sealedFile = path.join(OUTPUT, 'table-scellee-apercu.xlsx');
      fs.writeFileSync(sealedFile, sealedTable);
      expect(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', sealedFile, '--fingerprint', fingerprint], { encoding: 'utf8' })).toContain('conforme');
      // Every eligible candidature's receipt, in groups of four, to send: the first one finds its line in the sealed table.
      const receiptCells = readWorkbookSheetsFromBytes(receipts, 'recus.xlsx')[0].rows.flat().filter((v): v is string => typeof v === 'string' && /^([0-9a-f]{4}-){5}[0-9a-f]{4}$/.test(v));
      expect(receiptCells).toHaveLength(16);
      expect(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', sealedFile, '--receipt', receiptCells[0]], { encoding: 'utf8' })).toContain('Sceau');
      await press(page, '#to-step-4');

      // Step 4: seed, place, officials, typed.
      await stepTitle(page, 'Graine publique');
      await tabTo(page, '#field-seed');
      await page.keyboard.type(SEED);
      await tabTo(page, '#field-place');
      await page.keyboard.type('Archives nationales du monde du travail, Roubaix');
      await tabTo(page, '#field-officials');
      await page.keyboard.type('Mme Adjointe au numérique');
      await page.keyboard.press('Enter');
      await page.keyboard.type('M. Conseiller municipal');
      // The mandate's first day: the draw date by default; here a fortnight later, for the procès-verbal.
      const drawDate = await page.inputValue('#field-mandate-start');
      const mandateStart = new Date(Date.parse(`${drawDate}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      await typeDate(page, '#field-mandate-start', mandateStart);
      await page.locator('#field-mandate-start-help', { hasText: `mandat du ${longFrenchDate(mandateStart)}` }).waitFor();
      await audit(page, 'étape 4');
      await shot(page, '4-graine');
      await press(page, '#draw');

      // Step 5: the reveal, paused, resumed at another pace, then everything at once.
      await stepTitle(page, 'Tirage');
      await press(page, '#pause-toggle');
      await page.locator('#reveal-text', { hasText: 'en pause' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pause-toggle');
      const paused = await snapshot(page);
      expect(paused.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Tirage', 'Procès-verbal', JOURNAL_SHEET]));
      await audit(page, 'étape 5');
      await shot(page, '5-tirage-en-pause');
      await press(page, '#pause-toggle');
      await press(page, '#pace');
      await page.keyboard.press('ArrowDown');
      await press(page, '#reveal-all');

      // Step 6: checked in Excel.
      await stepTitle(page, 'Procès-verbal');
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
      expect(await page.locator('#members li').count()).toBeGreaterThan(0);
      expect(await page.locator('#mandate').innerText()).toBe(`Mandat ${mandateText(mandatePeriod(mandateStart))}.`);
      // The reasons, as the Publication sheet gives them: the city, then each sector.
      expect(await page.locator('#reasons p').count()).toBe(1 + 5);
      await audit(page, 'étape 6');
      await shot(page, '6-proces-verbal');
      await page.emulateMedia({ forcedColors: 'active' });
      await shot(page, '6-proces-verbal-contraste-eleve');
      await page.emulateMedia({ forcedColors: 'none' });
      await press(page, '#show-minutes');
      await page.locator('.sheet-tab[aria-selected="true"]', { hasText: 'Procès-verbal' }).waitFor();
      await shot(page, '6-proces-verbal-feuille');

      // The record left in the simulated workbook, saved as .xlsx, passes the CLI's verify.
      const file = path.join(OUTPUT, 'registre-apercu.xlsx');
      fs.writeFileSync(file, await simulatedWorkbookToXlsx(workbookFromSnapshot(await snapshot(page))));
      const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', file, '--fingerprint', fingerprint], { encoding: 'utf8' });
      expect(out).toContain('conforme');
      const journal = sheetValues(await snapshot(page), JOURNAL_SHEET);
      expect(journal).toEqual(expect.arrayContaining(['Tirage demandé', 'Registre écrit et vérifié', fingerprint, SEED]));
      expect(sheetValues(await snapshot(page), 'Procès-verbal')).toContain(mandateText(mandatePeriod(mandateStart)));
      await press(page, '#show-publication');
      await page.locator('.sheet-tab[aria-selected="true"]', { hasText: 'Publication' }).waitFor();
      // The public record, opened as a new workbook: it verifies alone, and it is the record's (the auditor's check).
      await press(page, '#open-public-record');
      await page.locator('#session-notice', { hasText: 'Registre public ouvert' }).waitFor();
      const publicFile = path.join(OUTPUT, 'registre-public-apercu.xlsx');
      fs.writeFileSync(publicFile, Buffer.from((await hooks(page, (h) => h.openedWorkbooks()))[2], 'base64'));
      expect(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', publicFile, '--fingerprint', fingerprint, '--seed', SEED], { encoding: 'utf8' })).toContain('conforme');
      execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', file, '--public', publicFile], { encoding: 'utf8' });
      expect(dialogs).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  /** Types an ISO date into a date field with the keyboard, in the order the browser's locale shows its parts. */
  async function typeDate(page: Page, selector: string, iso: string): Promise<void> {
    const [year, month, day] = iso.split('-');
    const order = await page.evaluate(() => new Intl.DateTimeFormat().formatToParts(new Date(2025, 5, 13)).map((part) => part.type).filter((type) => type !== 'literal'));
    await tabTo(page, selector);
    await page.keyboard.type(order.map((type) => (type === 'year' ? year : type === 'month' ? month : day)).join(''));
  }

  test('a date typed at step 1 computes the ages again: step 2 lists the problems of that date, not of the old one', async () => {
    const { page } = await openPreview();
    try {
      // 12 June 2025: Thérèse Nguyen (row 11, born 13 June 2009) is 15 for one more day.
      await typeDate(page, '#reference-date', '2025-06-12');
      await page.locator('#counts caption', { hasText: '1 à vérifier' }).waitFor();
      expect(await page.inputValue('#reference-date')).toBe('2025-06-12');
      // The field kept the focus while the table was computed again.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reference-date');
      await press(page, '#to-step-2');
      await stepTitle(page, 'Vérification');
      expect(await page.locator('#problems li').allInnerTexts()).toEqual([expect.stringMatching(/^Ligne 11 : candidature irrecevable/)]);
      // The date of the session again: nothing left to set aside.
      await press(page, '#back-to-1');
      await stepTitle(page, 'Candidatures');
      await typeDate(page, '#reference-date', '2025-06-13');
      await page.locator('#counts caption', { hasText: '(16 reçues)' }).waitFor();
      await press(page, '#to-step-2');
      await stepTitle(page, 'Vérification');
      expect(await page.locator('#problems').count()).toBe(0);
      // A date more than a year ahead is refused on its field, and step 2 cannot be reached with it.
      await press(page, '#back-to-1');
      await stepTitle(page, 'Candidatures');
      await page.fill('#reference-date', '2099-01-01');
      await page.locator('#reference-date-error', { hasText: 'à plus d’un an d’aujourd’hui' }).waitFor();
      expect(await page.getAttribute('#reference-date', 'aria-invalid')).toBe('true');
      expect(await page.locator('#to-step-2').count()).toBe(0);
      await audit(page, 'date refusée');
    } finally {
      await page.close();
    }
  });

  test('a table that changed between steps 2 and 3 brings the operator back to step 2, saying why', async () => {
    const { page } = await openPreview();
    try {
      await page.click('#to-step-2');
      await stepTitle(page, 'Vérification');
      expect(await page.locator('#problems').count()).toBe(0);
      // A co-author's edit while step 2 is shown.
      await hooks(page, (h) => h.setCell('Candidatures', 'D3', 'X'));
      await press(page, '#to-step-3');
      const notice = page.locator('#session-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/^Le tableau a changé depuis sa vérification : relu pour calculer l’empreinte, il a maintenant 1 anomalie \(avant : 0\)/);
      expect(await page.locator('#step-title').innerText()).toBe('Étape 2 sur 6 — Vérification');
      expect(await page.locator('#problems li').allInnerTexts()).toEqual([expect.stringMatching(/^Ligne 3 : sexe non reconnu « X » \(cellule D3\)/)]);
      expect(await page.isChecked('#exclude-confirm')).toBe(false);
      await audit(page, 'retour à l’étape 2');
      await shot(page, 'retour-etape-2');
      // Confirmed, the fingerprint is shown and the notice is gone.
      await page.check('#exclude-confirm');
      await page.click('#to-step-3');
      await stepTitle(page, 'Empreinte');
      expect(await page.locator('#session-notice').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('an error on a field goes as soon as its cause does: the empty seed, once a seed is typed', async () => {
    const { page } = await openPreview();
    try {
      await toSeedStep(page);
      await press(page, '#draw');
      const error = page.locator('#field-seed-error');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/^La graine publique est vide/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-seed');
      expect(await page.getAttribute('#field-seed', 'aria-invalid')).toBe('true');
      await page.keyboard.type('4 2');
      await error.waitFor({ state: 'detached' });
      expect(await page.getAttribute('#field-seed', 'aria-invalid')).toBeNull();
      expect(await page.getAttribute('#field-seed', 'aria-describedby')).toBe('field-seed-help');
      // The caret stayed where the operator types.
      await page.keyboard.type(' 6');
      expect(await page.inputValue('#field-seed')).toBe('4 2 6');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-seed');
    } finally {
      await page.close();
    }
  });

  test('hostile names stay plain text in the pane and in the sheets; nothing is executed', async () => {
    const { page, dialogs } = await openPreview();
    try {
      const csv = fs
        .readFileSync(path.join(ROOT, 'assets', 'exemple-candidatures.csv'), 'utf8')
        .replace('Amandine', '<img src=x onerror=alert(1)>')
        .replace('Karim', '=HYPERLINK("http://exemple.org","clic")');
      await page.setInputFiles('#preview-file', { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.locator('#preview-file-status', { hasText: '« hostile.csv » chargé' }).waitFor();
      await page.locator('#counts').waitFor();
      await toSeedStep(page);
      await page.click('#back-to-3');
      await stepTitle(page, 'Empreinte');
      const chances = await page.locator('#chances').innerText();
      expect(chances).toContain('<img src=x onerror=alert(1)>');
      expect(chances).toContain('=HYPERLINK("http://exemple.org","clic")');
      await page.click('#to-step-4');
      await drawToEnd(page);
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
      expect(await page.locator('#tirage-pane img, .sheet-panel img').count()).toBe(0);
      await page.locator('.sheet-tab', { hasText: /^Tirage$/ }).click();
      await page.locator('.sheet-grid[data-sheet="Tirage"]').waitFor();
      const grid = await page.locator('.sheet-grid').innerText();
      expect(grid).toContain('<img src=x onerror=alert(1)>');
      expect(grid).toContain('=HYPERLINK("http://exemple.org","clic")');
      const snap = await snapshot(page);
      const hostile = snap.sheets.flatMap((s) => s.cells.map(([, cell]) => cell)).filter((cell) => typeof cell.value === 'string' && /HYPERLINK|onerror/.test(cell.value));
      expect(hostile.length).toBeGreaterThanOrEqual(4);
      expect(hostile.filter((cell) => cell.formula !== null)).toEqual([]);
      expect(dialogs).toEqual([]);
      await shot(page, 'noms-hostiles');
    } finally {
      await page.close();
    }
  });

  test('a table edited after its fingerprint was shown: the draw is refused with the new fingerprint, and logged', async () => {
    const { page } = await openPreview();
    try {
      const shown = await toSeedStep(page);
      // A co-author's edit between steps 3 and 5.
      await hooks(page, (h) => h.setCell('Candidatures', 'C2', 'Amandine-Marie'));
      // Typed with stray spaces: the journal logs the seed as the draw uses it (core/drawRequest.ts).
      await page.fill('#field-seed', ` ${SEED.replace(/ /g, '  ')} `);
      await page.click('#draw');
      const alert = page.locator('#session-failure[data-code="fingerprint_mismatch"]');
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain(`empreinte annoncée ${shown}`);
      const current = /empreinte actuelle ([0-9a-f]{64})/.exec(text)?.[1];
      expect(current).toBeDefined();
      expect(current).not.toBe(shown);
      const snap = await snapshot(page);
      expect(snap.sheets.map((s) => s.name)).toEqual(['Candidatures', JOURNAL_SHEET]);
      expect(sheetValues(snap, JOURNAL_SHEET)).toEqual(expect.arrayContaining(['Tirage demandé', 'Tirage refusé', shown, SEED]));
      await audit(page, 'refus');
      await shot(page, 'refus-tableau-modifie');
      await page.click('#show-new-fingerprint');
      await stepTitle(page, 'Empreinte');
      expect(await page.getAttribute('#fingerprint', 'data-fingerprint')).toBe(current);
    } finally {
      await page.close();
    }
  });

  test('a member replaced with the keyboard alone, audited at each step, in a workbook that `verify` accepts', async () => {
    // The example's record, drawn by the command line on 13 June 2025: Est's men are LEMAIRE (row 12)
    // and VANDERBEKEN (row 5), the first of their reserve ROUSSEL (row 16).
    const record = path.join(OUTPUT, 'registre-exemple.xlsx');
    fs.rmSync(record, { force: true });
    const drawn = await cliAt('2025-06-13')('draw', path.join(ROOT, 'assets', 'exemple-candidatures.csv'), '--seed', SEED, '--date', '2025-06-13', '--out', record);
    expect(drawn.code).toBe(0);
    const { page, dialogs } = await openPreview();
    try {
      await page.setInputFiles('#preview-file', { name: 'registre-exemple.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(record) });
      await stepTitle(page, 'Ce classeur contient déjà un tirage');
      await press(page, '#verify-existing');
      await page.locator('#verdict .verdict__title', { hasText: 'Registre conforme' }).waitFor();
      await press(page, '#start-replace');

      // The form: the members by sector, with their sex.
      await stepTitle(page, 'Remplacer un membre');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
      const groups = await page.locator('#replace-leaving optgroup').evaluateAll((list) => list.map((g) => `${g.getAttribute('label')} : ${Array.from(g.querySelectorAll('option'), (o) => o.textContent).join(', ')}`));
      expect(groups[0]).toMatch(/^Centre, femmes : /);
      expect(groups).toContain('Est, hommes : LEMAIRE Jean-Baptiste, VANDERBEKEN Joël');
      await audit(page, 'remplacement : formulaire');
      await shot(page, 'remplacement-1-formulaire');
      await tabTo(page, '#replace-leaving');
      for (let i = 0; i < 30 && (await page.inputValue('#replace-leaving')) !== '12'; i++) await page.keyboard.press('ArrowDown');
      expect(await page.inputValue('#replace-leaving')).toBe('12');
      await page.locator('#replace-leaving-help', { hasText: 'LEMAIRE Jean-Baptiste (ligne 12, Est, homme).' }).waitFor();
      const proposal = page.locator('#replace-proposal');
      await proposal.waitFor();
      expect(await proposal.innerText()).toContain('Rejoint le conseil : ROUSSEL Benoît (ligne 16, Est, homme), liste complémentaire n° 1.');
      expect(await proposal.innerText()).toContain('Règle : Première personne de la liste complémentaire du même secteur et du même sexe');
      await typeDate(page, '#replace-date', '2026-01-15');
      // Without a reason: said beside its field, which takes the focus.
      await press(page, '#confirm-replace');
      await page.locator('#replace-reason-error', { hasText: 'Motif du remplacement manquant' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('replace-reason');
      await audit(page, 'remplacement : motif manquant');
      await shot(page, 'remplacement-2-motif-manquant');
      await page.keyboard.type('Démission');
      expect(await page.locator('#replace-reason-error').count()).toBe(0);
      await press(page, '#confirm-replace');

      // Recorded, read back and verified; the new members shown.
      await stepTitle(page, 'Remplacement consigné');
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
      const said = await page.locator('#replacement').innerText();
      expect(said).toContain('Départ : LEMAIRE Jean-Baptiste (ligne 12, Est, homme), le jeudi 15 janvier 2026 (motif : Démission).');
      expect(said).toContain('Rejoint le conseil : ROUSSEL Benoît (ligne 16, Est, homme).');
      const est = await page.locator('#members li').nth(1).innerText();
      expect(est).toMatch(/^Est\n/);
      expect(est).toContain('ROUSSEL Benoît');
      expect(est).not.toContain('LEMAIRE');
      await audit(page, 'remplacement consigné');
      await shot(page, 'remplacement-3-consigne');
      await press(page, '#show-replacement');
      await page.locator('.sheet-tab[aria-selected="true"]', { hasText: 'Remplacement' }).waitFor();

      const file = path.join(OUTPUT, 'registre-remplacement.xlsx');
      fs.writeFileSync(file, await simulatedWorkbookToXlsx(workbookFromSnapshot(await snapshot(page))));
      const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', file], { encoding: 'utf8' });
      expect(out).toContain('Registre conforme');
      expect(out).toContain('Remplacement');
      // The replacement fingerprint shown is the one printed on the sheet (ALGORITHM.md §11).
      const chained = (await page.getAttribute('#replacement-fingerprint', 'data-fingerprint')) ?? '';
      expect(chained).toMatch(/^[0-9a-f]{64}$/);
      expect(sheetValues(await snapshot(page), 'Remplacement')).toContain(chained);
      const journal = sheetValues(await snapshot(page), JOURNAL_SHEET);
      expect(journal).toEqual(expect.arrayContaining(['Remplacement consigné et vérifié', expect.stringContaining('Départ de LEMAIRE Jean-Baptiste')]));
      // A record drawn without a sealing key (tirage-cln/1) has no public record: none is offered.
      expect(await page.locator('#open-public-record').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a cell being edited in Excel holds the writing: step 5 says so politely, and the draw goes on once Excel answers', async () => {
    const { page } = await openPreview();
    try {
      await toSeedStep(page);
      await page.fill('#field-seed', SEED);
      await page.click('#draw');
      await stepTitle(page, 'Tirage');
      await page.click('#pause-toggle');
      await page.locator('#reveal-text', { hasText: 'en pause' }).waitFor();
      // Three requests refused (office.js's InvalidOperationInCellEditMode), then Excel answers again.
      await hooks(page, (h) => h.editCell(3));
      await page.click('#pause-toggle');
      const wait = page.locator('#excel-wait:not([hidden])');
      await wait.waitFor();
      expect(await wait.innerText()).toBe('Quittez la cellule en cours de saisie (Entrée ou Échap) : le tirage reprendra.');
      expect(await page.locator('#session-failure').count()).toBe(0);
      await audit(page, 'cellule en cours de saisie');
      await shot(page, '5-tirage-cellule-en-saisie');
      await page.locator('#excel-wait[hidden]').waitFor({ state: 'attached' });
      await page.click('#reveal-all');
      await stepTitle(page, 'Procès-verbal');
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
    } finally {
      await page.close();
    }
  });

  test('a second draw asks for a reason; both draws are logged and the first record stays intact; reopening offers to verify first', async () => {
    const { page } = await openPreview();
    try {
      await toSeedStep(page);
      await drawToEnd(page);
      const first = await snapshot(page);
      const firstRecord = first.sheets.filter((s) => ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage'].includes(s.name));
      expect(firstRecord).toHaveLength(4);

      await page.click('#new-draw');
      await stepTitle(page, 'Candidatures');
      await toSeedStep(page);
      await page.fill('#field-seed', '1 1 1 1');
      await page.click('#draw');
      const error = page.locator('#field-reason-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('indiquez pourquoi un nouveau tirage est fait');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-reason');
      await page.fill('#field-reason', 'Erreur de saisie de la graine annoncée en séance');
      await drawToEnd(page, '1 1 1 1');
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');

      const second = await snapshot(page);
      for (const sheet of firstRecord) expect(second.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
      expect(sheetValues(second, 'Procès-verbal (2)')).toEqual(expect.arrayContaining(['Motif du nouveau tirage', 'Erreur de saisie de la graine annoncée en séance']));
      const journal = sheetValues(second, JOURNAL_SHEET);
      expect(journal.filter((v) => v === 'Registre écrit et vérifié')).toHaveLength(2);
      expect(journal).toEqual(expect.arrayContaining(['Données du tirage', 'Données du tirage (2)', 'Erreur de saisie de la graine annoncée en séance']));

      // The pane opened again on this workbook offers to verify, not to draw.
      await hooks(page, (h) => h.reopenPane());
      await stepTitle(page, 'Ce classeur contient déjà un tirage');
      await audit(page, 'registre existant');
      await shot(page, 'registre-existant');
      await page.click('#verify-existing');
      await page.locator('#verdict .verdict__title', { hasText: 'Registre conforme' }).waitFor();
    } finally {
      await page.close();
    }
  });

  test('the connection lost during the reveal: said in French, the sheets begun left with their neutral mark and said unfinished, and a way to go on', async () => {
    const { page } = await openPreview();
    try {
      await toSeedStep(page);
      await page.fill('#field-seed', SEED);
      await page.click('#draw');
      await stepTitle(page, 'Tirage');
      await page.click('#pause-toggle');
      await page.locator('#reveal-text', { hasText: 'en pause' }).waitFor();
      await hooks(page, (h) => h.failFromNextSync('ConnectionFailure'));
      await page.click('#pause-toggle');
      const alert = page.locator('#session-failure[data-code="connection_lost"]');
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain('La connexion avec Excel a été perdue pendant l’opération.');
      expect(text).toContain('Le registre n’est pas terminé');
      expect(text).toContain('Réessayer');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-failure');
      // Every record sheet begun still says, in A1, that it is being written: never taken for a finished record.
      const snap = await snapshot(page);
      const begun = snap.sheets.filter((s) => !['Candidatures', JOURNAL_SHEET].includes(s.name));
      expect(begun.length).toBeGreaterThan(0);
      for (const sheet of begun) expect(String(sheet.cells.find(([key]) => key === '0:0')?.[1].value)).toBe('Registre en cours d’écriture');
      await audit(page, 'connexion perdue');
      await shot(page, 'connexion-perdue');
      // Connection back: « Réessayer » reads the table again, and says first that the unfinished sheets are to be
      // deleted (verify would refuse any record written beside them, issue 15 §4).
      await hooks(page, (h) => h.failFromNextSync(null));
      await page.click('#retry');
      const unfinished = page.locator('#session-failure[data-code="unfinished_record"]');
      await unfinished.waitFor();
      expect(await unfinished.innerText()).toContain('Supprimez les feuilles de ce registre inachevé');
    } finally {
      await page.close();
    }
  });

  test('the pane closed and opened again before the seed shows the same fingerprint: the sealing key stays in the workbook until the draw', async () => {
    const { page } = await openPreview();
    try {
      const shown = await toSeedStep(page);
      const kept = await hooks(page, (h) => h.customXmlParts());
      expect(kept).toHaveLength(1);
      await hooks(page, (h) => h.reopenPane());
      await stepTitle(page, 'Candidatures');
      await page.locator('#counts').waitFor();
      expect(await toSeedStep(page)).toBe(shown);
      expect(await hooks(page, (h) => h.customXmlParts())).toEqual(kept);
      // Drawn: the key is in « Données du tirage », and the workbook no longer keeps it apart (a next draw gets a new one).
      await drawToEnd(page);
      expect(await hooks(page, (h) => h.customXmlParts())).toEqual([]);
      expect(sheetValues(await snapshot(page), 'Données du tirage')).toContain(/>([0-9a-f]{64})</.exec(kept[0])?.[1]);
    } finally {
      await page.close();
    }
  });

  test('a kept sealing key no one can read: a new key and a new fingerprint, said, never a pane stuck on the error', async () => {
    const { page } = await openPreview();
    try {
      const first = await toSeedStep(page);
      await hooks(page, (h) => h.overwriteCustomXmlParts('<sealingKey xmlns="urn:tirage-cln:sealing-key">illisible</sealingKey>'));
      await press(page, '#back-to-3');
      await press(page, '#back-to-2');
      await press(page, '#to-step-3');
      await page.locator('#session-notice', { hasText: 'une nouvelle clé a été tirée' }).waitFor();
      const second = (await page.getAttribute('#fingerprint', 'data-fingerprint')) ?? '';
      expect(second).toMatch(/^[0-9a-f]{64}$/);
      expect(second).not.toBe(first);
      expect(await hooks(page, (h) => h.customXmlParts())).toEqual([expect.stringMatching(/>[0-9a-f]{64}</)]);
      await press(page, '#to-step-4');
      await stepTitle(page, 'Graine publique');
      expect(second).toBe(await cliFingerprint(page, EXAMPLE_CSV));
    } finally {
      await page.close();
    }
  });

  test('a read-only workbook: nothing is drawn, and the pane says how to open it for editing', async () => {
    const { page } = await openPreview();
    try {
      await toSeedStep(page);
      await hooks(page, (h) => h.setReadOnly(true));
      await page.fill('#field-seed', SEED);
      await page.click('#draw');
      const alert = page.locator('#session-failure[data-code="read_only"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('Le classeur est ouvert en lecture seule : le registre ne peut pas y être écrit. Ouvrez-le en modification');
      expect((await snapshot(page)).sheets.map((s) => s.name)).toEqual(['Candidatures']);
      await stepTitle(page, 'Graine publique');
    } finally {
      await page.close();
    }
  });

  test('one’s own .xlsx loads into the simulated Excel and draws to a conforming record', async () => {
    const { page } = await openPreview();
    try {
      const csvFingerprint = await toSeedStep(page);
      await page.setInputFiles('#preview-file', path.join(ROOT, 'assets', 'exemple-candidatures.xlsx'));
      await page.locator('#preview-file-status', { hasText: '« exemple-candidatures.xlsx » chargé' }).waitFor();
      await stepTitle(page, 'Candidatures');
      await page.locator('#counts').waitFor();
      // The same candidatures as the CSV example, sealed with this workbook's own key: the fingerprint the CLI gives the CSV with that key.
      const xlsxFingerprint = await toSeedStep(page);
      expect(xlsxFingerprint).not.toBe(csvFingerprint);
      expect(xlsxFingerprint).toBe(await cliFingerprint(page, EXAMPLE_CSV));
      await drawToEnd(page);
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
    } finally {
      await page.close();
    }
  });

  test('headers not recognised: the pane asks which column holds what, and the draw goes on with that choice recorded', async () => {
    const { page } = await openPreview();
    try {
      const exampleFingerprint = await toSeedStep(page);
      const csv = fs.readFileSync(path.join(ROOT, 'assets', 'exemple-candidatures.csv'), 'utf8').replace(';Sexe;', ';Q4;');
      await page.setInputFiles('#preview-file', { name: 'entetes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const alert = page.locator('#session-failure[data-code="missing_columns"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('Sexe');
      await page.locator('#columns-form').waitFor();
      await audit(page, 'colonnes non reconnues');
      await shot(page, 'colonnes-non-reconnues');
      await page.selectOption('#column-sex', { label: '« Q4 » (D1)' });
      await page.click('#use-columns');
      await page.locator('#counts').waitFor();
      expect(await page.locator('#columns').innerText()).toContain('Sexe : colonne D (« Q4 »)');
      // The columns named by hand read the same candidatures: the CLI's fingerprint of the example, with this workbook's key.
      const mapped = await toSeedStep(page);
      expect(mapped).not.toBe(exampleFingerprint);
      expect(mapped).toBe(await cliFingerprint(page, EXAMPLE_CSV));
      await drawToEnd(page);
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
      const data = sheetValues(await snapshot(page), 'Données du tirage');
      expect(data).toContain('Correspondance des colonnes');
    } finally {
      await page.close();
    }
  });

  test('rows that cannot take part: listed with their reason, each selects its cell, and the draw goes on only once they are set aside', async () => {
    const { page } = await openPreview();
    try {
      const csv = fs
        .readFileSync(path.join(ROOT, 'assets', 'exemple-candidatures.csv'), 'utf8')
        .replace('2;Benali;Karim;H;', '2;Benali;Karim;X;')
        .replace('5;Morel-Duhamel;Claire;F;30/01/1992;Nord', '5;Morel-Duhamel;Claire;F;30/01/1992;Atlantide');
      await loadCsv(page, 'anomalies.csv', csv);
      await page.click('#to-step-2');
      await stepTitle(page, 'Vérification');
      const problems = await page.locator('#problems li').allInnerTexts();
      expect(problems).toEqual([expect.stringMatching(/^Ligne 3 : sexe non reconnu « X » \(cellule D3\)/), expect.stringMatching(/^Ligne 6 : secteur inconnu « Atlantide » \(cellule F6\)/)]);
      expect(await page.isDisabled('#to-step-3')).toBe(true);
      await page.click('#problem-1');
      await page.locator('.sheet-cell--selected[data-cell="F6"]').waitFor();
      await audit(page, 'lignes irrecevables');
      await shot(page, '2-verification-lignes-irrecevables');
      await page.check('#exclude-confirm');
      await page.click('#to-step-3');
      await stepTitle(page, 'Empreinte');
      expect(await page.locator('#chances tbody tr').count()).toBe(14);
      await page.click('#to-step-4');
      await drawToEnd(page);
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
      const minutes = sheetValues(await snapshot(page), 'Procès-verbal').join('\n');
      expect(minutes).toContain('Ligne 3');
      expect(minutes).toContain('Atlantide');
    } finally {
      await page.close();
    }
  });
});
