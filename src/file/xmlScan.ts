/**
 * A minimal, offset-keeping XML scanner for the parts of an .xlsx package that the record writer
 * edits in place (workbook, relationships, content types, styles, shared strings). It finds
 * elements and their attributes and remembers where each one starts and ends in the text, so an
 * edit splices new text in and leaves every other byte of the part as it was. It is not a general
 * XML parser: no DTDs, no entity definitions (OOXML parts have neither).
 */

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

/** The document's root element, with every descendant element. */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      i = after(text, '?>', lt);
    } else if (text.startsWith('<!--', lt)) {
      i = after(text, '-->', lt);
    } else if (text.startsWith('<![CDATA[', lt)) {
      i = after(text, ']]>', lt);
    } else if (text.startsWith('<!', lt)) {
      throw new XmlScanError('DOCTYPE declarations are not expected in an OOXML part');
    } else if (text[lt + 1] === '/') {
      const gt = text.indexOf('>', lt);
      if (gt < 0) throw new XmlScanError('unterminated end tag');
      const name = text.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlScanError(`mismatched end tag </${name}>`);
      open.closeStart = lt;
      open.end = gt + 1;
      i = gt + 1;
    } else {
      const gt = tagEnd(text, lt);
      const selfClosing = text[gt - 1] === '/';
      const body = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new XmlScanError('element without a name');
      const name = nameMatch[0];
      const colon = name.indexOf(':');
      const element: XmlElement = {
        name,
        local: colon < 0 ? name : name.slice(colon + 1),
        prefix: colon < 0 ? '' : name.slice(0, colon),
        attributes: parseAttributes(body.slice(name.length)),
        start: lt,
        openEnd: gt + 1,
        closeStart: gt + 1,
        end: gt + 1,
        selfClosing,
        children: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlScanError('more than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      i = gt + 1;
    }
  }
  if (!root) throw new XmlScanError('no root element');
  if (stack.length > 0) throw new XmlScanError(`unclosed element <${stack[stack.length - 1].name}>`);
  return root;
}

function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new XmlScanError(`unterminated ${marker}`);
  return at + marker.length;
}

/** Offset of the '>' closing the tag that starts at `lt`, quotes respected. */
function tagEnd(text: string, lt: number): number {
  let quote = '';
  for (let j = lt + 1; j < text.length; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return j;
    }
  }
  throw new XmlScanError('unterminated start tag');
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    attributes.set(m[1], decodeXml(m[2] ?? m[3]));
  }
  return attributes;
}

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
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
