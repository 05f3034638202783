/**
 * An offset-keeping view of the parts of an .xlsx package that the package editor changes in place
 * (workbook, relationships, content types, styles, shared strings). It finds elements and their
 * attributes and remembers where each one starts and ends in the text, so an edit splices new text
 * in and leaves every other byte of the part as it was. The parsing itself is saxes's, set up as
 * for reading (xmlStream.ts): this module only records the positions it reports. Namespaces are
 * not resolved, names are kept as written.
 */

import { strictParser } from './xmlStream';
import { escapeXml, withPrefix } from './xmlText';

export { escapeXml, withPrefix };

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
 * The document's root element, with its descendant elements down to `depth` levels below it (all
 * of them by default; a shared-string table of a large workbook needs only its root's children).
 * Throws XmlScanError unless the text is a well-formed XML document without a DOCTYPE.
 *
 * Offsets are JavaScript string indices (UTF-16 code units, like `parser.position`, which counts
 * raw units of the text fed to it: a CR LF pair or a surrogate pair counts two). saxes reports the
 * position after the character it has just read; the two offsets it cannot report directly, the
 * '<' of a start or end tag, are found by looking back for '<', which neither a name, whitespace
 * nor a (well-formed) attribute value can hold.
 */
export function parseXml(text: string, depth = Infinity): XmlElement {
  const parser = strictParser((error) => {
    throw new XmlScanError(error.message);
  });
  const stack: XmlElement[] = [];
  /** Elements open below `depth`, not recorded. */
  let unrecorded = 0;
  let root: XmlElement | undefined;
  let start = 0;
  // Reported once the name has been read, with the character that ends it.
  parser.on('opentagstart', () => {
    start = text.lastIndexOf('<', parser.position - 1);
  });
  // Reported just after the start tag's '>' (for an empty-element tag, its "/>").
  parser.on('opentag', (tag) => {
    if (stack.length > depth || unrecorded > 0) {
      if (!tag.isSelfClosing) unrecorded++;
      return;
    }
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
    if (unrecorded > 0) {
      unrecorded--;
      return;
    }
    const element = stack.pop() as XmlElement;
    element.end = parser.position;
    element.closeStart = text.lastIndexOf('<', element.end - 1);
  });
  parser.write(text).close();
  if (!root) throw new XmlScanError('no root element');
  return root;
}

/** Text or attribute value → XML, quotes included so the result fits both. */
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

/**
 * Elements added to a part are written without a prefix. When the part's root uses a prefix for
 * their namespace and declares no default one (some .NET writers do: <x:workbook>), the new
 * elements take that prefix too.
 */
export function elementPrefix(root: XmlElement, namespace: string): string {
  if (root.attributes.get('xmlns') === namespace) return '';
  for (const [name, value] of root.attributes) if (name.startsWith('xmlns:') && value === namespace) return name.slice(6);
  return '';
}


/** A place left in an edited part for streamed content (see EditedPart.split); U+0000, which no XML document holds. */
export const GAP = '\u0000';

/**
 * A part being edited: its text as read, its elements, and the splices collected so far, each of
 * which adds to the text or replaces one element. The other bytes stay as they were.
 */
export class EditedPart {
  readonly root: XmlElement;
  private readonly splices: Splice[] = [];

  /** `depth` as for parseXml. */
  constructor(
    readonly name: string,
    readonly text: string,
    depth = Infinity,
  ) {
    this.root = parseXml(text, depth);
  }

  get changed(): boolean {
    return this.splices.length > 0;
  }

  /** The prefix new elements of `namespace` take in this part (see elementPrefix). */
  prefix(namespace: string): string {
    return elementPrefix(this.root, namespace);
  }

  /** Appends `fragments` as the last children of `element` (opened if it was empty), its start tag changed by `changes`. */
  append(element: XmlElement, fragments: string, changes: Record<string, string | undefined> = {}): void {
    if (element.selfClosing) {
      this.splices.push({ start: element.start, end: element.end, text: `${startTag(element, changes, false)}${fragments}</${element.name}>` });
      return;
    }
    this.splices.push({ start: element.closeStart, end: element.closeStart, text: fragments });
    if (Object.keys(changes).length > 0) this.splices.push({ start: element.start, end: element.openEnd, text: startTag(element, changes) });
  }

  insert(at: number, text: string): void {
    this.splices.push({ start: at, end: at, text });
  }

  /** `element` replaced by `text` ('' removes it). */
  replace(element: XmlElement, text: string): void {
    this.splices.push({ start: element.start, end: element.end, text });
  }

  result(): string {
    return applySplices(this.text, this.splices);
  }

  /**
   * The edited text split where the one GAP inserted by the edits is: so that content too large
   * for one string can be streamed in between.
   */
  split(): [string, string] {
    const text = this.result();
    const at = text.indexOf(GAP);
    if (at < 0 || text.indexOf(GAP, at + 1) >= 0) throw new XmlScanError('split: one gap expected');
    return [text.slice(0, at), text.slice(at + 1)];
  }
}
