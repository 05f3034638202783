/**
 * Appending a style sheet's fonts, fills, borders, number formats and cell formats after those of
 * a workbook's style sheet (ECMA-376 §18.8), so that every style index the workbook uses keeps its
 * meaning: nothing of the workbook's own is renumbered, the added items are.
 */

import { firstChild, parseXml, startTag, withPrefix, type EditedPart, type XmlElement } from './xmlEdit';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** CT_Stylesheet's children, in the order the schema requires. */
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** Number formats from this id are the workbook's own; below, Excel's built-in ones (§18.8.30). */
const FIRST_CUSTOM_FORMAT = 164;

function items(root: XmlElement, list: string): XmlElement[] {
  return firstChild(root, list)?.children ?? [];
}

/**
 * Adds the items of `renderedText` (a complete style sheet, without differential formats) to the
 * style sheet being edited; returns the index, in the merged sheet, of each rendered cell format.
 */
export function appendStyles(styles: EditedPart, renderedText: string): (index: number) => number {
  const rendered = parseXml(renderedText);
  if (items(rendered, 'dxfs').length > 0) throw new Error('styleMerge: differential formats (dxfs) in the added style sheet are not supported');
  const input = styles.root;
  const offsets = { fontId: items(input, 'fonts').length, fillId: items(input, 'fills').length, borderId: items(input, 'borders').length };
  const formats = renumberedFormats(input, rendered);
  const fragment = (element: XmlElement) => renderedText.slice(element.start, element.end);
  const additions: [string, string[]][] = [
    ['numFmts', formats.added],
    ['fonts', items(rendered, 'fonts').map(fragment)],
    ['fills', items(rendered, 'fills').map(fragment)],
    ['borders', items(rendered, 'borders').map(fragment)],
    ['cellXfs', shiftedCellFormats(rendered, renderedText, offsets, formats.ids, items(input, 'cellStyleXfs').length > 0)],
  ];
  for (const [list, added] of additions) appendToList(styles, list, added);
  const firstXf = items(input, 'cellXfs').length;
  return (index) => firstXf + index;
}

/** Custom number formats get ids the workbook does not use; built-in ones keep theirs. */
function renumberedFormats(input: XmlElement, rendered: XmlElement): { added: string[]; ids: Map<number, number> } {
  const used = items(input, 'numFmts').map((f) => Number(f.attributes.get('numFmtId') ?? 0));
  let next = used.reduce((a, b) => Math.max(a, b), FIRST_CUSTOM_FORMAT - 1) + 1;
  const ids = new Map<number, number>();
  const added: string[] = [];
  for (const format of items(rendered, 'numFmts')) {
    const id = Number(format.attributes.get('numFmtId'));
    if (id < FIRST_CUSTOM_FORMAT) continue;
    ids.set(id, next);
    added.push(startTag(format, { numFmtId: String(next) }, true));
    next++;
  }
  return { added, ids };
}

/** The rendered cell formats, pointing at the fonts, fills, borders and formats where they now are. */
function shiftedCellFormats(
  rendered: XmlElement,
  renderedText: string,
  offsets: Record<'fontId' | 'fillId' | 'borderId', number>,
  formatIds: Map<number, number>,
  hasStyleXf: boolean,
): string[] {
  return items(rendered, 'cellXfs').map((xf) => {
    const changes: Record<string, string | undefined> = { xfId: hasStyleXf ? '0' : undefined };
    for (const [name, offset] of Object.entries(offsets)) changes[name] = String(Number(xf.attributes.get(name) ?? 0) + offset);
    const formatId = Number(xf.attributes.get('numFmtId') ?? 0);
    const tag = startTag(xf, { numFmtId: String(formatIds.get(formatId) ?? formatId), ...changes }, xf.selfClosing);
    return xf.selfClosing ? tag : `${tag}${renderedText.slice(xf.openEnd, xf.closeStart)}</${xf.name}>`;
  });
}

/** Appends `added` to the list `name` of the style sheet, creating the list where the schema puts it. */
function appendToList(styles: EditedPart, name: string, added: string[]): void {
  if (added.length === 0) return;
  const root = styles.root;
  const prefix = styles.prefix(NS_MAIN);
  const text = withPrefix(added.join(''), prefix);
  const existing = firstChild(root, name);
  if (existing) {
    styles.append(existing, text, { count: String(existing.children.length + added.length) });
    return;
  }
  const qualified = prefix ? `${prefix}:${name}` : name;
  const before = STYLE_ORDER.slice(0, STYLE_ORDER.indexOf(name))
    .map((n) => firstChild(root, n))
    .filter((e): e is XmlElement => e !== undefined)
    .pop();
  styles.insert(before ? before.end : root.openEnd, `<${qualified} count="${added.length}">${text}</${qualified}>`);
}
