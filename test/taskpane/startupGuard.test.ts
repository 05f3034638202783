/**
 * The task pane's start-up guard (src/taskpane/startupGuard.js, inline in dist/taskpane.html) in
 * Chromium, under the page's real Content-Security-Policy: when the pane's script cannot start — a
 * script the webview cannot parse, one that never arrives, a webview without BigInt as EdgeHTML —
 * « Chargement du volet… » gives way to a French message saying what to do; on a normal start the
 * guard stays silent. Time is Playwright's fake clock, never waited for.
 */
import type { Page } from 'playwright-core';
import { DIST, OFFICE_JS_URL, distFile } from '../support/addinBuild';
import { launchChromium, requireChromium, serveDirectory, type ChromiumSession, type StaticServer } from '../support/chromium';
import { policyViolations, recordPolicyViolations } from '../support/policyViolations';

/** The guard's delay before it speaks when the pane's script has not started (startupGuard.js). */
const STARTUP_MS = 15_000;
const PANE_SCRIPT = /\/taskpane\.[0-9a-f]{8}\.js$/;
const FAILED = '#tirage-pane section[data-view="start-failed"]';

/** Office outside of Office, as office.js answers there: the pane's own view is then « outside-office ». */
function fakeOfficeOutsideOffice(): void {
  (window as unknown as { Office: unknown }).Office = { onReady: () => Promise.resolve({ host: null, platform: null }), context: {} };
}

const withChromium = requireChromium() ? describe : describe.skip;

withChromium('the task pane’s start-up guard', () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    distFile('taskpane.html');
    [server, browser] = await Promise.all([serveDirectory(DIST), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  interface Opened {
    page: Page;
    pageErrors: string[];
  }

  /** dist/taskpane.html with office.js's CDN blocked, after `prepare` has set up routes, init scripts or the clock. */
  async function open(prepare: (page: Page) => Promise<void>, use: (opened: Opened) => Promise<void>): Promise<void> {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    await page.route(OFFICE_JS_URL, (route) => route.abort('blockedbyclient'));
    await page.addInitScript(recordPolicyViolations);
    try {
      await prepare(page);
      await page.goto(`${server.origin}/taskpane.html`);
      await use({ page, pageErrors });
    } finally {
      await page.close();
    }
  }

  async function expectGuardMessage(page: Page): Promise<void> {
    const section = page.locator(FAILED);
    await section.waitFor();
    expect(await section.getAttribute('role')).toBe('alert');
    expect(await section.locator('h2').innerText()).toBe('Le volet n’a pas pu démarrer');
    const text = await section.innerText();
    expect(text).toContain('Mettez Office à jour');
    expect(text).toContain('Microsoft Edge WebView2');
    expect(text).toContain('Excel sur le web');
    expect(await page.locator('.pane-loading').count()).toBe(0);
    expect(await page.getAttribute('#tirage-pane', 'aria-busy')).toBe('false');
    // The guard ran under the page's policy, admitted by its hash, and nothing else was refused.
    expect(await policyViolations(page)).toEqual([]);
  }

  test('a pane script the webview cannot parse (EdgeHTML meeting `??`): the French message at once', async () => {
    await open(
      async (page) => {
        await page.route(PANE_SCRIPT, (route) => route.fulfill({ contentType: 'text/javascript', body: 'const volet = a ?? ;' }));
      },
      async ({ page, pageErrors }) => {
        await expectGuardMessage(page);
        expect(pageErrors).toEqual([expect.stringMatching(/^SyntaxError/)]);
      },
    );
  });

  test('a pane script that never arrives: « Chargement du volet… » until 15 seconds, then the French message', async () => {
    await open(
      async (page) => {
        await page.clock.install();
        await page.route(PANE_SCRIPT, (route) => route.abort('connectionfailed'));
      },
      async ({ page, pageErrors }) => {
        await page.clock.runFor(STARTUP_MS - 1000);
        expect(await page.locator('.pane-loading').innerText()).toBe('Chargement du volet…');
        expect(await page.locator(FAILED).count()).toBe(0);
        await page.clock.runFor(1000);
        await expectGuardMessage(page);
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test('a webview without BigInt (EdgeHTML): the pane’s script fails while loading, the guard says so, and its message stays', async () => {
    await open(
      async (page) => {
        await page.clock.install();
        await page.addInitScript(() => {
          delete (window as unknown as { BigInt?: unknown }).BigInt;
        });
        await page.addInitScript(fakeOfficeOutsideOffice);
      },
      async ({ page, pageErrors }) => {
        await expectGuardMessage(page);
        expect(pageErrors).toEqual([expect.stringContaining('BigInt is not defined')]);
        await page.clock.runFor(2 * STARTUP_MS);
        expect(await page.locator('#tirage-pane section[data-view]').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-view')))).toEqual(['start-failed']);
        expect(await page.getAttribute('#tirage-pane', 'data-started')).toBeNull();
      },
    );
  });

  test('a normal start: the pane marks itself started and the guard stays silent, even long after', async () => {
    await open(
      async (page) => {
        await page.clock.install();
        await page.addInitScript(fakeOfficeOutsideOffice);
      },
      async ({ page, pageErrors }) => {
        const view = page.locator('#tirage-pane section[data-view="outside-office"]');
        await view.waitFor();
        expect(await page.getAttribute('#tirage-pane', 'data-started')).toBe('');
        await page.clock.runFor(4 * STARTUP_MS);
        expect(await page.locator(FAILED).count()).toBe(0);
        expect(await view.count()).toBe(1);
        expect(pageErrors).toEqual([]);
        expect(await policyViolations(page)).toEqual([]);
      },
    );
  });
});
