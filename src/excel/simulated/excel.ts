/**
 * A simulated Excel: an in-memory implementation of the slice of the Excel JavaScript API that the
 * adapter calls (`officeApi.ts`), strict where Excel is strict, so that the adapter's real code
 * runs unchanged in the tests, the bench, `npm run simulate` and the browser preview.
 *
 * What it enforces, as Excel does:
 * - proxies only queue operations; nothing happens before `context.sync()`, which runs the queue
 *   in order and stops at the first failing operation (those before it stay applied, as in Excel);
 * - reading a property that was not loaded and synced throws `PropertyNotLoaded`;
 * - a text written into a cell not formatted as text ('@') is interpreted: "=…", "+…", "-…" and
 *   "@…" become formulas, "12" a number, "VRAI" a boolean, "'abc" loses its apostrophe;
 * - `null` in a written array leaves the cell unchanged, as office.js documents;
 * - each sync's request and response are measured (UTF-8 bytes of their JSON, as office.js sends
 *   JSON) and over 5 MB fail with `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded` (Excel on the web's limit); a read of more than 5,000,000
 *   cells fails with `RangeExceedsLimit`;
 * - a cell over 32,767 characters, a footer over 255, a bad sheet or table name, a duplicate name
 *   (ignoring case; a table name taken by a table or a defined name is `InvalidArgument`, office-js
 *   #551), a write into a protected sheet or a read-only workbook all fail.
 * Faults can be injected (SimulatedFaults): a hang that lasts, a lost connection, a cell being
 * edited; and defined names can be added to the workbook. Custom XML parts (ExcelApi 1.5) are kept
 * by namespace, and `createWorkbook` (ExcelApi 1.8) records the workbooks it opens.
 *
 * No Node.js API here: the `.xlsx` loader and saver live apart, in `xlsxFile.ts`.
 */
