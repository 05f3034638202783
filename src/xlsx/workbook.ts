/**
 * A reader of SpreadsheetML workbooks that reads only what the draw and `verify` need: the sheet
 * list and each sheet's visibility, the 1904 date system, shared strings, the number formats of
 * cells (to tell dates, and for `verify` to spot a format that disguises a value), each cell's
 * value (a formula's saved result; a formula saved without one is reported as such), and merged
 * areas. Everything is streamed from the zip (./zip, with its limits) through saxes; nothing is
 * built that the engine does not use.
 *
 * Any valid package is read: relationship targets absolute or relative, shared or inline strings,
 * no shared strings or no styles at all, prefixed elements (<x:c>), transitional or strict
 * OOXML. Browser-capable: no Node API.
 */

import type { CellValue, MergedArea } from '../core/table';
import { builtInFormat, isDateFormat } from './numberFormats';
import { readRelationships, type Relationship } from './relationships';
import { parsePart } from './xmlStream';
import { DEFAULT_LIMITS, PackageError, ZipPackage, type PackageLimits } from './zip';

/** Excel's own limits (the XFD column, row 1,048,576): beyond them a file is not a workbook Excel wrote. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** The worksheet part; null for a sheet that holds no cells (chart sheet, dialog sheet). */
  part: string | null;
}

export interface SheetContent {
  /** rows[0] is sheet row 1, up to the last row holding a value; cells from column A up to the row's last value. */
  rows: CellValue[][];
  merges: MergedArea[];
  /** Formula cells saved without a result (they read as empty), keyed "row:column" (1-based) → the formula. */
  formulasWithoutValue: Map<string, string>;
  /** Number formats other than "General" of the cells holding a value, keyed "row:column" (1-based). */
  numberFormats: Map<string, string>;
}

interface CellStyle {
  format: string | undefined;
  date: boolean;
}

const GENERAL: CellStyle = { format: undefined, date: false };

export class XlsxWorkbook {
  private sharedStrings: string[] | undefined;
  private styles: CellStyle[] | undefined;

  private constructor(
    /** The package as opened, which the package editor (./workbookEditor) extends without opening it again. */
    readonly pkg: ZipPackage,
    private readonly relationships: Relationship[],
    readonly sheets: WorkbookSheet[],
    readonly date1904: boolean,
  ) {}

