/** The workbook as the task pane sees it: an interface without office.js, and its two implementations' entry points. */
export { ExcelWorkbookAdapter, type WorkbookPort, type RevealSession, type AdapterOptions } from './workbookAdapter';
export type { DrawOrder, WriteOutcome } from './recordWriter';
export type { TableRef, TableRead, WorkbookContents, FormulaWithoutValue } from './tableReader';
export { ExcelAdapterError, describeExcelProblem, describeExcelWait, describePartialRecord, describeFormulaWithoutValue, type ExcelProblem, type ExcelWait, type PartialRecord } from './problems';
