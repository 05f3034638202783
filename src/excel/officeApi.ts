/**
 * The slice of the Excel JavaScript API (office.js) that the adapter calls, and nothing more.
 *
 * The adapter is written against these interfaces rather than against the global `Excel`
 * namespace so that the same code runs on Excel itself and on the simulated Excel
 * (`simulated/excel.ts`), which implements exactly this slice. `officeTypesConform` below makes
 * the compiler check that office.js's own types (ExcelApi 1.9) are assignable to them: a call the
 * adapter makes that real Excel does not offer, or offers with another shape, fails the build.
 */
/// <reference types="office-js" />

/** Enumerations keep office.js's own unions: a property that can be read must admit all its values. */
export type HorizontalAlignment = Excel.RangeFormat['horizontalAlignment'];
export type VerticalAlignment = Excel.RangeFormat['verticalAlignment'];
export type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface XlLoadable {
  load(propertyNames?: string | string[]): this;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export interface XlWorkbook extends XlLoadable {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  /**
   * ExcelApi 1.1: the workbook-scoped defined names, which share one namespace with table names
   * (office-js #551). A sheet-scoped name (Worksheet.names, ExcelApi 1.4) may bear a workbook-level
   * name, as Excel's name scopes allow: only these can clash with a table.
   */
  readonly names: XlNamedItemCollection;
  readonly functions: { date(year: number, month: number, day: number): XlFunctionResult };
  /** ExcelApi 1.8. */
  readonly readOnly: boolean;
  /** ExcelApi 1.7: the workbook's structure (adding, renaming, deleting sheets) is protected. */
  readonly protection: XlLoadable & { readonly protected: boolean };
  /**
   * ExcelApi 1.5 (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-customxmlparts-member):
   * XML the add-in keeps in the workbook's file, in no sheet and invisible in Excel.
   */
  readonly customXmlParts: XlCustomXmlPartCollection;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection (ExcelApi 1.5). */
export interface XlCustomXmlPartCollection {
  add(xml: string): XlCustomXmlPart;
  /** The parts whose root element is in `namespaceUri`. */
  getByNamespace(namespaceUri: string): XlCustomXmlPartScopedCollection;
}

export interface XlCustomXmlPartScopedCollection extends XlLoadable {
  readonly items: XlCustomXmlPart[];
}

/** https://learn.microsoft.com/javascript/api/excel/excel.customxmlpart (ExcelApi 1.5). */
export interface XlCustomXmlPart extends XlLoadable {
  readonly id: string;
  /** The part's whole XML, readable once synced (an OfficeExtension.ClientResult). */
  getXml(): { readonly value: string };
  delete(): void;
}

export interface XlNamedItemCollection extends XlLoadable {
  readonly items: { readonly name: string }[];
}

export interface XlFunctionResult extends XlLoadable {
  readonly value: number;
  readonly error: string;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
}

export interface XlWorksheet extends XlLoadable {
  name: string;
  readonly tables: XlTableCollection;
  readonly protection: XlWorksheetProtection;
  readonly freezePanes: { freezeRows(count?: number): void; freezeColumns(count?: number): void; freezeAt(frozenRange: string): void };
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.9: the sheet's manual page breaks (a document's pages, fixed by the plan). */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  readonly autoFilter: { apply(range: string): void };
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  /** ExcelApi 1.9: several areas at once, so one format call styles every cell sharing a style. */
  getRanges(address?: string): XlRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetProtection extends XlLoadable {
  readonly protected: boolean;
  protect(options?: { allowAutoFilter?: boolean; allowSort?: boolean; allowFormatCells?: boolean; selectionMode?: Excel.WorksheetProtectionOptions['selectionMode'] }): void;
  /** ExcelApi 1.2: the journal is unprotected only for the time of appending one line. */
  unprotect(password?: string): void;
}

export interface XlPageLayout {
  orientation: Excel.PageLayout['orientation'];
  paperSize: Excel.PageLayout['paperSize'];
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  readonly headersFooters: { readonly defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string } };
  setPrintTitleRows(printTitleRows: string): void;
}

export interface XlTableCollection extends XlLoadable {
  readonly items: XlTable[];
  add(address: string, hasHeaders: boolean): XlTable;
  getItem(key: string): XlTable;
}

export interface XlTable extends XlLoadable {
  name: string;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
  readonly worksheet: XlWorksheet;
  getRange(): XlRange;
}

export interface XlRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; size: number; color: string; name: string };
  readonly borders: { getItem(index: BorderSide): { style: string; color: string } };
  horizontalAlignment: HorizontalAlignment;
  verticalAlignment: VerticalAlignment;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
}

export interface XlRange extends XlLoadable {
  /** `null` in an array written to `values` leaves that cell unchanged (office.js). */
  values: unknown[][];
  numberFormat: unknown[][];
  readonly formulas: unknown[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  merge(across?: boolean): void;
  select(): void;
}

export interface XlRangeAreas {
  readonly format: XlRangeFormat;
}

/**
 * `Excel.createWorkbook(base64)` (ExcelApi 1.8: https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)):
 * opens a Base64-encoded .xlsx as a new workbook, outside any `Excel.run`.
 */
export type WorkbookCreator = (base64: string) => Promise<void>;

/** How the adapter gets a context: `Excel.run` in Office, the simulation's own `run` elsewhere. */
export type ExcelRunner = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/**
 * Compile-time proof that office.js's types fit the slice above (never called). If the slice asked
 * for something Excel does not have, this assignment would not type-check.
 */
export function officeTypesConform(context: Excel.RequestContext): XlContext {
  return context;
}
