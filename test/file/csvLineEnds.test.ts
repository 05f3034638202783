/**
 * Line ends in CSV files: CR, LF and CR LF all end a row, in any mix, as Excel reads them; a line
 * break inside a quoted field stays in its cell.
 */
import fc from 'fast-check';
import { parseCsvText } from '../../src/file/csv';
import { unifyLineEnds } from '../../src/file/csvLineEnds';

/** The rows read, each with its row number (record n is row n). */
function rowsOf(text: string) {
  return parseCsvText(text, 'test.csv').rows.map((cells, i) => ({ rowNumber: i + 1, cells }));
}

describe('unifyLineEnds', () => {
  it('turns CR LF and a lone CR into LF outside quotes', () => {
    expect(unifyLineEnds('a;b\r\nc;d\ne;f\rg;h\r\n', ';')).toBe('a;b\nc;d\ne;f\ng;h\n');
  });

  it('keeps every line break inside a quoted field, with quotes escaped inside it', () => {
    const text = 'a;"x\r\ny""\r""z\n";b\r\n';
    expect(unifyLineEnds(text, ';')).toBe('a;"x\r\ny""\r""z\n";b\n');
  });

  it('takes a quote in the middle of a field for a character, not for the start of a quoted field', () => {
    expect(unifyLineEnds('Da "Silva;Inès\r\nMartin;Léa\r\n', ';')).toBe('Da "Silva;Inès\nMartin;Léa\n');
  });

  it('knows a field starts after the file’s own delimiter only', () => {
    expect(unifyLineEnds('a,"b\r\nc"\r\n', ',')).toBe('a,"b\r\nc"\n');
    expect(unifyLineEnds('a,"b\r\nc"\r\n', ';')).toBe('a,"b\nc"\n');
  });
});

describe('parseCsvText with mixed line ends', () => {
  it('reads a CR LF file appended to with LF lines: one row per line (issue 6 §1)', () => {
    const text =
      'N°;Nom;Prénom;Sexe;Date de naissance;Secteur;Commentaire\r\n1;Lefèvre;Amandine;F;14/03/1987;Centre;\r\n' +
      '2;Benali;Karim;H;01/12/1998;Nord;ok\n3;Da Silva;Inès;F;27/05/1975;Est;ok\n4;Vanderbeken;Joël;H;09/08/1952;Est;\r\n';
    const rows = rowsOf(text);
    expect(rows.map((r) => [r.rowNumber, r.cells[1]])).toEqual([
      [1, 'Nom'],
      [2, 'Lefèvre'],
      [3, 'Benali'],
      [4, 'Da Silva'],
      [5, 'Vanderbeken'],
    ]);
    expect(rows[3].cells).toEqual(['3', 'Da Silva', 'Inès', 'F', '27/05/1975', 'Est', 'ok']);
  });

  it('reads an LF file appended to with CR LF lines, and old Mac CR lines', () => {
    expect(rowsOf('Nom;Prénom\nMartin;Léa\r\nDurand;Loïc\rPetit;Jules\n').map((r) => r.cells)).toEqual([
      ['Nom', 'Prénom'],
      ['Martin', 'Léa'],
      ['Durand', 'Loïc'],
      ['Petit', 'Jules'],
    ]);
  });

  it('keeps a quoted line break of any kind in its cell, and numbers rows as Excel does', () => {
    const rows = rowsOf('Nom;Note\nMartin;"un\rdeux"\r\nDurand;"trois\nquatre"\nPetit;x\r\n');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Note'] },
      { rowNumber: 2, cells: ['Martin', 'un\rdeux'] },
      { rowNumber: 3, cells: ['Durand', 'trois\nquatre'] },
      { rowNumber: 4, cells: ['Petit', 'x'] },
    ]);
  });

  // A cell of the generated files, as its value and as written: plain text, or quoted text
  // holding line breaks, delimiters and quotes.
  const lineEnd = fc.constantFrom('\r\n', '\n', '\r');
  const plain = fc.stringMatching(/^[a-zA-Zéè0-9 ]{0,6}$/);
  const plainCell = plain.map((value) => ({ value, written: value }));
  const quotedCell = fc
    .array(fc.oneof(plain, lineEnd, fc.constant(';'), fc.constant('"')), { maxLength: 5 })
    .map((parts) => ({ value: parts.join(''), written: `"${parts.join('').replace(/"/g, '""')}"` }));
  // Two cells at least: a line written as nothing after a lone CR would make CR LF with the next
  // line's LF, a different file (blank lines are still generated, as ";").
  const record = fc.array(fc.oneof(plainCell, quotedCell), { minLength: 2, maxLength: 4 });

  it('property: with any mix of line ends and quoted line breaks, every physical line is one row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(record, lineEnd), { minLength: 1, maxLength: 12 }), fc.boolean(), (records, finalLineEnd) => {
        const text =
          'Nom;Prénom\r\n' +
          records
            .map(([cells, end], i) => cells.map((c) => c.written).join(';') + (i < records.length - 1 || finalLineEnd ? end : ''))
            .join('');
        const rows = rowsOf(text);
        const nonBlank = records.filter(([cells]) => cells.some((c) => c.value.trim() !== '')).length;
        const read = rows.slice(1).filter((row) => row.cells.some((c) => typeof c === 'string' && c.trim() !== ''));
        expect(read).toHaveLength(nonBlank);
        // More precisely: the header, then each record as its own row, numbered without gaps.
        expect(rows).toEqual([
          { rowNumber: 1, cells: ['Nom', 'Prénom'] },
          ...records.map(([cells], i) => ({ rowNumber: i + 2, cells: cells.map((c) => c.value) })),
        ]);
      }),
      { numRuns: 500 },
    );
  });
});
