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
}

interface PageGlobals {
  tirageStartingWorkbook?: WorkbookSnapshot;
  tirageSimulatedExcel?: SimulatedExcelHooks;
  Excel?: { run: SimulatedExcel['run'] };
}

const globals = window as unknown as PageGlobals;
if (globals.tirageStartingWorkbook === undefined) throw new Error('tirageStartingWorkbook absent : injectez le classeur de départ avant ce script.');
const excel = new SimulatedExcel(workbookFromSnapshot(globals.tirageStartingWorkbook));
let runs = 0;
globals.Excel = {
  run: (batch) => {
    runs += 1;
    return excel.run(batch);
  },
};
globals.tirageSimulatedExcel = { snapshot: () => snapshotOf(excel.workbook), runs: () => runs };
