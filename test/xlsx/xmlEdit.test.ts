/**
 * The offset-keeping XML scanner the record writer splices with: every offset must be an exact
 * JavaScript string index, whatever the text holds (prefixes, entities, comments, CDATA, CRLF,
 * characters outside the BMP), and malformed XML must be refused with XmlScanError.
 */
import fc from 'fast-check';
import {
  XmlScanError,
  applySplices,
  attributeByLocalName,
  childrenNamed,
  escapeXml,
  firstChild,
  parseXml,
  startTag,
  type XmlElement,
} from '../../src/xlsx/xmlEdit';

/** An element as plain data (attributes as entries), children included. */
interface Plain {
  name: string;
  local: string;
  prefix: string;
  attributes: [string, string][];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: Plain[];
}

function plain(element: XmlElement): Plain {
  return { ...element, attributes: [...element.attributes], children: element.children.map(plain) };
}

/** What the offsets cut out of the text: the start tag, the content, the end tag. */
interface Cut {
  open: string;
  inner: string;
  close: string;
  children: Cut[];
}

function cut(text: string, element: XmlElement): Cut {
  return {
    open: text.slice(element.start, element.openEnd),
    inner: text.slice(element.openEnd, element.closeStart),
    close: text.slice(element.closeStart, element.end),
    children: element.children.map((child) => cut(text, child)),
  };
}

