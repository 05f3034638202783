/**
 * verifier.html: a resident drops the published record on the page (or picks it) — the record, or
 * the public record of a sealed draw (`tirage-cln/2`) — and the page checks it in the browser: the
 * CLI's reader (src/xlsx) and verify (src/verification, core), so the same verdict and the same
 * French messages. A candidate types their receipt to see their own line. Nothing leaves the
 * browser: the page's policy refuses any network request, and the file is read with the File API.
 */
import { checkWorkbook, readCheckRequest } from '../verification/checkWorkbook';
import { readWorkbookSheetsFromBytes, refuseLargeFile } from '../xlsx/open';
import { OUTCOME_TITLE_ID, renderReceipt, renderRefusal, renderReport } from './render';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`verifier.html n’a pas d’élément #${id}`);
  return node as T;
}

const form = byId<HTMLFormElement>('check-form');
const fileInput = byId<HTMLInputElement>('record-file');
const fingerprintInput = byId<HTMLTextAreaElement>('announced-fingerprint');
const receiptInput = byId<HTMLInputElement>('receipt');
const dropZone = byId<HTMLDivElement>('drop-zone');
const announcer = byId<HTMLParagraphElement>('announcer');
const outcome = byId<HTMLDivElement>('outcome');

/** The record last chosen or dropped: a new fingerprint is checked against it without choosing it again. */
let chosen: File | null = null;
/** Each check's number: a check that ends after a newer one began shows nothing (the newer one will). */
let latestCheck = 0;

/** Lets the browser paint « Vérification en cours… » before the check, which holds the page a moment. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function check(file: File): Promise<void> {
  const thisCheck = ++latestCheck;
  const typed = fingerprintInput.value.trim();
  const receipt = receiptInput.value.trim();
  outcome.replaceChildren();
  outcome.setAttribute('aria-busy', 'true');
  announcer.textContent = `Vérification de « ${file.name} » en cours…`;
  await nextPaint();
  if (thisCheck !== latestCheck) return;
  let shown: HTMLElement;
  try {
    const request = readCheckRequest(file.name, { ...(typed === '' ? {} : { fingerprint: typed }), ...(receipt === '' ? {} : { receipt }) });
    refuseLargeFile(file.size, file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (thisCheck !== latestCheck) return;
    const outcome = checkWorkbook(readWorkbookSheetsFromBytes(bytes, file.name), file.name, request);
    shown = renderReport(outcome.report);
    if (outcome.receipt !== null) shown.append(renderReceipt(outcome.receipt));
    announcer.textContent = outcome.receipt === null ? outcome.report.verdict : `${outcome.report.verdict} ${outcome.receipt.lines[0]}`;
  } catch (error) {
    if (thisCheck !== latestCheck) return;
    shown = renderRefusal(error, file.name);
    announcer.textContent = '';
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
