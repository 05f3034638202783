/**
 * Adding rendered sheets to a workbook at the package level, so that the workbook's own parts stay
 * byte for byte as they were.
 *
 * Why not let exceljs load the input workbook and save it again? Because exceljs 4.4 re-creates
 * every part from its own model, and that model forgets things a clerk's candidature workbook
 * holds (checked with exceljs 4.4.0):
 * - an Excel table (list object) written by Excel comes back with `headerRowCount="0"` (Excel omits
 *   the attribute when it is 1, exceljs reads "absent" as 0) and with every filter button hidden:
 *   Excel then "repairs" the file on opening and the candidature table loses its header row;
 * - cell comments (notes) are dropped, even those exceljs wrote itself;
 * - charts, pivot tables, slicers, sparklines, form controls, threaded comments, custom document
 *   properties and external links are dropped (exceljs has no model for them);
 * - what it keeps (values, styles, merges, widths, data validation, conditional formatting, defined
 *   names, images) is re-encoded: styles re-indexed, shared strings rebuilt, page set-up given
 *   defaults the file did not have.
 * A record must not alter the candidature sheet, so instead: the record sheets, planned in core
 * (src/core/record/plan.ts), are written here as SpreadsheetML (sheetXml.ts, stylesXml.ts) straight
 * into the input's package, streamed part after part so that 100,000 rows never sit in memory as a
 * workbook model. The input's parts are kept as they are, except four that are extended, never rewritten:
 * the workbook part (new <sheet> entries and print-title names), its relationships, the content
 * types, the style sheet (the record's fonts, fills, borders, formats and cell formats appended
 * after the workbook's own, so every existing style index keeps its meaning) and the shared strings
 * (the record's strings appended). The one deliberate loss: a macro-enabled workbook (.xlsm) loses
 * its VBA project, because the record is a macro-free .xlsx.
 *
 * Strings are encoded with care (exceljs, which drew these sheets before, silently dropped control
 * characters and wrote a literal "_x0041_" as is, which Excel then shows as "A"). Here they follow
 * Excel's escaping (ECMA-376 ST_Xstring): a control character becomes `_x0001_`, and the underscore
 * of a literal `_xHHHH_` becomes `_x005F_`, so every reader gets back exactly the model's text.
 */

import * as path from 'path';
import { Readable } from 'stream';
import JSZip from 'jszip';
import { InputError } from '../core/errors';
import { freeTableName, nameKey } from '../core/record/names';
import type { SheetPlan } from '../core/record/plan';
import { rangeRef, tableXml, utf8, worksheetXml } from './sheetXml';
import { RecordStyleSheet } from './stylesXml';
import { DEFAULT_LIMITS, ZipPackage } from '../xlsx/zip';
import { guarded, notAWorkbook } from './xlsx';
import {
  applySplices,
  attributeByLocalName,
  childrenNamed,
  escapeXml,
  firstChild,
  parseXml,
  startTag,
  type Splice,
  type XmlElement,
  XmlScanError,
} from './xmlScan';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL = {
  officeDocument: `${NS_REL}/officeDocument`,
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  sharedStrings: `${NS_REL}/sharedStrings`,
  table: `${NS_REL}/table`,
  theme: `${NS_REL}/theme`,
  vbaProject: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
};
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};
/** Workbook content types that are not a plain .xlsx workbook (macros, templates). */
const OTHER_WORKBOOK_TYPES = [
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
];
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------------------------------------
// The package (zip) and its relationships

interface Relationship {
  element: XmlElement;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

class Package {
  /** Lower-cased part name → stored name: OPC part names compare without case. */
  private readonly names = new Map<string, string>();

  private constructor(readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.names.set(name.toLowerCase(), name);
  }

  static async open(bytes: Uint8Array, source: string): Promise<Package> {
    // JSZip trusts the sizes a zip declares and would inflate a bomb whole: every part is first
    // inflated once under the package limits (src/xlsx/zip), keeping nothing.
    guarded(bytes, source, 'table', () => ZipPackage.open(bytes, DEFAULT_LIMITS).checkAll());
    try {
      return new Package(await JSZip.loadAsync(bytes));
    } catch {
      throw notAWorkbook(bytes, source);
    }
  }

  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  async text(part: string): Promise<string | undefined> {
    const name = this.names.get(part.toLowerCase());
    return name === undefined ? undefined : this.zip.file(name)?.async('string');
  }