  /** Throws PackageError when the bytes are not a readable workbook or pass the limits. */
  static open(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): XlsxWorkbook {
    const pkg = ZipPackage.open(bytes, limits);
    const office = readRelationships(pkg, '').find((r) => r.kind === 'officeDocument');
    if (!office?.part || !pkg.has(office.part)) throw new PackageError('not_workbook');
    const workbookPart = office.part;
    const relationships = readRelationships(pkg, workbookPart);
    const byId = new Map(relationships.map((r) => [r.id, r]));
    const sheets: WorkbookSheet[] = [];
    let root: string | undefined;
    let date1904 = false;
    parsePart(pkg, workbookPart, {
      open(local, attributes) {
        root ??= local;
        if (local === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        if (local !== 'sheet') return;
        const rel = byId.get(relationshipId(attributes));
        const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
        const part = rel?.kind === 'worksheet' && rel.part !== null ? rel.part : null;
        // A sheet without its relationship or its part would vanish from the list: the package is damaged.
        if (rel === undefined || (rel.kind === 'worksheet' && (part === null || !pkg.has(part)))) throw new PackageError('corrupt', workbookPart);
        sheets.push({ name: attributes.name ?? '', state, part });
      },
    });
    if (root !== 'workbook') throw new PackageError('not_workbook');
    return new XlsxWorkbook(pkg, relationships, sheets, date1904);
  }

  /** The sheets that hold cells, in tab order. */
  worksheets(): WorkbookSheet[] {
    return this.sheets.filter((s) => s.part !== null);
  }

  /** Inflates the parts not read yet, so the package's limits hold for every part (see ZipPackage.checkAll). */
  checkAll(): void {
    this.pkg.checkAll();
  }

  /**
   * `numberFormats: false` leaves them out (the draw does not need them; a dated column of a
   * million rows would be a million entries).
   */
  readSheet(sheet: WorkbookSheet, options: { numberFormats: boolean } = { numberFormats: true }): SheetContent {
    if (sheet.part === null) return { rows: [], merges: [], formulasWithoutValue: new Map(), numberFormats: new Map() };
    const reader = new SheetReader(this.strings(), this.cellStyles(), this.date1904, options.numberFormats);
    parsePart(this.pkg, sheet.part, reader);
    return reader.content();
  }

  private partOf(kind: string): string | undefined {
    const part = this.relationships.find((r) => r.kind === kind)?.part ?? undefined;
    return part !== undefined && this.pkg.has(part) ? part : undefined;
  }

  private strings(): string[] {
    if (this.sharedStrings === undefined) {
      const part = this.partOf('sharedStrings');
      this.sharedStrings = part === undefined ? [] : readSharedStrings(this.pkg, part);
    }
    return this.sharedStrings;
  }

  private cellStyles(): CellStyle[] {
    if (this.styles === undefined) {
      const part = this.partOf('styles');
      this.styles = part === undefined ? [] : readCellStyles(this.pkg, part);
    }
    return this.styles;
  }

}

/** The relationship id of a <sheet>: the attribute "id" of the relationships namespace, whatever its prefix. */
function relationshipId(attributes: Record<string, string>): string {
  for (const name of Object.keys(attributes)) if (name.endsWith(':id')) return attributes[name];
  return '';
}

/**
 * ECMA-376 ST_Xstring: a character XML cannot hold is written `_xHHHH_` (and a literal `_x` by
 * escaping its underscore, `_x005F_`).
 */
export function decodeXstring(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A copy of a string that owns its characters. saxes cuts text out of the decoded chunk it is
 * parsing, and V8 keeps such a substring (13 characters or more) as a view on the whole chunk: kept
 * in a grid, each would hold its chunk alive (the 100,000-candidature record took 400 MB read,
 * 150 MB once detached).
 */
function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Rich text is the concatenation of its runs' <t>; a phonetic reading (<rPh>, Japanese furigana)
 * is not part of the value.
 */
class RichTextCollector {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  open(local: string): void {
    if (local === 'rPh') this.depthInPhonetic++;
    else if (local === 't' && this.depthInPhonetic === 0) this.inText = true;
  }

  close(local: string): void {
    if (local === 'rPh') this.depthInPhonetic--;
    else if (local === 't') this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  take(): string {
    const value = detached(decodeXstring(this.parts.join('')));
    this.parts = [];
    return value;
  }
}

function readSharedStrings(pkg: ZipPackage, part: string): string[] {
  const strings: string[] = [];
  const collector = new RichTextCollector();
  parsePart(pkg, part, {
    open: (local) => collector.open(local),
    close: (local) => {
      if (local === 'si') strings.push(collector.take());
      else collector.close(local);
    },
    text: (text) => collector.text(text),
  });
  return strings;
}

/** Cell formats (<cellXfs>, indexed by a cell's s attribute) → number format and whether it shows a date. */
function readCellStyles(pkg: ZipPackage, part: string): CellStyle[] {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parsePart(pkg, part, {
    open(local, attributes) {
      if (local === 'numFmt') codes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) formatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(local) {
      if (local === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => {
    const custom = codes.get(id);
    const code = custom ?? builtInFormat(id);
    if (code === 'General' || (id === 0 && custom === undefined)) return GENERAL;
    return { format: code ?? `#${id}`, date: isDateFormat(id, custom) };
  });
}

/** "AB12" → { column: 27 (0-based), row: 12 }; null when it is not a cell reference. Read per cell: no regular expression. */
export function parseCellReference(ref: string): { column: number; row: number } | null {
  let at = ref.charCodeAt(0) === 36 ? 1 : 0; // '$'
  let column = 0;
  const lettersStart = at;
  for (let code = ref.charCodeAt(at); at < ref.length && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)); code = ref.charCodeAt(++at)) {
    column = column * 26 + ((code & ~32) - 64);
  }
  if (at === lettersStart || at - lettersStart > 3) return null;
  if (ref.charCodeAt(at) === 36) at++;
  let row = 0;
  const digitsStart = at;
  for (let code = ref.charCodeAt(at); at < ref.length && code >= 48 && code <= 57; code = ref.charCodeAt(++at)) row = row * 10 + (code - 48);
  if (at !== ref.length || at === digitsStart || at - digitsStart > 7) return null;
  return { column: column - 1, row };
}

/** Excel serial → date; 25,569 is 1970-01-01 in the 1900 system, the 1904 system starts 1,462 days later. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

class SheetReader {
  private readonly rows: CellValue[][] = [];
  private readonly merges: MergedArea[] = [];
  private readonly formulas = new Map<string, string>();
  private readonly formats = new Map<string, string>();
  private readonly inline = new RichTextCollector();

  private row = 0;
  private nextColumn = 0;
  // The cell being read.
  private column = 0;
  private type = 'n';
  private style = 0;
  private hasValue = false;
  private hasFormula = false;
  private inInline = false;
  private collecting: 'v' | 'f' | null = null;
  private valueText = '';
  private formulaText = '';

  constructor(
    private readonly strings: readonly string[],
    private readonly styles: readonly CellStyle[],
    private readonly date1904: boolean,
    private readonly keepFormats: boolean,
  ) {}

  open(local: string, attributes: Record<string, string>): void {
    switch (local) {
      case 'row': {
        this.row = attributes.r === undefined ? this.row + 1 : Number(attributes.r);
        if (!Number.isInteger(this.row) || this.row < 1 || this.row > MAX_ROWS) throw new PackageError('corrupt');
        this.nextColumn = 0;
        return;
      }
      case 'c': {
        const ref = attributes.r === undefined ? null : parseCellReference(attributes.r);
        if (attributes.r !== undefined && ref === null) throw new PackageError('corrupt');
        if (ref !== null && ref.row !== this.row) this.row = ref.row;
        this.column = ref === null ? this.nextColumn : ref.column;
        if (this.column >= MAX_COLUMNS || this.row < 1 || this.row > MAX_ROWS) throw new PackageError('corrupt');
        this.nextColumn = this.column + 1;
        this.type = attributes.t ?? 'n';
        this.style = attributes.s === undefined ? 0 : Number(attributes.s);
        this.hasValue = false;
        this.hasFormula = false;
        this.valueText = '';
        this.formulaText = '';
        return;
      }
      case 'v':
        this.hasValue = true;
        this.collecting = 'v';
        return;
      case 'f':
        this.hasFormula = true;
        this.collecting = 'f';
        return;
      case 'is':
        this.inInline = true;
        this.hasValue = true;
        return;
      case 'mergeCell': {
        const [from, to] = (attributes.ref ?? '').split(':').map(parseCellReference);
        if (from && to && (to.row > from.row || to.column > from.column)) {
          this.merges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
        }
        return;
      }
      default:
        if (this.inInline) this.inline.open(local);
    }
  }

  close(local: string): void {
    switch (local) {
      case 'v':
      case 'f':
        this.collecting = null;
        return;
      case 'is':
        this.inInline = false;
        this.valueText = this.inline.take();
        return;
      case 'c':
        this.endCell();
        return;
      default:
        if (this.inInline) this.inline.close(local);
    }
  }

  text(text: string): void {
    if (this.collecting === 'v') this.valueText += text;
    else if (this.collecting === 'f') this.formulaText += text;
    else if (this.inInline) this.inline.text(text);
  }

  private endCell(): void {
    if (!this.hasValue) {
      if (this.hasFormula) this.formulas.set(this.key(), detached(this.formulaText));
      return;
    }
    const style = this.styles[this.style] ?? GENERAL;
    const value = this.cellValue(style);
    if (value === null || value === '') return;
    const cells = (this.rows[this.row - 1] ??= []);
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = value;
    if (style.format !== undefined && this.keepFormats) this.formats.set(this.key(), style.format);
  }

  /** The current cell as "row:column" (1-based). */
  private key(): string {
    return `${this.row}:${this.column + 1}`;
  }

  private cellValue(style: CellStyle): CellValue {
    const text = this.valueText;
    switch (this.type) {
      case 's':
        return this.strings[Number(text)] ?? null;
      case 'inlineStr':
        return text; // decoded once, by the rich-text collector
      case 'str':
        return detached(decodeXstring(text));
      case 'b':
        return text.trim() === '1' || text.trim() === 'true';
      case 'e':
        return detached(text.trim());
      case 'd': {
        // ISO 8601 (strict OOXML, some writers): a date alone is that day at midnight UTC.
        const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00:00Z` : text.trim());
        return Number.isNaN(date.getTime()) ? detached(text) : date;
      }
      default: {
        if (text.trim() === '') return null;
        const number = Number(text);
        if (!Number.isFinite(number)) return detached(text);
        return style.date ? serialToDate(number, this.date1904) : number;
      }
    }
  }

  content(): SheetContent {
    this.clearMergedCells();
    let last = this.rows.length;
    while (last > 0 && !(this.rows[last - 1]?.length > 0)) last--;
    const rows: CellValue[][] = new Array(last);
    for (let r = 0; r < last; r++) rows[r] = this.rows[r] ?? [];
    return { rows, merges: this.merges, formulasWithoutValue: this.formulas, numberFormats: this.formats };
  }

  /**
   * Only the top-left cell of a merged area holds its value, as Excel (and office.js) report it;
   * a value another writer left under the merge is not shown by Excel and is not read.
   */
  private clearMergedCells(): void {
    for (const area of this.merges) {
      const lastRow = Math.min(area.bottom, this.rows.length);
      for (let r = area.top; r <= lastRow; r++) {
        const cells = this.rows[r - 1];
        if (cells === undefined) continue;
        const lastColumn = Math.min(area.right, cells.length - 1);
        for (let c = r === area.top ? area.left + 1 : area.left; c <= lastColumn; c++) {
          if (cells[c] === null || cells[c] === undefined) continue;
          cells[c] = null;
          this.formats.delete(`${r}:${c + 1}`);
        }
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      }
    }
  }
}
