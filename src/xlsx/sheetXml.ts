/**
 * A planned sheet as SpreadsheetML, written directly as text in chunks: no workbook model in
 * memory, so a record of 100,000 candidatures costs its own XML and little more (an exceljs
 * workbook of 10,000 rows took 1 GB). Elements follow the order CT_Worksheet requires
 * (ECMA-376 §18.3.1.99).
 *
 * Text is always text: every string is a shared string (`t="s"`), never a formula, whatever it
 * looks like ("=HYPERLINK(…)", "+33 6 12", "-2+3", "@SUM(A1:A9)", "'quoted", "_x0041_").
 */
import { cellAddress, columnLetter } from '../core/errors';
import type { CellRange, SheetPlan, TablePlan } from '../core/record/plan';
import { escapeXml } from './xmlText';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Rows per chunk: large enough to keep the number of chunks small, small enough to keep each one short. */
const ROWS_PER_CHUNK = 2000;

export interface SheetXmlContext {
  /** The workbook cell-format index of the plan's style `index`. */
  xf: (index: number) => number;
  /** The shared-string index of a text (added to the workbook's shared strings). */
  sharedString: (text: string) => number;
  /** The relationship id of each of the plan's tables, in the order of its lists. */
  tableRelIds: string[];
}

const encoder = new TextEncoder();

