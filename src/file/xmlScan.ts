/**
 * An offset-keeping view of the parts of an .xlsx package that the record writer edits in place
 * (workbook, relationships, content types, styles, shared strings). It finds elements and their
 * attributes and remembers where each one starts and ends in the text, so an edit splices new text
 * in and leaves every other byte of the part as it was. The parsing itself is saxes's (a strict,
 * conformant SAX parser): this module only records the positions it reports. No DTDs (OOXML parts
 * have none); namespaces are not resolved, names are kept as written.
 */

import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Qualified name as written ("sheet", "x:sheet"). */
  name: string;
  /** Name without its prefix. */
  local: string;
  /** Prefix without the colon ("" when none). */
  prefix: string;
  /** Attribute values, entities decoded, in document order. */
  attributes: Map<string, string>;
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just after the start tag's '>'. */
  openEnd: number;
  /** Offset of '</' of the end tag (= openEnd for an empty-element tag). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
}

export class XmlScanError extends Error {}

/**
 * The document's root element, with every descendant element. Throws XmlScanError unless the text
 * is a well-formed XML document without a DOCTYPE.
 *
 * Offsets are JavaScript string indices (UTF-16 code units, like `parser.position`, which counts
 * raw units of the text fed to it: a CR LF pair or a surrogate pair counts two). saxes reports the
 * position after the character it has just read; the two offsets it cannot report directly, the
 * '<' of a start or end tag, are found by looking back for '<', which neither a name, whitespace
 * nor a (well-formed) attribute value can hold.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let start = 0;
  parser.on('error', (error) => {
    throw new XmlScanError(error.message);
  });
  parser.on('doctype', () => {
    throw new XmlScanError('DOCTYPE declarations are not expected in an OOXML part');
  });
  // Reported once the name has been read, with the character that ends it.
  parser.on('opentagstart', () => {
    start = text.lastIndexOf('<', parser.position - 1);
  });
  // Reported just after the start tag's '>' (for an empty-element tag, its "/>").
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const openEnd = parser.position;
    const element: XmlElement = {
      name: tag.name,
      local: colon < 0 ? tag.name : tag.name.slice(colon + 1),
      prefix: colon < 0 ? '' : tag.name.slice(0, colon),
      attributes: new Map(Object.entries(tag.attributes)),
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!element.selfClosing) stack.push(element);
  });
  // Reported just after the end tag's '>' (right after "opentag" for an empty-element tag).
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const element = stack.pop() as XmlElement;
    element.end = parser.position;
    element.closeStart = text.lastIndexOf('<', element.end - 1);
  });
  parser.write(text).close();
  if (!root) throw new XmlScanError('no root element');
  return root;
}

/** Text or attribute value → XML, quotes included so the result fits both. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);
}

export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.local === local);
}

export function firstChild(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((child) => child.local === local);
}

/** The value of the attribute whose local name is `local`, whatever its prefix ("r:id", "id"). */
export function attributeByLocalName(element: XmlElement, local: string): string | undefined {
  for (const [name, value] of element.attributes) {
    if (name === local || name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}

/** A start tag with the same name and attributes, some replaced or added (undefined removes). */
export function startTag(element: XmlElement, changes: Record<string, string | undefined>, selfClosing = element.selfClosing): string {
  const attributes = new Map(element.attributes);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) attributes.delete(name);
    else attributes.set(name, value);
  }
  const text = [...attributes].map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
  return `<${element.name}${text}${selfClosing ? '/>' : '>'}`;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping replacements. At one offset, insertions (empty ranges) come before a
 * replacement that starts there, and keep the order they were given in.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((splice, order) => ({ ...splice, order }))
    .sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.order - b.order);
  let result = '';
  let at = 0;
  for (const splice of ordered) {
    if (splice.start < at) throw new XmlScanError('overlapping edits');
    result += text.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return result + text.slice(at);
}
