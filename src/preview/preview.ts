/**
 * `npm run preview`: the task pane beside a simulated Excel, for rehearsal and training. The pane
 * is the add-in's own code (openSession on a WorkbookPort); only the Excel underneath is
 * simulated — the office.js adapter itself runs on the strict simulation — and drawn as a grid
 * with sheet tabs, so the live reveal can be watched. Starts on the example table; the operator
 * can load their own table (.csv, or .xlsx through the project's own browser-capable reader).
 */
import '../taskpane/taskpane.css';
import './preview.css';
import { InputError } from '../core/errors';
import type { ExcelRunner, WorkbookCreator } from '../excel/officeApi';
import { SimulatedExcel } from '../excel/simulated/excel';
import { snapshotOf, type WorkbookSnapshot } from '../excel/simulated/snapshot';
import { cellAt, parseAddress, type SimValue, type SimWorkbook } from '../excel/simulated/state';
import { simulatedWorkbookFromTable } from '../excel/simulated/tableWorkbook';
import { simulatedWorkbookFromXlsxBytes } from '../excel/simulated/xlsxWorkbook';
import { ExcelWorkbookAdapter } from '../excel/workbookAdapter';
import { decodeCsvBytes, parseCsvText } from '../file/csv';
import { openSession } from '../taskpane/pane';
import { mountPoint } from '../taskpane/render';
import { SheetGrid } from './sheetGrid';

const EXAMPLE = 'exemple-candidatures.csv';

let excel = new SimulatedExcel();
let fileName = EXAMPLE;

const grid = new SheetGrid(element('sheet-tabs'), element('sheet-panel'), () => excel.workbook);

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`preview.html n’a pas d’élément #${id}`);
  return found;
}

/** The simulation's own `run`, then the grid redrawn: each reveal step shows as it is written. */
const runner: ExcelRunner = async (batch) => {
  try {
    return await excel.run(batch);
  } finally {
    grid.render();
  }
};

function status(text: string, alert = false): void {
  const target = element('preview-file-status');
  target.setAttribute('role', alert ? 'alert' : 'status');
  target.className = alert ? 'preview-status preview-status--warning' : 'preview-status';
  target.textContent = text;
}

/**
 * `Excel.createWorkbook` in the preview: the simulated Excel records the workbook (as Excel would
 * open it in a new window), and the page lists it with a link to download it, named after its first sheet.
 */
const createWorkbook: WorkbookCreator = async (base64) => {
  await excel.createWorkbook(base64);
  const bytes = excel.openedWorkbooks[excel.openedWorkbooks.length - 1];
  const first = simulatedWorkbookFromXlsxBytes(bytes, 'classeur.xlsx').sheets[0]?.name ?? 'Classeur';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  link.download = `${first}.xlsx`;
  link.textContent = `${first}.xlsx`;
  const item = document.createElement('li');
  item.append(link);
  element('preview-opened').append(item);
};

function adapter(): ExcelWorkbookAdapter {
  return new ExcelWorkbookAdapter(runner, { createWorkbook });
}

function load(workbook: SimWorkbook, name: string): void {
  excel = new SimulatedExcel(workbook);
  fileName = name;
  grid.render();
  openSession(mountPoint(document), adapter(), { sourceFile: fileName });
}

function loadCsv(bytes: Uint8Array, name: string): void {
  const table = parseCsvText(decodeCsvBytes(bytes), name);
  load(simulatedWorkbookFromTable(table), name);
  status(`« ${name} » chargé dans la feuille « ${table.name} » du classeur simulé.`);
}

async function loadFile(file: File): Promise<void> {
  const lower = file.name.toLowerCase();
  try {
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) loadCsv(new Uint8Array(await file.arrayBuffer()), file.name);
    else if (lower.endsWith('.xlsx')) {
      load(simulatedWorkbookFromXlsxBytes(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
      status(`« ${file.name} » chargé dans le classeur simulé (${excel.workbook.sheets.length} feuille${excel.workbook.sheets.length > 1 ? 's' : ''}).`);
    } else status(`« ${file.name} » n’est ni un .csv ni un .xlsx : choisissez le tableau des candidatures enregistré dans l’un de ces formats.`, true);
  } catch (error) {
    const message = error instanceof InputError ? error.message : `Le fichier n’a pas pu être lu : ${error instanceof Error ? error.message : String(error)}.`;
    status(`${message} Corrigez le fichier, puis chargez-le à nouveau.`, true);
  }
}

element('preview-file').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) void loadFile(file);
});

/** For the browser tests and for anyone rehearsing a co-author's edit: a cell typed into the simulated Excel. */
interface PreviewHooks {
  snapshot(): WorkbookSnapshot;
  setCell(sheet: string, address: string, value: SimValue): void;
  loadCsvText(text: string, name: string): void;
  /** The pane opened again on the same workbook, as when Excel reopens the add-in. */
  reopenPane(): void;
  /** From the next request on, Excel answers with this error code (e.g. 'ConnectionFailure'); null: answers again. */
  failFromNextSync(code: string | null): void;
  /** The workbook opened read-only, as Excel does for a file locked by someone else. */
  setReadOnly(readOnly: boolean): void;
  /** A cell being edited in Excel: its next `refusals` requests are refused (InvalidOperationInCellEditMode), then it answers. */
  editCell(refusals: number): void;
  /** The workbooks the pane opened (`Excel.createWorkbook`), each as base 64, in order. */
  openedWorkbooks(): string[];
  /** The workbook's custom XML parts, as XML (where the pane keeps the sealing key until the draw). */
  customXmlParts(): string[];
  /** Each custom XML part's content replaced by `xml` (a damaged file, an edit by another program). */
  overwriteCustomXmlParts(xml: string): void;
}

const hooks: PreviewHooks = {
  snapshot: () => snapshotOf(excel.workbook),
  setCell(sheetName, address, value) {
    const sheet = excel.sheet(sheetName);
    const rect = parseAddress(address)?.rect;
    if (!sheet || !rect) throw new Error(`Cellule ${sheetName}!${address} introuvable`);
    Object.assign(cellAt(sheet, rect.row, rect.column), { value, formula: null });
    grid.render();
  },
  loadCsvText: (text, name) => loadCsv(new TextEncoder().encode(text), name),
  failFromNextSync: (code) => {
    excel.faults = code === null ? {} : { failFromSync: { sync: excel.syncs.length + 1, code } };
  },
  setReadOnly: (readOnly) => void (excel.workbook.readOnly = readOnly),
  editCell: (refusals) => {
    excel.faults = { cellEdit: { fromSync: excel.syncs.length + 1, refusals } };
  },
  reopenPane: () => void openSession(mountPoint(document), adapter(), { sourceFile: fileName }),
  customXmlParts: () => excel.workbook.customXmlParts.map((part) => part.xml),
  overwriteCustomXmlParts: (xml) => excel.workbook.customXmlParts.forEach((part) => (part.xml = xml)),
  openedWorkbooks: () => excel.openedWorkbooks.map((bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))),
};
(window as unknown as { tiragePreview: PreviewHooks }).tiragePreview = hooks;

async function start(): Promise<void> {
  const response = await fetch(EXAMPLE);
  if (!response.ok) throw new Error(`${EXAMPLE} : ${response.status}`);
  loadCsv(new Uint8Array(await response.arrayBuffer()), EXAMPLE);
}

start().catch((error: unknown) => status(`Le tableau d’exemple n’a pas pu être chargé (${error instanceof Error ? error.message : String(error)}) : chargez votre propre fichier .csv.`, true));
