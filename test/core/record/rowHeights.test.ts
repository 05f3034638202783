import { estimateRowHeights } from '../../../src/core/record/rowHeights';

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
});
