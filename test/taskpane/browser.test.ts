/**
 * The built task pane (dist/) in Debian's Chromium: office.js's CDN request is blocked, and a
 * fake `Office` injected before the page's scripts stands for Excel where a case needs one.
 * Inside Excel, a global `Excel` whose `run` is the simulated Excel's is injected too, so the
 * production entry (taskpane.ts → office.ts's `Excel.run`) drives a workbook held in memory.
 * Checks the French start-up messages, the Content-Security-Policy, that no request leaves
 * 127.0.0.1 except the office.js one, and a whole draw through the production entry.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { snapshotOf, workbookFromSnapshot, type WorkbookSnapshot } from '../../src/excel/simulated/snapshot';
import { simulatedWorkbookFromTable } from '../../src/excel/simulated/tableWorkbook';
import { simulatedWorkbookToXlsx } from '../../src/excel/simulated/xlsxFile';
import { decodeCsvBytes, parseCsvText } from '../../src/file/csv';
import { DIST, OFFICE_JS_URL, ROOT, distFile } from '../support/addinBuild';
import { HEADER, juneRows, workbookOf } from '../support/simulated';
import type { SimulatedExcelHooks } from '../support/browser/simulatedExcelGlobal';
import { launchChromium, requireChromium, serveDirectory, type ChromiumSession, type StaticServer } from '../support/chromium';
import { layoutFaults } from '../support/layoutFaults';
import { simulatedExcelBundle } from '../support/simulatedExcelBundle';

const EXAMPLE_CSV = path.join(ROOT, 'assets', 'exemple-candidatures.csv');
const OUTPUT = path.join(ROOT, 'test-output', 'taskpane');

/** What the fake Office answers: the host from onReady, whether isSetSupported says yes, the document's URL. */
interface FakeOffice {
  host: string | null;
  excelApiSupported: boolean;
  documentUrl?: string;
}

/** Installed in the page before any of its scripts run (so before the pane's bundle). */
function installFakeOffice(fake: FakeOffice): void {
  const calls: unknown[][] = [];
  (window as unknown as { __isSetSupportedCalls: unknown[][] }).__isSetSupportedCalls = calls;
  (window as unknown as { Office: unknown }).Office = {
    onReady: () => Promise.resolve({ host: fake.host, platform: fake.host === null ? null : 'OfficeOnline' }),
    context: {
      document: fake.documentUrl === undefined ? undefined : { url: fake.documentUrl },
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          calls.push([name, version]);
          return fake.excelApiSupported;
        },
      },
    },
  };
}

/** The example table as Excel would hold it once the CLI's CSV is opened: one sheet « Candidatures ». */
function exampleWorkbook(): WorkbookSnapshot {
  const table = parseCsvText(decodeCsvBytes(fs.readFileSync(EXAMPLE_CSV)), 'exemple-candidatures.csv');
  return snapshotOf(simulatedWorkbookFromTable(table));
}

/** A supported Excel, with the simulated Excel as its `Excel` global. */
const EXCEL_OK: FakeOffice = { host: 'Excel', excelApiSupported: true };

interface Visit {
  view: string;
  role: string | null;
  title: string;
  text: string;
  requests: string[];
  isSetSupportedCalls: unknown[][];
  /** How many `Excel.run` batches the page started (null: no Excel injected). */
  excelRuns: number | null;
}

const withChromium = requireChromium() ? describe : describe.skip;

