/**
 * What a renderer made of a render plan, in one neutral shape: values, number formats, fonts,
 * fills, alignment, borders, merges, widths, heights, tables and filters, frozen panes, print
 * set-up, footer and protection. A file record is read with exceljs (fileLook), a simulated
 * sheet from the simulation's state (simLook); two renderers agree when the looks are equal.
 */
import * as ExcelJS from 'exceljs';
import { columnLetter } from '../../src/core/errors';
import { pointsToCharacters } from '../../src/excel/columnWidths';
import { parseAddress, rectAddress, type SimSheet } from '../../src/excel/simulated/state';

export interface CellLook {
  value: string | number | boolean | null;
  numberFormat: string;
  font: { name: string | null; size: number | null; bold: boolean; italic: boolean; color: string | null };
  fill: string | null;
  horizontal: string | null;
  vertical: string | null;
  wrap: boolean;
  border: { top: string | null; bottom: string | null; left: string | null; right: string | null };
}

export interface SheetLook {
  cells: Record<string, CellLook>;
  merges: string[];
  widths: number[];
  heights: Record<number, number>;
  frozen: { rows: number; columns: number };
  tables: { name: string; ref: string; style: string; stripes: boolean }[];
  filter: string | null;
  print: {
    orientation: string;
    paperSize: number;
    margins: number[];
    fitToWidth: number | null;
    fitToHeight: number | null;
    /** Percent, when the sheet is not fitted to the page width. */
    scale: number | null;
    /** Rows that begin a page (manual breaks). */
    pageBreaks: number[];
    titleRows: string | null;
    footer: string;
  };
  protection: { protected: boolean; allowAutoFilter: boolean; allowSort: boolean };
}

const rgb = (argb: string | undefined) => (argb ? argb.slice(-6).toUpperCase() : null);
const round = (x: number) => Math.round(x * 100) / 100;
const vertical = (v: string | undefined) => (v === undefined ? null : v === 'middle' ? 'center' : v.toLowerCase());
const isDefault = (c: CellLook) =>
  c.value === null && c.numberFormat === 'General' && c.fill === null && !c.font.bold && !c.font.italic && c.font.color === null && c.font.name === null && c.border.top === null && c.border.left === null;

/** exceljs does not read <rowBreaks> back: the breaks come from the sheet's XML (a <brk> names the row above the break). */
export function fileLook(ws: ExcelJS.Worksheet, sheetXml: string): SheetLook {
  const cells: Record<string, CellLook> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const s = cell.style ?? {};
      const value = cell.type === ExcelJS.ValueType.Merge ? null : (cell.value as CellLook['value']) ?? null;
      const look: CellLook = {
        value: value === '' ? null : value,
        numberFormat: cell.numFmt ?? 'General',
        font: { name: s.font?.name ?? null, size: s.font?.size ?? null, bold: s.font?.bold === true, italic: s.font?.italic === true, color: rgb(s.font?.color?.argb) },
        fill: s.fill && s.fill.type === 'pattern' && s.fill.pattern === 'solid' ? rgb(s.fill.fgColor?.argb) : null,
        horizontal: s.alignment?.horizontal ?? null,
        vertical: vertical(s.alignment?.vertical),
        wrap: s.alignment?.wrapText === true,
        border: {
          top: s.border?.top?.style ? rgb(s.border.top.color?.argb) : null,
          bottom: s.border?.bottom?.style ? rgb(s.border.bottom.color?.argb) : null,
          left: s.border?.left?.style ? rgb(s.border.left.color?.argb) : null,
          right: s.border?.right?.style ? rgb(s.border.right.color?.argb) : null,
        },
      };
      if (!isDefault(look)) cells[`${columnLetter(c - 1)}${r}`] = look;
    }),
  );
  const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const p = ws.pageSetup;
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; autoFilter?: boolean; sort?: boolean } }).sheetProtection;
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) heights[r] = round(row.height);
  });
  const filter = ws.autoFilter ? parseAddress(String(ws.autoFilter)) : null;
  return {
    cells,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    widths: (ws.columns ?? []).map((c) => round(c.width ?? 0)),
    heights,
    frozen: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 },
    tables: (ws.getTables() as unknown as { table: { name: string; tableRef: string; style: { theme: string; showRowStripes: boolean } } }[]).map((t) => ({
      name: t.table.name,
      ref: t.table.tableRef,
      style: t.table.style.theme,
      stripes: t.table.style.showRowStripes,
    })),
    filter: filter ? rectAddress(filter.rect) : null,
    print: {
      orientation: p.orientation ?? 'portrait',
      paperSize: p.paperSize ?? 0,
      margins: ['left', 'right', 'top', 'bottom', 'header', 'footer'].map((k) => round((p.margins as unknown as Record<string, number>)[k])),
      fitToWidth: p.fitToPage ? (p.fitToWidth ?? null) : null,
      fitToHeight: p.fitToPage ? (p.fitToHeight ?? null) : null,
      scale: p.fitToPage ? null : (p.scale ?? 100),
      pageBreaks: [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1),
      titleRows: p.printTitlesRow ? p.printTitlesRow.replace(/\$/g, '') : null,
      footer: ws.headerFooter?.oddFooter ?? '',
    },
    protection: { protected: protection?.sheet === true, allowAutoFilter: protection?.autoFilter === true, allowSort: protection?.sort === true },
  };
}

