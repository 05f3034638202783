/** Small record models and input workbooks, built by hand, for the file-side tests of the record. */
import * as ExcelJS from 'exceljs';
import type { CellModel, CellStyle, RecordModel, SheetModel } from '../../src/core/record/model';
import type { CellValue } from '../../src/core/sheet';
import { estimateRowHeights } from '../../src/core/record/rowHeights';
import { ZipPackage } from '../../src/xlsx/zip';
import { partText, rezip } from './zipWriter';

function withRowHeights(sheet: Omit<SheetModel, 'rowHeights'>): SheetModel {
  return { ...sheet, rowHeights: estimateRowHeights(sheet.cells, sheet.merges, sheet.columnWidths) };
}

/** Text a candidate could type, which must stay text everywhere. */
export const HOSTILE = [
  '=HYPERLINK("http://x","clic")',
  '+33 6 12',
  '-2+3',
  '@SUM(A1:A9)',
  "'quoted",
  '=1+1',
  '12',
  '0012',
  '14/03/1987',
  'VRAI',
  '1e5',
  '<b>&amp;</b>',
  '_x0041_',
  '  espaces  ',
  'ligne 1\nligne 2',
] as const;

/** Strings XML cannot carry as they are; Excel escapes them. LibreOffice is not asked about these. */
export const CONTROL = ['A\u0001B', 'retour\r\nchariot'] as const;

const HEADER: CellStyle = { bold: true, color: 'FFFFFF', fill: '1F4E78', border: true, horizontal: 'center', wrap: true };
const SELECTED: CellStyle = { fill: 'C6EFCE', color: '006100', border: true };
const RESERVE: CellStyle = { fill: 'FFEB9C', color: '9C5700', border: true };

function row(r: number, values: (string | number | null)[], style?: CellStyle, firstColumn = 1): CellModel[] {
  return values.map((value, i) => ({ row: r, column: firstColumn + i, value, ...(style ? { style } : {}) }));
}

function print(orientation: 'portrait' | 'landscape', footer: string, repeatRows?: { from: number; to: number }): SheetModel['print'] {
  return {
    orientation,
    paper: 'A4',
    fitToWidth: true,
    ...(repeatRows ? { repeatRows } : {}),
    footer,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7 },
  };
}

export interface ModelNames {
  draw?: string;
  summary?: string;
  minutes?: string;
  table?: string;
}

/**
 * Three sheets: a draw table (an Excel table, frozen header, landscape, hostile names), a summary
 * whose header repeats a word (so it gets a filter, not a table) under a merged title, and minutes
 * with wrapped merged text, a monospaced fingerprint and control characters.
 */
