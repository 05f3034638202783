import { decodeCsvBytes, parseCsvText } from '../../src/file/csv';
import { errorOf } from '../support/errors';
import { numberedRows } from '../support/sheets';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** The rows read, each with its row number (record n is row n). */
function rowsOf(text: string) {
  return numberedRows(parseCsvText(text, 'test.csv'));
}

describe('decodeCsvBytes', () => {
  it('strips the UTF-8 byte-order mark that "CSV UTF-8" from Excel writes', () => {
    const bytes = Uint8Array.from([...BOM, ...utf8('Prénom;Hélène')]);
    expect(decodeCsvBytes(bytes)).toBe('Prénom;Hélène');
  });

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeCsvBytes(utf8('Prénom;Françoise;Loïc'))).toBe('Prénom;Françoise;Loïc');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (French Excel "CSV (séparateur : point-virgule)")', () => {
    // "Prénom;Hélène" with é = 0xE9, then "’" (0x92) and "€" (0x80), which differ from Latin-1.
    const bytes = Uint8Array.from([
      0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d, 0x3b, 0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65, 0x3b, 0x44, 0x92, 0x41, 0x3b, 0x80,
    ]);
    expect(decodeCsvBytes(bytes)).toBe('Prénom;Hélène;D’A;€');
  });

  it('maps every byte 0x80–0x9F as Windows-1252 does (Node 20.18.3+ decodes them as Latin-1 controls)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // The WHATWG table; 0x81, 0x8D, 0x8F, 0x90, 0x9D have no character and keep their code point.
    expect(decodeCsvBytes(bytes)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    // "Cœur;Ève" as French Excel saves it.
    expect(decodeCsvBytes(Uint8Array.from([0x43, 0x9c, 0x75, 0x72, 0x3b, 0xc8, 0x76, 0x65]))).toBe('Cœur;Ève');
  });

  it('reads UTF-16 little-endian with its byte-order mark ("Texte Unicode" from Excel)', () => {
    const text = 'Nom\tPrénom';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(bytes)).toBe('Nom\tPrénom');
  });
});

describe('UTF-16 without its byte-order mark (issue 6 §7)', () => {
  const encode = (text: string, bigEndian: boolean) => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const [high, low] = [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff];
      bytes.set(bigEndian ? [high, low] : [low, high], 2 * i);
    }
    return bytes;
  };
  const text = 'Nom\tPrénom\tSecteur\r\nLefèvre\tAmandine\tCentre\r\n';

  it('is recognised by its zero bytes, little- or big-endian', () => {
    expect(decodeCsvBytes(encode(text, false))).toBe(text);
    expect(decodeCsvBytes(encode(text, true))).toBe(text);
  });

  it('gives the table, not « aucune ligne d’en-tête »', () => {
    expect(parseCsvText(decodeCsvBytes(encode(text, false)), 't.txt').rows[1]).toEqual(['Lefèvre', 'Amandine', 'Centre']);
  });

  it('leaves UTF-8 and Windows-1252 alone', () => {
    expect(decodeCsvBytes(utf8('ab'))).toBe('ab');
    expect(decodeCsvBytes(Uint8Array.from([0x4e, 0xe9, 0x3b, 0x41]))).toBe('Né;A');
  });
});