export function simLook(sheet: SimSheet): SheetLook {
  const cells: Record<string, CellLook> = {};
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(':').map(Number);
    const s = cell.style;
    const look: CellLook = {
      value: cell.formula ?? cell.value,
      numberFormat: cell.numberFormat,
      font: { name: s.fontName ?? null, size: s.size ?? null, bold: s.bold === true, italic: s.italic === true, color: s.color ?? null },
      fill: s.fill ?? null,
      horizontal: s.horizontal ? s.horizontal.toLowerCase() : null,
      vertical: s.vertical ? s.vertical.toLowerCase() : null,
      wrap: s.wrap === true,
      border: { top: s.borders?.top ?? null, bottom: s.borders?.bottom ?? null, left: s.borders?.left ?? null, right: s.borders?.right ?? null },
    };
    if (!isDefault(look)) cells[`${columnLetter(c)}${r + 1}`] = look;
  }
  const widths: number[] = [];
  for (const [column, points] of sheet.columnWidths) widths[column] = pointsToCharacters(points);
  const heights: Record<number, number> = {};
  for (const [row, points] of sheet.rowHeights) heights[row + 1] = round(points);
  const layout = sheet.pageLayout;
  const footer = `${layout.footer.left ? `&L${layout.footer.left}` : ''}${layout.footer.center ? `&C${layout.footer.center}` : ''}${layout.footer.right ? `&R${layout.footer.right}` : ''}`;
  return {
    cells,
    merges: sheet.merges.map(rectAddress).sort(),
    widths: Array.from(widths, (w) => round(w ?? 0)),
    heights,
    frozen: sheet.frozen,
    tables: sheet.tables.map((t) => ({ name: t.name, ref: rectAddress(t.rect), style: t.style, stripes: t.showBandedRows })),
    filter: sheet.autoFilter ? rectAddress(sheet.autoFilter) : null,
    print: {
      orientation: layout.orientation.toLowerCase(),
      paperSize: layout.paperSize === 'A4' ? 9 : 0,
      margins: (['left', 'right', 'top', 'bottom', 'header', 'footer'] as const).map((k) => round(layout.margins[k] / 72)),
      fitToWidth: layout.zoom.horizontalFitToPages ?? null,
      fitToHeight: layout.zoom.horizontalFitToPages === undefined ? null : (layout.zoom.verticalFitToPages ?? null),
      scale: layout.zoom.horizontalFitToPages === undefined ? (layout.zoom.scale ?? 100) : null,
      pageBreaks: layout.rowBreaks,
      titleRows: layout.printTitleRows ? `${layout.printTitleRows.from}:${layout.printTitleRows.to}` : null,
      footer,
    },
    protection: { protected: sheet.protection.protected, allowAutoFilter: sheet.protection.allowAutoFilter, allowSort: sheet.protection.allowSort },
  };
}