export function sampleModel(names: ModelNames = {}, options: { control?: boolean } = {}): RecordModel {
  const drawName = names.draw ?? 'Tirage';
  const hostileRows = HOSTILE.map((name, i) => row(5 + i, [i + 1, name, i % 3 === 0 ? 'Liste complémentaire n° 1' : 'Retenu·e', (i + 1) / 16, i % 2 === 0 ? 'Centre' : 'Nord'], i % 3 === 0 ? RESERVE : SELECTED));
  const lastRow = 4 + HOSTILE.length;
  const draw: Omit<SheetModel, 'rowHeights'> = {
    role: 'draw',
    name: drawName,
    cells: [
      { row: 1, column: 1, value: 'Tirage au sort du Conseil local du numérique — résultat', style: { bold: true, size: 14 } },
      { row: 2, column: 1, value: 'Graine publique « 4 2 6 1 5 3 »', style: { italic: true, color: '595959' } },
      ...row(4, ['N° de tirage', 'Nom', 'Statut', 'Probabilité avant tirage', 'Secteur'], HEADER),
      ...hostileRows.flat().map((c) => (c.column === 4 ? { ...c, style: { ...c.style, numberFormat: '0.0 %', horizontal: 'right' as const } } : c)),
    ],
    columnWidths: [12, 34, 28, 14, 12],
    merges: [{ fromRow: 1, fromColumn: 1, toRow: 1, toColumn: 5 }],
    frozen: { rows: 4, columns: 1 },
    tables: [{ name: names.table ?? 'Tirage', headerRow: 4, firstColumn: 1, lastColumn: 5, lastRow }],
    print: print('landscape', 'Tirage CLN — R&D & co — empreinte 2ff475306aa136b3258df7ca3aa105b05535f613ff1bc50df239d0972c3b6e5d', { from: 4, to: 4 }),
    protected: true,
  };
  const summary: Omit<SheetModel, 'rowHeights'> = {
    role: 'summary',
    name: names.summary ?? 'Synthèse',
    cells: [
      { row: 1, column: 1, value: 'Synthèse', style: { bold: true, size: 13 } },
      ...row(3, ['Secteur', 'Candidatures', null, 'Membres', null], HEADER),
      ...row(4, ['', 'Femmes', 'Hommes', 'Femmes', 'Hommes'], HEADER),
      ...row(5, ['Centre', 2, 0, 2, 0], { border: true }),
      ...row(6, ['Nord', 2, 4, 2, 2], { border: true }),
      ...row(7, ['Total', 4, 4, 4, 2], { border: true, bold: true }),
      { row: 9, column: 1, value: 'Part des femmes', style: { bold: true } },
      { row: 9, column: 2, value: 0.4615384615, style: { numberFormat: '0.0 %' } },
    ],
    columnWidths: [16, 14, 14, 14, 14],
    merges: [
      { fromRow: 3, fromColumn: 2, toRow: 3, toColumn: 3 },
      { fromRow: 3, fromColumn: 4, toRow: 3, toColumn: 5 },
    ],
    frozen: { rows: 0, columns: 0 },
    // "Femmes" twice and an empty first header: not a valid Excel table → a filter instead.
    tables: [{ name: 'Synthese', headerRow: 4, firstColumn: 1, lastColumn: 5, lastRow: 7 }],
    print: print('portrait', 'Synthèse'),
    protected: true,
  };
  const minutes: Omit<SheetModel, 'rowHeights'> = {
    role: 'minutes',
    name: names.minutes ?? 'Procès-verbal',
    cells: [
      { row: 1, column: 1, value: 'Procès-verbal du tirage au sort', style: { bold: true, size: 14 } },
      { row: 3, column: 1, value: 'Cadre', style: { bold: true, vertical: 'top' } },
      {
        row: 3,
        column: 2,
        value:
          'Article 7 du règlement du Conseil local du numérique : tirage aléatoire numérique sur tableur, en séance publique, ' +
          'devant les élus présents, parmi les candidatures reçues dans les délais.',
        style: { wrap: true, vertical: 'top' },
      },
      { row: 4, column: 1, value: 'Empreinte', style: { bold: true } },
      { row: 4, column: 2, value: '2ff475306aa136b3258df7ca3aa105b05535f613ff1bc50df239d0972c3b6e5d', style: { monospace: true, size: 9 } },
      { row: 5, column: 1, value: 'Candidatures reçues', style: { bold: true } },
      { row: 5, column: 2, value: 16, style: { horizontal: 'left' } },
      ...(options.control ? CONTROL.map((value, i) => ({ row: 7 + i, column: 2, value })) : []),
    ],
    columnWidths: [24, 22, 22, 22],
    merges: [
      { fromRow: 1, fromColumn: 1, toRow: 1, toColumn: 4 },
      { fromRow: 3, fromColumn: 2, toRow: 3, toColumn: 4 },
    ],
    frozen: { rows: 0, columns: 0 },
    tables: [],
    print: print('portrait', '1 procès-verbal — empreinte 2ff475306aa136b3258df7ca3aa105b05535f613ff1bc50df239d0972c3b6e5d'),
    protected: true,
  };
  return { sheets: [draw, summary, minutes].map(withRowHeights) };
}