  async bytes(part: string): Promise<Uint8Array | undefined> {
    const name = this.names.get(part.toLowerCase());
    return name === undefined ? undefined : this.zip.file(name)?.async('uint8array');
  }

  /** A stream is read only when the package is generated, one part after another. */
  write(part: string, content: string | Uint8Array | NodeJS.ReadableStream): void {
    const name = this.names.get(part.toLowerCase()) ?? part;
    this.zip.file(name, content);
    this.names.set(part.toLowerCase(), name);
  }

  remove(part: string): void {
    const name = this.names.get(part.toLowerCase());
    if (name === undefined) return;
    this.zip.remove(name);
    this.names.delete(part.toLowerCase());
  }

  /** "xl/worksheets/sheet7.xml": the first free name of that pattern, counting from `from`. */
  freeName(folder: string, stem: string, extension: string, from: number): string {
    for (let n = Math.max(1, from); ; n++) {
      const name = posixJoin(folder, `${stem}${n}${extension}`);
      if (!this.has(name)) return name;
    }
  }

  async relationships(part: string): Promise<{ part: string; text: string; root: XmlElement; list: Relationship[] } | undefined> {
    const relsPart = relsPartOf(part);
    const text = await this.text(relsPart);
    if (text === undefined) return undefined;
    const root = parseXml(text);
    const list = childrenNamed(root, 'Relationship').map((element) => ({
      element,
      id: element.attributes.get('Id') ?? '',
      type: element.attributes.get('Type') ?? '',
      target: element.attributes.get('Target') ?? '',
      external: element.attributes.get('TargetMode') === 'External',
    }));
    return { part: relsPart, text, root, list };
  }
}

function posixJoin(...parts: string[]): string {
  return path.posix.normalize(path.posix.join(...parts)).replace(/^\.\//, '').replace(/^\//, '');
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
function relsPartOf(part: string): string {
  return part === '' ? '_rels/.rels' : posixJoin(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relationship's target as a part name. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return posixJoin(target);
  return posixJoin(sourcePart === '' ? '' : path.posix.dirname(sourcePart), decodeURI(target));
}

function relativeTarget(sourcePart: string, part: string): string {
  return path.posix.relative(path.posix.dirname(sourcePart), part);
}

function freeRelationshipId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * Elements spliced into a part are written without a prefix. When the part's root uses a prefix
 * for its namespace and declares no default one (some .NET writers do: <x:workbook>), the new
 * elements take that prefix too.
 */
function elementPrefix(root: XmlElement, namespace: string): string {
  if (root.attributes.get('xmlns') === namespace) return '';
  for (const [name, value] of root.attributes) if (name.startsWith('xmlns:') && value === namespace) return name.slice(6);
  return '';
}

function withPrefix(fragment: string, prefix: string): string {
  if (prefix === '') return fragment;
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}

/** Splices that append `fragments` as the last children of `element` (open if it was empty). */
function appendChildren(element: XmlElement, fragments: string, changes: Record<string, string | undefined> = {}): Splice[] {
  if (element.selfClosing) {
    return [{ start: element.start, end: element.end, text: `${startTag(element, changes, false)}${fragments}</${element.name}>` }];
  }
  const splices: Splice[] = [{ start: element.closeStart, end: element.closeStart, text: fragments }];
  if (Object.keys(changes).length > 0) splices.push({ start: element.start, end: element.openEnd, text: startTag(element, changes) });
  return splices;
}

// ---------------------------------------------------------------------------------------------
// The workbook part of a package

interface WorkbookInfo {
  part: string;
  text: string;
  root: XmlElement;
  sheets: { name: string; sheetId: number; relId: string }[];
  rels: NonNullable<Awaited<ReturnType<Package['relationships']>>>;
}

async function workbookOf(pkg: Package, source: string): Promise<WorkbookInfo> {
  const unreadable = () => unreadableWorkbook(source);
  const rootRels = await pkg.relationships('').catch(() => undefined);
  const office = rootRels?.list.find((rel) => rel.type === REL.officeDocument || rel.type.endsWith('/officeDocument'));
  if (!office) throw unreadable();
  const part = resolveTarget('', office.target);
  const text = await pkg.text(part);
  if (text === undefined) throw unreadable();
  let root: XmlElement;
  let rels: WorkbookInfo['rels'] | undefined;
  try {
    root = parseXml(text);
    rels = await pkg.relationships(part);
  } catch {
    throw unreadable();
  }
  if (root.local !== 'workbook' || !rels) throw unreadable();
  const namespace = root.attributes.get(root.prefix ? `xmlns:${root.prefix}` : 'xmlns');
  if (namespace !== NS_MAIN) {
    throw new InputError({ code: 'file_unreadable', reason: namespace === NS_STRICT_MAIN ? 'strict_ooxml' : 'not_ordinary_workbook', source });
  }
  const sheetsElement = firstChild(root, 'sheets');
  const sheets = (sheetsElement ? childrenNamed(sheetsElement, 'sheet') : []).map((sheet) => ({
    name: sheet.attributes.get('name') ?? '',
    sheetId: Number(sheet.attributes.get('sheetId') ?? 0),
    relId: attributeByLocalName(sheet, 'id') ?? '',
  }));
  return { part, text, root, sheets, rels };
}

/** The names of every sheet of an .xlsx (worksheets, chart sheets, dialog sheets), in tab order. */
export async function packageSheetNames(bytes: Uint8Array, source: string): Promise<string[]> {
  const pkg = await Package.open(bytes, source);
  return (await workbookOf(pkg, source)).sheets.map((sheet) => sheet.name);
}

// ---------------------------------------------------------------------------------------------
// Styles

interface StylesMerge {
  text: string;
  /** Rendered cell-format index → index in the merged style sheet. */
  xf: (index: number) => number;
}

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/**
 * Appends the rendered workbook's fonts, fills, borders, number formats and cell formats after the
 * input's own. Nothing of the input's style sheet is renumbered.
 */
function mergeStyles(inputText: string, renderedText: string): StylesMerge {
  const input = parseXml(inputText);
  const rendered = parseXml(renderedText);
  const prefix = elementPrefix(input, NS_MAIN);
  const fragment = (element: XmlElement) => renderedText.slice(element.start, element.end);
  const list = (root: XmlElement, name: string) => firstChild(root, name);
  const items = (root: XmlElement, name: string) => list(root, name)?.children ?? [];

  const renderedDxfs = items(rendered, 'dxfs');
  if (renderedDxfs.length > 0) throw new Error('recordPackage: differential formats (dxfs) in rendered sheets are not supported');

  const offsets = {
    fonts: items(input, 'fonts').length,
    fills: items(input, 'fills').length,
    borders: items(input, 'borders').length,
    cellXfs: items(input, 'cellXfs').length,
  };

  // Custom number formats (ids from 164) get ids the input does not use; built-in ones keep theirs.
  const inputFormatIds = items(input, 'numFmts').map((f) => Number(f.attributes.get('numFmtId') ?? 0));
  let nextFormatId = inputFormatIds.reduce((a, b) => Math.max(a, b), 163) + 1;
  const formatIds = new Map<number, number>();
  const newFormats: string[] = [];
  for (const format of items(rendered, 'numFmts')) {
    const id = Number(format.attributes.get('numFmtId'));
    if (id < 164) continue;
    formatIds.set(id, nextFormatId);
    newFormats.push(startTag(format, { numFmtId: String(nextFormatId) }, true));
    nextFormatId++;
  }

  const hasStyleXf = items(input, 'cellStyleXfs').length > 0;
  const newXfs = items(rendered, 'cellXfs').map((xf) => {
    const shifted = (name: 'fontId' | 'fillId' | 'borderId', offset: number) => String(Number(xf.attributes.get(name) ?? 0) + offset);
    const formatId = Number(xf.attributes.get('numFmtId') ?? 0);
    const tag = startTag(
      xf,
      {
        numFmtId: String(formatIds.get(formatId) ?? formatId),
        fontId: shifted('fontId', offsets.fonts),
        fillId: shifted('fillId', offsets.fills),
        borderId: shifted('borderId', offsets.borders),
        xfId: hasStyleXf ? '0' : undefined,
      },
      xf.selfClosing,
    );
    return xf.selfClosing ? tag : `${tag}${renderedText.slice(xf.openEnd, xf.closeStart)}</${xf.name}>`;
  });

  const additions: Record<string, string[]> = {
    numFmts: newFormats,
    fonts: items(rendered, 'fonts').map(fragment),
    fills: items(rendered, 'fills').map(fragment),
    borders: items(rendered, 'borders').map(fragment),
    cellXfs: newXfs,
  };
  const splices: Splice[] = [];
  for (const [name, added] of Object.entries(additions)) {
    if (added.length === 0) continue;
    const text = withPrefix(added.join(''), prefix);
    const existing = list(input, name);
    if (existing) {
      splices.push(...appendChildren(existing, text, { count: String(existing.children.length + added.length) }));
    } else {
      const qualified = prefix ? `${prefix}:${name}` : name;
      const before = STYLE_ORDER.slice(0, STYLE_ORDER.indexOf(name))
        .map((n) => list(input, n))
        .filter((e): e is XmlElement => e !== undefined)
        .pop();
      const at = before ? before.end : input.openEnd;
      splices.push({ start: at, end: at, text: `<${qualified} count="${added.length}">${text}</${qualified}>` });
    }
  }
  return { text: applySplices(inputText, splices), xf: (index) => offsets.cellXfs + index };
}

// ---------------------------------------------------------------------------------------------
// Strings

/**
 * A string as the text of a shared-string item (ECMA-376 §22.9.2.19 ST_Xstring): XML-escaped,
 * characters XML cannot carry written `_xHHHH_`, and a literal `_xHHHH_` protected by `_x005F_`.
 */
export function encodeSharedString(value: string): string {
  const protectedUnderscores = value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  let text = '';
  for (const ch of protectedUnderscores) {
    const code = ch.codePointAt(0) as number;
    const unsafe = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff);
    text += unsafe ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_` : ch;
  }
  const escaped = text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
  const preserve = /^\s|\s$|\n|\t/.test(escaped) ? ' xml:space="preserve"' : '';
  return `<si><t${preserve}>${escaped}</t></si>`;
}

/**
 * The record's strings, appended after the workbook's own. Collected from the plans before any
 * sheet is written, so that the sheets can be streamed one after another and the string table
 * written whenever the package puts it.
 */
class SharedStrings {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  references = 0;

  constructor(readonly offset: number) {}

  add(value: string): void {
    this.references++;
    if (!this.index.has(value)) {
      this.index.set(value, this.items.length);
      this.items.push(value);
    }
  }

  /** Every text of the planned sheets, as they will be written. */
  collect(sheets: readonly SheetPlan[]): void {
    for (const sheet of sheets) {
      for (const block of sheet.blocks) for (const row of block.values) for (const value of row) if (typeof value === 'string') this.add(value);
    }
  }

  indexOf(value: string): number {
    const at = this.index.get(value);
    if (at === undefined) throw new Error('recordPackage: a string the plans did not hold');
    return this.offset + at;
  }

  /** The <si> items, a few thousand per chunk. */
  *encoded(prefix: string): Generator<Uint8Array> {
    for (let i = 0; i < this.items.length; i += 5000) {
      yield utf8(withPrefix(this.items.slice(i, i + 5000).map(encodeSharedString).join(''), prefix));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Grafting

export interface GraftOptions {
  /** The workbook to extend (its parts are kept). */
  input: Uint8Array;
  /** Used in messages. */
  source: string;
  /** The planned sheets to add, in order. */
  sheets: readonly SheetPlan[];
}

/**
 * The input workbook with the planned sheets added after its own. Refuses (InputError) a sheet
 * name the workbook already has; renames a table whose name the workbook already uses.
 */
export async function appendRecordSheets(options: GraftOptions): Promise<Uint8Array> {
  return (await grafted(options)).generateAsync(GENERATE);
}

/**
 * The same package as a stream: the record sheets' XML is produced while the package is written,
 * one sheet after another, so no sheet is held whole in memory.
 */
export async function streamRecordPackage(options: GraftOptions): Promise<NodeJS.ReadableStream> {
  return (await grafted(options)).generateNodeStream(GENERATE);
}

/**
 * Level 1: the record's XML is large and repetitive; deflate's fastest level keeps most of the gain
 * (about 20 % larger than level 6) at a fraction of the time (JSZip compresses in JavaScript).
 */
const GENERATE = { type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

async function grafted(options: GraftOptions): Promise<JSZip> {
  try {
    return await graft(options);
  } catch (error) {
    // A malformed part of the input (the parts written here are well-formed).
    if (error instanceof XmlScanError) throw unreadableWorkbook(options.source);
    throw error;
  }
}

function unreadableWorkbook(source: string): InputError {
  return new InputError({ code: 'file_unreadable', reason: 'damaged_structure', source });
}

/**
 * The edits made to the input's package, collected then committed: content types and workbook
 * relationships to add, splices into the parts that are only extended.
 */
class PackageEdits {
  readonly contentTypeSplices: Splice[] = [];
  readonly relsSplices: Splice[] = [];
  private readonly overrides: string[] = [];
  private readonly newRels: string[] = [];
  private readonly relIds: Set<string>;

  constructor(
    private readonly pkg: Package,
    private readonly workbook: WorkbookInfo,
    private readonly contentTypesText: string,
    readonly contentTypes: XmlElement,
  ) {
    this.relIds = new Set(workbook.rels.list.map((rel) => rel.id));
  }

  addOverride(part: string, type: string): void {
    this.overrides.push(`<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`);
  }

  addWorkbookRel(type: string, part: string): string {
    const id = freeRelationshipId(this.relIds);
    this.newRels.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(this.workbook.part, part))}"/>`);
    return id;
  }

  /** A part the workbook points to with a relationship of this type. */
  partOfRel(type: string): string | undefined {
    const rel = this.workbook.rels.list.find((r) => r.type === type && !r.external);
    return rel ? resolveTarget(this.workbook.part, rel.target) : undefined;
  }

  commit(): void {
    const { pkg, workbook } = this;
    this.relsSplices.push(...appendChildren(workbook.rels.root, withPrefix(this.newRels.join(''), elementPrefix(workbook.rels.root, NS_PACKAGE_REL))));
    pkg.write(workbook.rels.part, applySplices(workbook.rels.text, this.relsSplices));
    this.contentTypeSplices.push(...appendChildren(this.contentTypes, withPrefix(this.overrides.join(''), elementPrefix(this.contentTypes, NS_CONTENT_TYPES))));
    pkg.write('[Content_Types].xml', applySplices(this.contentTypesText, this.contentTypeSplices));
  }
}

async function graft(options: GraftOptions): Promise<JSZip> {
  const pkg = await Package.open(options.input, options.source);
  const workbook = await workbookOf(pkg, options.source);
  refuseTakenNames(workbook.sheets.map((s) => s.name), options.sheets, options.source);

  const contentTypesText = await pkg.text('[Content_Types].xml');
  if (contentTypesText === undefined) throw unreadableWorkbook(options.source);
  const edits = new PackageEdits(pkg, workbook, contentTypesText, parseXml(contentTypesText));
  const workbookDir = path.posix.dirname(workbook.part);

  dropMacros(pkg, workbook, edits.contentTypes, edits.contentTypeSplices, edits.relsSplices);

  // Styles: every planned style gets a cell format, appended after the input's own.
  const styleSheet = new RecordStyleSheet();
  const planXfs = options.sheets.map((sheet) => sheet.styles.map((style) => styleSheet.add(style)));
  const stylesPart = edits.partOfRel(REL.styles);
  const stylesText = stylesPart ? await pkg.text(stylesPart) : undefined;
  let xf: (index: number) => number;
  if (stylesPart && stylesText !== undefined) {
    const merged = mergeStyles(stylesText, styleSheet.xml());
    pkg.write(stylesPart, merged.text);
    xf = merged.xf;
  } else {
    const part = posixJoin(workbookDir, 'styles.xml');
    if (pkg.has(part)) throw new Error('recordPackage: a styles part exists without its relationship');
    pkg.write(part, styleSheet.xml());
    edits.addWorkbookRel(REL.styles, part);
    edits.addOverride(part, CT.styles);
    xf = (index) => index;
  }

  // Shared strings.
  const stringsPart = edits.partOfRel(REL.sharedStrings);
  const stringsText = stringsPart ? await pkg.text(stringsPart) : undefined;
  const stringsRoot = stringsText !== undefined ? parseXml(stringsText) : undefined;
  const strings = new SharedStrings(stringsRoot ? childrenNamed(stringsRoot, 'si').length : 0);
  strings.collect(options.sheets);

  // Tables: ids and names already used in the workbook (table names and defined names share one namespace).
  const tableIds: number[] = [0];
  const tableNames = new Set<string>();
  for (const override of childrenNamed(edits.contentTypes, 'Override')) {
    if (override.attributes.get('ContentType') !== CT.table) continue;
    const text = await pkg.text(posixJoin(override.attributes.get('PartName') ?? ''));
    if (text === undefined) continue;
    const table = parseXml(text);
    tableIds.push(Number(table.attributes.get('id') ?? 0));
    tableNames.add(nameKey(table.attributes.get('name') ?? ''));
    tableNames.add(nameKey(table.attributes.get('displayName') ?? ''));
  }
  const definedNamesElement = firstChild(workbook.root, 'definedNames');
  for (const name of definedNamesElement ? childrenNamed(definedNamesElement, 'definedName') : []) {
    tableNames.add(nameKey(name.attributes.get('name') ?? ''));
  }
  let nextTableId = tableIds.reduce((a, b) => Math.max(a, b), 0) + 1;

  // The sheets.
  const prefix = elementPrefix(workbook.root, NS_MAIN);
  const relPrefix = elementPrefix(workbook.root, NS_REL);
  const relAttribute = relPrefix ? `${relPrefix}:id` : 'r:id';
  const relDeclaration = relPrefix ? '' : ` xmlns:r="${NS_REL}"`;
  let nextSheetId = workbook.sheets.reduce((a, s) => Math.max(a, s.sheetId), 0) + 1;
  const sheetEntries: string[] = [];
  const definedNames: string[] = [];
  for (const [i, plan] of options.sheets.entries()) {
    const sheetPart = pkg.freeName(posixJoin(workbookDir, 'worksheets'), 'sheet', '.xml', workbook.sheets.length + i + 1);
    const localSheetId = workbook.sheets.length + i;

    // The sheet's tables, under names the workbook does not use yet.
    const tableRels: string[] = [];
    const tableRelIds: string[] = [];
    for (const table of plan.lists) {
      if (table.kind !== 'table') continue;
      const tablePart = pkg.freeName(posixJoin(workbookDir, 'tables'), 'table', '.xml', nextTableId);
      const id = nextTableId++;
      pkg.write(tablePart, tableXml(table, id, freeTableName(table.name, tableNames)));
      edits.addOverride(tablePart, CT.table);
      const relId = `rId${tableRelIds.length + 1}`;
      tableRelIds.push(relId);
      tableRels.push(`<Relationship Id="${relId}" Type="${REL.table}" Target="${escapeXml(relativeTarget(sheetPart, tablePart))}"/>`);
    }
    if (tableRels.length > 0) pkg.write(relsPartOf(sheetPart), `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}">${tableRels.join('')}</Relationships>`);

    const xfs = planXfs[i];
    pkg.write(sheetPart, Readable.from(worksheetXml(plan, { xf: (style) => xf(xfs[style]), sharedString: (text) => strings.indexOf(text), tableRelIds })));
    edits.addOverride(sheetPart, CT.worksheet);

    const relId = edits.addWorkbookRel(REL.worksheet, sheetPart);
    sheetEntries.push(`<sheet${relDeclaration} name="${escapeXml(plan.name)}" sheetId="${nextSheetId++}" ${relAttribute}="${relId}"/>`);
    const quoted = `'${plan.name.replace(/'/g, "''")}'`;
    const repeat = plan.print.repeatRows;
    if (repeat) {
      definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeXml(`${quoted}!$${repeat.from}:$${repeat.to}`)}</definedName>`);
    }
    const filter = plan.lists.find((l) => l.kind === 'filter');
    if (filter) {
      const absolute = rangeRef(filter.range).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      definedNames.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${localSheetId}" hidden="1">${escapeXml(`${quoted}!${absolute}`)}</definedName>`);
    }
  }

