/**
 * Adding the record's sheets to a workbook at the package level, so that the workbook's own parts
 * stay byte for byte as they were.
 *
 * Why not let a library (exceljs) load the input workbook and save it again? Because exceljs 4.4
 * re-creates every part from its own model, and that model forgets things a clerk's candidature
 * workbook holds (checked with exceljs 4.4.0):
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
 * (src/core/record/plan.ts), are written here as SpreadsheetML (sheetXml.ts, stylesXml.ts) into the
 * input's package by src/xlsx's package editor (workbookEditor.ts), streamed part after part so
 * that 100,000 rows never sit in memory as a workbook model. The input's parts are copied as they
 * are stored, except those that are extended, never rewritten: the workbook part (new <sheet>
 * entries, print titles and filter names), its relationships, the content types, the style sheet
 * (the record's styles after the workbook's own, so every existing style index keeps its meaning)
 * and the shared strings (the record's strings appended). The one deliberate loss: a macro-enabled
 * workbook (.xlsm) loses its VBA project, because the record is a macro-free .xlsx.
 */

import { fileError } from '../core/fileMessages';
import { freeTableName, nameKey } from '../core/record/names';
import type { SheetPlan, TablePlan } from '../core/record/plan';
import { WorkbookEditor } from '../xlsx/workbookEditor';
import { ZipPackage } from '../xlsx/zip';
import { ZipWriter, zipParts, type ZipSink } from '../xlsx/zipWriter';
import { rangeRef, tableXml, worksheetXml } from './sheetXml';
import { RecordStyleSheet } from './stylesXml';

export interface RecordPackageOptions {
  /** The workbook to extend (WorkbookEditor.open on the package the reader opened). */
  editor: WorkbookEditor;
  /** Used in messages. */
  source: string;
  /** The planned sheets to add, in order. */
  sheets: readonly SheetPlan[];
}

/**
 * Streams to `sink` the input workbook with the planned sheets added after its own. Refuses
 * (InputError) a sheet name the workbook already has; renames a table whose name the workbook
 * already uses. A package the editor cannot extend: PackageError (said in French by src/xlsx/messages).
 */
export async function writeRecordPackage(options: RecordPackageOptions, sink: ZipSink): Promise<void> {
  const { editor } = options;
  refuseTakenNames(editor.sheetNames(), options.sheets, options.source);
  editor.dropMacros();
  const styles = new RecordStyleSheet();
  const planStyles = options.sheets.map((sheet) => sheet.styles.map((style) => styles.add(style)));
  const xf = editor.appendStyles(styles.xml());
  const strings = editor.sharedStrings();
  for (const sheet of options.sheets) {
    for (const block of sheet.blocks) for (const row of block.values) for (const value of row) if (typeof value === 'string') strings.add(value);
  }
  const tableNames = editor.takenTableNames(nameKey);
  options.sheets.forEach((plan, i) => {
    const tables = plan.lists.filter((list): list is TablePlan => list.kind === 'table');
    const position = editor.addWorksheet({
      name: plan.name,
      tables: tables.map((table) => {
        const name = freeTableName(table.name, tableNames);
        return (id: number) => tableXml(table, id, name);
      }),
      xml: (tableRelIds) => worksheetXml(plan, { xf: (style) => xf(planStyles[i][style]), sharedString: (text) => strings.indexOf(text), tableRelIds }),
    });
    addSheetNames(editor, plan, position);
  });
  const writer = new ZipWriter(sink);
  await editor.write(writer);
  await writer.end();
}

/** The sheet's print titles and its filter's range, as Excel names them (ECMA-376 §18.2.6). */
function addSheetNames(editor: WorkbookEditor, plan: SheetPlan, localSheetId: number): void {
  const quoted = `'${plan.name.replace(/'/g, "''")}'`;
  const repeat = plan.print.repeatRows;
  if (repeat) editor.addDefinedName('_xlnm.Print_Titles', `${quoted}!$${repeat.from}:$${repeat.to}`, { localSheetId });
  const filter = plan.lists.find((l) => l.kind === 'filter');
  if (filter) {
    const absolute = rangeRef(filter.range).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    editor.addDefinedName('_xlnm._FilterDatabase', `${quoted}!${absolute}`, { localSheetId, hidden: true });
  }
}

/** The same package in memory (small workbooks: the public record, in the add-in too; tests). No Buffer: it runs in the browser. */
export async function appendRecordSheets(options: { input: Uint8Array; source: string; sheets: readonly SheetPlan[] }): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const editor = WorkbookEditor.open(ZipPackage.open(options.input));
  await writeRecordPackage({ editor, source: options.source, sheets: options.sheets }, (chunk) => void chunks.push(chunk.slice()));
  const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export function refuseTakenNames(existing: readonly string[], sheets: readonly { name: string }[], source: string): void {
  const taken = new Map(existing.map((name) => [nameKey(name), name]));
  for (const sheet of sheets) {
    const clash = taken.get(nameKey(sheet.name));
    if (clash !== undefined) {
      throw fileError({ code: 'sheet_exists', source, sheet: clash });
    }
    taken.set(nameKey(sheet.name), sheet.name);
  }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A workbook package with no sheet yet, to which the sheets of a new record (a CSV's table, then
 * the record sheets) are added the same way as to a workbook read from disk.
 */
export function emptyWorkbookPackage(): Promise<Uint8Array> {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return zipParts([
    [
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
        '<sheets></sheets><calcPr calcId="171027"/></workbook>',
    ],
    ['xl/_rels/workbook.xml.rels', `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}"></Relationships>`],
    [
      'docProps/core.xml',
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>Tirage CLN</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    ],
    ['docProps/app.xml', `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tirage CLN</Application></Properties>`],
  ]);
}
