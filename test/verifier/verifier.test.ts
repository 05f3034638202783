/**
 * dist/verifier.html in Debian's Chromium, opened from the disk (file://) with the network cut:
 * records made by the CLI are dropped on the page or picked with its file button, and the page
 * must say what `tirage-cln verify` says — every line of the CLI's report (or of its refusal)
 * is on the page. Also: the page's policy, its size, axe-core, and the keyboard alone.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { cliAt } from '../support/cli';
import { ZipPackage } from '../../src/xlsx/zip';
import { distFile } from '../support/addinBuild';
import { launchChromium, requireChromium, type ChromiumSession } from '../support/chromium';
import { requireLibreOffice, resaveXlsx, testOutputDir } from '../support/libreoffice';
import { editSharedStringCell } from '../support/recordEdits';
import { zeroBomb, zipBytes } from '../support/zipWriter';
import { disguise, type Disguise } from '../support/disguises';
import { requireOpenpyxl } from '../support/openpyxl';
import { syntheticCsv } from '../../src/bench/syntheticTable';

const REPO = join(__dirname, '..', '..');
const EXAMPLE_CSV = join(REPO, 'assets', 'exemple-candidatures.csv');
const EXAMPLE_XLSX = join(REPO, 'assets', 'exemple-candidatures.xlsx');
const SEED = '4 2 6 1 5 3';
const OUT = testOutputDir('verifier');

const cli = cliAt('2025-06-13');

/** What the CLI says of a file: its report (exit 0 or 3) or its refusal (exit 2), as non-empty lines. */
async function cliLines(file: string, fingerprint?: string, seed?: string): Promise<{ code: number; lines: string[] }> {
  const { code, stdout, stderr } = await cli('verify', file, ...(fingerprint === undefined ? [] : ['--fingerprint', fingerprint]), ...(seed === undefined ? [] : ['--seed', seed]));
  return { code, lines: (code === 2 ? stderr : stdout).split('\n').filter((line) => line !== '') };
}

const files = {
  example: join(OUT, 'registre-exemple.xlsx'),
  edited: join(OUT, 'registre-nom-modifie.xlsx'),
  truncated: join(OUT, 'registre-tronque.xlsx'),
  twoDraws: join(OUT, 'registre-deux-tirages.xlsx'),
  replaced: join(OUT, 'registre-remplacement.xlsx'),
  bomb: join(OUT, 'registre-bombe.xlsx'),
  redrawn: join(OUT, 'registre-autre-graine.xlsx'),
  /** 10,000 candidatures: seconds to check, so a second check certainly begins while it runs. */
  large: join(OUT, 'registre-grand.xlsx'),
};
/** Issue 15's disguises, made on the example record (when openpyxl is there): the page names the sheet and the cell as the CLI does. */
const DISGUISES: Disguise[] = ['conditional_format', 'stale_formula', 'hidden_member_row', 'member_in_white', 'very_hidden_with_copy', 'look_alike_no_break_space'];
const disguised = new Map<Disguise, { file: string; words: string[] }>();
const withOpenpyxl = requireOpenpyxl();
let editedCell = '';
let fingerprint = '';

const withChromium = requireChromium() ? describe : describe.skip;

