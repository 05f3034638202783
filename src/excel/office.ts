/**
 * The add-in's adapter on Excel itself: the only module that calls `Excel.run`. The task pane
 * receives a `WorkbookPort` and never sees office.js. (Whether this Excel offers ExcelApi 1.9 is
 * checked once by the task pane, src/taskpane/officeEnvironment.ts.)
 */
/// <reference types="office-js" />
import type { ExcelRunner } from './officeApi';
import { ExcelWorkbookAdapter, type AdapterOptions, type WorkbookPort } from './workbookAdapter';

/**
 * `delayForCellEdit` (Excel.RunOptions, ExcelApi 1.8: https://learn.microsoft.com/javascript/api/excel/excel.runoptions):
 * while someone is typing in a cell, Excel holds the request until the cell is left instead of
 * failing it. Where Excel fails it all the same (Excel on the web: office-js #3019, #856), the
 * adapter waits and asks again (syncs.ts).
 */
const officeRunner: ExcelRunner = (batch) => Excel.run({ delayForCellEdit: true }, (context) => batch(context));

export function officeWorkbook(options: AdapterOptions = {}): WorkbookPort {
  return new ExcelWorkbookAdapter(officeRunner, { createWorkbook: (base64) => Excel.createWorkbook(base64), ...options });
}
