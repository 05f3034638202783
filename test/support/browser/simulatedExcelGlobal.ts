/**
 * Test-only browser script: the simulated Excel installed as the page's global `Excel`, so that
 * the production task pane (dist/taskpane.html), through `src/excel/office.ts`'s `Excel.run`,
 * drives a workbook held in memory. Bundled by `simulatedExcelBundle.ts` and injected with
 * Playwright's `addInitScript` (which the page's CSP does not govern) after a first init script
 * has put the starting workbook, as a snapshot, in `window.tirageStartingWorkbook`.
 */
import { SimulatedExcel } from '../../../src/excel/simulated/excel';
import { snapshotOf, workbookFromSnapshot, type WorkbookSnapshot } from '../../../src/excel/simulated/snapshot';

/** What the test reads back from the page. */
export interface SimulatedExcelHooks {
  snapshot(): WorkbookSnapshot;
  /** How many `Excel.run` batches the page has started: proof that office.ts was the way in. */
  runs(): number;
  /** The options of each `Excel.run(options, batch)` (office.js's overload with Excel.RunOptions), null for `Excel.run(batch)`. */
  runOptions(): (object | null)[];
  /** The workbook's custom XML parts, as XML (where the pane keeps the sealing key). */
  customXmlParts(): string[];
  /** The workbooks `Excel.createWorkbook` opened, each as base 64, in order. */
  openedWorkbooks(): string[];
}

interface PageGlobals {
  tirageStartingWorkbook?: WorkbookSnapshot;
  tirageSimulatedExcel?: SimulatedExcelHooks;
  Excel?: { run(...args: unknown[]): Promise<unknown>; createWorkbook(base64: string): Promise<void> };
}

const globals = window as unknown as PageGlobals;
if (globals.tirageStartingWorkbook === undefined) throw new Error('tirageStartingWorkbook absent : injectez le classeur de départ avant ce script.');
const excel = new SimulatedExcel(workbookFromSnapshot(globals.tirageStartingWorkbook));
let runs = 0;
const options: (object | null)[] = [];
type Batch = Parameters<SimulatedExcel['run']>[0];
globals.Excel = {
  // office.js's two forms: Excel.run(batch) and Excel.run(options, batch).
  run: (...args: unknown[]) => {
    runs += 1;
    options.push(args.length > 1 ? (args[0] as object) : null);
    return excel.run(args[args.length - 1] as Batch);
  },
  createWorkbook: (base64) => excel.createWorkbook(base64),
};
globals.tirageSimulatedExcel = {
  snapshot: () => snapshotOf(excel.workbook),
  runs: () => runs,
  runOptions: () => [...options],
  customXmlParts: () => excel.workbook.customXmlParts.map((part) => part.xml),
  openedWorkbooks: () => excel.openedWorkbooks.map((bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))),
};