/** UTF-8 bytes, as the zip writer (src/xlsx/zipWriter.ts) takes them. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function rangeRef(range: CellRange): string {
  const from = cellAddress(range.fromColumn - 1, range.fromRow);
  const to = cellAddress(range.toColumn - 1, range.toRow);
  return from === to ? from : `${from}:${to}`;
}

/** The worksheet part, as UTF-8 chunks made as they are read. */
export function* worksheetXml(plan: SheetPlan, context: SheetXmlContext): Generator<Uint8Array> {
  const chunk = utf8;
  const fit = plan.print.fitToWidth;
  yield chunk(
    `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      (plan.rowCount > 0 ? `<dimension ref="${rangeRef({ fromRow: 1, fromColumn: 1, toRow: plan.rowCount, toColumn: plan.columnCount })}"/>` : '') +
      sheetViews(plan) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      cols(plan) +
      '<sheetData>',
  );
  for (const text of sheetDataRows(plan, context)) yield chunk(text);
  const filter = plan.lists.find((l) => l.kind === 'filter');
  const tables = plan.lists.filter((l): l is TablePlan => l.kind === 'table');
  const print = plan.print;
  yield chunk(
    '</sheetData>' +
      (plan.protection ? `<sheetProtection sheet="1"${plan.protection.allowAutoFilter ? ' autoFilter="0"' : ''}/>` : '') +
      (filter ? `<autoFilter ref="${rangeRef(filter.range)}"/>` : '') +
      (plan.merges.length > 0 ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>` : '') +
      `<pageMargins left="${print.margins.left}" right="${print.margins.right}" top="${print.margins.top}" bottom="${print.margins.bottom}" header="${print.margins.header}" footer="${print.margins.footer}"/>` +
      `<pageSetup paperSize="${print.paperSize}"${print.scale !== null ? ` scale="${print.scale}"` : ''} orientation="${print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
      `<headerFooter><oddFooter>${escapeXml(print.footerCode)}</oddFooter></headerFooter>` +
      rowBreaks(print.pageBreaks) +
      (tables.length > 0 ? `<tableParts count="${tables.length}">${context.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>` : '') +
      '</worksheet>',
  );
}

/**
 * Manual page breaks: a <brk> names the zero-based row that begins the next page, that is the
 * 1-based number of the row above the break (ECMA-376 §18.3.1.76 CT_PageBreak, « breaks occur
 * above the specified row »), across every column (max 16383).
 */
function rowBreaks(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const breaks = rows.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

function sheetViews(plan: SheetPlan): string {
  const frozen = plan.frozen;
  if (frozen === null) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = frozen.rows > 0 && frozen.columns > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = cellAddress(frozen.columns, frozen.rows + 1);
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''}${frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function cols(plan: SheetPlan): string {
  if (plan.columnWidths.length === 0) return '';
  const items = plan.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
  return `<cols>${items.join('')}</cols>`;
}

/** The <row> elements, a few thousand rows per string. */
function* sheetDataRows(plan: SheetPlan, context: SheetXmlContext): Generator<string> {
  const { rowCount, columnCount } = plan;
  // The style of each cell, painted from the runs; −1 where the plan has no cell.
  const styles = new Int32Array(rowCount * columnCount).fill(-1);
  for (const run of plan.styleRuns) {
    const xf = context.xf(run.style);
    for (const r of run.ranges) {
      for (let row = r.fromRow; row <= r.toRow; row++) styles.fill(xf, (row - 1) * columnCount + r.fromColumn - 1, (row - 1) * columnCount + r.toColumn);
    }
  }
  const values = sheetValues(plan);
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const letters = Array.from({ length: columnCount }, (_, c) => columnLetter(c));
  let text = '';
  for (let r = 1; r <= rowCount; r++) {
    const base = (r - 1) * columnCount;
    const row = values[r - 1];
    let cells = '';
    for (let c = 0; c < columnCount; c++) {
      const value = row[c] ?? null;
      const xf = styles[base + c];
      if (value === null && xf < 0) continue;
      const s = xf >= 0 ? ` s="${xf}"` : '';
      if (value === null) cells += `<c r="${letters[c]}${r}"${s}/>`;
      else if (typeof value === 'number') cells += `<c r="${letters[c]}${r}"${s}><v>${value}</v></c>`;
      else cells += `<c r="${letters[c]}${r}"${s} t="s"><v>${context.sharedString(value)}</v></c>`;
    }
    const height = heights.get(r);
    if (cells === '' && height === undefined) continue;
    text += `<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`;
    if (r % ROWS_PER_CHUNK === 0) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/** The values by row from A1: the plan's own block when it is one from A1 (as planSheet makes it), else the blocks laid out. */
function sheetValues(plan: SheetPlan): readonly (readonly (string | number | null)[])[] {
  const [only] = plan.blocks;
  if (plan.blocks.length === 1 && only.fromRow === 1 && only.fromColumn === 1) return only.values;
  const values: (string | number | null)[][] = Array.from({ length: plan.rowCount }, () => []);
  for (const block of plan.blocks) {
    block.values.forEach((cells, i) => {
      const row = values[block.fromRow - 1 + i];
      cells.forEach((value, j) => (row[block.fromColumn - 1 + j] = value));
    });
  }
  return values;
}

/** A table part: Excel's own form (header row, no totals row, every filter button shown). */
export function tableXml(table: TablePlan, id: number, name: string): string {
  const ref = rangeRef(table.range);
  const columns = table.columns.map((column, i) => `<tableColumn id="${i + 1}" name="${escapeXml(column)}"/>`).join('');
  return (
    `${XML_DECLARATION}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${table.style}" showFirstColumn="0" showLastColumn="0" showRowStripes="${table.showRowStripes ? 1 : 0}" showColumnStripes="0"/></table>`
  );
}

/** A sheet's own defined names: its print titles, and its filter's range (hidden), as Excel names them (ECMA-376 §18.2.6). */
export function sheetDefinedNames(plan: SheetPlan): { name: string; value: string; hidden: boolean }[] {
  const quoted = `'${plan.name.replace(/'/g, "''")}'`;
  const names: { name: string; value: string; hidden: boolean }[] = [];
  const repeat = plan.print.repeatRows;
  if (repeat) names.push({ name: '_xlnm.Print_Titles', value: `${quoted}!$${repeat.from}:$${repeat.to}`, hidden: false });
  const filter = plan.lists.find((l) => l.kind === 'filter');
  if (filter) names.push({ name: '_xlnm._FilterDatabase', value: `${quoted}!${rangeRef(filter.range).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`, hidden: true });
  return names;
}
