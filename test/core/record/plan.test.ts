/**
 * The render plan: what both renderers (the file writer and office.js) draw, decided once in core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, drawFromTable, newRecordMeta, type RecordModel, type SheetModel } from '../../../src/core';
import { footerCode, footerSections, planRecord, planSheet, type SheetPlan } from '../../../src/core/record/plan';
import { decodeCsvBytes, parseCsvText } from '../../../src/file/csv';
import { sampleModel } from '../../support/recordModels';

const EXAMPLE = join(__dirname, '..', '..', '..', 'assets', 'exemple-candidatures.csv');

function exampleRecord(inputSheets: string[] = ['Candidatures']): RecordModel {
  const table = parseCsvText(decodeCsvBytes(readFileSync(EXAMPLE)), 'exemple-candidatures.csv');
  const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false });
  return buildRecord(result, newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'exemple-candidatures.csv', inputSheets, mandateStart: '2025-06-13' }));
}

/** The plan's style of each cell, "row:column" → style index, from its runs; fails if a cell is in two runs. */
function styleOfCells(plan: SheetPlan): Map<string, number> {
  const styles = new Map<string, number>();
  for (const run of plan.styleRuns) {
    for (const r of run.ranges) {
      for (let row = r.fromRow; row <= r.toRow; row++) {
        for (let column = r.fromColumn; column <= r.toColumn; column++) {
          const key = `${row}:${column}`;
          if (styles.has(key)) throw new Error(`cell ${key} in two runs`);
          styles.set(key, run.style);
        }
      }
    }
  }
  return styles;
}

describe('values', () => {
  it('hold every model value at its place, null elsewhere, in one block from A1', () => {
    for (const sheet of exampleRecord().sheets) {
      const plan = planSheet(sheet);
      expect(plan.blocks).toHaveLength(1);
      const [block] = plan.blocks;
      expect([block.fromRow, block.fromColumn, block.values.length]).toEqual([1, 1, plan.rowCount]);
      const expected = new Map(sheet.cells.map((c) => [`${c.row}:${c.column}`, c.value]));
      block.values.forEach((row, r) => {
        expect(row).toHaveLength(plan.columnCount);
        row.forEach((value, c) => expect([sheet.name, r + 1, c + 1, value]).toEqual([sheet.name, r + 1, c + 1, expected.get(`${r + 1}:${c + 1}`) ?? null]));
      });
    }
  });
});

describe('styles', () => {
  it('give every model cell exactly one complete style, and no style to cells the model does not have', () => {
    for (const sheet of exampleRecord().sheets) {
      const plan = planSheet(sheet);
      const styles = styleOfCells(plan);
      expect(new Set(styles.keys())).toEqual(new Set(sheet.cells.map((c) => `${c.row}:${c.column}`)));
      for (const style of plan.styles) {
        expect(style.font.name).toMatch(/^(Calibri|Consolas)$/);
        expect(style.font.size).toBeGreaterThan(0);
      }
    }
  });

  it('group cells into few rectangles: one per style and run of rows, not one per cell', () => {
    const plans = planRecord(exampleRecord());
    for (const plan of plans) {
      const ranges = plan.styleRuns.reduce((n, run) => n + run.ranges.length, 0);
      const cells = plan.blocks[0].values.flat().length;
      expect([plan.name, ranges < cells / 2]).toEqual([plan.name, true]);
      // Each style appears in one run, which lists all its rectangles.
      expect(new Set(plan.styleRuns.map((r) => r.style)).size).toBe(plan.styleRuns.length);
    }
    const data = plans.find((p) => p.role === 'data') as SheetPlan;
    // The candidate table's number columns (row, age) share one style from the first data row to the last: one rectangle each.
    const tall = data.styleRuns.flatMap((r) => r.ranges).filter((r) => r.toRow - r.fromRow >= 10);
    expect(tall.length).toBeGreaterThan(0);
  });

  it('format text as text (so office.js writes "=HYPERLINK(…)" or "14/03/1987" as typed), numbers as the model says', () => {
    const sheet: SheetModel = {
      ...sampleModel().sheets[0],
      cells: [
        { row: 1, column: 1, value: '=HYPERLINK("http://x","clic")' },
        { row: 1, column: 2, value: 12 },
        { row: 1, column: 3, value: 0.25, style: { numberFormat: '0.0%' } },
        { row: 1, column: 4, value: 'x'.repeat(256) },
        { row: 1, column: 5, value: 'ligne 1\nligne 2' },
        { row: 2, column: 1, value: 'Consolas', style: { monospace: true, size: 9, vertical: 'middle', bold: true, color: 'ff0000', fill: '00ff00', border: true } },
      ],
      merges: [],
      tables: [],
    };
    const plan = planSheet(sheet);
    const styles = styleOfCells(plan);
    const at = (row: number, column: number) => plan.styles[styles.get(`${row}:${column}`) as number];
    expect([at(1, 1).numberFormat, at(1, 2).numberFormat, at(1, 3).numberFormat]).toEqual(['@', 'General', '0.0%']);
    // Excel shows "####" for a text-formatted cell over 255 characters.
    expect(at(1, 4).numberFormat).toBe('General');
    expect([at(1, 1).wrap, at(1, 5).wrap]).toEqual([false, true]);
    expect(at(1, 1).font).toEqual({ name: 'Calibri', family: 2, size: 11, bold: false, italic: false, color: null });
    expect(at(2, 1)).toEqual({
      font: { name: 'Consolas', family: 3, size: 9, bold: true, italic: false, color: 'FF0000' },
      fill: '00FF00',
      numberFormat: '@',
      horizontal: null,
      vertical: 'center',
      wrap: false,
      border: { color: '808080' },
    });
  });
});

