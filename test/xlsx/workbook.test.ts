import { cellKey } from '../../src/core/sheet';
import { PackageError } from '../../src/xlsx/zip';
import { parseCellReference, XlsxWorkbook } from '../../src/xlsx/workbook';
import { zipBytes, type ZipEntry } from '../support/zipWriter';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

function rels(list: [id: string, type: string, target: string][], relNs = REL_NS): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${relNs}/${type}" Target="${target}"/>`).join('') +
    '</Relationships>'
  );
}

/** A package as openpyxl writes one: absolute targets, no shared strings, inline strings; styles optional. */
function openpyxlLike(sheetData: string, options: { styles?: string; workbookPr?: string; extra?: string } = {}): Uint8Array {
  const entries: ZipEntry[] = [
    { name: '_rels/.rels', content: rels([['rId1', 'officeDocument', '/xl/workbook.xml']]) },
    {
      name: 'xl/workbook.xml',
      content: `<workbook xmlns="${NS}" xmlns:r="${REL_NS}">${options.workbookPr ?? ''}<sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: rels([['rId1', 'worksheet', '/xl/worksheets/sheet1.xml'], ...(options.styles ? [['rId2', 'styles', '/xl/styles.xml'] as [string, string, string]] : [])]),
    },
    { name: 'xl/worksheets/sheet1.xml', content: `<worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData>${options.extra ?? ''}</worksheet>` },
  ];
  if (options.styles) entries.push({ name: 'xl/styles.xml', content: options.styles });
  return zipBytes(entries);
}

function firstSheet(bytes: Uint8Array) {
  const workbook = XlsxWorkbook.open(bytes);
  return workbook.readSheet(workbook.worksheets()[0]);
}

function failure(action: () => unknown): PackageError {
  try {
    action();
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error('no PackageError');
}

describe('XlsxWorkbook', () => {
  it('follows absolute relationship targets and reads inline strings, without shared strings or styles', () => {
    const sheet = firstSheet(
      openpyxlLike(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="B1" t="inlineStr"><is><r><t>Pré</t></r><r><rPr><b/></rPr><t>nom</t></r></is></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> Martin </t></is></c><c r="C3"><v>42</v></c></row>',
      ),
    );
    expect(sheet.rows).toEqual([['Nom', 'Prénom'], [], [' Martin ', null, 42]]);
  });

  it('reads every cell type: booleans, errors, formula text, ISO dates, escaped characters, phonetic runs left out', () => {
    const sheet = firstSheet(
      openpyxlLike(
        '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>' +
          '<c r="D1" t="str"><f>UPPER(E1)</f><v>LEFÈVRE</v></c><c r="E1" t="d"><v>1987-03-14</v></c>' +
          '<c r="F1" t="inlineStr"><is><t>Ligne_x000D_deux _x005F_x0041_</t></is></c>' +
          '<c r="G1" t="inlineStr"><is><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>',
      ),
    );
    expect(sheet.rows).toEqual([[true, false, '#N/A', 'LEFÈVRE', utc(1987, 3, 14), 'Ligne\rdeux _x0041_', '東京']]);
  });

  it('places cells and rows written without references one after the other', () => {
    const sheet = firstSheet(openpyxlLike('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row/><row><c r="C3"><v>3</v></c><c><v>4</v></c></row>'));
    expect(sheet.rows).toEqual([['a', 2], [], [null, null, 3, 4]]);
  });

  it('reads numbers with a date format as dates, in the 1904 system when the workbook says so, whatever the format’s case', () => {
    const styles =
      `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="164"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const data = '<row r="1"><c r="A1" s="1"><v>31484</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1"><v>31484</v></c><c r="D1" s="3"><v>31485.75</v></c></row>';
    const sheet1900 = firstSheet(openpyxlLike(data, { styles }));
    // A time of day is dropped: a date cell is the day it shows, as every reader gives it (core/dates.ts).
    expect(sheet1900.rows).toEqual([[utc(1986, 3, 13), 0.5, 31484, utc(1986, 3, 14)]]);
    expect(sheet1900.numberFormats).toEqual(new Map([[cellKey(1, 0), 'DD/MM/YYYY'], [cellKey(1, 1), '0.0%'], [cellKey(1, 3), 'mm-dd-yy']]));
    const sheet1904 = firstSheet(openpyxlLike(data, { styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(sheet1904.rows[0][0]).toEqual(utc(1990, 3, 14));
  });

  it('reports formulas saved without a result, and keeps a merged area’s value in its top-left cell only', () => {
    const sheet = firstSheet(
      openpyxlLike(
        '<row r="4"><c r="A4"><f>B4*2</f></c><c r="B4"><v>1</v></c><c r="F4" t="inlineStr"><is><t>Nord</t></is></c></row>' +
          '<row r="5"><c r="A5" t="str"><f>UPPER(B5)</f></c><c r="B5"><v>2</v></c><c r="F5" t="inlineStr"><is><t>caché</t></is></c></row>',
        { extra: '<mergeCells count="1"><mergeCell ref="F4:F5"/></mergeCells>' },
      ),
    );
    expect(sheet.rows).toEqual([[], [], [], [null, 1, null, null, null, 'Nord'], [null, 2]]);
    expect(sheet.formulasWithoutValue).toEqual(new Map([[cellKey(4, 0), 'B4*2'], [cellKey(5, 0), 'UPPER(B5)']]));
    expect(sheet.merges).toEqual([{ top: 4, left: 5, bottom: 5, right: 5 }]);
  });

  it('reads strict OOXML and prefixed element names', () => {
    const bytes = zipBytes([
      { name: '_rels/.rels', content: rels([['rId1', 'officeDocument', 'xl/workbook.xml']], STRICT_REL) },
      {
        name: 'xl/workbook.xml',
        content: `<x:workbook xmlns:x="${STRICT_NS}" xmlns:r="${STRICT_REL}"><x:sheets><x:sheet name="Strict" sheetId="1" state="hidden" r:id="rId1"/><x:sheet name="Graphique" sheetId="2" r:id="rId3"/></x:sheets></x:workbook>`,
      },
      { name: 'xl/_rels/workbook.xml.rels', content: rels([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'sharedStrings', 'sharedStrings.xml'], ['rId3', 'chartsheet', 'chartsheets/sheet1.xml']], STRICT_REL) },
      { name: 'xl/sharedStrings.xml', content: `<x:sst xmlns:x="${STRICT_NS}"><x:si><x:t>Secteur</x:t></x:si><x:si><x:r><x:t>Est</x:t></x:r></x:si></x:sst>` },
      { name: 'xl/worksheets/sheet1.xml', content: `<x:worksheet xmlns:x="${STRICT_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>` },
      { name: 'xl/chartsheets/sheet1.xml', content: `<x:chartsheet xmlns:x="${STRICT_NS}"/>` },
    ]);
    const workbook = XlsxWorkbook.open(bytes);
    expect(workbook.sheets).toEqual([
      { name: 'Strict', state: 'hidden', part: 'xl/worksheets/sheet1.xml' },
      { name: 'Graphique', state: 'visible', part: null },
    ]);
    expect(workbook.readSheet(workbook.sheets[0]).rows).toEqual([['Secteur', 'Est']]);
  });

  it('refuses a cell past Excel\'s grid as such, not as damage, with its sheet and where (issue 15 §4)', () => {
    const beyond = (sheetData: string) => {
      const error = failure(() => firstSheet(openpyxlLike(sheetData)));
      return { kind: error.kind, part: error.part, cell: error.cell };
    };
    const at = (reference: string) => ({ kind: 'beyond_grid', part: 'xl/worksheets/sheet1.xml', cell: { sheet: 'Liste', reference } });
    expect(beyond('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).toEqual(at('ligne 1048577'));
    expect(beyond('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toEqual(at('cellule XFE1'));
    expect(beyond('<row r="1"><c r="A1048577"><v>1</v></c></row>')).toEqual(at('cellule A1048577'));
    expect(beyond(`<row r="2"><c r="XFD2"><v>1</v></c><c><v>2</v></c></row>`)).toEqual(at('cellule XFE2'));
    expect(failure(() => firstSheet(openpyxlLike('<row r="1"><c r="A0"><v>1</v></c></row>'))).kind).toBe('corrupt');
  });

  it('refuses what Excel could not have written: a DOCTYPE (entity expansion), a package without workbook, a sheet without its part', () => {
    const doctype = zipBytes([
      { name: '_rels/.rels', content: rels([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
      { name: 'xl/workbook.xml', content: `<!DOCTYPE workbook [<!ENTITY a "aaaa">]><workbook xmlns="${NS}"><sheets/></workbook>` },
    ]);
    expect(failure(() => XlsxWorkbook.open(doctype)).kind).toBe('corrupt');
    const word = zipBytes([
      { name: '_rels/.rels', content: rels([['rId1', 'officeDocument', 'word/document.xml']]) },
      { name: 'word/document.xml', content: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' },
    ]);
    expect(failure(() => XlsxWorkbook.open(word)).kind).toBe('not_workbook');
    // A sheet whose relationship is missing would silently vanish from the list.
    const orphan = zipBytes([
      { name: '_rels/.rels', content: rels([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
      { name: 'xl/workbook.xml', content: `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Liste" sheetId="1" r:id="rId9"/></sheets></workbook>` },
    ]);
    expect(failure(() => XlsxWorkbook.open(orphan)).kind).toBe('corrupt');
  });
});

describe('parseCellReference', () => {
  it('reads A1 references, absolute or not, and refuses anything else', () => {
    expect(['A1', 'f5', '$AB$12', 'XFD1048576', 'ZZZ1'].map(parseCellReference)).toEqual([
      { column: 0, row: 1 },
      { column: 5, row: 5 },
      { column: 27, row: 12 },
      { column: 16383, row: 1048576 },
      { column: 18277, row: 1 },
    ]);
    expect(['', 'A', '12', 'AAAA1', 'A1B', 'A12345678', 'A-1', 'É1'].map(parseCellReference)).toEqual(new Array(8).fill(null));
  });
});