  // Shared strings part.
  if (strings.items.length > 0) {
    if (stringsPart && stringsText !== undefined && stringsRoot) {
      const changes: Record<string, string> = {};
      const count = stringsRoot.attributes.get('count');
      const unique = stringsRoot.attributes.get('uniqueCount');
      if (count !== undefined) changes.count = String(Number(count) + strings.references);
      if (unique !== undefined) changes.uniqueCount = String(strings.offset + strings.items.length);
      // The items go where a marker is spliced in, so that they can be streamed.
      const marker = '\u0000ITEMS\u0000';
      const [before, after] = applySplices(stringsText, appendChildren(stringsRoot, marker, changes)).split(marker);
      const items = strings.encoded(elementPrefix(stringsRoot, NS_MAIN));
      pkg.write(stringsPart, Readable.from((function* () {
        yield utf8(before);
        yield* items;
        yield utf8(after);
      })()));
    } else {
      const part = posixJoin(workbookDir, 'sharedStrings.xml');
      if (pkg.has(part)) throw new Error('recordPackage: a sharedStrings part exists without its relationship');
      const head = `${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${strings.references}" uniqueCount="${strings.items.length}">`;
      const items = strings.encoded('');
      pkg.write(part, Readable.from((function* () {
        yield utf8(head);
        yield* items;
        yield utf8('</sst>');
      })()));
      edits.addWorkbookRel(REL.sharedStrings, part);
      edits.addOverride(part, CT.sharedStrings);
    }
  }

