/**
 * Microsoft's own office.js, outside Office (issue 13 §4): the production dist/taskpane.html and
 * commands.html in Chromium, the CDN's address served from the @microsoft/office-js package (the
 * files the CDN publishes), under the pages' real Content-Security-Policy. The pane must reach its
 * « ouvrez-le depuis Excel » view with no script error, and the only thing the policy refuses is
 * the one we decided to refuse: office.js's telemetry frame (webpack.config.js says why).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { DIST, ROOT, distFile } from '../support/addinBuild';
import { launchChromium, requireChromium, serveDirectory, type ChromiumSession, type StaticServer } from '../support/chromium';
import { policyViolations, recordPolicyViolations } from '../support/policyViolations';

const OFFICE_JS_PACKAGE = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
/** Where taskpane.html loads office.js from; the rest of the path names a file of the package's dist/. */
const CDN_FOLDER = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** The refusal we chose (webpack.config.js, frame-src): office.js's hidden telemetry proxy. */
const TELEMETRY_FRAME = 'frame-src https://telemetryservice.firstpartyapps.oaspapps.com';
/** office.js creates that frame three seconds after loading (OSF.Logger's ULSEndpointProxy). */
const TELEMETRY_DELAY_MS = 3000;

interface Visit {
  page: Page;
  /** Requests that left the test server, as "served <url>" (from the package) or "refused <url>". */
  outside: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

const withChromium = requireChromium() ? describe : describe.skip;

withChromium('the real office.js, outside Office', () => {
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    distFile('taskpane.html');
    if (!fs.existsSync(path.join(OFFICE_JS_PACKAGE, 'office.js'))) throw new Error('@microsoft/office-js est absent : lancez npm ci.');
    [server, browser] = await Promise.all([serveDirectory(DIST), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page of dist/, office.js's CDN answered from the package, anything else from outside refused; then lets office.js's timers run. */
  async function visit(name: string, reached: (page: Page) => Promise<void>, use: (visit: Visit) => Promise<void>): Promise<void> {
    const page = await browser.context.newPage();
    const visit: Visit = { page, outside: [], pageErrors: [], consoleErrors: [] };
    page.on('pageerror', (error) => visit.pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') visit.consoleErrors.push(message.text());
    });
    await page.route(
      (url) => url.origin !== server.origin,
      async (route) => {
        const url = route.request().url();
        const file = url.startsWith(CDN_FOLDER) ? path.join(OFFICE_JS_PACKAGE, ...new URL(url).pathname.slice(new URL(CDN_FOLDER).pathname.length).split('/')) : null;
        if (file !== null && file.startsWith(OFFICE_JS_PACKAGE + path.sep) && fs.existsSync(file)) {
          visit.outside.push(`served ${url}`);
          await route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
        } else {
          visit.outside.push(`refused ${url}`);
          await route.abort('blockedbyclient');
        }
      },
    );
    await page.addInitScript(recordPolicyViolations);
    await page.clock.install();
    try {
      await page.goto(`${server.origin}/${name}`);
      await reached(page);
      await page.clock.runFor(TELEMETRY_DELAY_MS + 1000);
      await page.waitForFunction(() => (window as unknown as { __policyViolations: string[] }).__policyViolations.length > 0);
      await use(visit);
    } finally {
      await page.close();
    }
  }

  const officeJsFiles = [`served ${CDN_FOLDER}office.js`, `served ${CDN_FOLDER}o15apptofilemappingtable.js`];

  test('taskpane.html reaches « Ce volet s’ouvre depuis Excel », no script error, only the telemetry frame refused', async () => {
    await visit(
      'taskpane.html',
      (page) => page.locator('#tirage-pane section[data-view]').waitFor(),
      async ({ page, outside, pageErrors, consoleErrors }) => {
        const section = page.locator('#tirage-pane section[data-view]');
        expect(await section.getAttribute('data-view')).toBe('outside-office');
        expect(await section.locator('h2').innerText()).toBe('Ce volet s’ouvre depuis Excel');
        expect(await section.innerText()).toContain('Ouvrez le classeur des candidatures dans Excel');
        // office.js itself answered: Office is defined, and onReady said « no host ».
        expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
        expect(await page.locator('section[data-view="start-failed"]').count()).toBe(0);
        expect(pageErrors).toEqual([]);
        expect(outside).toEqual(officeJsFiles);
        expect(await policyViolations(page)).toEqual([TELEMETRY_FRAME]);
        expect(consoleErrors).toEqual([expect.stringMatching(/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates .*frame-src 'none'/)]);
      },
    );
  });

  test('commands.html (the ribbon’s function file) loads office.js the same way', async () => {
    await visit(
      'commands.html',
      async (page) => {
        await page.waitForFunction(() => typeof (window as unknown as { Office?: unknown }).Office === 'object');
      },
      async ({ page, outside, pageErrors }) => {
        expect(pageErrors).toEqual([]);
        expect(outside).toEqual(officeJsFiles);
        expect(await policyViolations(page)).toEqual([TELEMETRY_FRAME]);
      },
    );
  });
});
