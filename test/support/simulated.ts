/** Small builders of simulated workbooks for the adapter's tests. */
import { checkDrawRequest, requireDrawRequest, type DrawRequestInput } from '../../src/core/drawRequest';
import type { DrawOrder } from '../../src/excel/recordWriter';
import type { TableRef } from '../../src/excel/tableReader';
import { SimulatedExcel } from '../../src/excel/simulated/excel';
import { cellAt, emptyWorkbook, newSheet, type SimSheet, type SimValue, type SimWorkbook } from '../../src/excel/simulated/state';

export interface SheetSpec {
  name: string;
  /** Rows of values from (`row`, `column`) (1-based; A1 by default); null leaves a cell empty. */
  rows: (SimValue | null)[][];
  row?: number;
  column?: number;
  /** Number format of every cell written, or by column (0-based within `rows`). */
  format?: string | Record<number, string>;
  /** An Excel table over all of `rows`, first row the header. */
  table?: string;
  protected?: boolean;
}

export function sheetOf(spec: SheetSpec): SimSheet {
  const sheet = newSheet(spec.name);
  const top = (spec.row ?? 1) - 1;
  const left = (spec.column ?? 1) - 1;
  spec.rows.forEach((values, i) =>
    values.forEach((value, j) => {
      if (value === null) return;
      const cell = cellAt(sheet, top + i, left + j);
      cell.value = value;
      const format = typeof spec.format === 'string' ? spec.format : spec.format?.[j];
      if (format) cell.numberFormat = format;
    }),
  );
  if (spec.table) {
    const columns = Math.max(...spec.rows.map((r) => r.length));
    sheet.tables.push({ name: spec.table, rect: { row: top, column: left, rowCount: spec.rows.length, columnCount: columns }, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true });
  }
  if (spec.protected) sheet.protection.protected = true;
  return sheet;
}

export function workbookOf(specs: SheetSpec[], options: { date1904?: boolean; readOnly?: boolean; structureProtected?: boolean } = {}): SimWorkbook {
  const workbook = emptyWorkbook(options);
  workbook.sheets.push(...specs.map(sheetOf));
  return workbook;
}

export function excelOf(specs: SheetSpec[], options: Parameters<typeof workbookOf>[1] = {}): SimulatedExcel {
  return new SimulatedExcel(workbookOf(specs, options));
}

export const HEADER = ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'];

/** The 16 candidatures of 13 June 2025 (Centre 2 F; Est 2 F, 3 H; Ouest 1 H; Nord 2 F, 4 H; Sud 2 H), birth dates as text. */
export function juneRows(): string[][] {
  const groups: [string, string, number][] = [
    ['Centre', 'F', 2],
    ['Est', 'F', 2],
    ['Est', 'H', 3],
    ['Ouest', 'H', 1],
    ['Nord', 'F', 2],
    ['Nord', 'H', 4],
    ['Sud', 'H', 2],
  ];
  const rows: string[][] = [];
  for (const [sector, sex, count] of groups) {
    for (let i = 0; i < count; i++) {
      const n = rows.length + 1;
      rows.push([String(n), `Nom${n}`, `Prénom${n}`, sex, `${String(1 + n).padStart(2, '0')}/0${1 + (n % 9)}/19${50 + n}`, sector]);
    }
  }
  return rows;
}

/** A deep copy of a sheet's state, in a fixed order, for before/after comparisons. */
export function snapshot(sheet: SimSheet | undefined): unknown {
  if (!sheet) return undefined;
  const sorted = <V>(map: Map<string | number, V>) => [...map].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return JSON.parse(JSON.stringify({ ...sheet, cells: sorted(sheet.cells), columnWidths: sorted(sheet.columnWidths), rowHeights: sorted(sheet.rowHeights) }));
}

/** A draw order as the task pane makes it: the request checked by core, with the fingerprint shown in step 3. */
export function drawOrderFor(source: TableRef, shown: string, input: Partial<DrawRequestInput> & { referenceDate: string }, sourceFile = 'candidatures.xlsx'): DrawOrder {
  const request = requireDrawRequest(checkDrawRequest({ publicSeed: '4 2 6 1 5 3', excludeInvalid: false, ...input, announcedFingerprint: shown }, { today: input.referenceDate }));
  return { source, sourceFile, request: { ...request, announcedFingerprint: shown } };
}