  // Workbook part: the sheets after the existing ones, then their print titles and filters.
  const workbookSplices: Splice[] = [];
  const sheetsElement = firstChild(workbook.root, 'sheets');
  if (!sheetsElement) throw new Error('recordPackage: workbook without <sheets>');
  workbookSplices.push(...appendChildren(sheetsElement, withPrefix(sheetEntries.join(''), prefix)));
  if (definedNames.length > 0) {
    const names = withPrefix(definedNames.join(''), prefix);
    if (definedNamesElement) {
      workbookSplices.push(...appendChildren(definedNamesElement, names));
    } else {
      // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
      const before = ['externalReferences', 'functionGroups', 'sheets'].map((n) => firstChild(workbook.root, n)).find((e) => e !== undefined) as XmlElement;
      const qualified = prefix ? `${prefix}:definedNames` : 'definedNames';
      workbookSplices.push({ start: before.end, end: before.end, text: `<${qualified}>${names}</${qualified}>` });
    }
  }
  pkg.write(workbook.part, applySplices(workbook.text, workbookSplices));
  edits.commit();

  return pkg.zip;
}

export function refuseTakenNames(existing: readonly string[], sheets: readonly { name: string }[], source: string): void {
  const taken = new Map(existing.map((name) => [nameKey(name), name]));
  for (const sheet of sheets) {
    const clash = taken.get(nameKey(sheet.name));
    if (clash !== undefined) {
      throw new InputError({ code: 'sheet_exists', source, sheet: clash });
    }
    taken.set(nameKey(sheet.name), sheet.name);
  }
}

