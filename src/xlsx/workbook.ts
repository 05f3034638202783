/**
 * A reader of SpreadsheetML workbooks that reads only what the draw and `verify` need: the sheet
 * list and each sheet's visibility, the 1904 date system, shared strings, the number formats of
 * cells (to tell dates, and for `verify` to spot a format that disguises a value), each cell's
 * value (a formula's saved result; a formula saved without one is reported as such), merged
 * areas, and the Excel tables (their names and ranges). Each worksheet is read as core's `Sheet`,
 * the model every reader gives. Everything is streamed from the zip (./zip, with its limits) through saxes; nothing is
 * built that the engine does not use.
 *
 * Any valid package is read: relationship targets absolute or relative, shared or inline strings,
 * no shared strings or no styles at all, prefixed elements (<x:c>), transitional or strict
 * OOXML. Browser-capable: no Node API.
 */

import { isValidDate, serialToDate } from '../core/dates';
import { cellAddress } from '../core/errors';
import { cellKey, MAX_COLUMNS, MAX_ROWS, type CellArea, type CellKey, type CellLook, type CellValue, type Sheet, type SheetDisplay } from '../core/sheet';
import { readRelationships, type Relationship } from './relationships';
import { DEFAULT_LOOK, GENERAL, readCellFormats, readThemeColors, type CellFormat } from './styles';
import { parsePart } from './xmlStream';
import { DEFAULT_LIMITS, PackageError, ZipPackage, type PackageLimits } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** The worksheet part; null for a sheet that holds no cells (chart sheet, dialog sheet). */
  part: string | null;
}

/** A worksheet as the simulated Excel loads it: the Sheet, and what Excel would also know of it. */
export interface FullSheet extends Sheet {
  /** Every formula of a cell holding a value (those without one are in formulasWithoutValue), without "=". */
  formulas: ReadonlyMap<CellKey, string>;
  /** The sheet is protected (<sheetProtection sheet="1">). */
  protected: boolean;
}

/** An Excel table (a list object) of a worksheet. */
export interface WorkbookTable {
  /** The name Excel and office.js show (the part's displayName). */
  name: string;
  /** Its range, header and totals rows included, as office.js's Table.getRange() gives it. */
  area: CellArea;
}

export class XlsxWorkbook {
  private sharedStrings: string[] | undefined;
  private styles: CellFormat[] | undefined;

