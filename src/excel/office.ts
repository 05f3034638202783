/**
 * The add-in's adapter on Excel itself: the only module that calls `Excel.run`. The task pane
 * receives a `WorkbookPort` and never sees office.js.
 */
/// <reference types="office-js" />
import type { ExcelRunner } from './officeApi';
import { ExcelWorkbookAdapter, type AdapterOptions, type WorkbookPort } from './workbookAdapter';

/** The lowest requirement set the adapter's calls need (protection options, page layout, RangeAreas: 1.9). */
export const EXCEL_API_VERSION = '1.9';

/** Whether this Excel offers every call the adapter makes; the task pane says so in French when not. */
export function excelApiSupported(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', EXCEL_API_VERSION);
}

const officeRunner: ExcelRunner = (batch) => Excel.run((context) => batch(context));

export function officeWorkbook(options: AdapterOptions = {}): WorkbookPort {
  return new ExcelWorkbookAdapter(officeRunner, options);
}