withChromium('verifier.html, opened from the disk in Chromium with the network cut', () => {
  let browser: ChromiumSession;
  let pageUrl: string;

  beforeAll(async () => {
    pageUrl = pathToFileURL(distFile('verifier.html')).href;
    // Afresh: `replace` never overwrites its output.
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const draw = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--place', 'Archives nationales du monde du travail, Roubaix', '--out', files.example, '--replace');
    expect([draw.code, draw.stderr]).toEqual([0, '']);
    fingerprint = /Empreinte des candidatures : ([0-9a-f]{64})/.exec((await cli('verify', files.example)).stdout)?.[1] ?? '';
    editedCell = await editSharedStringCell(files.example, files.edited, 'Tirage', 'Lefèvre', 'Lefebvre');
    const bytes = readFileSync(files.example);
    writeFileSync(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const second = await cli('draw', files.example, '--sheet', 'Candidatures', '--seed', '6 6 6', '--date', '2025-06-13', '--out', files.twoDraws, '--replace');
    expect([second.code, second.stderr]).toEqual([0, '']);
    const redraw = await cli('draw', EXAMPLE_CSV, '--seed', '1 1 1', '--date', '2025-06-13', '--out', files.redrawn, '--replace');
    expect([redraw.code, redraw.stderr]).toEqual([0, '']);
    const largeTable = join(OUT, 'grand.csv');
    writeFileSync(largeTable, syntheticCsv(10_000));
    const large = await cliAt('2026-06-13')('draw', largeTable, '--seed', SEED, '--date', '2026-06-13', '--out', files.large);
    expect([large.code, large.stderr]).toEqual([0, '']);
    if (withOpenpyxl) {
      for (const what of DISGUISES) {
        const file = join(OUT, `registre-${what}.xlsx`);
        disguised.set(what, { file, words: disguise(files.example, file, what) });
      }
    }
    const replace = await cliAt('2026-01-31')('replace', files.example, '--row', '12', '--date', '2026-01-15', '--reason', 'Démission', '--out', files.replaced);
    expect([replace.code, replace.stderr]).toEqual([0, '']);
    // A record carrying a part that inflates to 1 GiB (its size declared): refused before inflating.
    const record = ZipPackage.open(bytes);
    writeFileSync(files.bomb, zipBytes([...record.names().map((name) => ({ name, content: record.bytesOf(name) })), zeroBomb('xl/media/image1.png', 1024)]));
    browser = await launchChromium();
    await browser.context.setOffline(true);
    await browser.context.route(/^https?:/, (route) => route.abort('blockedbyclient'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * The page, fresh, with every request it makes, every worker it starts and every error recorded (the
   * page's and its workers' console errors, a policy violation among them); `setUp` runs before it loads.
   */
  async function openPage(url = pageUrl, setUp?: (page: Page) => Promise<unknown>): Promise<{ page: Page; requests: string[]; workers: string[]; errors: string[] }> {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const workers: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('worker', (worker) => {
      workers.push(worker.url());
      worker.on('console', (message) => {
        if (message.type() === 'error') errors.push(`worker : ${message.text()}`);
      });
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP : ${event.effectiveDirective} ${event.blockedURI}`));
    });
    await setUp?.(page);
    await page.goto(url);
    expect(errors).toEqual([]);
    return { page, requests, workers, errors };
  }

  async function outcomeOf(page: Page): Promise<{ title: string; lines: string[] }> {
    const title = page.locator('#outcome h2');
    await title.waitFor();
    const text = await page.locator('#outcome').innerText();
    return { title: await title.innerText(), lines: text.split('\n').map((line) => line.trim()).filter((line) => line !== '') };
  }

  type Checked = { title: string; lines: string[]; requests: string[]; workers: string[]; errors: string[] };

  /** Picks `file` with the file button of the page at `url` (after typing the announced fingerprint and seed, if any). */
  async function check(file: string, announced?: string, seed?: string, url = pageUrl, setUp?: (page: Page) => Promise<unknown>): Promise<Checked> {
    const { page, requests, workers, errors } = await openPage(url, setUp);
    try {
      if (announced !== undefined) await page.fill('#announced-fingerprint', announced);
      if (seed !== undefined) await page.fill('#announced-seed', seed);
      await page.setInputFiles('#record-file', file);
      return { ...(await outcomeOf(page)), requests, workers, errors };
    } finally {
      await page.close();
    }
  }

  /** Every line of the CLI's report (or refusal) is on the page, checked in the page's worker, and nothing left the browser. */
  async function expectSameAsCli(file: string, announced?: string, seed?: string): Promise<Checked> {
    const [page, expected] = await Promise.all([check(file, announced, seed), cliLines(file, announced, seed)]);
    for (const line of expected.lines) expect(page.lines).toContain(line);
    // The check ran in one worker made from the page's own script (issue 15 §4), from a blob: URL (no network request,
    // which Playwright reports or not): nothing but the page itself was asked for, the record never left the browser.
    // No error, no policy violation.
    expect(page.workers).toEqual([expect.stringMatching(/^blob:null\//)]);
    expect(page.requests.filter((url) => !url.startsWith('blob:'))).toEqual([pageUrl]);
    expect(page.errors).toEqual([]);
    return page;
  }

  test('the example record: « Registre conforme », with its fingerprint and seed, as the CLI says', async () => {
    const page = await expectSameAsCli(files.example);
    expect(page.title).toBe('Registre conforme');
    expect(page.lines).toContain(`Empreinte des candidatures : ${fingerprint}`);
    expect(page.lines).toContain(`Graine publique : « ${SEED} »`);
  });

  test('dropped on the page rather than picked: the same verdict', async () => {
    const { page } = await openPage();
    try {
      const bytes = [...readFileSync(files.example)];
      await page.evaluate((content) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(content)], 'registre-exemple.xlsx'));
        const target = document.getElementById('drop-zone') as HTMLElement;
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, bytes);
      expect((await outcomeOf(page)).title).toBe('Registre conforme');
    } finally {
      await page.close();
    }
  });

  test('one name edited: « NON conforme », with the cell, the expected and the found name', async () => {
    const page = await expectSameAsCli(files.edited);
    expect(page.title).toBe('Registre NON conforme');
    expect(page.lines).toContain(`Tirage, cellule ${editedCell} : attendu « Lefèvre », trouvé « Lefebvre ».`);
  });

  const withLibreOffice = requireLibreOffice() ? test : test.skip;
  withLibreOffice('the record re-saved by LibreOffice Calc: still conforme', async () => {
    const resaved = resaveXlsx(files.example, join(OUT, 'libreoffice'));
    expect((await expectSameAsCli(resaved)).title).toBe('Registre conforme');
  });

  test.each([
    ['a CSV', EXAMPLE_CSV, 'est un fichier texte (CSV), pas un registre'],
    ['a truncated record', files.truncated, 'est endommagé ou incomplet'],
    ['a workbook that is no record', EXAMPLE_XLSX, 'n’est pas un registre de tirage lisible'],
    ['a decompression bomb', files.bomb, 'dépasse 512 Mo une fois décompressée'],
  ])('%s: refused with the CLI’s French message', async (_what, file, words) => {
    const expected = await cliLines(file);
    expect(expected.code).toBe(2);
    const page = await expectSameAsCli(file);
    expect(page.title).toBe('Vérification impossible');
    expect(page.lines.join('\n')).toContain(words);
  });

  test('the announced fingerprint: the right one is confirmed, a wrong one refused, a mistyped one explained', async () => {
    const right = await expectSameAsCli(files.example, fingerprint.toUpperCase());
    expect(right.title).toBe('Registre conforme');
    expect(right.lines).toContain('Empreinte identique à celle annoncée en séance.');
    const other = fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const wrong = await expectSameAsCli(files.example, other);
    expect(wrong.title).toBe('Registre NON conforme');
    expect(wrong.lines).toContain('Ce tirage correspond à ses données, mais son empreinte n’est pas celle annoncée en séance (ci-dessous).');
    expect(wrong.lines.join('\n')).toContain(`L’empreinte annoncée en séance (${other}) n’est pas celle du tirage consigné (${fingerprint})`);
    expect(wrong.lines.join('\n')).not.toContain('autres différences');
    const mistyped = await expectSameAsCli(files.example, fingerprint.slice(0, 60));
    expect(mistyped.title).toBe('Vérification impossible');
    expect(mistyped.lines.join('\n')).toContain('Empreinte annoncée illisible : 60 chiffres hexadécimaux trouvés, il en faut 64.');
  });

  (withOpenpyxl ? test : test.skip).each(DISGUISES)('issue 15, %s: « NON conforme », the sheet and the cell named, as the CLI says', async (what) => {
    const { file, words } = disguised.get(what) as { file: string; words: string[] };
    const page = await expectSameAsCli(file);
    expect(page.title).toBe('Registre NON conforme');
    for (const word of words) expect(page.lines.join('\n')).toContain(word);
  });

  test('the announced seed: the right one confirmed (read as the draw reads it), a redraw with another seed refused (issue 15 §3)', async () => {
    const right = await expectSameAsCli(files.example, fingerprint, ` ${SEED.replace(' ', '  ')} `);
    expect(right.title).toBe('Registre conforme');
    expect(right.lines).toContain('Graine identique à celle annoncée en séance.');
    const redrawn = await expectSameAsCli(files.redrawn, fingerprint, SEED);
    expect(redrawn.title).toBe('Registre NON conforme');
    expect(redrawn.lines.join('\n')).toContain(`la graine annoncée en séance (« ${SEED} ») n’est pas celle du tirage consigné (« 1 1 1 »)`);
  });

  test('the announced fingerprint typed as the pane shows it, in groups of 8, or over two lines: confirmed (issue 13 §1)', async () => {
    const groups = (fingerprint.match(/.{8}/g) as string[]).join(' ');
    for (const typed of [groups, `${groups.slice(0, 35)}\n${groups.slice(36).toUpperCase()}`]) {
      const page = await expectSameAsCli(files.example, typed);
      expect(page.title).toBe('Registre conforme');
      expect(page.lines).toContain('Empreinte identique à celle annoncée en séance.');
    }
  });

  test.each([1280, 800, 375, 320])('at %i px wide, the fingerprint field shows the whole fingerprint, as typed or in groups', async (width) => {
    const { page } = await openPage();
    try {
      await page.setViewportSize({ width, height: 900 });
      for (const typed of [fingerprint, (fingerprint.match(/.{8}/g) as string[]).join(' ')]) {
        await page.fill('#announced-fingerprint', typed);
        const field = await page.evaluate(() => {
          const node = document.getElementById('announced-fingerprint') as HTMLTextAreaElement;
          return { client: [node.clientWidth, node.clientHeight], scroll: [node.scrollWidth, node.scrollHeight], right: node.getBoundingClientRect().right };
        });
        // Nothing scrolled out of sight, and the field itself within the page.
        expect({ width, typed, scroll: field.scroll }).toEqual({ width, typed, scroll: field.client });
        expect(field.right).toBeLessThanOrEqual(width);
      }
      if (width >= 800) {
        // On a computer, the groups of 8 on one line, as the room saw them: the text, measured in the field's own font, fits its width.
        const { text, content } = await page.evaluate(() => {
          const node = document.getElementById('announced-fingerprint') as HTMLTextAreaElement;
          const style = getComputedStyle(node);
          const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
          context.font = `${style.fontSize} ${style.fontFamily}`;
          return { text: context.measureText(node.value).width, content: node.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
        });
        expect(text).toBeGreaterThan(500);
        expect(text).toBeLessThanOrEqual(content);
      }
    } finally {
      await page.close();
    }
  });

  test('a workbook with two draws: each one shown and checked', async () => {
    const page = await expectSameAsCli(files.twoDraws);
    expect(page.title).toBe('Registre conforme');
    expect(page.lines).toEqual(expect.arrayContaining(['Tirage consigné dans « Données du tirage »', 'Tirage consigné dans « Données du tirage (2) »']));
    expect(page.lines).toContain('Graine publique : « 6 6 6 »');
  });

  test('a record with a member replaced during the mandate: the replacement checked too', async () => {
    const page = await expectSameAsCli(files.replaced);
    expect(page.title).toBe('Registre conforme');
    expect(page.lines).toContain('Remplacements refaits dans l’ordre des dates : « Remplacement »');
  });

  test('a record picked while another is being checked: the first check’s worker is stopped, only the second outcome is shown', async () => {
    const { page, errors } = await openPage(pageUrl, (page) =>
      // Each worker the page makes, numbered: when it starts, answers and is stopped, in the order the page sees them.
      page.addInitScript(() => {
        const log: string[] = [];
        (window as unknown as { workerLog: string[] }).workerLog = log;
        const Real = window.Worker;
        let made = 0;
        window.Worker = class extends Real {
          readonly n = ++made;

          constructor(url: string | URL) {
            super(url);
            log.push(`start ${this.n}`);
            this.addEventListener('message', (event: MessageEvent<{ kind: string }>) => {
              if (event.data.kind !== 'ready') log.push(`answer ${this.n}`);
            });
          }

          override terminate(): void {
            log.push(`stop ${this.n}`);
            super.terminate();
          }
        };
      }),
    );
    try {
      await page.setInputFiles('#record-file', files.large);
      await page.waitForFunction(() => (window as unknown as { workerLog: string[] }).workerLog.includes('start 1'));
      await page.setInputFiles('#record-file', files.example);
      const outcome = await outcomeOf(page);
      expect(outcome.title).toBe('Registre conforme');
      expect(outcome.lines).toContain('Registre : registre-exemple.xlsx');
      expect(await page.evaluate(() => (window as unknown as { workerLog: string[] }).workerLog)).toEqual(['start 1', 'stop 1', 'start 2', 'answer 2', 'stop 2']);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  /** Ways a browser may deny the page its worker, each with the page to open and the workers that start (and fail) on the way. */
  const NO_WORKER: [string, { setUp?: (page: Page) => Promise<unknown>; policyRefuses?: true; workers: number }][] = [
    ['a browser without Worker', { setUp: (page) => page.addInitScript(() => Reflect.deleteProperty(window, 'Worker')), workers: 0 }],
    [
      'a Worker constructor that throws',
      {
        setUp: (page) =>
          page.addInitScript(() => {
            window.Worker = class {
              constructor() {
                throw new DOMException('refusé', 'SecurityError');
              }
            } as unknown as typeof Worker;
          }),
        workers: 0,
      },
    ],
    [
      'a worker that fails before its script has run',
      {
        setUp: (page) =>
          page.addInitScript(() => {
            const Real = window.Worker;
            window.Worker = class extends Real {
              constructor() {
                super(URL.createObjectURL(new Blob(['throw new Error("refusé");'], { type: 'text/javascript' })));
              }
            };
          }),
        workers: 1,
      },
    ],
    ['a policy that refuses blob workers', { policyRefuses: true, workers: 0 }],
  ];

  test.each(NO_WORKER)('%s: the page checks on its own thread, with the same verdicts and lines as the CLI', async (_what, how) => {
    let url = pageUrl;
    if (how.policyRefuses === true) {
      // The page's own script under a policy without `worker-src blob:` (the script's hash is unchanged: only the policy is).
      const file = join(OUT, 'verifier-sans-worker.html');
      const html = readFileSync(distFile('verifier.html'), 'utf8');
      expect(html).toContain('worker-src blob:');
      writeFileSync(file, html.replace('worker-src blob:', "worker-src 'none'"));
      url = pathToFileURL(file).href;
    }
    for (const [file, title] of [
      [files.example, 'Registre conforme'],
      [files.edited, 'Registre NON conforme'],
      [EXAMPLE_CSV, 'Vérification impossible'],
    ]) {
      const [page, expected] = await Promise.all([check(file, undefined, undefined, url, how.setUp), cliLines(file)]);
      expect(page.title).toBe(title);
      for (const line of expected.lines) expect(page.lines).toContain(line);
      expect(page.workers).toHaveLength(how.workers);
      expect(page.requests.filter((request) => !request.startsWith('blob:'))).toEqual([url]);
      if (how.policyRefuses === true) expect(page.errors).toContain('CSP : worker-src blob');
    }
  });

  test('one self-contained file within 400 KB, whose policy runs only its own inline script and loads nothing', async () => {
    const file = distFile('verifier.html');
    expect(statSync(file).size).toBeLessThanOrEqual(400 * 1024);
    const html = readFileSync(file, 'utf8');
    // No file of its own to fetch (script, style sheet, image, font): everything is in the page.
    expect(/<(?:script|img|iframe)\b[^>]*\ssrc=|<link\b|\burl\(/i.test(html)).toBe(false);
    const { page } = await openPage();
    try {
      const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
      const directives = new Map(policy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }));
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
      // The checks' worker, made from the page's own script (src/verifier/backgroundCheck.ts): nothing wider.
      expect(directives.get('worker-src')).toEqual(['blob:']);
      expect(policy).not.toMatch(/unsafe|'self'|\*/);
      const refused = await page.evaluate(async () => {
        const violations: string[] = [];
        const all = new Promise<void>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => {
            violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
            if (violations.length === 2) resolve();
          });
        });
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true;';
        document.head.append(inline);
        const image = document.createElement('img');
        image.src = 'https://exemple.org/pixel.png';
        document.body.append(image);
        await all;
        return { violations, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
      });
      expect(refused.inlineRan).toBe(false);
      expect(refused.violations).toEqual(expect.arrayContaining(['script-src-elem inline', 'img-src https://exemple.org/pixel.png']));
      // A worker made from a blob URL keeps the page's policy (CSP 3, « Initialize a worker's policy container »): it can
      // neither run a string as code, nor load a script, nor send anything.
      const inWorker = await page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const source = `const seen = [];
              self.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective + ' ' + event.blockedURI));
              onmessage = async () => {
                try { eval('1'); } catch (error) {}
                try { importScripts('data:text/javascript,1'); } catch (error) {}
                try { await fetch('https://exemple.org/registre'); } catch (error) {}
                setTimeout(() => postMessage(seen), 100);
              };`;
            const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
            worker.onmessage = (event: MessageEvent<string[]>) => resolve(event.data);
            worker.onerror = (event) => reject(new Error(event.message));
            worker.postMessage('');
          }),
      );
      expect(inWorker).toEqual(expect.arrayContaining(['script-src eval', 'script-src-elem data', 'connect-src https://exemple.org/registre']));
    } finally {
      await page.close();
    }
  });

  test('axe-core finds no violation (serious, critical or other): empty page, conforming, non-conforming, refused', async () => {
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const file of [null, files.example, files.edited, EXAMPLE_CSV]) {
      const { page } = await openPage();
      try {
        if (file !== null) {
          await page.setInputFiles('#record-file', file);
          await outcomeOf(page);
        }
        // Evaluated through the DevTools protocol, which the page's policy does not govern.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
          return result.violations.map((v) => `${v.id} ${v.impact} (${v.nodes.length})`);
        });
        // The issue asks for no serious or critical violation; the page has none of any impact.
        expect([file, violations]).toEqual([file, []]);
      } finally {
        await page.close();
      }
    }
  });

  test('keyboard only: Tab to the file button, pick the record, land on the verdict, type a fingerprint, Enter', async () => {
    const { page } = await openPage();
    try {
      // Waited for before the first key: Playwright starts intercepting file choosers when asked, over the
      // DevTools protocol; asked only as Space is pressed, a loaded machine let the dialog open first, unseen.
      const choosing = page.waitForEvent('filechooser');
      const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
      for (let presses = 0; presses < 10 && (await focused()) !== 'record-file'; presses++) await page.keyboard.press('Tab');
      expect(await focused()).toBe('record-file');
      await page.keyboard.press('Space');
      const chooser = await choosing;
      await chooser.setFiles(files.example);
      expect((await outcomeOf(page)).title).toBe('Registre conforme');
      // The verdict takes the focus, so a screen reader reads it and the keyboard goes on from it.
      expect(await focused()).toBe('outcome-title');
      await page.focus('#record-file');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('announced-fingerprint');
      await page.keyboard.type('0'.repeat(64));
      await page.keyboard.press('Enter');
      await page.locator('#outcome h2', { hasText: 'Registre NON conforme' }).waitFor();
      expect(await page.locator('#outcome').innerText()).toContain(`L’empreinte annoncée en séance (${'0'.repeat(64)}) n’est pas celle du tirage consigné`);
    } finally {
      await page.close();
    }
  });
});