  private constructor(
    /** The package as opened, which the package editor (./workbookEditor) extends without opening it again. */
    readonly pkg: ZipPackage,
    private readonly relationships: Relationship[],
    readonly sheets: WorkbookSheet[],
    readonly date1904: boolean,
    /** Each sheet's print area by its position in <sheets> (a defined name _xlnm.Print_Area with its localSheetId). */
    private readonly printAreas: ReadonlyMap<number, string>,
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
    const printAreas = new Map<number, string>();
    let printAreaOf: number | null = null;
    parsePart(pkg, workbookPart, {
      open(local, attributes) {
        root ??= local;
        if (local === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        if (local === 'definedName') {
          printAreaOf = attributes.name?.toLowerCase() === '_xlnm.print_area' && attributes.localSheetId !== undefined ? Number(attributes.localSheetId) : null;
          if (printAreaOf !== null) printAreas.set(printAreaOf, '');
        }
        if (local !== 'sheet') return;
        const rel = byId.get(relationshipId(attributes));
        const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
        const part = rel?.kind === 'worksheet' && rel.part !== null ? rel.part : null;
        // A sheet without its relationship or its part would vanish from the list: the package is damaged.
        if (rel === undefined || (rel.kind === 'worksheet' && (part === null || !pkg.has(part)))) throw new PackageError('corrupt', workbookPart);
        sheets.push({ name: attributes.name ?? '', state, part });
      },
      close(local) {
        if (local === 'definedName') printAreaOf = null;
      },
      text(text) {
        if (printAreaOf !== null) printAreas.set(printAreaOf, (printAreas.get(printAreaOf) ?? '') + text);
      },
    });
    if (root !== 'workbook') throw new PackageError('not_workbook');
    return new XlsxWorkbook(pkg, relationships, sheets, date1904, printAreas);
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
   * The worksheet as a Sheet; `source` names it in messages (its name by default).
   * `numberFormats: false` leaves them out (the draw does not need them; a dated column of a
   * million rows would be a million entries).
   */
  readSheet(sheet: WorkbookSheet, options: { numberFormats?: boolean; source?: string; display?: boolean } = {}): Sheet {
    const source = options.source ?? sheet.name;
    if (sheet.part === null) return { name: sheet.name, source, rows: [], merges: [], formulasWithoutValue: new Map(), numberFormats: new Map() };
    const reader = new SheetReader(this.strings(), this.cellStyles(), this.date1904, options.numberFormats ?? true, false, options.display === true);
    parseSheetPart(this.pkg, { ...sheet, part: sheet.part }, reader);
    const content = reader.content();
    if (options.display !== true) return { name: sheet.name, source, ...content };
    const looks = this.cellStyles().map((style) => style.look);
    return { name: sheet.name, source, ...content, display: reader.display(sheet.state, looks, this.printAreas.get(this.sheets.indexOf(sheet)) ?? '') };
  }

  /** The worksheet with every formula, its protection and how its cells are drawn, for the simulated Excel: one reading. */
  readFullSheet(sheet: WorkbookSheet): FullSheet {
    const reader = new SheetReader(this.strings(), this.cellStyles(), this.date1904, true, true, true);
    if (sheet.part !== null) parseSheetPart(this.pkg, { ...sheet, part: sheet.part }, reader);
    const looks = this.cellStyles().map((style) => style.look);
    const display = reader.display(sheet.state, looks, this.printAreas.get(this.sheets.indexOf(sheet)) ?? '');
    return { name: sheet.name, source: sheet.name, ...reader.content(), display, formulas: reader.allFormulas, protected: reader.isProtected };
  }

  /** The Excel tables of a worksheet, in the order its part lists them. */
  tables(sheet: WorkbookSheet): WorkbookTable[] {
    if (sheet.part === null) return [];
    const tables: WorkbookTable[] = [];
    for (const rel of readRelationships(this.pkg, sheet.part)) {
      if (rel.kind !== 'table' || rel.part === null || !this.pkg.has(rel.part)) continue;
      parsePart(this.pkg, rel.part, {
        open(local, attributes) {
          if (local !== 'table') return;
          const [from, to] = (attributes.ref ?? '').split(':').map(parseCellReference);
          const name = attributes.displayName ?? attributes.name;
          if (!from || !to || name === undefined) throw new PackageError('corrupt', rel.part ?? undefined);
          tables.push({ name, area: { top: from.row, left: from.column, bottom: to.row, right: to.column } });
        },
      });
    }
    return tables;
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

  private cellStyles(): CellFormat[] {
    if (this.styles === undefined) {
      const part = this.partOf('styles');
      this.styles = part === undefined ? [] : readCellFormats(this.pkg, part, readThemeColors(this.pkg, this.partOf('theme')));
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

/** Below these, a row cannot show a line of text (points) and a column a character (characters): as good as hidden. */
const MIN_ROW_HEIGHT = 5;
const MIN_COLUMN_WIDTH = 1;

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
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

/** A well-formed cell reference, wherever it points (parseCellReference refuses those past the grid). */
const CELL_REFERENCE = /^\$?[A-Za-z]{1,3}\$?[1-9][0-9]*$/;

function beyondGrid(reference: string): PackageError {
  return new PackageError('beyond_grid', null, null, { sheet: null, reference });
}

/** A sheet's part parsed by `reader`; a cell past the grid is said with its sheet's name. */
function parseSheetPart(pkg: ZipPackage, sheet: WorkbookSheet & { part: string }, reader: SheetReader): void {
  try {
    parsePart(pkg, sheet.part, reader);
  } catch (error) {
    if (error instanceof PackageError && error.kind === 'beyond_grid' && error.cell !== null) {
      throw new PackageError('beyond_grid', sheet.part, null, { sheet: sheet.name, reference: error.cell.reference });
    }
    throw error;
  }
}

class SheetReader {
  private readonly rows: CellValue[][] = [];
  private readonly merges: CellArea[] = [];
  private readonly formulas = new Map<CellKey, string>();
  private readonly formats = new Map<CellKey, string>();
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
    private readonly styles: readonly CellFormat[],
    private readonly date1904: boolean,
    private readonly keepFormats: boolean,
    private readonly keepAllFormulas: boolean,
    private readonly keepDisplay: boolean,
  ) {}

  // What `verify` compares beyond the values, kept when asked (keepDisplay).
  private readonly lookOf: number[][] = [];
  private readonly formulaCells = new Map<CellKey, string>();
  private readonly hiddenRowSet = new Set<number>();
  private readonly rowsWithHeight = new Set<number>();
  private readonly columnRanges: { min: number; max: number; hidden: boolean }[] = [];
  private zeroHeight = false;
  private narrowColumns = false;
  private readonly conditionalFormats: string[] = [];
  private readonly dataValidations: string[] = [];
  /** The list whose last area is being read from an <xm:sqref> (conditional formats and validations of the x14 extension). */
  private areasOf: string[] | null = null;
  private inSqref = false;

  /** Formulas of cells holding a value, when kept. */
  readonly allFormulas = new Map<CellKey, string>();
  isProtected = false;

  open(local: string, attributes: Record<string, string>): void {
    switch (local) {
      case 'row': {
        this.row = attributes.r === undefined ? this.row + 1 : Number(attributes.r);
        if (!Number.isInteger(this.row) || this.row < 1) throw new PackageError('corrupt');
        if (this.row > MAX_ROWS) throw beyondGrid(`ligne ${this.row}`);
        this.nextColumn = 0;
        if (this.keepDisplay) this.rowLayout(attributes);
        return;
      }
      case 'c': {
        const ref = attributes.r === undefined ? null : parseCellReference(attributes.r);
        if (attributes.r !== undefined && ref === null) throw CELL_REFERENCE.test(attributes.r) ? beyondGrid(`cellule ${attributes.r}`) : new PackageError('corrupt');
        if (ref !== null && ref.row !== this.row) this.row = ref.row;
        this.column = ref === null ? this.nextColumn : ref.column;
        if (this.row < 1) throw new PackageError('corrupt');
        if (this.column >= MAX_COLUMNS || this.row > MAX_ROWS) throw beyondGrid(`cellule ${cellAddress(this.column, this.row)}`);
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
      case 'sheetProtection':
        this.isProtected = attributes.sheet === '1' || attributes.sheet === 'true';
        return;
      case 'sheetFormatPr':
        this.zeroHeight = isTrue(attributes.zeroHeight);
        this.narrowColumns = attributes.defaultColWidth !== undefined && Number(attributes.defaultColWidth) < MIN_COLUMN_WIDTH;
        return;
      case 'col':
        if (this.keepDisplay) {
          const width = attributes.width === undefined ? null : Number(attributes.width);
          this.columnRanges.push({ min: Number(attributes.min) - 1, max: Number(attributes.max) - 1, hidden: isTrue(attributes.hidden) || (width !== null && width < MIN_COLUMN_WIDTH) });
        }
        return;
      case 'conditionalFormatting':
      case 'dataValidation':
        if (this.keepDisplay) {
          this.areasOf = local === 'conditionalFormatting' ? this.conditionalFormats : this.dataValidations;
          this.areasOf.push(attributes.sqref ?? '');
        }
        return;
      case 'sqref':
        this.inSqref = this.areasOf !== null;
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
      case 'sqref':
        this.inSqref = false;
        return;
      case 'conditionalFormatting':
      case 'dataValidation':
        this.areasOf = null;
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
    if (this.inSqref && this.areasOf !== null) {
      const list = this.areasOf;
      list[list.length - 1] = `${list[list.length - 1]} ${text}`.trim();
      return;
    }
    if (this.collecting === 'v') this.valueText += text;
    else if (this.collecting === 'f') this.formulaText += text;
    else if (this.inInline) this.inline.text(text);
  }

  private endCell(): void {
    if (this.hasFormula && this.keepDisplay) this.formulaCells.set(this.key(), detached(this.formulaText));
    if (!this.hasValue) {
      if (this.hasFormula) this.formulas.set(this.key(), detached(this.formulaText));
      return;
    }
    const style = this.styles[this.style] ?? GENERAL;
    const value = this.cellValue(style);
    if (value === null || value === '') return;
    if (this.hasFormula && this.keepAllFormulas && this.formulaText !== '') this.allFormulas.set(this.key(), detached(this.formulaText));
    const cells = (this.rows[this.row - 1] ??= []);
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = value;
    if (style.format !== undefined && this.keepFormats) this.formats.set(this.key(), style.format);
    if (this.keepDisplay) (this.lookOf[this.row - 1] ??= [])[this.column] = this.style;
  }

  /** A row hidden, or too low to show a line of text; a row given a height of its own (for a sheet whose rows are hidden by default). */
  private rowLayout(attributes: Record<string, string>): void {
    const height = attributes.ht === undefined ? null : Number(attributes.ht);
    if (isTrue(attributes.hidden) || (height !== null && height < MIN_ROW_HEIGHT)) this.hiddenRowSet.add(this.row);
    // Kept only where it decides: a sheet whose rows are hidden by default (sheetFormatPr comes before the rows).
    else if (height !== null && this.zeroHeight) this.rowsWithHeight.add(this.row);
  }

  /**
   * What `verify` compares beyond the values, once the sheet is read: `looks` are the workbook's
   * cell formats' looks (by a cell's s attribute), `printArea` the sheet's print area ('' for none).
   */
  display(state: SheetState, looks: readonly CellLook[], printArea: string): SheetDisplay {
    const withValue = (r: number) => (this.rows[r - 1]?.length ?? 0) > 0;
    const hiddenRows: number[] = [];
    for (let r = 1; r <= this.rows.length; r++) {
      // A sheet whose rows are hidden by default (zeroHeight) shows only the rows given a height of their own.
      if (withValue(r) && (this.hiddenRowSet.has(r) || (this.zeroHeight && !this.rowsWithHeight.has(r)))) hiddenRows.push(r);
    }
    const width = this.rows.reduce((widest, cells) => Math.max(widest, cells?.length ?? 0), 0);
    const hiddenColumns: number[] = [];
    for (let c = 0; c < width; c++) {
      const range = this.columnRanges.find((r) => r.min <= c && c <= r.max);
      if (range === undefined ? this.narrowColumns : range.hidden) hiddenColumns.push(c);
    }
    // A cell naming a format the style sheet lacks is drawn with the default look (the first one).
    const palette = [...looks, DEFAULT_LOOK];
    const lookOf = this.lookOf.map((cells) => cells.map((xf) => (xf < looks.length ? xf : looks.length)));
    return {
      visibility: state,
      looks: palette,
      lookOf,
      formulas: this.formulaCells,
      hiddenRows,
      hiddenColumns,
      conditionalFormats: this.conditionalFormats,
      dataValidations: this.dataValidations,
      printArea,
    };
  }

  private key(): CellKey {
    return cellKey(this.row, this.column);
  }

  private cellValue(style: CellFormat): CellValue {
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
        // ISO 8601 (strict OOXML, some writers): the day it names, at midnight UTC like every date
        // cell (a time of day, if any, dropped: readers deliver days).
        const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim());
        const [year, month, date] = day === null ? [0, 0, 0] : [Number(day[1]), Number(day[2]), Number(day[3])];
        return isValidDate(year, month, date) ? new Date(Date.UTC(year, month - 1, date)) : detached(text);
      }
      default: {
        if (text.trim() === '') return null;
        const number = Number(text);
        if (!Number.isFinite(number)) return detached(text);
        // A number shown as a date is the day it shows; a serial no day answers stays a number.
        return style.date ? (serialToDate(number, this.date1904 ? 1904 : 1900) ?? number) : number;
      }
    }
  }

  content(): Pick<Sheet, 'rows' | 'merges' | 'formulasWithoutValue' | 'numberFormats'> {
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
          this.formats.delete(cellKey(r, c));
        }
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      }
    }
  }
}
