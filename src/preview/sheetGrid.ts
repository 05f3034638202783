/**
 * The simulated workbook drawn as a spreadsheet: sheet tabs and a grid, so that the room (or a
 * trainee) watches the record fill in during the reveal. Reads the simulation's state only; every
 * cell's text goes through text nodes.
 */
import { columnLetter } from '../core/errors';
import { h } from '../taskpane/dom';
import { parseAddress, usedRect, cellKey, type SimCell, type SimSheet, type SimWorkbook } from '../excel/simulated/state';

/** Drawn at most: a rehearsal table of a few hundred rows shows whole; beyond, the grid says how much is left out. */
const MAX_ROWS = 400;
const MAX_COLUMNS = 30;

/** What a cell shows: numbers in French, percentages and dates as their format says. */
export function displayedValue(cell: SimCell): string {
  const { value, numberFormat } = cell;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value === 'string') return value;
  if (numberFormat.includes('%')) {
    const decimals = /0\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals).replace('.', ',')} %`;
  }
  if (/d+\/m+\/y+/i.test(numberFormat)) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  }
  return String(value).replace('.', ',');
}

export class SheetGrid {
  private shown: string | null = null;

  constructor(
    private readonly tabs: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly workbook: () => SimWorkbook,
  ) {}

  /** Redraws the tabs and the sheet shown: the active one (the add-in activates the sheet it selects). */
  render(): void {
    const workbook = this.workbook();
    const sheets = workbook.sheets;
    const active = workbook.activeSheet !== null && sheets.some((s) => s.name === workbook.activeSheet) ? workbook.activeSheet : (sheets[0]?.name ?? null);
    this.shown = active;
    const focused = this.tabs.contains(this.tabs.ownerDocument.activeElement);
    this.tabs.replaceChildren(
      ...sheets.map((sheet, i) =>
        h(
          this.tabs.ownerDocument,
          'button',
          {
            id: `sheet-tab-${i}`,
            className: 'sheet-tab',
            attrs: { type: 'button', role: 'tab', 'aria-selected': String(sheet.name === active), 'aria-controls': 'sheet-panel', tabindex: sheet.name === active ? '0' : '-1' },
            on: {
              click: () => this.activate(sheet.name),
              keydown: (event) => this.arrows(event, i),
            },
          },
          sheet.name,
        ),
      ),
    );
    if (focused) (this.tabs.querySelector('[aria-selected="true"]') as HTMLElement | null)?.focus();
    const sheet = sheets.find((s) => s.name === active);
    this.panel.setAttribute('aria-labelledby', `sheet-tab-${sheets.findIndex((s) => s.name === active)}`);
    this.panel.replaceChildren(sheet ? this.table(sheet, workbook.selection?.sheet === sheet.name ? workbook.selection.address : null) : h(this.panel.ownerDocument, 'p', {}, 'Classeur vide.'));
    const selected = this.panel.querySelector<HTMLElement>('.sheet-cell--selected');
    if (selected) {
      selected.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      // A title merged across the sheet is wider than the panel: show its start, as Excel does.
      if (selected.dataset.cell?.startsWith('A')) this.panel.scrollLeft = 0;
    }
  }

  private activate(name: string): void {
    // Clicking a tab in Excel activates that sheet: the simulation's state says so too.
    this.workbook().activeSheet = name;
    this.render();
    (this.tabs.querySelector('[aria-selected="true"]') as HTMLElement | null)?.focus();
  }

  private arrows(event: KeyboardEvent, index: number): void {
    const sheets = this.workbook().sheets;
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? sheets.length - 1 : null;
    if (next === null || next < 0 || next >= sheets.length) return;
    event.preventDefault();
    this.activate(sheets[next].name);
  }

  private table(sheet: SimSheet, selection: string | null): HTMLElement {
    const document = this.panel.ownerDocument;
    const rect = usedRect(sheet, false) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    const rows = Math.min(rect.row + rect.rowCount, MAX_ROWS);
    const columns = Math.min(rect.column + rect.columnCount, MAX_COLUMNS);
    const selected = selection === null ? null : parseAddress(selection)?.rect ?? null;
    const hidden = new Set<string>();
    const spans = new Map<string, { rows: number; columns: number }>();
    for (const m of sheet.merges) {
      spans.set(cellKey(m.row, m.column), { rows: m.rowCount, columns: m.columnCount });
      for (let r = m.row; r < m.row + m.rowCount; r++) for (let c = m.column; c < m.column + m.columnCount; c++) if (r !== m.row || c !== m.column) hidden.add(cellKey(r, c));
    }
    const header = h(document, 'tr', {}, h(document, 'td', { className: 'sheet-corner' }), ...Array.from({ length: columns }, (_, c) => h(document, 'th', { attrs: { scope: 'col' } }, columnLetter(c))));
    const body = Array.from({ length: rows }, (_, r) => {
      const cells: HTMLElement[] = [h(document, 'th', { attrs: { scope: 'row' } }, String(r + 1))];
      for (let c = 0; c < columns; c++) {
        const key = cellKey(r, c);
        if (hidden.has(key)) continue;
        const cell = sheet.cells.get(key);
        const td = h(document, 'td', {}, cell ? displayedValue(cell) : '');
        const span = spans.get(key);
        if (span) {
          td.colSpan = Math.min(span.columns, columns - c);
          td.rowSpan = span.rows;
        }
        if (cell) {
          if (cell.style.fill) td.style.backgroundColor = `#${cell.style.fill}`;
          if (cell.style.color) td.style.color = `#${cell.style.color}`;
          if (cell.style.bold) td.style.fontWeight = '600';
          if (cell.style.italic) td.style.fontStyle = 'italic';
          if (typeof cell.value === 'number') td.className = 'sheet-number';
          if (cell.formula !== null) td.dataset.formula = cell.formula;
        }
        if (selected && r >= selected.row && r < selected.row + selected.rowCount && c >= selected.column && c < selected.column + selected.columnCount) {
          td.classList.add('sheet-cell--selected');
          td.append(h(document, 'span', { className: 'visually-hidden' }, ' (cellule sélectionnée)'));
        }
        td.dataset.cell = `${columnLetter(c)}${r + 1}`;
        cells.push(td);
      }
      return h(document, 'tr', {}, ...cells);
    });
    const truncated = rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS;
    return h(
      document,
      'div',
      {},
      h(document, 'table', { className: 'sheet-grid', attrs: { 'data-sheet': sheet.name } }, h(document, 'caption', { className: 'visually-hidden' }, `Feuille « ${sheet.name} »`), h(document, 'thead', {}, header), h(document, 'tbody', {}, ...body)),
      truncated ? h(document, 'p', { className: 'sheet-note' }, `Aperçu limité aux ${MAX_ROWS} premières lignes et ${MAX_COLUMNS} premières colonnes.`) : null,
    );
  }

  get shownSheet(): string | null {
    return this.shown;
  }
}