describe('UTF-32, with or without its byte-order mark (issue 15 §4)', () => {
  const encode = (text: string, bigEndian: boolean, bom: boolean) => {
    const points = [...(bom ? [0xfeff] : []), ...[...text].map((c) => c.codePointAt(0) as number)];
    const bytes = new Uint8Array(points.length * 4);
    const view = new DataView(bytes.buffer);
    points.forEach((point, i) => view.setUint32(4 * i, point, !bigEndian));
    return bytes;
  };
  const text = 'N°;Nom;Prénom;Sexe;Date de naissance;Secteur\r\n1;Lefèvre;Amandine;F;14/03/1987;Centre\r\n2;Œuvray 🎉;Zoé;F;01/12/1998;Nord\r\n';

  it('is read, little- or big-endian, with or without its BOM: the table, not lines about U+0000', () => {
    for (const bigEndian of [false, true]) {
      for (const bom of [false, true]) {
        expect(decodeCsvBytes(encode(text, bigEndian, bom))).toBe(text);
      }
    }
    expect(parseCsvText(decodeCsvBytes(encode(text, false, true)), 't.csv').rows[2]).toEqual(['2', 'Œuvray 🎉', 'Zoé', 'F', '01/12/1998', 'Nord']);
  });

  it('gives U+FFFD for what is no character, as the other decoders do', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0, 0, 0xd8, 0, 0, 0, 0, 0x11, 0, 0x42, 0]);
    expect(decodeCsvBytes(bytes)).toBe('A\ufffd\ufffd\ufffd');
  });

  it('leaves UTF-16 alone', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x4e, 0, 0x6f, 0, 0x6d, 0]);
    expect(decodeCsvBytes(utf16)).toBe('Nom');
    expect(decodeCsvBytes(Uint8Array.from([0x4e, 0, 0x6f, 0, 0x6d, 0, 0x3b, 0]))).toBe('Nom;');
  });
});