withChromium('the task pane in Chromium', () => {
  let server: StaticServer;
  let browser: ChromiumSession;
  let simulatedExcel: string;

  beforeAll(async () => {
    distFile('taskpane.html');
    [server, browser, simulatedExcel] = await Promise.all([serveDirectory(DIST), launchChromium(), simulatedExcelBundle()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * One init script (Playwright does not order several): the fake Office and, when the host is
   * Excel, the simulated Excel as the global `Excel` on `workbook` (any Excel has that global, an
   * old one too). CSP does not govern init scripts; the page's own scripts stay under it.
   */
  function initScript(fake: FakeOffice, workbook: WorkbookSnapshot): string {
    const office = `(${installFakeOffice.toString()})(${JSON.stringify(fake)});`;
    if (fake.host !== 'Excel') return office;
    return `${office}\nwindow.tirageStartingWorkbook = ${JSON.stringify(workbook)};\n${simulatedExcel}`;
  }

  /** A page of dist/taskpane.html, office.js's CDN blocked, with the fake Office when given. */
  async function openPage(fake: FakeOffice | null, workbook = exampleWorkbook()): Promise<{ page: Page; requests: string[]; pageErrors: string[] }> {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route(OFFICE_JS_URL, (route) => route.abort('blockedbyclient'));
    if (fake !== null) await page.addInitScript({ content: initScript(fake, workbook) });
    return { page, requests, pageErrors };
  }

  async function excelHooks<T>(page: Page, use: (hooks: SimulatedExcelHooks) => T): Promise<T> {
    return page.evaluate(`(${use.toString()})(window.tirageSimulatedExcel)`) as Promise<T>;
  }

  async function open(fake: FakeOffice | null, inspect?: (page: Page) => Promise<void>): Promise<Visit> {
    const { page, requests } = await openPage(fake);
    try {
      await page.goto(`${server.origin}/taskpane.html`);
      const section = page.locator('#tirage-pane section[data-view]');
      await section.waitFor();
      if (inspect) await inspect(page);
      return {
        view: (await section.getAttribute('data-view')) ?? '',
        role: await section.getAttribute('role'),
        title: await section.locator('h2').innerText(),
        text: await section.innerText(),
        requests,
        isSetSupportedCalls: await page.evaluate(() => (window as unknown as { __isSetSupportedCalls?: unknown[][] }).__isSetSupportedCalls ?? []),
        excelRuns: await page.evaluate(() => (window as unknown as { tirageSimulatedExcel?: { runs(): number } }).tirageSimulatedExcel?.runs() ?? null),
      };
    } finally {
      await page.close();
    }
  }

  function expectOnlyLocalRequestsAndOfficeJs(visit: Visit): void {
    const outside = visit.requests.filter((url) => !url.startsWith(`${server.origin}/`));
    expect(outside).toEqual([OFFICE_JS_URL]);
  }

  test('office.js unavailable: says it could not be loaded and how to open the pane', async () => {
    const visit = await open(null);
    expect(visit).toMatchObject({ view: 'office-unavailable', role: 'alert', title: 'Office.js n’a pas pu être chargé' });
    expect(visit.text).toContain('onglet Accueil, bouton « Tirage au sort »');
    expectOnlyLocalRequestsAndOfficeJs(visit);
  });

  test('outside Office: says to open it from Excel', async () => {
    const visit = await open({ host: null, excelApiSupported: false });
    expect(visit).toMatchObject({ view: 'outside-office', role: 'alert', title: 'Ce volet s’ouvre depuis Excel' });
    expect(visit.text).toContain('Ouvrez le classeur des candidatures dans Excel');
    // Outside Excel the requirement is not even asked.
    expect(visit.isSetSupportedCalls).toEqual([]);
    expectOnlyLocalRequestsAndOfficeJs(visit);
  });

  test('inside Excel, too old: asks for ExcelApi 1.9 and says which Excel has it', async () => {
    const visit = await open({ host: 'Excel', excelApiSupported: false });
    expect(visit).toMatchObject({ view: 'excel-too-old', role: 'alert', title: 'Cette version d’Excel est trop ancienne' });
    expect(visit.text).toContain('Excel pour Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web');
    expect(visit.isSetSupportedCalls).toEqual([['ExcelApi', '1.9']]);
    // The old Excel's workbook is never touched.
    expect(visit.excelRuns).toBe(0);
    expectOnlyLocalRequestsAndOfficeJs(visit);
  });

  /** Neither the entry's catch (« n’a pas pu démarrer ») nor the session's (« Erreur inattendue ») nor any other failure showed. */
  async function expectNoFailure(page: Page, pageErrors: string[]): Promise<void> {
    const alerts = await page.locator('#tirage-pane [role="alert"]').allInnerTexts();
    expect(alerts.filter((text) => /n’a pas pu démarrer|Erreur inattendue/.test(text))).toEqual([]);
    expect(await page.locator('#session-failure').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }

  async function stepTitle(page: Page, text: string): Promise<void> {
    await page.locator('#step-title', { hasText: text }).waitFor();
  }

  /** Waits for step 1's counts or for any alert, whichever comes first: a failure is then said at once, not as a timeout. */
  async function sessionStarted(page: Page, pageErrors: string[]): Promise<void> {
    await page.locator('#counts, #tirage-pane [role="alert"]').first().waitFor();
    await expectNoFailure(page, pageErrors);
    await stepTitle(page, 'Étape 1 sur 6 — Candidatures');
  }

  test('inside Excel, ok: the ready view, announced politely, then the session’s first step on the workbook, read through Excel.run', async () => {
    // As a city's workbook often is: a notes sheet first, then the candidatures as an Excel table not at A1.
    const workbook = snapshotOf(
      workbookOf([
        { name: 'Notes', rows: [['Candidatures reçues jusqu’au 30 mai']] },
        { name: 'Formulaire', rows: [HEADER, ...juneRows()], row: 3, column: 2, table: 'tblCandidatures' },
      ]),
    );
    const { page, requests, pageErrors } = await openPage(EXCEL_OK, workbook);
    try {
      await page.goto(`${server.origin}/taskpane.html`);
      await sessionStarted(page, pageErrors);
      const ready = page.locator('#tirage-pane section[data-view="ready"]');
      expect(await ready.getAttribute('role')).toBe('status');
      expect(await ready.locator('h2').innerText()).toBe('Excel est prêt');
      expect(await page.locator('#tirage-pane').getAttribute('aria-busy')).toBe('false');
      // The Excel table found and chosen, its columns, the counts.
      // Short in the list, so that it fits a 270-pixel pane; the sheet is said under it.
      expect(await page.locator('#source option:checked').innerText()).toBe('Tableau « tblCandidatures »');
      expect(await page.locator('#source-help').innerText()).toBe('Tableau Excel de la feuille « Formulaire ».');
      expect(await page.locator('#columns').innerText()).toContain('Sexe : colonne E');
      const counts = await page.locator('#counts tbody tr').allInnerTexts();
      expect(counts[counts.length - 1].split('\t')).toEqual(['Total', expect.any(String), expect.any(String), '16']);
      expect(await excelHooks(page, (h) => h.runs())).toBeGreaterThan(0);
      // Every batch asks Excel to hold it while a cell is being edited (office.ts, Excel.RunOptions).
      expect(new Set((await excelHooks(page, (h) => h.runOptions())).map((o) => JSON.stringify(o)))).toEqual(new Set([JSON.stringify({ delayForCellEdit: true })]));
      expect(await page.evaluate(() => (window as unknown as { __isSetSupportedCalls: unknown[][] }).__isSetSupportedCalls)).toEqual([['ExcelApi', '1.9']]);
      await expectNoFailure(page, pageErrors);
      expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([OFFICE_JS_URL]);
    } finally {
      await page.close();
    }
  });

  test('through the production entry, a whole sealed draw: the CLI’s fingerprint with the key the workbook keeps, the sealed table, « Registre conforme », a record and a public record the CLI verifies', async () => {
    const documentUrl = 'https://contoso.sharepoint.com/sites/cln/Documents%20partages/Candidatures%20CLN%202025.xlsx?web=1';
    const { page, requests, pageErrors } = await openPage({ ...EXCEL_OK, documentUrl });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-entree-'));
    try {
      await page.goto(`${server.origin}/taskpane.html`);
      await sessionStarted(page, pageErrors);
      const referenceDate = await page.inputValue('#reference-date');
      expect(referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      await page.click('#to-step-2');
      await stepTitle(page, 'Vérification');
      if (await page.locator('#exclude-confirm').count()) await page.check('#exclude-confirm');
      await page.click('#to-step-3');
      await stepTitle(page, 'Empreinte');
      const fingerprint = (await page.getAttribute('#fingerprint', 'data-fingerprint')) ?? '';
      // The sealing key, kept in the workbook (a custom XML part) from now until the draw.
      const kept = await excelHooks(page, (h) => h.customXmlParts());
      expect(kept).toEqual([expect.stringMatching(/^<sealingKey xmlns="urn:tirage-cln:sealing-key">[0-9a-f]{64}<\/sealingKey>$/)]);
      const keyFile = path.join(folder, 'cle.txt');
      fs.writeFileSync(keyFile, `${/>([0-9a-f]{64})</.exec(kept[0])?.[1]}\n`);
      // The CLI, on the CSV the workbook was made from, at the pane's date, with that key, computes the same fingerprint.
      const cli = JSON.parse(
        execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'probabilities', EXAMPLE_CSV, '--date', referenceDate, '--seal-key', keyFile, '--json'], { encoding: 'utf8' }),
      ) as { algorithm: string; fingerprint: string; candidates: unknown[] };
      expect([cli.algorithm, fingerprint]).toEqual(['tirage-cln/2', cli.fingerprint]);
      expect(await page.locator('#chances tbody tr').count()).toBe(cli.candidates.length);

      // Before the seed: the sealed table opens as a new workbook, which verifies against the fingerprint shown.
      await page.click('#open-sealed-table');
      await page.locator('#session-notice', { hasText: 'Table scellée ouverte' }).waitFor();
      const [sealedTable] = await excelHooks(page, (h) => h.openedWorkbooks());
      const sealedFile = path.join(folder, 'table-scellee.xlsx');
      fs.writeFileSync(sealedFile, Buffer.from(sealedTable, 'base64'));
      expect(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', sealedFile, '--fingerprint', fingerprint], { encoding: 'utf8' })).toContain('conforme');

      await page.click('#to-step-4');
      await stepTitle(page, 'Graine publique');
      await page.fill('#field-seed', '4 2 6 1 5 3');
      await page.click('#draw');
      await stepTitle(page, 'Tirage');
      await page.click('#reveal-all');
      await stepTitle(page, 'Procès-verbal');
      expect(await page.locator('#verdict .verdict__title').innerText()).toBe('Registre conforme');
      await expectNoFailure(page, pageErrors);

      // The record is in the simulated workbook, written by office.ts's Excel.run: saved as .xlsx, the CLI verifies it.
      const snapshot = await excelHooks(page, (h) => h.snapshot());
      expect(snapshot.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage']));
      const minutes = snapshot.sheets.find((s) => s.name === 'Procès-verbal')?.cells.map(([, cell]) => String(cell.value)) ?? [];
      // The file name comes from Office.context.document.url, decoded, without its folder or query.
      expect(minutes.some((text) => text.startsWith('Candidatures CLN 2025.xlsx'))).toBe(true);
      const file = path.join(folder, 'registre.xlsx');
      fs.writeFileSync(file, await simulatedWorkbookToXlsx(workbookFromSnapshot(snapshot)));
      const verdict = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', file, '--fingerprint', fingerprint], { encoding: 'utf8' });
      expect(verdict).toContain('conforme');
      // The key is in « Données du tirage » now: the workbook no longer keeps it apart.
      expect(await excelHooks(page, (h) => h.customXmlParts())).toEqual([]);

      // Step 6: the public record opens as a new workbook; alone it verifies, and the auditor finds it is the record's.
      await page.click('#open-public-record');
      await page.locator('#session-notice', { hasText: 'Registre public ouvert' }).waitFor();
      const opened = await excelHooks(page, (h) => h.openedWorkbooks());
      expect(opened).toHaveLength(2);
      const publicFile = path.join(folder, 'registre-public.xlsx');
      fs.writeFileSync(publicFile, Buffer.from(opened[1], 'base64'));
      expect(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', publicFile, '--fingerprint', fingerprint], { encoding: 'utf8' })).toContain('conforme');
      execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tirage-cln.js'), 'verify', file, '--public', publicFile], { encoding: 'utf8' });
      await expectNoFailure(page, pageErrors);
      // The writer came as a chunk of the add-in's own origin, on the first click, and nothing else was fetched.
      expect(requests.filter((url) => /taskpane-xlsx-writer\.[0-9a-f]{8}\.js$/.test(url))).toHaveLength(1);
      expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([OFFICE_JS_URL]);
    } finally {
      await page.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  /**
   * Excel on Mac opens the pane at 270 pixels, Windows at 320, the web at 350 and more: at each,
   * every step of a whole session and the views of a workbook that holds a record, measured
   * (layoutFaults: no word cut across two lines, nothing past the right edge or cut) and photographed.
   */
  test.each([270, 320, 350])('at %i pixels wide, nothing is cut or broken mid-word, at any step', async (width) => {
    const folder = path.join(OUTPUT, `largeur-${width}`);
    fs.mkdirSync(folder, { recursive: true });
    const seen: Record<string, string[]> = {};
    const measure = async (page: Page, name: string) => {
      seen[name] = await page.evaluate(layoutFaults);
      await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
    };
    const { page, pageErrors } = await openPage(EXCEL_OK);
    let snapshot: WorkbookSnapshot;
    try {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.origin}/taskpane.html`);
      await sessionStarted(page, pageErrors);
      await measure(page, '1-candidatures');
      await page.click('#to-step-2');
      await stepTitle(page, 'Vérification');
      await measure(page, '2-verification');
      if (await page.locator('#exclude-confirm').count()) await page.check('#exclude-confirm');
      await page.click('#to-step-3');
      await stepTitle(page, 'Empreinte');
      await measure(page, '3-empreinte');
      await page.click('#to-step-4');
      await stepTitle(page, 'Graine publique');
      await page.fill('#field-seed', '4 2 6 1 5 3');
      await page.fill('#field-place', 'Archives nationales du monde du travail, Roubaix');
      await page.fill('#field-officials', 'Mme Adjointe au numérique\nM. Conseiller municipal');
      await measure(page, '4-graine');
      await page.click('#draw');
      await stepTitle(page, 'Tirage');
      await page.click('#pause-toggle');
      await page.locator('#reveal-text', { hasText: 'en pause' }).waitFor();
      await measure(page, '5-tirage-en-pause');
      await page.click('#reveal-all');
      await stepTitle(page, 'Procès-verbal');
      await page.locator('#verdict').waitFor();
      await measure(page, '6-proces-verbal');
      await expectNoFailure(page, pageErrors);
      snapshot = await excelHooks(page, (h) => h.snapshot());
    } finally {
      await page.close();
    }
    // The same workbook opened again: the offer to verify, then the verdict.
    const again = await openPage(EXCEL_OK, snapshot);
    try {
      await again.page.setViewportSize({ width, height: 900 });
      await again.page.goto(`${server.origin}/taskpane.html`);
      await stepTitle(again.page, 'Ce classeur contient déjà un tirage');
      await measure(again.page, 'registre-existant');
      await again.page.click('#verify-existing');
      await again.page.locator('#verdict').waitFor();
      await measure(again.page, 'registre-verifie');
      // A member replaced: the form with the rule's proposal, then what was recorded.
      await again.page.click('#start-replace');
      await stepTitle(again.page, 'Remplacer un membre');
      await again.page.selectOption('#replace-leaving', { index: 1 });
      await again.page.locator('#replace-proposal').waitFor();
      await again.page.fill('#replace-reason', 'Démission');
      await measure(again.page, 'remplacement-formulaire');
      await again.page.click('#confirm-replace');
      await stepTitle(again.page, 'Remplacement consigné');
      await measure(again.page, 'remplacement-consigne');
      await expectNoFailure(again.page, again.pageErrors);
    } finally {
      await again.page.close();
    }
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, []])));
  });

  test('inside Word: says the add-in works only in Excel', async () => {
    const visit = await open({ host: 'Word', excelApiSupported: false });
    expect(visit).toMatchObject({ view: 'other-host', title: 'Ce complément fonctionne seulement dans Excel' });
    expect(visit.text).toContain('Il a été ouvert dans Word.');
  });

  test('a start-up failure reaches the pane in French, not only the console', async () => {
    const page = await browser.context.newPage();
    await page.route(OFFICE_JS_URL, (route) => route.abort('blockedbyclient'));
    await page.addInitScript(() => {
      (window as unknown as { Office: unknown }).Office = { onReady: () => Promise.reject(new Error('hôte injoignable')) };
    });
    try {
      await page.goto(`${server.origin}/taskpane.html`);
      const alert = page.locator('#tirage-pane [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        'Le volet n’a pas pu démarrer : hôte injoignable. Fermez-le et rouvrez-le depuis l’onglet Accueil.',
      );
    } finally {
      await page.close();
    }
  });

  test('a French page with landmarks, and a CSP allowing scripts only from itself, office.js’s CDN and its start-up guard', async () => {
    await open(EXCEL_OK, async (page) => {
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.locator('header h1').innerText()).toBe('Tirage au sort');
      expect(await page.locator('main#tirage-pane').count()).toBe(1);
      expect(await page.locator('footer a[href="aide.html"]').count()).toBe(1);
      const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
      const directives = new Map(policy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }));
      // Its own files, office.js's CDN, and by its hash the one inline script, the start-up guard (startupGuard.test.ts).
      expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(policy).not.toContain('unsafe-eval');
      // Enforced, not only written: a script from elsewhere and an inline script are both refused.
      const refused = await page.evaluate(async () => {
        const violations: string[] = [];
        const both = new Promise<void>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => {
            violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
            if (violations.length === 2) resolve();
          });
        });
        const external = document.createElement('script');
        external.src = 'https://cdn.exemple.org/tiers.js';
        document.head.append(external);
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true;';
        document.head.append(inline);
        await both;
        return { violations, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
      });
      expect(refused.inlineRan).toBe(false);
      expect(refused.violations).toEqual(expect.arrayContaining(['script-src-elem https://cdn.exemple.org/tiers.js', 'script-src-elem inline']));
    });
  });

  test.each([
    ['ready view and the session’s first step', EXCEL_OK, '#counts'],
    ['excel-too-old view', { host: 'Excel', excelApiSupported: false }, 'section[data-view="excel-too-old"]'],
  ] as const)('%s: no WCAG 2.2 A/AA violation found by axe-core', async (_view, fake, shown) => {
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await open(fake, async (page) => {
      await page.locator(shown).waitFor();
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
      });
      expect(violations).toEqual([]);
    });
  });

  test('the help page, the session guide and the function file load with the same policy and no request of their own', async () => {
    for (const name of ['aide.html', 'guide-seance.html', 'commands.html']) {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.route(OFFICE_JS_URL, (route) => route.abort('blockedbyclient'));
      try {
        const response = await page.goto(`${server.origin}/${name}`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe('fr');
        expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
        expect(requests.filter((url) => !url.startsWith(`${server.origin}/`) && url !== OFFICE_JS_URL)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});
