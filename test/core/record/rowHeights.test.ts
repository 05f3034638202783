import { estimateRowHeights, MAX_ROW_HEIGHT } from '../../../src/core/record/rowHeights';
import { textWidth } from '../../../src/core/record/textWidth';

describe('row heights for wrapped text', () => {
  const long = 'Priorité aux 16–25 ans et aux 65 ans et plus, appliquée dans un secteur quand plus de 2 candidatures d’un même sexe y sont reçues, pour chaque sexe séparément.';
  it('gives a merged row of wrapped text the lines it needs at the merged width', () => {
    const heights = estimateRowHeights(
      [
        { row: 3, column: 2, value: long, style: { wrap: true } },
        { row: 4, column: 2, value: 'Court.', style: { wrap: true } },
        { row: 5, column: 2, value: long },
      ],
      [{ fromRow: 3, fromColumn: 2, toRow: 3, toColumn: 4 }],
      [30, 22, 22, 22],
    );
    // ~160 characters over 66: three lines, 15 points each.
    expect(heights).toEqual([{ row: 3, height: 45 }]);
  });
  it('counts explicit line breaks, and larger fonts', () => {
    const heights = estimateRowHeights([{ row: 1, column: 1, value: 'a\nb\nc', style: { size: 22 } }], [], [10]);
    expect(heights).toEqual([{ row: 1, height: 90 }]);
  });
  it('breaks a word longer than the line', () => {
    expect(estimateRowHeights([{ row: 1, column: 1, value: 'x'.repeat(25), style: { wrap: true } }], [], [10])).toEqual([{ row: 1, height: 45 }]);
  });
  it('measures text in Calibri’s widths: narrow letters fit where wide ones wrap', () => {
    // 20 characters: 58 points of « i », 198 of « W » (Calibri 11), in a column of 20 (101 points): one line, three.
    const cell = (value: string) => ({ row: 1, column: 1, value, style: { wrap: true } });
    expect(estimateRowHeights([cell('i'.repeat(20))], [], [20])).toEqual([]);
    expect(estimateRowHeights([cell('W'.repeat(20))], [], [20])).toEqual([{ row: 1, height: 45 }]);
    // A name wider than its column goes on two lines, broken between its words.
    expect(estimateRowHeights([cell('Vandenberghe Anne-Sophie')], [], [20])).toEqual([{ row: 1, height: 30 }]);
  });
  it('stops at Excel’s tallest row', () => {
    expect(estimateRowHeights([{ row: 1, column: 1, value: 'mot '.repeat(5000), style: { wrap: true } }], [], [10])).toEqual([{ row: 1, height: MAX_ROW_HEIGHT }]);
  });
});

describe('text widths', () => {
  it('gives Calibri’s advance widths at the size asked, one em for a character it does not list, and monospace', () => {
    expect(textWidth('0', { size: 11 })).toBeCloseTo((1038 * 11) / 2048, 6);
    expect(textWidth('Ab', { size: 10, bold: true })).toBeGreaterThan(textWidth('Ab', { size: 10 }));
    expect(textWidth('中', { size: 11 })).toBe(11);
    expect(textWidth('0123456789abcdef', { size: 10, monospace: true })).toBeCloseTo(16 * ((1233 * 10) / 2048), 6);
  });
});