/** The model's values as a grid (rows[0] = row 1), empty text as empty, trailing blanks trimmed. */
export function modelGrid(sheet: SheetModel): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const cell of sheet.cells) {
    if (cell.value === null || cell.value === '') continue;
    const cells = (rows[cell.row - 1] ??= []);
    cells[cell.column - 1] = cell.value;
  }
  return Array.from(rows, (cells) => Array.from(cells ?? [], (v) => (v === undefined ? null : v)));
}

/**
 * A clerk's candidature workbook, as Excel would leave it: a notes sheet, then the candidatures
 * with a title merged over the columns, widths, styles, a drop-down (data validation), a
 * conditional format, a cell comment, a defined name, and an Excel table whose XML is Excel's own
 * (no headerRowCount attribute: 1 is the default).
 */
export async function clerkWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Notes');
  notes.getCell('A1').value = 'Liste reçue le 2 juin';
  notes.getCell('A1').font = { italic: true, color: { argb: 'FF7F7F7F' } };

  const sheet = workbook.addWorksheet('Candidatures');
  sheet.getCell('A1').value = 'Candidatures CLN — juin 2025';
  sheet.getCell('A1').font = { bold: true, size: 16, name: 'Arial' };
  sheet.mergeCells('A1:F1');
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 22;
  sheet.getColumn(5).width = 18;
  sheet.addTable({
    name: 'Candidatures',
    ref: 'A3',
    headerRow: true,
    style: { theme: 'TableStyleMedium9', showRowStripes: true },
    columns: ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'].map((name) => ({ name, filterButton: true })),
    rows: [
      ['1', 'Lefèvre', 'Amandine', 'F', '14/03/1987', 'Centre'],
      ['2', '=HYPERLINK("http://x","clic")', 'Karim', 'H', '01/12/1998', 'Nord'],
      ['3', 'Da Silva', 'Inès', 'F', '27/05/1975', 'Est'],
    ],
  });
  sheet.getCell('B5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  sheet.getCell('D4').dataValidation = { type: 'list', allowBlank: false, formulae: ['"F,H"'] };
  sheet.addConditionalFormatting({
    ref: 'F4:F6',
    rules: [{ type: 'containsText', operator: 'containsText', text: 'Nord', priority: 1, style: { font: { color: { argb: 'FF9C0006' } } } }],
  });
  sheet.getCell('H4').note = 'Candidature reçue hors délai ?';
  workbook.definedNames.add("'Candidatures'!$A$3:$F$6", 'Liste');
  const bytes = await workbook.xlsx.writeBuffer();

  // Excel's own table XML: no headerRowCount, no hidden filter buttons, totalsRowShown="0".
  const input = new Uint8Array(bytes as ArrayBuffer);
  const tablePart = ZipPackage.open(input)
    .names()
    .find((name) => /^xl\/tables\/table\d+\.xml$/.test(name)) as string;
  const table =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Candidatures" displayName="Candidatures" ref="A3:F6" totalsRowShown="0">' +
    '<autoFilter ref="A3:F6"/><tableColumns count="6"><tableColumn id="1" name="N°"/><tableColumn id="2" name="Nom"/><tableColumn id="3" name="Prénom"/>' +
    '<tableColumn id="4" name="Sexe"/><tableColumn id="5" name="Date de naissance"/><tableColumn id="6" name="Secteur"/></tableColumns>' +
    '<tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
  // exceljs writes <legacyDrawing> (the comment) after <tableParts>; the schema, and Excel, want it before.
  const sheetPart = 'xl/worksheets/sheet2.xml';
  const sheetXml = partText(input, sheetPart);
  const legacy = /<legacyDrawing [^>]*\/>/.exec(sheetXml)?.[0] as string;
  return rezip(input, { [tablePart]: table, [sheetPart]: sheetXml.replace(legacy, '').replace('<tableParts', `${legacy}<tableParts`) });
}