import type {
  BorderSide,
  ExcelRunner,
  HorizontalAlignment,
  VerticalAlignment,
  WorkbookCreator,
  XlContext,
  XlCustomXmlPart,
  XlCustomXmlPartCollection,
  XlCustomXmlPartScopedCollection,
  XlFunctionResult,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlTable,
  XlTableCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from '../officeApi';
import {
  cellAt,
  cellKey,
  newSheet,
  overlaps,
  parseAddress,
  quoteSheetName,
  rectAddress,
  usedRect,
  emptyWorkbook,
  type Rect,
  type SimSheet,
  type SimStyle,
  type SimTable,
  type SimValue,
  type SimWorkbook,
} from './state';
import { isValidTableName, sameName, sheetNameProblem } from '../../core/record/names';

/** Excel on the web's limit for one request and for one response ("5 MB": taken as 5,000,000 bytes, the stricter reading). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/**
 * Past this many cells, a read is refused: « Excel: ... a range is limited to five million cells
 * for get operations » (resource limits,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * answered with RangeExceedsLimit (Excel.ErrorCodes).
 */
export const MAX_CELLS_PER_READ = 5_000_000;
export const MAX_CELL_CHARACTERS = 32_767;
export const MAX_FOOTER_CHARACTERS = 255;

export const CELL_EDIT_ERROR = 'InvalidOperationInCellEditMode';

/** Shaped like OfficeExtension.Error: a code a program tests, a message. */
export class SimulatedExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/**
 * Faults as real Excel shows them, each from Microsoft's documentation or an office-js issue.
 * Syncs are numbered from 1 over the simulation's life, refused ones included.
 */
export interface SimulatedFaults {
  /**
   * From this sync on, nothing answers: this sync and every later one, in any later `run` too —
   * after one sync that never answered, later Excel.run calls did not answer either (office-js
   * #6678, #4805, #6150).
   */
  hangFromSync?: number;
  /**
   * From this sync on, every sync fails before anything runs, with this code: 'ConnectionFailure'
   * for a lost connection (OfficeExtension.ErrorCodes.connectionFailure).
   */
  failFromSync?: { sync: number; code: string };
  /**
   * Someone types in a cell from this sync on: the next `refusals` syncs fail with
   * `InvalidOperationInCellEditMode` and run nothing, then the cell is left and Excel accepts. As
   * Excel on the web answers even to a batch run with `delayForCellEdit` (office-js #3019, #856,
   * #3323); where that option is honoured, Excel holds the request instead, which the adapter
   * sees as a slow sync.
   */
  cellEdit?: { fromSync: number; refusals: number };
  /** Called before a sync runs: a co-author's edit arriving between two requests. */
  beforeSync?: (sync: number, workbook: SimWorkbook) => void;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

const encoder = new TextEncoder();
const byteLength = (value: unknown) => (value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length);

export class SimulatedExcel {
  readonly workbook: SimWorkbook;
  readonly syncs: SyncRecord[] = [];
  faults: SimulatedFaults = {};
  /**
   * Excel on the web's 5 MB per request and per response. A test lowers it to stand for an
   * estimate of the adapter's that came out too low (office.js's own encoding is not measured here).
   */
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;

  constructor(workbook: SimWorkbook = emptyWorkbook()) {
    this.workbook = workbook;
  }

  /** The workbooks `createWorkbook` opened, as .xlsx bytes, in order. */
  readonly openedWorkbooks: Uint8Array[] = [];

  /**
   * Like `Excel.createWorkbook(base64)` (ExcelApi 1.8:
   * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)): the
   * Base64-encoded .xlsx opens as a new workbook (here: is recorded); no Excel.run, no sync.
   * Text that is not Base64 is refused (InvalidArgument), as a file Excel cannot open would be.
   */
  readonly createWorkbook: WorkbookCreator = (base64) => {
    let binary: string;
    try {
      binary = atob(base64);
    } catch {
      return Promise.reject(new SimulatedExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.'));
    }
    this.openedWorkbooks.push(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return Promise.resolve();
  };

  /** Like `Excel.run`: a fresh context for the batch, and a last sync for what it left queued. */
  readonly run: ExcelRunner = async (batch) => {
    const context = new SimulatedContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  };

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  sheet(name: string): SimSheet | undefined {
    return findSheet(this.workbook, name);
  }
}

function findSheet(workbook: SimWorkbook, name: string): SimSheet | undefined {
  return workbook.sheets.find((s) => sameName(s.name, name));
}

// ---------------------------------------------------------------------------------------------
// The request context and its queue

interface Loaded {
  response: unknown;
  commit: () => void;
}

interface Operation {
  /** What office.js would send for it, measured for the 5 MB limit. */
  payload: unknown;
  run: () => Loaded | void;
}

class SimulatedContext implements XlContext {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];

  constructor(readonly excel: SimulatedExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  get state(): SimWorkbook {
    return this.excel.workbook;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(payload: unknown, run: () => Loaded | void): void {
    this.queue.push({ payload, run });
  }

  sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    const number = this.excel.syncs.length + 1;
    const record: SyncRecord = { requestBytes: byteLength(operations.map((o) => o.payload)), responseBytes: 0, operations: operations.length };
    this.excel.syncs.push(record);
    const { hangFromSync, failFromSync, cellEdit, beforeSync } = this.excel.faults;
    if (hangFromSync !== undefined && number >= hangFromSync) return new Promise<void>(() => undefined);
    if (failFromSync !== undefined && number >= failFromSync.sync) return Promise.reject(new SimulatedExcelError(failFromSync.code, 'The connection to Excel was lost.'));
    if (cellEdit !== undefined && number >= cellEdit.fromSync && number < cellEdit.fromSync + cellEdit.refusals) {
      // The wording of office.js's own string L_InvalidOperationInCellEditMode.
      return Promise.reject(
        new SimulatedExcelError(CELL_EDIT_ERROR, 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.'),
      );
    }
    beforeSync?.(number, this.excel.workbook);
    if (record.requestBytes > this.excel.payloadLimitBytes) {
      return Promise.reject(new SimulatedExcelError('RequestPayloadSizeLimitExceeded', `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`));
    }
    const loaded: Loaded[] = [];
    try {
      for (const operation of operations) {
        const result = operation.run();
        if (result) loaded.push(result);
      }
    } catch (error) {
      return Promise.reject(error);
    }
    record.responseBytes = byteLength(loaded.map((l) => l.response));
    if (record.responseBytes > this.excel.payloadLimitBytes) {
      return Promise.reject(new SimulatedExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`));
    }
    for (const l of loaded) l.commit();
    return Promise.resolve();
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies: a loaded-properties store, load paths, write checks

function notLoaded(name: string): SimulatedExcelError {
  return new SimulatedExcelError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function fail(code: string, message: string): never {
  throw new SimulatedExcelError(code, message);
}

/** "a, b/c" → ["a", "b/c"]; nothing → the object's own scalar properties. */
function loadPaths(names: string | string[] | undefined, defaults: readonly string[]): string[] {
  if (names === undefined) return [...defaults];
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

abstract class SimObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(protected readonly context: SimulatedContext) {}

  /** Where the object is, for the request's measure. */
  protected abstract path(): string;
  protected abstract readonly scalars: readonly string[];
  /** A scalar property's value, read at execution time. */
  protected abstract read(name: string): unknown;
  /** A navigation property (e.g. a table's worksheet), for paths such as "worksheet/name". */
  protected child(name: string): SimObject | undefined {
    void name;
    return undefined;
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw notLoaded(name);
    return this.loadedValues.get(name) as T;
  }

  load(names?: string | string[]): this {
    const paths = loadPaths(names, this.scalars);
    this.context.enqueue({ load: paths, on: this.path() }, () => this.collect(paths));
    return this;
  }

  /** Reads the requested paths now; their values become readable after the sync succeeds. */
  collect(paths: readonly string[]): Loaded {
    const values = new Map<string, unknown>();
    const children: Loaded[] = [];
    const byHead = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      byHead.set(head, [...(byHead.get(head) ?? []), ...(rest.length > 0 ? [rest.join('/')] : [])]);
    }
    for (const [head, rest] of byHead) {
      const child = this.child(head);
      if (child) children.push(child.collect(rest.length > 0 ? rest : child.scalars));
      else if (this.scalars.includes(head)) values.set(head, this.read(head));
      else fail('InvalidArgument', `The property '${head}' does not exist on ${this.path()}.`);
    }
    return {
      response: [Object.fromEntries(values), children.map((c) => c.response)],
      commit: () => {
        for (const [k, v] of values) this.loadedValues.set(k, v);
        children.forEach((c) => c.commit());
      },
    };
  }

  protected queue(action: string, args: unknown, run: () => void): void {
    this.context.enqueue({ on: this.path(), action, args }, run);
  }
}

/** Writes refused in a read-only workbook, and (for cell content and layout) on a protected sheet. */
function checkWritable(workbook: SimWorkbook, sheet: SimSheet | null, what: string): void {
  if (workbook.readOnly) fail('AccessDenied', 'The workbook is read-only.');
  if (sheet?.protection.protected) fail('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}): ${what}.`);
}

/** Excel's rules for a sheet's name. */
function checkSheetName(workbook: SimWorkbook, name: string, except?: SimSheet): void {
  const problem = typeof name === 'string' ? sheetNameProblem(name) : 'not a text';
  if (problem !== null) fail('InvalidArgument', `The sheet name « ${name} » is not valid: ${problem}.`);
  const same = findSheet(workbook, name);
  if (same && same !== except) fail('ItemAlreadyExists', `A sheet named « ${name} » already exists.`);
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

class WorkbookProxy extends SimObject implements XlWorkbook {
  protected readonly scalars = ['readOnly'] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;
  readonly functions = { date: (year: number, month: number, day: number) => new FunctionResultProxy(this.context, year, month, day) };

  constructor(context: SimulatedContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.names = new NamedItemCollectionProxy(context);
    this.protection = new WorkbookProtectionProxy(context);
    this.customXmlParts = new CustomXmlPartCollectionProxy(context);
  }

  protected path(): string {
    return 'workbook';
  }

  protected read(): unknown {
    return this.context.state.readOnly;
  }

  get readOnly(): boolean {
    return this.loadedValue('readOnly');
  }
}

/** The workbook-scoped defined names (NamedItemCollection, ExcelApi 1.1): their names, loaded as `items/name`. */
class NamedItemCollectionProxy extends SimObject {
  protected readonly scalars = ['items'] as const;
  private itemsLoaded: { name: string }[] | null = null;

  protected path(): string {
    return 'workbook.names';
  }

  protected read(): unknown {
    return undefined;
  }

  override collect(paths: readonly string[]): Loaded {
    const wanted = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    if (wanted.some((p) => p !== 'name')) fail('InvalidArgument', `The simulation loads only the names of defined names (${wanted.join(', ')}).`);
    const items = this.context.state.definedNames.map((n) => ({ name: n.name }));
    return { response: items, commit: () => void (this.itemsLoaded = items) };
  }

  get items(): { name: string }[] {
    if (this.itemsLoaded === null) throw notLoaded('items');
    return this.itemsLoaded;
  }
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts (Workbook.customXmlParts, ExcelApi 1.5:
// https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection): XML stored in the
// file, in no sheet. A part's namespace is its root element's (CustomXmlPart.namespaceUri); `add`
// refuses XML that is not well formed enough to have one (InvalidArgument).

/** The namespace of the root element of `xml`, or null when it has no root element with one. */
function rootNamespace(xml: string): string | null {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*((?:\s+[^\s=>]+\s*=\s*"[^"]*")*)\s*\/?>/.exec(xml);
  if (root === null) return null;
  const attribute = root[1] === undefined ? 'xmlns' : `xmlns:${root[1]}`;
  const found = new RegExp(`\\s${attribute.replace(/\./g, '\\.')}\\s*=\\s*"([^"]*)"`).exec(root[2]);
  return found === null ? null : found[1];
}

class CustomXmlPartCollectionProxy implements XlCustomXmlPartCollection {
  private added = 0;

  constructor(private readonly context: SimulatedContext) {}

  add(xml: string): CustomXmlPartProxy {
    let part: SimWorkbook['customXmlParts'][number] | null = null;
    const id = `{sim-${this.context.state.customXmlParts.length + ++this.added}}`;
    this.context.enqueue({ on: 'workbook.customXmlParts', action: 'add', args: xml }, () => {
      if (this.context.state.readOnly) fail('AccessDenied', 'The workbook is read-only.');
      const namespaceUri = rootNamespace(xml);
      if (namespaceUri === null) fail('InvalidArgument', 'The XML of a custom XML part has no root element in a namespace.');
      part = { id, namespaceUri, xml };
      this.context.state.customXmlParts.push(part);
    });
    return new CustomXmlPartProxy(this.context, () => part ?? fail('ItemNotFound', 'The custom XML part was not added.'));
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedProxy {
    return new CustomXmlPartScopedProxy(this.context, namespaceUri);
  }
}

class CustomXmlPartScopedProxy extends SimObject implements XlCustomXmlPartScopedCollection {
  protected readonly scalars = ['items'] as const;
  private itemsLoaded: CustomXmlPartProxy[] | null = null;

  constructor(
    context: SimulatedContext,
    private readonly namespaceUri: string,
  ) {
    super(context);
  }

  protected path(): string {
    return `workbook.customXmlParts.getByNamespace(${this.namespaceUri})`;
  }

  protected read(): unknown {
    return undefined;
  }

  override collect(paths: readonly string[]): Loaded {
    const wanted = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    if (wanted.some((p) => p !== 'id')) fail('InvalidArgument', `The simulation loads only the ids of custom XML parts (${wanted.join(', ')}).`);
    const parts = this.context.state.customXmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
    const items = parts.map((part) => new CustomXmlPartProxy(this.context, () => this.context.state.customXmlParts.find((p) => p === part) ?? fail('ItemNotFound', 'The custom XML part was deleted.'), part.id));
    return { response: parts.map((p) => p.id), commit: () => void (this.itemsLoaded = items) };
  }

  get items(): CustomXmlPartProxy[] {
    if (this.itemsLoaded === null) throw notLoaded('items');
    return this.itemsLoaded;
  }
}

class CustomXmlPartProxy extends SimObject implements XlCustomXmlPart {
  protected readonly scalars = ['id'] as const;

  constructor(
    context: SimulatedContext,
    private readonly target: () => SimWorkbook['customXmlParts'][number],
    private readonly knownId: string | null = null,
  ) {
    super(context);
  }

  protected path(): string {
    return 'workbook.customXmlParts.item';
  }

  protected read(): unknown {
    return this.target().id;
  }

  get id(): string {
    return this.knownId ?? this.loadedValue('id');
  }

  getXml(): { readonly value: string } {
    let value: string | null = null;
    this.context.enqueue({ on: this.path(), action: 'getXml' }, () => {
      const xml = this.target().xml;
      return { response: xml, commit: () => void (value = xml) };
    });
    return {
      get value(): string {
        if (value === null) throw notLoaded('value');
        return value;
      },
    };
  }

  delete(): void {
    this.queue('delete', null, () => {
      if (this.context.state.readOnly) fail('AccessDenied', 'The workbook is read-only.');
      const parts = this.context.state.customXmlParts;
      parts.splice(parts.indexOf(this.target()), 1);
    });
  }
}

class WorkbookProtectionProxy extends SimObject {
  protected readonly scalars = ['protected'] as const;

  protected path(): string {
    return 'workbook.protection';
  }

  protected read(): unknown {
    return this.context.state.structureProtected;
  }

  get protected(): boolean {
    return this.loadedValue('protected');
  }
}

/** Adding, renaming or deleting a sheet: refused in a read-only workbook or one whose structure is protected. */
function checkStructure(workbook: SimWorkbook): void {
  if (workbook.readOnly) fail('AccessDenied', 'The workbook is read-only.');
  if (workbook.structureProtected) fail('AccessDenied', "The workbook's structure is protected.");
}

/** DATE(year, month, day) as the workbook's date system counts it. */
class FunctionResultProxy extends SimObject implements XlFunctionResult {
  protected readonly scalars = ['value', 'error'] as const;
  private result: number | null = null;

  constructor(context: SimulatedContext, year: number, month: number, day: number) {
    super(context);
    context.enqueue({ on: 'workbook.functions', action: 'date', args: [year, month, day] }, () => {
      const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
      this.result = context.state.date1904 ? days - 1462 : days;
    });
  }

  protected path(): string {
    return 'workbook.functions.date';
  }

  protected read(name: string): unknown {
    if (name === 'error') return this.result === null || this.result < 0 ? '#NUM!' : null;
    return this.result !== null && this.result >= 0 ? this.result : null;
  }

  get value(): number {
    return this.loadedValue('value');
  }

  get error(): string {
    return this.loadedValue('error');
  }
}

class WorksheetCollectionProxy extends SimObject implements XlWorksheetCollection {
  protected readonly scalars = ['items'] as const;

  protected path(): string {
    return 'workbook.worksheets';
  }

  protected read(): unknown {
    return undefined;
  }

  override collect(paths: readonly string[]): Loaded {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    const sheets = [...this.context.state.sheets];
    const items = sheets.map((sheet) => new WorksheetProxy(this.context, () => sheet));
    const loaded = items.map((item) => item.collect(itemPaths.length > 0 ? itemPaths : ['name']));
    return {
      response: loaded.map((l) => l.response),
      commit: () => {
        this.itemsLoaded = items;
        loaded.forEach((l) => l.commit());
      },
    };
  }

  private itemsLoaded: WorksheetProxy[] | null = null;

  get items(): WorksheetProxy[] {
    if (this.itemsLoaded === null) throw notLoaded('items');
    return this.itemsLoaded;
  }

  add(name?: string): WorksheetProxy {
    let created: SimSheet | null = null;
    const proxy = new WorksheetProxy(this.context, () => created ?? fail('InvalidObjectPath', 'The sheet was never created.'));
    this.queue('add', [name], () => {
      const state = this.context.state;
      checkStructure(state);
      let wanted = name;
      for (let n = state.sheets.length + 1; wanted === undefined; n++) if (!findSheet(state, `Feuil${n}`)) wanted = `Feuil${n}`;
      checkSheetName(state, wanted);
      created = newSheet(wanted);
      state.sheets.push(created);
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => findSheet(this.context.state, key) ?? fail('ItemNotFound', `The sheet « ${key} » does not exist.`));
  }
}

class WorksheetProxy extends SimObject implements XlWorksheet {
  protected readonly scalars = ['name'] as const;
  readonly tables: TableCollectionProxy;
  readonly protection: ProtectionProxy;
  readonly pageLayout: PageLayoutProxy;

  constructor(
    context: SimulatedContext,
    readonly target: () => SimSheet,
  ) {
    super(context);
    this.tables = new TableCollectionProxy(context, target);
    this.protection = new ProtectionProxy(context, target);
    this.pageLayout = new PageLayoutProxy(context, target);
  }

  protected path(): string {
    return 'worksheet';
  }

  protected read(): unknown {
    return this.target().name;
  }

  protected override child(name: string): SimObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  get name(): string {
    return this.loadedValue('name');
  }

  set name(value: string) {
    this.queue('rename', value, () => {
      const sheet = this.target();
      checkStructure(this.context.state);
      checkSheetName(this.context.state, value, sheet);
      sheet.name = value;
    });
  }

  readonly freezePanes = {
    freezeRows: (count = 1) => this.queue('freezeRows', count, () => void (this.target().frozen = { rows: count, columns: 0 })),
    freezeColumns: (count = 1) => this.queue('freezeColumns', count, () => void (this.target().frozen = { rows: 0, columns: count })),
    freezeAt: (address: string) =>
      this.queue('freezeAt', address, () => {
        const parsed = parseAddress(address) ?? fail('InvalidArgument', `Bad address « ${address} ».`);
        this.target().frozen = { rows: parsed.rect.row + parsed.rect.rowCount, columns: parsed.rect.column + parsed.rect.columnCount };
      }),
  };

  /**
   * Manual page breaks (ExcelApi 1.9): « Adds a page break before the top-left cell of the range
   * specified » (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagebreakcollection).
   * The collection holds manual breaks only; a second break at the same row adds nothing here.
   */
  readonly horizontalPageBreaks = {
    add: (address: string) =>
      this.queue('horizontalPageBreaks.add', address, () => {
        const sheet = this.target();
        if (this.context.state.readOnly) fail('AccessDenied', 'The workbook is read-only.');
        const parsed = parseAddress(address) ?? fail('InvalidArgument', `Bad address « ${address} ».`);
        const row = parsed.rect.row + 1;
        if (!sheet.pageLayout.rowBreaks.includes(row)) sheet.pageLayout.rowBreaks = [...sheet.pageLayout.rowBreaks, row].sort((a, b) => a - b);
      }),
  };

  readonly autoFilter = {
    apply: (address: string) =>
      this.queue('autoFilter.apply', address, () => {
        const sheet = this.target();
        checkWritable(this.context.state, sheet, 'filter');
        sheet.autoFilter = (parseAddress(address) ?? fail('InvalidArgument', `Bad address « ${address} ».`)).rect;
      }),
  };

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this.target, () => {
      if (address === undefined) return { row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 };
      const parsed = parseAddress(address);
      if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== this.target().name.toLowerCase())) fail('InvalidArgument', `Bad address « ${address} ».`);
      return parsed.rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, this.target, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) fail('InvalidArgument', 'Bad range indexes.');
      return { row: startRow, column: startColumn, rowCount, columnCount };
    });
  }

  getRanges(address?: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.target, () =>
      (address ?? '').split(',').map((a) => (parseAddress(a) ?? fail('InvalidArgument', `Bad address « ${a} ».`)).rect),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this.target, () => usedRect(this.target(), valuesOnly));
  }

  activate(): void {
    this.queue('activate', null, () => void (this.context.state.activeSheet = this.target().name));
  }

  delete(): void {
    this.queue('delete', null, () => {
      const state = this.context.state;
      checkStructure(state);
      if (state.sheets.length === 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      state.sheets = state.sheets.filter((s) => s !== this.target());
    });
  }
}

class ProtectionProxy extends SimObject implements XlWorksheetProtection {
  protected readonly scalars = ['protected'] as const;

  constructor(
    context: SimulatedContext,
    private readonly target: () => SimSheet,
  ) {
    super(context);
  }

  protected path(): string {
    return 'worksheet.protection';
  }

  protected read(): unknown {
    return this.target().protection.protected;
  }

  get protected(): boolean {
    return this.loadedValue('protected');
  }

  protect(options: Parameters<XlWorksheetProtection['protect']>[0] = {}): void {
    this.queue('protect', options, () => {
      const sheet = this.target();
      if (this.context.state.readOnly) fail('AccessDenied', 'The workbook is read-only.');
      if (sheet.protection.protected) fail('InvalidOperation', `The sheet ${sheet.name} is already protected.`);
      sheet.protection = {
        protected: true,
        allowAutoFilter: options.allowAutoFilter ?? false,
        allowSort: options.allowSort ?? false,
        allowFormatCells: options.allowFormatCells ?? false,
        selectionMode: options.selectionMode ?? 'Normal',
      };
    });
  }

  unprotect(): void {
    this.queue('unprotect', null, () => {
      const sheet = this.target();
      if (this.context.state.readOnly) fail('AccessDenied', 'The workbook is read-only.');
      // Excel accepts unprotecting a sheet that is not protected: nothing changes.
      sheet.protection = { ...sheet.protection, protected: false };
    });
  }
}

class PageLayoutProxy implements XlPageLayout {
  constructor(
    private readonly context: SimulatedContext,
    private readonly target: () => SimSheet,
  ) {}

  private set<K extends string>(action: K, value: unknown, apply: (sheet: SimSheet) => void): void {
    this.context.enqueue({ on: 'worksheet.pageLayout', action, args: value }, () => {
      const sheet = this.target();
      if (this.context.state.readOnly) fail('AccessDenied', 'The workbook is read-only.');
      apply(sheet);
    });
  }

  private margin(side: keyof SimSheet['pageLayout']['margins'], points: number) {
    if (!(points >= 0)) fail('InvalidArgument', `Bad margin ${points}.`);
    this.set(`${side}Margin`, points, (s) => void (s.pageLayout.margins[side] = points));
  }

  set orientation(value: XlPageLayout['orientation']) {
    this.set('orientation', value, (s) => void (s.pageLayout.orientation = value));
  }
  get orientation(): XlPageLayout['orientation'] {
    throw notLoaded('orientation');
  }
  set paperSize(value: XlPageLayout['paperSize']) {
    this.set('paperSize', value, (s) => void (s.pageLayout.paperSize = value));
  }
  get paperSize(): XlPageLayout['paperSize'] {
    throw notLoaded('paperSize');
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  get leftMargin(): number {
    throw notLoaded('leftMargin');
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  get rightMargin(): number {
    throw notLoaded('rightMargin');
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  get topMargin(): number {
    throw notLoaded('topMargin');
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  get bottomMargin(): number {
    throw notLoaded('bottomMargin');
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  get headerMargin(): number {
    throw notLoaded('headerMargin');
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }
  get footerMargin(): number {
    throw notLoaded('footerMargin');
  }
  set zoom(value: XlPageLayout['zoom']) {
    // « Print page scale value can be between 10 and 400 » (PageLayoutZoomOptions.scale, ExcelApi 1.9:
    // https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayoutzoomoptions).
    if (value.scale !== undefined && !(Number.isInteger(value.scale) && value.scale >= 10 && value.scale <= 400)) fail('InvalidArgument', `Bad print scale ${value.scale}.`);
    this.set('zoom', value, (s) => void (s.pageLayout.zoom = { ...value }));
  }
  get zoom(): XlPageLayout['zoom'] {
    throw notLoaded('zoom');
  }

  private footer(section: 'left' | 'center' | 'right', text: string): void {
    if (text.length > MAX_FOOTER_CHARACTERS) fail('InvalidArgument', `A footer holds at most ${MAX_FOOTER_CHARACTERS} characters.`);
    this.set(`${section}Footer`, text, (s) => void (s.pageLayout.footer[section] = text));
  }

  readonly headersFooters = {
    defaultForAllPages: ((layout: PageLayoutProxy) => ({
      set leftFooter(text: string) {
        layout.footer('left', text);
      },
      get leftFooter(): string {
        throw notLoaded('leftFooter');
      },
      set centerFooter(text: string) {
        layout.footer('center', text);
      },
      get centerFooter(): string {
        throw notLoaded('centerFooter');
      },
      set rightFooter(text: string) {
        layout.footer('right', text);
      },
      get rightFooter(): string {
        throw notLoaded('rightFooter');
      },
    }))(this),
  };

  setPrintTitleRows(address: string): void {
    this.set('setPrintTitleRows', address, (s) => {
      const parsed = parseAddress(address) ?? fail('InvalidArgument', `Bad address « ${address} ».`);
      s.pageLayout.printTitleRows = { from: parsed.rect.row + 1, to: parsed.rect.row + parsed.rect.rowCount };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

function allTables(workbook: SimWorkbook): { sheet: SimSheet; table: SimTable }[] {
  return workbook.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

class TableCollectionProxy extends SimObject implements XlTableCollection {
  protected readonly scalars = ['items'] as const;
  private itemsLoaded: TableProxy[] | null = null;

  /** `sheet` null: the workbook's collection. */
  constructor(
    context: SimulatedContext,
    private readonly sheet: (() => SimSheet) | null,
  ) {
    super(context);
  }

  protected path(): string {
    return this.sheet ? 'worksheet.tables' : 'workbook.tables';
  }

  protected read(): unknown {
    return undefined;
  }

  override collect(paths: readonly string[]): Loaded {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    const found = this.sheet ? this.sheet().tables.map((table) => ({ sheet: this.sheet!(), table })) : allTables(this.context.state);
    const items = found.map(({ sheet, table }) => new TableProxy(this.context, () => sheet, () => table));
    const loaded = items.map((item) => item.collect(itemPaths.length > 0 ? itemPaths : ['name']));
    return {
      response: loaded.map((l) => l.response),
      commit: () => {
        this.itemsLoaded = items;
        loaded.forEach((l) => l.commit());
      },
    };
  }

  get items(): TableProxy[] {
    if (this.itemsLoaded === null) throw notLoaded('items');
    return this.itemsLoaded;
  }

  getItem(key: string): TableProxy {
    const find = () => {
      const found = this.sheet ? this.sheet().tables.map((table) => ({ sheet: this.sheet!(), table })) : allTables(this.context.state);
      return found.find((t) => sameName(t.table.name, key)) ?? fail('ItemNotFound', `The table « ${key} » does not exist.`);
    };
    return new TableProxy(this.context, () => find().sheet, () => find().table);
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let created: { sheet: SimSheet; table: SimTable } | null = null;
    const proxy = new TableProxy(
      this.context,
      () => created?.sheet ?? fail('InvalidObjectPath', 'The table was never created.'),
      () => created?.table ?? fail('InvalidObjectPath', 'The table was never created.'),
    );
    this.queue('add', [address, hasHeaders], () => {
      const state = this.context.state;
      const parsed = parseAddress(address) ?? fail('InvalidArgument', `Bad address « ${address} ».`);
      const sheet = this.sheet ? this.sheet() : parsed.sheet !== null ? findSheet(state, parsed.sheet) : undefined;
      if (!sheet) fail('InvalidArgument', `The table's address « ${address} » names no sheet.`);
      checkWritable(state, sheet, 'table');
      const rect = parsed.rect;
      if (sheet.tables.some((t) => overlaps(t.rect, rect))) fail('InvalidOperation', 'A table cannot overlap another table.');
      if (sheet.merges.some((m) => overlaps(m, rect))) fail('InvalidOperation', 'A table cannot hold merged cells.');
      if (!hasHeaders) fail('InvalidArgument', 'The simulation only adds tables whose first row is the header.');
      // Excel makes the header row distinct, non-empty texts: it rewrites any other header.
      const seen = new Set<string>();
      for (let c = 0; c < rect.columnCount; c++) {
        const cell = cellAt(sheet, rect.row, rect.column + c);
        let text = cell.value === null ? '' : String(cell.value);
        if (text.trim() === '' || seen.has(text.toLowerCase())) text = `Colonne${c + 1}`;
        seen.add(text.toLowerCase());
        if (cell.value !== text) Object.assign(cell, { value: text, formula: null });
      }
      let n = allTables(state).length + 1;
      while (allTables(state).some((t) => t.table.name.toLowerCase() === `tableau${n}`)) n++;
      const table: SimTable = { name: `Tableau${n}`, rect, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true };
      sheet.tables.push(table);
      created = { sheet, table };
    });
    return proxy;
  }
}

class TableProxy extends SimObject implements XlTable {
  protected readonly scalars = ['name', 'style', 'showBandedRows', 'showFilterButton'] as const;
  readonly worksheet: WorksheetProxy;

  constructor(
    context: SimulatedContext,
    private readonly sheet: () => SimSheet,
    private readonly target: () => SimTable,
  ) {
    super(context);
    this.worksheet = new WorksheetProxy(context, sheet);
  }

  protected path(): string {
    return 'table';
  }

  protected read(name: string): unknown {
    return this.target()[name as 'name'];
  }

  protected override child(name: string): SimObject | undefined {
    return name === 'worksheet' ? this.worksheet : undefined;
  }

  private setProperty<K extends 'name' | 'style' | 'showBandedRows' | 'showFilterButton'>(key: K, value: SimTable[K]): void {
    this.queue(`set ${key}`, value, () => {
      checkWritable(this.context.state, this.sheet(), 'table');
      const table = this.target();
      if (key === 'name') {
        const name = value as string;
        if (!isValidTableName(name)) fail('InvalidArgument', `The table name « ${name} » is not valid.`);
        // A name taken by another table or by a defined name: Excel answers only « The argument is
        // invalid or missing or has an incorrect format. » (InvalidArgument, office-js #551).
        const state = this.context.state;
        if (allTables(state).some((t) => t.table !== table && sameName(t.table.name, name)) || state.definedNames.some((n) => sameName(n.name, name))) {
          fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
        }
      }
      table[key] = value;
    });
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(value: string) {
    this.setProperty('name', value);
  }
  get style(): string {
    return this.loadedValue('style');
  }
  set style(value: string) {
    this.setProperty('style', value);
  }
  get showBandedRows(): boolean {
    return this.loadedValue('showBandedRows');
  }
  set showBandedRows(value: boolean) {
    this.setProperty('showBandedRows', value);
  }
  get showFilterButton(): boolean {
    return this.loadedValue('showFilterButton');
  }
  set showFilterButton(value: boolean) {
    this.setProperty('showFilterButton', value);
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.sheet, () => this.target().rect);
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges: values, number formats, formats, merges

/** What Excel makes of a text typed into a cell that is not formatted as text. */
function interpret(text: string): { value: SimValue | null; formula: string | null } {
  if (text === '') return { value: null, formula: null };
  if (text.length > 1 && text.startsWith('=')) return { value: '#NAME?', formula: text };
  if (/^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*$/.test(text)) return { value: Number(text.trim().replace(',', '.')), formula: null };
  if (/^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)\s*%\s*$/.test(text)) return { value: Number(text.replace('%', '').trim().replace(',', '.')) / 100, formula: null };
  if (text.length > 1 && (text.startsWith('+') || text.startsWith('-'))) return { value: '#NAME?', formula: `=${text}` };
  if (text.length > 1 && text.startsWith('@')) return { value: '#NAME?', formula: `=${text.slice(1)}` };
  if (/^(vrai|true)$/i.test(text)) return { value: true, formula: null };
  if (/^(faux|false)$/i.test(text)) return { value: false, formula: null };
  // An apostrophe first marks a text and is not part of it.
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  return { value: text, formula: null };
}

function checkShape(values: unknown, rect: Rect, what: string): unknown[][] | null {
  if (!Array.isArray(values)) return null; // one value for every cell
  if (values.length !== rect.rowCount || values.some((row) => !Array.isArray(row) || row.length !== rect.columnCount)) {
    fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return values as unknown[][];
}

function eachCell(rect: Rect, visit: (row: number, column: number, i: number, j: number) => void): void {
  for (let i = 0; i < rect.rowCount; i++) for (let j = 0; j < rect.columnCount; j++) visit(rect.row + i, rect.column + j, i, j);
}

class RangeProxy extends SimObject implements XlRange {
  protected readonly scalars = ['values', 'numberFormat', 'formulas', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'isNullObject'] as const;
  readonly format: RangeFormatProxy;

  constructor(
    context: SimulatedContext,
    private readonly sheet: () => SimSheet,
    private readonly rect: () => Rect | null,
  ) {
    super(context);
    this.format = new RangeFormatProxy(context, sheet, () => [this.existing()]);
  }

  private existing(): Rect {
    return this.rect() ?? fail('ItemNotFound', 'The range is a null object.');
  }

  protected path(): string {
    return 'range';
  }

  protected read(name: string): unknown {
    const rect = this.rect();
    if (name === 'isNullObject') return rect === null;
    if (rect === null) return null;
    const sheet = this.sheet();
    const grid = (cell: (row: number, column: number) => unknown) => {
      if (rect.rowCount * rect.columnCount > MAX_CELLS_PER_READ) fail('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
      return Array.from({ length: rect.rowCount }, (_, i) => Array.from({ length: rect.columnCount }, (_, j) => cell(rect.row + i, rect.column + j)));
    };
    switch (name) {
      case 'values':
        return grid((r, c) => sheet.cells.get(cellKey(r, c))?.value ?? '');
      case 'numberFormat':
        return grid((r, c) => sheet.cells.get(cellKey(r, c))?.numberFormat ?? 'General');
      case 'formulas':
        return grid((r, c) => {
          const cell = sheet.cells.get(cellKey(r, c));
          return cell?.formula ?? cell?.value ?? '';
        });
      case 'address':
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
    }
    return undefined;
  }

  get values(): unknown[][] {
    return this.loadedValue('values');
  }
  set values(values: unknown[][]) {
    this.queue('set values', values, () => {
      const sheet = this.sheet();
      const rect = this.existing();
      checkWritable(this.context.state, sheet, 'values');
      const grid = checkShape(values, rect, 'values');
      eachCell(rect, (row, column, i, j) => {
        const value = grid ? grid[i][j] : values;
        if (value === null || value === undefined) return; // office.js: null leaves the cell as it is
        if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) {
          fail('InvalidArgument', `A cell holds at most ${MAX_CELL_CHARACTERS} characters (${sheet.name}!${rectAddress({ row, column, rowCount: 1, columnCount: 1 })}).`);
        }
        const cell = cellAt(sheet, row, column);
        if (typeof value === 'number' || typeof value === 'boolean') Object.assign(cell, { value, formula: null });
        else if (typeof value === 'string') Object.assign(cell, cell.numberFormat === '@' ? { value: value === '' ? null : value, formula: null } : interpret(value));
        else fail('InvalidArgument', `Unsupported cell value ${JSON.stringify(value)}.`);
      });
    });
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.queue('set numberFormat', formats, () => {
      const sheet = this.sheet();
      const rect = this.existing();
      checkWritable(this.context.state, sheet, 'number format');
      const grid = checkShape(formats, rect, 'numberFormat');
      eachCell(rect, (row, column, i, j) => {
        const format = grid ? grid[i][j] : formats;
        if (format === null || format === undefined) return;
        if (typeof format !== 'string') fail('InvalidArgument', 'A number format is a text.');
        cellAt(sheet, row, column).numberFormat = format;
      });
    });
  }

  get formulas(): unknown[][] {
    return this.loadedValue('formulas');
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }

  merge(across = false): void {
    this.queue('merge', across, () => {
      const sheet = this.sheet();
      const rect = this.existing();
      checkWritable(this.context.state, sheet, 'merge');
      const areas = across ? Array.from({ length: rect.rowCount }, (_, i) => ({ ...rect, row: rect.row + i, rowCount: 1 })) : [rect];
      for (const area of areas) {
        if (area.rowCount * area.columnCount < 2) continue;
        if (sheet.merges.some((m) => overlaps(m, area))) fail('InvalidOperation', 'Cannot merge over a merged area.');
        if (sheet.tables.some((t) => overlaps(t.rect, area))) fail('InvalidOperation', 'Cannot merge cells inside a table.');
        // Excel keeps the top-left value only.
        eachCell(area, (row, column, i, j) => {
          const hidden = i + j > 0 ? sheet.cells.get(cellKey(row, column)) : undefined;
          if (hidden) Object.assign(hidden, { value: null, formula: null });
        });
        sheet.merges.push(area);
      }
    });
  }

  select(): void {
    this.queue('select', null, () => {
      this.context.state.selection = { sheet: this.sheet().name, address: rectAddress(this.existing()) };
      this.context.state.activeSheet = this.sheet().name;
    });
  }
}

class RangeAreasProxy implements XlRangeAreas {
  readonly format: RangeFormatProxy;

  constructor(context: SimulatedContext, sheet: () => SimSheet, rects: () => Rect[]) {
    this.format = new RangeFormatProxy(context, sheet, rects);
  }
}

const COLOUR = /^#[0-9A-Fa-f]{6}$/;

/** Setters only: the adapter writes formats and never reads them back through office.js. */
class RangeFormatProxy implements XlRangeFormat {
  constructor(
    private readonly context: SimulatedContext,
    private readonly sheet: () => SimSheet,
    private readonly rects: () => Rect[],
  ) {}

  private apply(action: string, value: unknown, change: (sheet: SimSheet, rects: Rect[]) => void): void {
    this.context.enqueue({ on: 'format', action, args: value }, () => {
      const sheet = this.sheet();
      checkWritable(this.context.state, sheet, 'format');
      change(sheet, this.rects());
    });
  }

  private style(action: string, value: unknown, change: (style: SimStyle) => void): void {
    this.apply(action, value, (sheet, rects) => rects.forEach((rect) => eachCell(rect, (row, column) => change(cellAt(sheet, row, column).style))));
  }

  private colour(value: string): string {
    if (!COLOUR.test(value)) fail('InvalidArgument', `Colour « ${value} » is not #RRGGBB.`);
    return value.slice(1).toUpperCase();
  }

  readonly fill = ((f: RangeFormatProxy) => ({
    set color(value: string) {
      f.style('fill.color', value, (s) => void (s.fill = f.colour(value)));
    },
    get color(): string {
      throw notLoaded('color');
    },
  }))(this);

  readonly font = ((f: RangeFormatProxy) => ({
    set bold(value: boolean) {
      f.style('font.bold', value, (s) => void (s.bold = value));
    },
    get bold(): boolean {
      throw notLoaded('bold');
    },
    set italic(value: boolean) {
      f.style('font.italic', value, (s) => void (s.italic = value));
    },
    get italic(): boolean {
      throw notLoaded('italic');
    },
    set size(value: number) {
      f.style('font.size', value, (s) => void (s.size = value));
    },
    get size(): number {
      throw notLoaded('size');
    },
    set color(value: string) {
      f.style('font.color', value, (s) => void (s.color = f.colour(value)));
    },
    get color(): string {
      throw notLoaded('color');
    },
    set name(value: string) {
      f.style('font.name', value, (s) => void (s.fontName = value));
    },
    get name(): string {
      throw notLoaded('name');
    },
  }))(this);

  readonly borders = {
    getItem: (side: BorderSide) => {
      const format = this;
      // Edges draw the outline of each area; inside lines separate its cells.
      const draw = (colour: string | undefined) =>
        format.apply(`borders.${side}`, colour ?? 'none', (sheet, rects) =>
          rects.forEach((rect) => {
            // Taken strictly: VBA refuses an inside border where there is no inside line.
            if ((side === 'InsideHorizontal' && rect.rowCount < 2) || (side === 'InsideVertical' && rect.columnCount < 2)) {
              fail('InvalidArgument', `No ${side} border in ${rectAddress(rect)}.`);
            }
            eachCell(rect, (row, column, i, j) => {
              const borders = { ...cellAt(sheet, row, column).style.borders };
              const last = { i: i === rect.rowCount - 1, j: j === rect.columnCount - 1 };
              const sides: (keyof NonNullable<SimStyle['borders']>)[] = [];
              if (side === 'EdgeTop' && i === 0) sides.push('top');
              if (side === 'EdgeBottom' && last.i) sides.push('bottom');
              if (side === 'EdgeLeft' && j === 0) sides.push('left');
              if (side === 'EdgeRight' && last.j) sides.push('right');
              if (side === 'InsideHorizontal') sides.push(...(i > 0 ? ['top' as const] : []), ...(!last.i ? ['bottom' as const] : []));
              if (side === 'InsideVertical') sides.push(...(j > 0 ? ['left' as const] : []), ...(!last.j ? ['right' as const] : []));
              for (const s of sides) {
                if (colour === undefined) delete borders[s];
                else borders[s] = colour;
              }
              cellAt(sheet, row, column).style.borders = borders;
            });
          }),
        );
      let colour = '000000';
      return {
        set style(value: string) {
          draw(value === 'None' ? undefined : colour);
        },
        get style(): string {
          throw notLoaded('style');
        },
        set color(value: string) {
          colour = format.colour(value);
          draw(colour);
        },
        get color(): string {
          throw notLoaded('color');
        },
      };
    },
  };

  set horizontalAlignment(value: HorizontalAlignment) {
    this.style('horizontalAlignment', value, (s) => void (s.horizontal = value));
  }
  get horizontalAlignment(): HorizontalAlignment {
    throw notLoaded('horizontalAlignment');
  }
  set verticalAlignment(value: VerticalAlignment) {
    this.style('verticalAlignment', value, (s) => void (s.vertical = value));
  }
  get verticalAlignment(): VerticalAlignment {
    throw notLoaded('verticalAlignment');
  }
  set wrapText(value: boolean) {
    this.style('wrapText', value, (s) => void (s.wrap = value));
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }
  set columnWidth(points: number) {
    this.apply('columnWidth', points, (sheet, rects) => rects.forEach((r) => {
      for (let c = r.column; c < r.column + r.columnCount; c++) sheet.columnWidths.set(c, points);
    }));
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }
  set rowHeight(points: number) {
    this.apply('rowHeight', points, (sheet, rects) => rects.forEach((r) => {
      for (let row = r.row; row < r.row + r.rowCount; row++) sheet.rowHeights.set(row, points);
    }));
  }
  get rowHeight(): number {
    throw notLoaded('rowHeight');
  }
}
