/**
 * The verifier page's outcome, drawn from the report src/verification builds for the CLI too: the
 * same sentences, in the same order, as elements. Text is always set as text (a candidate's name
 * could look like markup); the classes carry the colours, since the page's policy forbids style attributes.
 */
import {
  ANNOUNCED_MATCH,
  ANNOUNCED_SEED_MATCH,
  FINGERPRINT_LABEL,
  recordHeading,
  replacementsLine,
  seedLine,
  WORKBOOK_HEADING,
  type DifferenceList,
  type VerifyReport,
} from '../verification/verifyRecord';
import type { ReceiptReport } from '../verification/checkWorkbook';

export const OUTCOME_TITLE_ID = 'outcome-title';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function outcomeSection(kind: 'is-conforming' | 'is-not-conforming' | 'is-refused', title: string): HTMLElement {
  const section = element('section', undefined, `outcome ${kind}`);
  section.setAttribute('aria-labelledby', OUTCOME_TITLE_ID);
  const heading = element('h2', title);
  heading.id = OUTCOME_TITLE_ID;
  // Focus moves to the outcome once it is there, so keyboard and screen-reader users land on it.
  heading.tabIndex = -1;
  section.append(heading);
  return section;
}

function differenceBlock(list: DifferenceList | { verdict: string }): HTMLElement[] {
  if (!('listed' in list)) return [element('p', list.verdict, 'verdict')];
  const items = element('ul');
  for (const difference of list.listed) items.append(element('li', difference));
  return [items, ...(list.more === null ? [] : [element('p', list.more)]), element('p', list.verdict, 'verdict')];
}

/** The verdict, then each draw (fingerprint, seed, differences), then what belongs to no draw. */
export function renderReport(report: Omit<VerifyReport, 'check'>): HTMLElement {
  const section = outcomeSection(report.conforming ? 'is-conforming' : 'is-not-conforming', report.conforming ? 'Registre conforme' : 'Registre NON conforme');
  // With one block the block's own closing line is the verdict; with several, the whole count comes first.
  if (report.records.length + (report.workbook === null ? 0 : 1) > 1) section.append(element('p', report.verdict, 'verdict'));
  section.append(element('p', `Registre : ${report.fileName}`));
  for (const record of report.records) {
    const block = element('section');
    const fingerprint = element('p', `${FINGERPRINT_LABEL} : `);
    fingerprint.append(element('code', record.fingerprint));
    block.append(element('h3', recordHeading(record.dataSheet)), fingerprint);
    // A sealed table published before the draw has no seed yet.
    if (record.publicSeed !== '') block.append(element('p', seedLine(record.publicSeed)));
    if (record.matchesAnnounced) block.append(element('p', ANNOUNCED_MATCH));
    if (record.matchesAnnouncedSeed) block.append(element('p', ANNOUNCED_SEED_MATCH));
    if (record.replacements.length > 0) block.append(element('p', replacementsLine(record.replacements)));
    block.append(...differenceBlock(record.outcome));
    section.append(block);
  }
  if (report.workbook !== null || report.added.length > 0) {
    const block = element('section');
    block.append(element('h3', WORKBOOK_HEADING), ...report.added.map((line) => element('p', line)), ...(report.workbook === null ? [] : differenceBlock(report.workbook)));
    section.append(block);
  }
  return section;
}

/** « Votre ligne »: the candidate's line found with their receipt, or the sentence saying it is nowhere. */
export function renderReceipt(receipt: ReceiptReport): HTMLElement {
  const block = element('section', undefined, receipt.found ? 'receipt is-found' : 'receipt is-missing');
  block.append(element('h3', receipt.found ? 'Votre ligne' : 'Votre reçu'));
  const [first, ...rest] = receipt.lines;
  block.append(element('p', first, 'verdict'));
  if (rest.length > 0) {
    const list = element('ul');
    for (const line of rest) list.append(element('li', line));
    block.append(list);
  }
  return block;
}

/** A file that could not be checked, in the lines checkFile.ts words (the CLI's message, or an unexpected failure). */
export function renderRefusal(lines: readonly string[]): HTMLElement {
  const section = outcomeSection('is-refused', 'Vérification impossible');
  section.setAttribute('role', 'alert');
  for (const line of lines) section.append(element('p', line));
  return section;
}