describe('parseXml offsets', () => {
  it('gives the exact offsets of nested and self-closing elements', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="urn:main"><sheets><sheet name="A" sheetId="1"/><sheet name="B"></sheet></sheets><calcPr/></workbook>';
    const root = parseXml(text);
    expect(plain(root)).toEqual({
      name: 'workbook',
      local: 'workbook',
      prefix: '',
      attributes: [['xmlns', 'urn:main']],
      start: text.indexOf('<workbook'),
      openEnd: text.indexOf('<sheets>'),
      closeStart: text.indexOf('</workbook>'),
      end: text.length,
      selfClosing: false,
      children: [
        {
          name: 'sheets',
          local: 'sheets',
          prefix: '',
          attributes: [],
          start: text.indexOf('<sheets>'),
          openEnd: text.indexOf('<sheet '),
          closeStart: text.indexOf('</sheets>'),
          end: text.indexOf('<calcPr/>'),
          selfClosing: false,
          children: [
            {
              name: 'sheet',
              local: 'sheet',
              prefix: '',
              attributes: [
                ['name', 'A'],
                ['sheetId', '1'],
              ],
              start: text.indexOf('<sheet '),
              openEnd: text.indexOf('<sheet name="B"'),
              closeStart: text.indexOf('<sheet name="B"'),
              end: text.indexOf('<sheet name="B"'),
              selfClosing: true,
              children: [],
            },
            {
              name: 'sheet',
              local: 'sheet',
              prefix: '',
              attributes: [['name', 'B']],
              start: text.indexOf('<sheet name="B"'),
              openEnd: text.indexOf('</sheet>'),
              closeStart: text.indexOf('</sheet>'),
              end: text.indexOf('</sheets>'),
              selfClosing: false,
              children: [],
            },
          ],
        },
        {
          name: 'calcPr',
          local: 'calcPr',
          prefix: '',
          attributes: [],
          start: text.indexOf('<calcPr/>'),
          openEnd: text.indexOf('</workbook>'),
          closeStart: text.indexOf('</workbook>'),
          end: text.indexOf('</workbook>'),
          selfClosing: true,
          children: [],
        },
      ],
    });
  });

  it('splits prefixed names (x:sheet) and finds attributes by local name', () => {
    const text =
      '<x:workbook xmlns:x="urn:main" xmlns:r="urn:rel"><x:sheets><x:sheet name="Tirage" sheetId="3" r:id="rId7"/></x:sheets></x:workbook>';
    const root = parseXml(text);
    expect([root.name, root.local, root.prefix]).toEqual(['x:workbook', 'workbook', 'x']);
    const sheets = firstChild(root, 'sheets') as XmlElement;
    const [sheet] = childrenNamed(sheets, 'sheet');
    expect([sheet.name, sheet.local, sheet.prefix, sheet.selfClosing]).toEqual(['x:sheet', 'sheet', 'x', true]);
    expect(attributeByLocalName(sheet, 'id')).toBe('rId7');
    expect(sheet.attributes.get('r:id')).toBe('rId7');
    expect(cut(text, root)).toEqual({
      open: '<x:workbook xmlns:x="urn:main" xmlns:r="urn:rel">',
      inner: '<x:sheets><x:sheet name="Tirage" sheetId="3" r:id="rId7"/></x:sheets>',
      close: '</x:workbook>',
      children: [
        {
          open: '<x:sheets>',
          inner: '<x:sheet name="Tirage" sheetId="3" r:id="rId7"/>',
          close: '</x:sheets>',
          children: [{ open: '<x:sheet name="Tirage" sheetId="3" r:id="rId7"/>', inner: '', close: '', children: [] }],
        },
      ],
    });
  });

  it('decodes entities and character references in attribute values, in document order', () => {
    const text =
      '<a z="&amp;&lt;&gt;&quot;&apos;" y=\'say "hi" > there\' x="&#233;&#xE9;&#x1F600;&#128512;" w="it&apos;s" v="&#10;&#9;"/>';
    const root = parseXml(text);
    expect([...root.attributes]).toEqual([
      ['z', '&<>"\''],
      ['y', 'say "hi" > there'],
      ['x', 'éé😀😀'],
      ['w', "it's"],
      ['v', '\n\t'],
    ]);
    expect([root.start, root.openEnd, root.end]).toEqual([0, text.length, text.length]);
  });

  it('skips comments, processing instructions and CDATA sections, even when they hold markup', () => {
    const text =
      '<?xml version="1.0"?><!-- <fake/> --><?mso-application progid="Excel.Sheet"?>' +
      '<root><!-- <b>not</b> --><?pi <c/> ?><![CDATA[<d>x</d> & ]]><e/>text &amp; more<f><![CDATA[]]></f></root>' +
      '<!-- after --><?after?>';
    const root = parseXml(text);
    expect(root.children.map((child) => child.name)).toEqual(['e', 'f']);
    expect(cut(text, root)).toEqual({
      open: '<root>',
      inner: text.slice(text.indexOf('<root>') + 6, text.indexOf('</root>')),
      close: '</root>',
      children: [
        { open: '<e/>', inner: '', close: '', children: [] },
        { open: '<f>', inner: '<![CDATA[]]>', close: '</f>', children: [] },
      ],
    });
    expect(root.end).toBe(text.indexOf('<!-- after -->'));
  });

  it('counts characters outside the BMP as two JavaScript string units', () => {
    const text = '<sst count="2" uniqueCount="2"><si><t>😀 Émile 𝄞</t></si><si><t a="🎲">x</t></si></sst>';
    expect([...text].length).toBeLessThan(text.length); // the emoji really are surrogate pairs
    const root = parseXml(text);
    const [first, second] = childrenNamed(root, 'si');
    expect([first.start, first.end]).toEqual([text.indexOf('<si>'), text.indexOf('<si><t a=')]);
    expect([second.start, second.openEnd, second.closeStart, second.end]).toEqual([
      text.indexOf('<si><t a='),
      text.indexOf('<t a='),
      text.lastIndexOf('</si>'),
      text.indexOf('</sst>'),
    ]);
    const t = firstChild(second, 't') as XmlElement;
    expect(t.attributes.get('a')).toBe('🎲');
    expect(text.slice(t.openEnd, t.closeStart)).toBe('x');
    expect(root.end).toBe(text.length);
  });

  it('keeps raw offsets across CRLF line ends and whitespace inside tags', () => {
    const text = '<?xml version="1.0"?>\r\n<a\r\n  b = "1"\r\n\t c=\'2\'  >\r\n  <d\r\n/>\r\n</a\r\n >\r\n';
    const root = parseXml(text);
    expect(cut(text, root)).toEqual({
      open: '<a\r\n  b = "1"\r\n\t c=\'2\'  >',
      inner: '\r\n  <d\r\n/>\r\n',
      close: '</a\r\n >',
      children: [{ open: '<d\r\n/>', inner: '', close: '', children: [] }],
    });
    expect([...root.attributes]).toEqual([
      ['b', '1'],
      ['c', '2'],
    ]);
  });

  it('reads a comment whose text starts with ">" as a comment, markup inside included', () => {
    // "<!-->" opens a comment, it does not close one.
    const text = '<a><!-->x<b/>--><c/></a>';
    const root = parseXml(text);
    expect(root.children.map((child) => [child.name, child.start])).toEqual([['c', text.indexOf('<c/>')]]);
  });

  it('normalizes whitespace written as such in an attribute value, not as a character reference', () => {
    // XML 1.0 §3.3.3: a literal tab, line feed or CR LF in an attribute value reads as one space.
    expect([...parseXml('<a x="l1\r\nl2\tt" y="l1&#10;l2&#9;t"/>').attributes]).toEqual([
      ['x', 'l1 l2 t'],
      ['y', 'l1\nl2\tt'],
    ]);
  });

  it('gives the offsets of any generated document, whatever it holds', () => {
    fc.assert(
      fc.property(documentArb, ({ text, expected }) => {
        expect(plain(parseXml(text))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseXml refusals', () => {
  it.each([
    ['an empty text', ''],
    ['text without an element', 'just text'],
    ['an unclosed element', '<a><b/>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an end tag of another element', '<a></b>'],
    ['a stray end tag', '<a></a></a>'],
    ['an end tag first', '</a>'],
    ['two root elements', '<a/><b/>'],
    ['an unterminated comment', '<a><!-- x</a>'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>'],
    ['an unterminated processing instruction', '<?xml version="1.0"'],
    ['an unterminated start tag', '<a x="1"'],
    ['an unterminated end tag', '<a></a'],
    ['an unterminated attribute value', '<a x="1/>'],
    ['a DOCTYPE declaration', '<!DOCTYPE a><a/>'],
    ['a DOCTYPE with entity definitions', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
  ])('refuses %s', (_, text) => {
    expect(() => parseXml(text)).toThrow(XmlScanError);
  });

  it.each([
    ['an unquoted attribute value', '<a x=1/>'],
    ['attributes without whitespace between them', '<a b="1"c="2"/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['"<" in an attribute value', '<a x="<"/>'],
    ['an undefined entity in text', '<a>&nbsp;</a>'],
    ['an undefined entity in an attribute value', '<a x="&nbsp;"/>'],
    ['a character reference to a character XML forbids', '<a x="&#0;"/>'],
    ['a character XML forbids', '<a>\u0001</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['text before the root element', 'x<a/>'],
    ['text after the root element', '<a/>x'],
    ['an XML declaration that is not at the start', '<a><?xml version="1.0"?></a>'],
  ])('refuses %s, like any conformant parser', (_, text) => {
    expect(() => parseXml(text)).toThrow(XmlScanError);
  });

  it('says where the error is', () => {
    expect(() => parseXml('<workbook>\n  <sheets>\n</workbook>')).toThrow(/^3:11: unexpected close tag/);
  });
});

describe('editing helpers', () => {
  it('rebuilds a start tag with attributes replaced, added or removed, escaped', () => {
    const text = '<x:sheet name="A &amp; B" sheetId="1" state="hidden"/>';
    const sheet = parseXml(`<x:sheets xmlns:x="urn:main">${text}</x:sheets>`).children[0];
    expect(startTag(sheet, {})).toBe('<x:sheet name="A &amp; B" sheetId="1" state="hidden"/>');
    expect(startTag(sheet, { state: undefined, name: 'C<"\'>', 'r:id': 'rId2' }, false)).toBe(
      '<x:sheet name="C&lt;&quot;&apos;&gt;" sheetId="1" r:id="rId2">',
    );
    expect(escapeXml('a&b<c>"d\'')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
  });

  it('applies splices in offset order, insertions before a replacement at the same offset', () => {
    expect(
      applySplices('0123456789', [
        { start: 2, end: 4, text: 'R' },
        { start: 2, end: 2, text: 'i1' },
        { start: 8, end: 8, text: 'e' },
        { start: 2, end: 2, text: 'i2' },
      ]),
    ).toBe('01i1i2R4567e89');
    expect(() =>
      applySplices('0123', [
        { start: 0, end: 2, text: '' },
        { start: 1, end: 3, text: '' },
      ]),
    ).toThrow(XmlScanError);
  });
});

// --- generated documents -------------------------------------------------------------------

interface GenElement {
  name: string;
  attributes: [string, string][];
  /** Whitespace before each attribute (at least one character). */
  spaces: string[];
  quote: '"' | "'";
  /** Every non-ASCII character of attribute values written as a character reference. */
  numeric: boolean;
  beforeEnd: string;
  selfClosing: boolean;
  closeSpace: string;
  /** Elements, and strings of other content (text, comments, PIs, CDATA) written as they are. */
  content: (GenElement | string)[];
}

const space = fc.constantFrom(' ', '\t', '\n', '\r\n', '  ', '\r\n\t');
const optionalSpace = fc.constantFrom('', '', ' ', '\n', '\r\n ');
const char = fc.constantFrom('a', 'Z', ' ', 'é', '中', '😀', '𝄞', '&', '<', '>', '"', "'", ']', '\n', '\t', '\r\n', '=', '/');
const chars = fc.array(char, { maxLength: 8 }).map((list) => list.join(''));

function attributeValue(value: string, numeric: boolean): string {
  const escaped = escapeXml(value).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return numeric ? escaped.replace(/[^\x20-\x7e]/gu, (ch) => `&#x${(ch.codePointAt(0) as number).toString(16)};`) : escaped;
}

const comment = chars.map((s) => `<!-- ${s} <x/> -->`);
const pi = chars.map((s) => `<?mso-application ${s}?>`);
const misc = fc.oneof(
  chars.map((s) => escapeXml(s)),
  comment,
  pi,
  chars.map((s) => `<![CDATA[<y a="1"/>${s.replace(/>/g, '')}]]>`),
);

const { element: elementArb } = fc.letrec<{ element: GenElement; content: GenElement | string }>((tie) => ({
  element: fc.record({
    name: fc.constantFrom('sheet', 'x:sheet', 'si', 't', 'Relationship', 'é', 'a.b-c_1', 'mc:AlternateContent'),
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom('name', 'sheetId', 'r:id', 'xmlns', 'xmlns:x', 'Target', 'val'), chars), {
      selector: ([name]) => name,
      maxLength: 4,
    }),
    spaces: fc.array(space, { minLength: 4, maxLength: 4 }),
    quote: fc.constantFrom<'"' | "'">('"', "'"),
    numeric: fc.boolean(),
    beforeEnd: optionalSpace,
    selfClosing: fc.nat(2).map((n) => n === 0),
    closeSpace: optionalSpace,
    content: fc.array(tie('content'), { maxLength: 4 }),
  }),
  content: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'xml' },
    { arbitrary: misc, weight: 1 },
    { arbitrary: tie('element'), weight: 2 },
  ) as fc.Arbitrary<GenElement | string>,
}));

/** Writes the element and returns what parseXml must give for it. */
function write(element: GenElement, out: { text: string }): Plain {
  const start = out.text.length;
  out.text += `<${element.name}`;
  element.attributes.forEach(([name, value], i) => {
    out.text += `${element.spaces[i]}${name}=${element.quote}${attributeValue(value, element.numeric)}${element.quote}`;
  });
  out.text += element.beforeEnd + (element.selfClosing ? '/>' : '>');
  const openEnd = out.text.length;
  const children: Plain[] = [];
  if (!element.selfClosing) {
    for (const item of element.content) {
      if (typeof item === 'string') out.text += item;
      else children.push(write(item, out));
    }
  }
  const closeStart = out.text.length;
  if (!element.selfClosing) out.text += `</${element.name}${element.closeSpace}>`;
  const colon = element.name.indexOf(':');
  return {
    name: element.name,
    local: element.name.slice(colon + 1),
    prefix: colon < 0 ? '' : element.name.slice(0, colon),
    attributes: element.attributes,
    start,
    openEnd,
    closeStart,
    end: out.text.length,
    selfClosing: element.selfClosing,
    children,
  };
}

const documentArb = fc
  .record({
    declaration: fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', '<?xml version="1.0"?>'),
    before: fc.array(fc.oneof(comment, pi, space), { maxLength: 3 }),
    root: elementArb,
    after: fc.array(fc.oneof(comment, pi, space), { maxLength: 3 }),
  })
  .map(({ declaration, before, root, after }) => {
    const out = { text: declaration + before.join('') };
    const expected = write(root, out);
    out.text += after.join('');
    return { text: out.text, expected };
  });
