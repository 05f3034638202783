/**
 * The verifier page's form (verifier.html): a resident drops the published record on the page (or
 * picks it), types what was announced or their receipt if they wish, and sees the outcome. The
 * check itself runs in the background (backgroundCheck.ts): the page reads the fields, keeps a
 * progress line, and draws the answer (render.ts).
 */
import { BackgroundChecker } from './backgroundCheck';
import { OUTCOME_TITLE_ID, renderReceipt, renderRefusal, renderReport } from './render';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`verifier.html n’a pas d’élément #${id}`);
  return node as T;
}

/** Lets the browser paint « Vérification en cours… » before the check, which holds the page a moment where it runs on the page itself. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** `scriptText`: the page's own script, from which the checks' worker is made (null: every check runs on the page). */
export function startPage(scriptText: string | null): void {
  const form = byId<HTMLFormElement>('check-form');
  const fileInput = byId<HTMLInputElement>('record-file');
  const fingerprintInput = byId<HTMLTextAreaElement>('announced-fingerprint');
  const seedInput = byId<HTMLInputElement>('announced-seed');
  const receiptInput = byId<HTMLInputElement>('receipt');
  const dropZone = byId<HTMLDivElement>('drop-zone');
  const announcer = byId<HTMLParagraphElement>('announcer');
  const outcome = byId<HTMLDivElement>('outcome');
  const checker = new BackgroundChecker(scriptText);

  /** The record last chosen or dropped: a new fingerprint is checked against it without choosing it again. */
  let chosen: File | null = null;
  /** Each check's number: a check that ends after a newer one began shows nothing (the newer one will). */
  let latestCheck = 0;

  async function check(file: File): Promise<void> {
    const thisCheck = ++latestCheck;
    const typed = fingerprintInput.value.trim();
    // The seed is read as the draw reads it (core's norm): only a field left blank means « not given ».
    const seed = seedInput.value;
    const receipt = receiptInput.value.trim();
    outcome.replaceChildren();
    outcome.setAttribute('aria-busy', 'true');
    announcer.textContent = `Vérification de « ${file.name} » en cours…`;
    await nextPaint();
    if (thisCheck !== latestCheck) return;
    const answer = await checker.check({
      file,
      request: {
        ...(typed === '' ? {} : { fingerprint: typed }),
        ...(seed.trim() === '' ? {} : { seed }),
        ...(receipt === '' ? {} : { receipt }),
      },
    });
    if (answer === null || thisCheck !== latestCheck) return;
    let shown: HTMLElement;
    if (answer.kind === 'refused') {
      shown = renderRefusal(answer.lines);
      announcer.textContent = '';
    } else {
      shown = renderReport(answer.report);
      if (answer.receipt !== null) shown.append(renderReceipt(answer.receipt));
      announcer.textContent = answer.receipt === null ? answer.report.verdict : `${answer.report.verdict} ${answer.receipt.lines[0]}`;
    }
    outcome.replaceChildren(shown);
    outcome.setAttribute('aria-busy', 'false');
    byId(OUTCOME_TITLE_ID).focus();
  }

  function choose(file: File | undefined): void {
    if (file === undefined) return;
    chosen = file;
    void check(file);
  }

  fileInput.addEventListener('change', () => choose(fileInput.files?.[0]));

  // The fingerprint's field wraps (a text area, so all of it shows on a phone) but is one value: Enter checks, as in a
  // one-line field; a pasted line break is only a separator (core/typedCode.ts). The receipt's field is a plain input,
  // which submits the form on Enter by itself.
  fingerprintInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    form.requestSubmit();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (chosen !== null) void check(chosen);
    else {
      announcer.textContent = 'Choisissez d’abord le registre (classeur .xlsx) à vérifier.';
      fileInput.focus();
    }
  });

  // Dropping anywhere on the page counts: without this, a file dropped beside the frame would be opened by the browser in place of the page.
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('is-dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) dropZone.classList.remove('is-dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('is-dragging');
    choose(event.dataTransfer?.files[0]);
  });
}