describe('parseCsvText', () => {
  it('reads a ";" file with CRLF line endings, drops the record the final newline makes, names the source', () => {
    const table = parseCsvText('Nom;Prénom;Sexe\r\nMartin;Hélène;F\r\nDurand;Loïc;H\r\n', 'candidatures.csv');
    expect(table).toMatchObject({ name: 'Candidatures', source: 'candidatures.csv' });
    expect(numberedRows(table)).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom', 'Sexe'] },
      { rowNumber: 2, cells: ['Martin', 'Hélène', 'F'] },
      { rowNumber: 3, cells: ['Durand', 'Loïc', 'H'] },
    ]);
  });

  it('keeps the last row when the file does not end with a newline', () => {
    expect(rowsOf('Nom;Prénom\nMartin;Hélène')).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom'] },
      { rowNumber: 2, cells: ['Martin', 'Hélène'] },
    ]);
  });

  it('detects "," and keeps a "," inside quoted fields', () => {
    expect(rowsOf('Nom,Prénom,Adresse\n"Martin, dit Tintin",Jean,"12, rue de Lille"\nDurand,Loïc,"3, place"\n')).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom', 'Adresse'] },
      { rowNumber: 2, cells: ['Martin, dit Tintin', 'Jean', '12, rue de Lille'] },
      { rowNumber: 3, cells: ['Durand', 'Loïc', '3, place'] },
    ]);
  });

  it('detects ";" even when unquoted values contain commas', () => {
    expect(rowsOf('Nom;Adresse\nMartin;12, rue de Lille\nDurand;3, place de la Liberté\n')).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Adresse'] },
      { rowNumber: 2, cells: ['Martin', '12, rue de Lille'] },
      { rowNumber: 3, cells: ['Durand', '3, place de la Liberté'] },
    ]);
  });

  it('detects tabs (Excel "Texte (séparateur : tabulation)")', () => {
    expect(rowsOf('Nom\tPrénom\r\nMartin\tHélène\r\n')).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom'] },
      { rowNumber: 2, cells: ['Martin', 'Hélène'] },
    ]);
  });

  it('reads a one-column file without splitting values at commas', () => {
    expect(rowsOf('Nom\nMartin, Jean\nDurand\n')).toEqual([
      { rowNumber: 1, cells: ['Nom'] },
      { rowNumber: 2, cells: ['Martin, Jean'] },
      { rowNumber: 3, cells: ['Durand'] },
    ]);
  });

  it('counts a quoted field with an embedded delimiter and line break as one row', () => {
    const text = 'Nom;Commentaire;Secteur\r\nMartin;"Habite ; au\r\n12, rue de Lille";Nord\r\nDurand;;Sud\r\n';
    expect(rowsOf(text)).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Commentaire', 'Secteur'] },
      { rowNumber: 2, cells: ['Martin', 'Habite ; au\r\n12, rue de Lille', 'Nord'] },
      { rowNumber: 3, cells: ['Durand', '', 'Sud'] },
    ]);
  });

  it('keeps blank lines, so that the row numbers stay those Excel shows', () => {
    const text = 'Nom;Prénom\n\nMartin;Hélène\n;\n\nDurand;"Lo""ïc"\n';
    expect(rowsOf(text)).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom'] },
      { rowNumber: 2, cells: [''] },
      { rowNumber: 3, cells: ['Martin', 'Hélène'] },
      { rowNumber: 4, cells: ['', ''] },
      { rowNumber: 5, cells: [''] },
      { rowNumber: 6, cells: ['Durand', 'Lo"ïc'] },
    ]);
  });

  it('drops only the one empty record of the final newline, not earlier trailing blank lines', () => {
    expect(rowsOf('Nom;Prénom\nMartin;Hélène\n\n')).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom'] },
      { rowNumber: 2, cells: ['Martin', 'Hélène'] },
      { rowNumber: 3, cells: [''] },
    ]);
  });

  it('reads a title row above the header as Excel pads it', () => {
    expect(rowsOf('Candidatures CLN — juin 2025;;\r\n;;\r\nNom;Prénom;Sexe\r\nMartin;Hélène;F\r\n')).toEqual([
      { rowNumber: 1, cells: ['Candidatures CLN — juin 2025', '', ''] },
      { rowNumber: 2, cells: ['', '', ''] },
      { rowNumber: 3, cells: ['Nom', 'Prénom', 'Sexe'] },
      { rowNumber: 4, cells: ['Martin', 'Hélène', 'F'] },
    ]);
  });

  it('honours a first line "sep=," as Excel does, without counting it as a row', () => {
    expect(rowsOf('sep=,\r\nNom,Prénom;bis\r\nMartin,Hélène\r\n')).toEqual([
      { rowNumber: 1, cells: ['Nom', 'Prénom;bis'] },
      { rowNumber: 2, cells: ['Martin', 'Hélène'] },
    ]);
  });

  it('ignores a byte-order mark left in the text', () => {
    expect(rowsOf('\uFEFFNom;Prénom\n')).toEqual([{ rowNumber: 1, cells: ['Nom', 'Prénom'] }]);
  });

  it('keeps cell text exactly as written: no trimming, no number or date conversion', () => {
    expect(rowsOf('N°;Naissance;Nom\n007; 14/03/1987 ;=1+1\n')[1]).toEqual({
      rowNumber: 2,
      cells: ['007', ' 14/03/1987 ', '=1+1'],
    });
  });

  it('refuses an unterminated quote, naming the file and the row', () => {
    const error = errorOf(() => parseCsvText('Nom;Prénom\nMartin;Hélène\n"Durand;Loïc\nPetit;Léa\n', 'liste.csv'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('« liste.csv »');
    expect(error.message).toContain('ligne 3');
    expect(error.message).toContain('jamais refermé');
  });

  it('refuses a quoted field followed by other characters', () => {
    const error = errorOf(() => parseCsvText('Nom;Prénom\n"Martin"x;Hélène\n', 'liste.csv'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toContain('ligne 2');
  });

  it.each([
    ['an empty file', ''],
    ['blank lines only', '\r\n\r\n'],
    ['empty cells only', ';;;\r\n ; ;\r\n'],
  ])('refuses %s as an empty table', (_label, text) => {
    const error = errorOf(() => parseCsvText(text, 'vide.csv'));
    expect(error.code).toBe('empty_table');
    expect(error.message).toContain('« vide.csv » est vide');
  });
});