/**
 * A .xlsm workbook becomes a plain .xlsx: the VBA project goes (its relationship, its part and
 * what hangs from it), the workbook part takes the .xlsx content type. Templates become workbooks.
 */
function dropMacros(
  pkg: Package,
  workbook: WorkbookInfo,
  contentTypes: XmlElement,
  contentTypeSplices: Splice[],
  relsSplices: Splice[],
): void {
  const removed = new Set<string>();
  for (const rel of workbook.rels.list) {
    if (rel.type !== REL.vbaProject || rel.external) continue;
    const part = resolveTarget(workbook.part, rel.target);
    relsSplices.push({ start: rel.element.start, end: rel.element.end, text: '' });
    removed.add(part.toLowerCase());
    pkg.remove(part);
    pkg.remove(relsPartOf(part));
  }
  for (const override of childrenNamed(contentTypes, 'Override')) {
    const part = posixJoin(override.attributes.get('PartName') ?? '');
    const type = override.attributes.get('ContentType') ?? '';
    if (removed.has(part.toLowerCase()) || type === 'application/vnd.ms-office.vbaProjectSignature') {
      contentTypeSplices.push({ start: override.start, end: override.end, text: '' });
      if (type === 'application/vnd.ms-office.vbaProjectSignature') pkg.remove(part);
    } else if (part.toLowerCase() === workbook.part.toLowerCase() && OTHER_WORKBOOK_TYPES.includes(type)) {
      contentTypeSplices.push({ start: override.start, end: override.end, text: startTag(override, { ContentType: CT.workbook }) });
    }
  }
}

/**
 * A workbook package with no sheet yet, to which the sheets of a new record (a CSV's table, then
 * the record sheets) are added the same way as to a workbook read from disk.
 */
export function emptyWorkbookPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML_DECLARATION}<Types xmlns="${NS_CONTENT_TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/><Override PartName="/docProps/app.xml" ContentType="${CT.app}"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
      '<sheets></sheets><calcPr calcId="171027"/></workbook>',
  );
  zip.file('xl/_rels/workbook.xml.rels', `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}"></Relationships>`);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  zip.file(
    'docProps/core.xml',
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>Tirage CLN</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
  );
  zip.file(
    'docProps/app.xml',
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tirage CLN</Application></Properties>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
