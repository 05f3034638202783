/**
 * The built task pane (dist/) in Debian's Chromium: office.js's CDN request is blocked, and a
 * fake `Office` injected before the page's scripts stands for Excel where a case needs one.
 * Checks the French start-up messages, the Content-Security-Policy and that no request leaves
 * 127.0.0.1 except the office.js one.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { DIST, OFFICE_JS_URL, distFile } from '../support/addinBuild';
import { launchChromium, requireChromium, serveDirectory, type ChromiumSession, type StaticServer } from '../support/chromium';

/** What the fake Office answers: the host from onReady, and whether isSetSupported says yes. */
interface FakeOffice {
  host: string | null;
  excelApiSupported: boolean;
}

/** Installed in the page before any of its scripts run (so before the pane's bundle). */
function installFakeOffice(fake: FakeOffice): void {
  const calls: unknown[][] = [];
  (window as unknown as { __isSetSupportedCalls: unknown[][] }).__isSetSupportedCalls = calls;
  (window as unknown as { Office: unknown }).Office = {
    onReady: () => Promise.resolve({ host: fake.host, platform: fake.host === null ? null : 'OfficeOnline' }),
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          calls.push([name, version]);
          return fake.excelApiSupported;
        },
      },
    },
  };
}

interface Visit {
  view: string;
  role: string | null;
  title: string;
  text: string;
  requests: string[];
  isSetSupportedCalls: unknown[][];
}

const withChromium = requireChromium() ? describe : describe.skip;

withChromium('the task pane in Chromium', () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    distFile('taskpane.html');
    server = await serveDirectory(DIST);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(fake: FakeOffice | null, inspect?: (page: Page) => Promise<void>): Promise<Visit> {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.route(OFFICE_JS_URL, (route) => route.abort('blockedbyclient'));
    if (fake !== null) await page.addInitScript(installFakeOffice, fake);
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
    expectOnlyLocalRequestsAndOfficeJs(visit);
  });

  test('inside Excel, ok: the ready view, announced politely', async () => {
    const visit = await open({ host: 'Excel', excelApiSupported: true }, async (page) => {
      expect(await page.locator('#tirage-pane').getAttribute('aria-busy')).toBe('false');
    });
    expect(visit).toMatchObject({ view: 'ready', role: 'status', title: 'Excel est prêt' });
    expect(visit.isSetSupportedCalls).toEqual([['ExcelApi', '1.9']]);
    expectOnlyLocalRequestsAndOfficeJs(visit);
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

  test('a French page with landmarks, and a CSP allowing scripts only from itself and office.js’s CDN', async () => {
    await open({ host: 'Excel', excelApiSupported: true }, async (page) => {
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.locator('header h1').innerText()).toBe('Tirage au sort');
      expect(await page.locator('main#tirage-pane').count()).toBe(1);
      expect(await page.locator('footer a[href="aide.html"]').count()).toBe(1);
      const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
      const directives = new Map(policy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }));
      expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
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
    ['ready', { host: 'Excel', excelApiSupported: true }],
    ['excel-too-old', { host: 'Excel', excelApiSupported: false }],
  ] as const)('%s view: no WCAG 2.2 A/AA violation found by axe-core', async (_view, fake) => {
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await open(fake, async (page) => {
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

  test('the help page and the function file load with the same policy and no request of their own', async () => {
    for (const name of ['aide.html', 'commands.html']) {
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
