/**
 * The record on paper (paper.ts): a document's print scale never lets a text print below 8
 * points, the Publication of a full council and its reserve list fits one page, and the
 * procès-verbal's signatures are never split by a page. LibreOffice checks the same on real
 * prints (test/cli/libreofficeRecord.test.ts); these check the plan itself.
 */
import type { SheetModel } from '../../../src/core';
import { MAX_PAGE_BREAKS, MIN_PRINTED_SIZE, paginate, planPaper, printableArea, rowHeightsOnPaper } from '../../../src/core/record/paper';
import { planSheet } from '../../../src/core/record/plan';
import { FORM_41, FULL_COUNCIL_15_RESERVES, recordSheet, THIRTEEN_OFFICIALS } from '../../support/printCases';
import { onlineFormExport } from '../../support/tables';

/** The smallest text of a planned sheet, footer included, at its print scale. */
function smallestPrinted(sheet: SheetModel): number {
  const plan = planSheet(sheet);
  const scale = (plan.print.scale ?? 100) / 100;
  const sizes = plan.styles.map((s) => s.font.size);
  return Math.min(...sizes, plan.print.footerSize) * scale;
}

describe('a document’s print scale', () => {
  it('fits the Publication of a full council and 15 reserves on one page, every text at 8 points or more', () => {
    for (const bySector of [FULL_COUNCIL_15_RESERVES, FORM_41]) {
      const sheet = recordSheet(onlineFormExport(bySector), 'publication');
      const plan = planSheet(sheet);
      const total = rowHeightsOnPaper(sheet).reduce((sum, h) => sum + h, 0);
      expect(plan.print.fitToWidth).toBe(false);
      expect(total * ((plan.print.scale as number) / 100)).toBeLessThanOrEqual(printableArea(sheet).height);
      expect(plan.print.pageBreaks).toEqual([]);
      expect(smallestPrinted(sheet)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
    }
  });

  it('prints a Publication too long for one page over several, at the width’s scale, its last section kept whole', () => {
    const sheet = recordSheet(onlineFormExport({ Centre: [30, 30], Est: [30, 30], Ouest: [30, 30], Nord: [30, 30], Sud: [30, 30] }), 'publication');
    const plan = planSheet(sheet);
    expect(plan.print.scale).toBe(planPaper({ ...sheet, print: { ...sheet.print, legible: 'width' } }, 8).scale);
    expect(plan.print.pageBreaks.length).toBeGreaterThan(0);
    const [block] = sheet.print.keepTogether ?? [];
    expect(plan.print.pageBreaks.some((row) => row > block.from && row <= block.to)).toBe(false);
    expect(smallestPrinted(sheet)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
  });

  it('prints the procès-verbal and the data at 8 points or more, the footer grown to stay there', () => {
    for (const role of ['minutes', 'data'] as const) {
      const sheet = recordSheet(onlineFormExport(FORM_41), role, THIRTEEN_OFFICIALS);
      const plan = planSheet(sheet);
      expect([role, plan.print.scale]).toEqual([role, expect.any(Number)]);
      expect(plan.print.footerSize).toBeGreaterThan(8);
      expect(plan.print.footerCode).toContain(`&${plan.print.footerSize}Page &P / &N`);
      expect(smallestPrinted(sheet)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
    }
    expect(planSheet(recordSheet(onlineFormExport(FORM_41), 'data')).print.orientation).toBe('landscape');
  });

  it('leaves tables fitted to the width by the program, as before', () => {
    for (const role of ['draw', 'summary'] as const) {
      const plan = planSheet(recordSheet(onlineFormExport(FORM_41), role));
      expect([role, plan.print.fitToWidth, plan.print.scale, plan.print.pageBreaks, plan.print.footerSize]).toEqual([role, true, null, [], 8]);
    }
  });

  it('refuses a document too wide to print legibly', () => {
    const sheet = recordSheet(onlineFormExport(FORM_41), 'minutes');
    expect(() => planSheet({ ...sheet, columnWidths: [90, 90, 90, 90] })).toThrow(/too wide/);
  });
});

describe('the procès-verbal’s pages', () => {
  it('starts a page before the signatures when they would be split, and breaks every page so that no program paginates otherwise', () => {
    const sheet = recordSheet(onlineFormExport(FORM_41), 'minutes', THIRTEEN_OFFICIALS);
    const plan = planSheet(sheet);
    const [block] = sheet.print.keepTogether ?? [];
    expect(sheet.cells.find((c) => c.row === block.from)?.value).toBe('Signatures');
    expect(sheet.cells.find((c) => c.row === block.to)?.value).toBe('Élu numéro 13');
    expect(plan.print.pageBreaks).toContain(block.from);
    // Every planned page holds what the page holds at the plan's scale.
    const heights = rowHeightsOnPaper(sheet);
    const capacity = (printableArea(sheet).height * 100) / (plan.print.scale as number);
    const starts = [1, ...plan.print.pageBreaks, heights.length + 1];
    for (let p = 0; p + 1 < starts.length; p++) expect(heights.slice(starts[p] - 1, starts[p + 1] - 1).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(capacity);
  });
});

describe('paginate', () => {
  it('fills pages greedily and moves a block that would straddle two pages', () => {
    const heights = new Array<number>(10).fill(10);
    expect(paginate(heights, 35, [])).toEqual([4, 7, 10]);
    expect(paginate(heights, 35, [{ from: 3, to: 5 }])).toEqual([3, 6, 9]);
    expect(paginate(heights, 35, [{ from: 1, to: 2 }])).toEqual([4, 7, 10]);
  });
  it('runs a block taller than a page from the top of a page', () => {
    expect(paginate(new Array<number>(6).fill(10), 25, [{ from: 2, to: 6 }])).toEqual([2, 4, 6]);
  });
  it('keeps Excel’s number of manual breaks at most, the last ones', () => {
    const breaks = paginate(new Array<number>(3000).fill(10), 15, []);
    expect(breaks).toHaveLength(MAX_PAGE_BREAKS);
    expect(breaks[breaks.length - 1]).toBe(3000);
  });
});
