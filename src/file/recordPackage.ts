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
import { ZipWriter, type ZipSink } from '../xlsx/zipWriter';
import { sheetDefinedNames, tableXml, worksheetXml } from '../xlsx/sheetXml';
import { RecordStyleSheet } from '../xlsx/stylesXml';

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

/** The sheet's print titles and its filter's range. */
function addSheetNames(editor: WorkbookEditor, plan: SheetPlan, localSheetId: number): void {
  for (const { name, value, hidden } of sheetDefinedNames(plan)) editor.addDefinedName(name, value, { localSheetId, hidden });
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
