/** The adapter reads the candidature table from the workbook as the file readers read it from a file. */
import { largestRecordableTable, prepareDraw, type CellArea, type Sheet } from '../../src/core';
import { isDateFormat } from '../../src/core/numberFormats';
import { dateSystemOf, officeCellValue } from '../../src/excel/dateCells';
import { describeFormulaWithoutValue, ExcelAdapterError } from '../../src/excel/problems';
import { PAYLOAD_LIMIT_BYTES } from '../../src/excel/simulated/excel';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { parseCsvText } from '../../src/file/csv';
import { cellAt } from '../../src/excel/simulated/state';
import { rejectionOf } from '../support/errors';
import { excelOf, HEADER, juneRows } from '../support/simulated';

const options = { referenceDate: '2025-06-13', excludeInvalid: true };
const fingerprint = (table: Sheet, bounds: CellArea | null = null) => prepareDraw(table, { ...options, bounds }).canonical.fingerprint;
const csvOf = (rows: string[][]) => parseCsvText([HEADER, ...rows].map((r) => r.join(';')).join('\n'), 'june.csv');

describe('reading the candidature table', () => {
  it('reads an Excel table and a plain range alike, with the sheet’s row numbers and columns', async () => {
    const rows = juneRows();
    const excel = excelOf([
      // A title above, the table from C3: the table holds only its own rows.
      { name: 'Inscriptions', rows: [['Candidatures au CLN'], [], HEADER, ...rows], table: undefined },
      { name: 'Tableau', rows: [HEADER, ...rows], row: 3, column: 3, table: 'Candidatures' },
    ]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const contents = await adapter.listTables();
    expect(contents).toEqual({ sheets: ['Inscriptions', 'Tableau'], tables: [{ kind: 'table', name: 'Candidatures', sheet: 'Tableau' }] });

    const range = await adapter.readTable({ kind: 'sheet', sheet: 'Inscriptions' });
    const table = await adapter.readTable(contents.tables[0]);
    expect(table.sheet.rows[2]).toEqual([null, null, ...HEADER]);
    expect(table.sheet.name).toBe('Tableau');
    expect(table.bounds).toEqual({ top: 3, left: 2, bottom: 19, right: 7 });
    expect(range.sheet.rows[2]).toEqual(HEADER);
    expect(range.bounds).toBeNull();
    expect(fingerprint(range.sheet)).toBe(fingerprint(csvOf(rows)));
    expect(fingerprint(table.sheet, table.bounds)).toBe(fingerprint(csvOf(rows)));
    // Row numbers and cells as the user sees them: the candidature of sheet row 4 in C4:H4.
    expect(prepareDraw(table.sheet, { ...options, bounds: table.bounds }).candidatures[0]).toMatchObject({ row: 4 });
  });

  it('keeps blank rows as rows, so that row numbers stay the sheet’s', async () => {
    const rows = juneRows();
    const withBlanks = [HEADER, rows[0], [], [], ...rows.slice(1)];
    const excel = excelOf([{ name: 'Feuil1', rows: withBlanks }]);
    const read = await new ExcelWorkbookAdapter(excel.run).readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.sheet.rows).toHaveLength(withBlanks.length);
    expect(prepareDraw(read.sheet, options).candidatures.map((c) => c.row)).toEqual([2, ...Array.from({ length: 15 }, (_, i) => i + 5)]);
  });

  it.each([
    ['1900', false, 0],
    ['1904', true, 1462],
  ])('reads serial birth dates of a %s workbook as the days they show', async (_, date1904, offset) => {
    const rows = juneRows();
    // The serial of each date (1900 system), minus 1462 days in a 1904 workbook.
    const serial = (text: string) => {
      const [d, m, y] = text.split('/').map(Number);
      return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000 - offset;
    };
    const withSerials = rows.map((r) => [r[0], r[1], r[2], r[3], serial(r[4]), r[5]]);
    const excel = excelOf([{ name: 'Feuil1', rows: [HEADER, ...withSerials], format: { 4: 'dd/mm/yyyy' } }], { date1904 });
    const read = await new ExcelWorkbookAdapter(excel.run).readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.sheet.rows[1][4]).toEqual(new Date(Date.UTC(1951, 1, 2)));
    expect(fingerprint(read.sheet)).toBe(fingerprint(csvOf(rows)));
  });

  it('refuses a date whose date system is unknown, naming the cell', () => {
    expect(() => officeCellValue(30000, 'dd/mm/yyyy', null, 7, 4)).toThrow(ExcelAdapterError);
    expect(() => officeCellValue(30000, 'dd/mm/yyyy', null, 7, 4)).toThrow(/cellule E7 contient une date/);
    expect(officeCellValue(30000, 'General', null, 7, 4)).toBe(30000);
    expect(dateSystemOf(7)).toBeNull();
  });

  it.each([
    ['dd/mm/yyyy', true],
    ['[$-40C]d mmmm yyyy', true],
    ['mmm-yy', true],
    // Times are date-time formats too (Excel's reading, and the file reader's): one rule for both readers.
    ['mm:ss', true],
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['0.0%', false],
    ['"jour "0', false],
    ['General', false],
    ['@', false],
  ])('number format %s is a date: %s', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it('reports formulas that have no value instead of reading them as empty', async () => {
    const rows = juneRows();
    const excel = excelOf([{ name: 'Feuil1', rows: [HEADER, ...rows] }]);
    const cells = excel.sheet('Feuil1')!.cells;
    Object.assign(cells.get('2:1')!, { value: '#REF!', formula: '=Feuil9!A1' });
    Object.assign(cells.get('3:5')!, { value: null, formula: '=IF(1;"";"")' });
    const read = await new ExcelWorkbookAdapter(excel.run).readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.formulasWithoutValue).toEqual([
      { cell: 'B3', formula: '=Feuil9!A1', shown: '#REF!' },
      { cell: 'F4', formula: '=IF(1;"";"")', shown: '' },
    ]);
    expect(read.formulasWithoutValue.map(describeFormulaWithoutValue)).toEqual([
      'Cellule B3 : la formule =Feuil9!A1 ne donne pas de valeur ; elle est lue comme le texte « #REF! ». Recalculez le classeur, ou remplacez la formule par la valeur voulue.',
      'Cellule F4 : la formule =IF(1;"";"") ne donne pas de valeur ; elle est lue comme une cellule vide. Recalculez le classeur, ou remplacez la formule par la valeur voulue.',
    ]);
    expect(read.sheet.rows[2][1]).toBe('#REF!');
    expect(read.sheet.rows[3][5]).toBeUndefined();
  });

  it('reads 10,000 rows in 2 syncs, and a table too large for one response in chunks under 5 MB', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => [String(i + 1), `Nom${i}`, `Prénom${i}`, i % 2 ? 'F' : 'H', '01/01/1980', 'Nord']);
    const excel = excelOf([{ name: 'Feuil1', rows: [HEADER, ...many] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const read = await adapter.readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.sheet.rows).toHaveLength(10_001);
    expect(adapter.syncCount).toBe(2);

    const wide = Array.from({ length: 1_500 }, (_, i) => [String(i + 1), `Nom${i}`, `Prénom${i}`, 'F', '01/01/1980', 'Nord', 'note '.repeat(600)]);
    const large = excelOf([{ name: 'Feuil1', rows: [[...HEADER, 'Remarques'], ...wide] }]);
    const reader = new ExcelWorkbookAdapter(large.run);
    const big = await reader.readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(big.sheet.rows).toHaveLength(1_501);
    expect(big.sheet.rows[1_500][1]).toBe('Nom1499');
    expect(reader.syncCount).toBeGreaterThan(2);
    // Every answered sync stayed under the limit; the refused ones were split and asked again.
    const answered = large.syncs.filter((s) => s.responseBytes <= PAYLOAD_LIMIT_BYTES);
    expect(answered.reduce((n, s) => n + s.responseBytes, 0)).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it('refuses a table with filled cells below it, which the draw would leave out', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [HEADER, ...juneRows(), [], ['Remarque : liste close le 1er juin']], table: undefined }]);
    excel.workbook.sheets[0].tables.push({ name: 'Inscrits', rect: { row: 0, column: 0, rowCount: 17, columnCount: 6 }, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true });
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await expect(adapter.readTable({ kind: 'table', name: 'Inscrits', sheet: 'Feuil1' })).rejects.toThrow(
      'La feuille « Feuil1 » contient d’autres cellules remplies sous le tableau « Inscrits » (à partir de la ligne 18)',
    );
    // Read as the sheet's range, the note is a row the engine reports, as the CLI would.
    const read = await adapter.readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.sheet.rows).toHaveLength(19);
  });

  it('reads a protected sheet (reading is allowed)', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [HEADER, ...juneRows()], protected: true }]);
    const read = await new ExcelWorkbookAdapter(excel.run).readTable({ kind: 'sheet', sheet: 'Feuil1' });
    expect(read.sheet.rows).toHaveLength(17);
  });

  it('refuses a table whose record could not fit Excel’s sheets after one sync, before reading its cells (issue 15 §4)', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [HEADER, ...juneRows()] }]);
    // A stray value far down the sheet (0-based row: sheet row largest + 1): the used range reaches it.
    cellAt(excel.workbook.sheets[0], largestRecordableTable(), 0).value = 'x';
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const error = await rejectionOf(adapter.readTable({ kind: 'sheet', sheet: 'Feuil1' }));
    expect(error.code).toBe('record_too_large');
    expect(error.message).toMatch(/^Feuille « Feuil1 » : 1 048 377 lignes, trop pour le registre du tirage\..* le plus grand tableau dont le registre tient compte 1 048 376 lignes/);
    expect(adapter.syncCount).toBe(1);
  });

  it('refuses a workbook with a sheet of its own named like a record’s data or replacement sheet, in one more sync, only then (issue 15 §4)', async () => {
    const excel = excelOf([
      { name: 'Candidatures', rows: [HEADER, ...juneRows()] },
      { name: 'Remplacement', rows: [['Personnes à rappeler']] },
    ]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const error = await rejectionOf(adapter.readTable({ kind: 'sheet', sheet: 'Candidatures' }));
    expect(error.code).toBe('reserved_sheet_name');
    expect(error.message).toMatch(/^Ce classeur a une feuille « Remplacement » qui porte le nom d’une feuille de registre de tirage/);
    expect(adapter.syncCount).toBe(2);
    // Renamed, the sheet is the clerk's again: read in its usual syncs.
    excel.workbook.sheets[1].name = 'Remplacements prévus';
    const again = new ExcelWorkbookAdapter(excel.run);
    expect((await again.readTable({ kind: 'sheet', sheet: 'Candidatures' })).sheet.rows).toHaveLength(17);
    expect(again.syncCount).toBe(2);
  });

  it('says in French when the table or the sheet is gone, or the sheet is empty', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await expect(adapter.readTable({ kind: 'table', name: 'Candidatures', sheet: 'Feuil1' })).rejects.toThrow('Le tableau « Candidatures » n’existe plus dans le classeur');
    await expect(adapter.readTable({ kind: 'sheet', sheet: 'Feuil9' })).rejects.toThrow('La feuille « Feuil9 » n’existe plus');
    await expect(adapter.readTable({ kind: 'sheet', sheet: 'Feuil1' })).rejects.toThrow('La feuille « Feuil1 » est vide');
  });
});
