/**
 * The add-in's adapter on Excel itself: the only module that calls `Excel.run`. The task pane
 * receives a `WorkbookPort` and never sees office.js. (Whether this Excel offers ExcelApi 1.9 is
 * checked once by the task pane, src/taskpane/officeEnvironment.ts.)
 */
/// <reference types="office-js" />
import type { ExcelRunner } from './officeApi';
import { ExcelWorkbookAdapter, type AdapterOptions, type WorkbookPort } from './workbookAdapter';

const officeRunner: ExcelRunner = (batch) => Excel.run((context) => batch(context));

export function officeWorkbook(options: AdapterOptions = {}): WorkbookPort {
  return new ExcelWorkbookAdapter(officeRunner, options);
}