describe('tables and filters', () => {
  it('make an Excel table when the header qualifies, a filter otherwise (repeated or empty header, merged cells)', () => {
    const [draw, summary] = planRecord(sampleModel());
    expect(draw.lists).toEqual([
      {
        kind: 'table',
        name: 'Tirage',
        range: { fromRow: 4, fromColumn: 1, toRow: 19, toColumn: 5 },
        columns: ['N° de tirage', 'Nom', 'Statut', 'Probabilité avant tirage', 'Secteur'],
        style: 'TableStyleLight1',
        showRowStripes: false,
      },
    ]);
    expect(summary.lists).toEqual([{ kind: 'filter', range: { fromRow: 4, fromColumn: 1, toRow: 7, toColumn: 5 } }]);
    const merged = planSheet({ ...sampleModel().sheets[0], merges: [{ fromRow: 6, fromColumn: 2, toRow: 6, toColumn: 3 }], cells: sampleModel().sheets[0].cells.filter((c) => !(c.row === 6 && c.column === 3)) });
    expect(merged.lists.map((l) => l.kind)).toEqual(['filter']);
  });

  it('keep one filter per sheet, Excel’s limit', () => {
    const summary = sampleModel().sheets[1];
    const twice = planSheet({ ...summary, tables: [...summary.tables, { ...summary.tables[0], name: 'Autre' }] });
    expect(twice.lists).toHaveLength(1);
  });

  it('refuse a cell outside a worksheet', () => {
    const draw = sampleModel().sheets[0];
    for (const [row, column] of [[0, 1], [1, 0], [1_048_577, 1], [1, 16_385], [1.5, 1]]) {
      expect(() => planSheet({ ...draw, cells: [{ row, column, value: 'x' }], merges: [], tables: [] })).toThrow(/has a cell at/);
    }
    expect(planSheet({ ...draw, cells: [{ row: 1_048_576, column: 2, value: null }], merges: [], tables: [] }).rowCount).toBe(1_048_576);
  });

  it('refuse a table name Excel would refuse', () => {
    const draw = sampleModel().sheets[0];
    for (const name of ['A1', 'R1C1', '1abc', 'a b']) expect(() => planSheet({ ...draw, tables: [{ ...draw.tables[0], name }] })).toThrow(/table name/);
  });
});

describe('print, protection, panes', () => {
  it('build the footer codes once: text left, page numbers right, within 255 characters', () => {
    expect(footerSections('R&D')).toEqual({ left: '&8R&&D', right: '&8Page &P / &N' });
    expect(footerCode('R&D')).toBe('&L&8R&&D&R&8Page &P / &N');
    const [draw] = planRecord(sampleModel());
    expect(draw.print.footerCode).toBe(`&L${draw.print.footer.left}&R${draw.print.footer.right}`);
    expect(draw.print).toMatchObject({ paper: 'A4', paperSize: 9, orientation: 'landscape', fitToWidth: true, repeatRows: { from: 4, to: 4 } });
    expect(draw.print.margins).toEqual({ left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 });
    expect(footerCode('x'.repeat(400)).length).toBeLessThanOrEqual(255);
    expect(footerCode('x'.repeat(400))).toMatch(/^&L&8x+…&R&8Page &P \/ &N$/);
  });

  it('protect without password, filtering allowed only where there is a table or filter, sorting never', () => {
    const [draw, summary, minutes] = planRecord(sampleModel());
    expect(draw.protection).toEqual({ allowSelectLockedCells: true, allowSelectUnlockedCells: true, allowAutoFilter: true, allowSort: false });
    expect(summary.protection?.allowAutoFilter).toBe(true);
    expect(minutes.protection?.allowAutoFilter).toBe(false);
    expect(planSheet({ ...sampleModel().sheets[2], protected: false }).protection).toBeNull();
  });

  it('freeze panes only when the model freezes something', () => {
    const [draw, summary] = planRecord(sampleModel());
    expect([draw.frozen, summary.frozen]).toEqual([{ rows: 4, columns: 1 }, null]);
  });
});
