/**
 * The record written to disk: what exceljs reads back, what the package holds (raw XML), and
 * that the input workbook's own sheets come out untouched.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { RecordModel, SheetModel } from '../../src/core/record/model';
import { CSV_SHEET_NAME, plainSheet, type Sheet } from '../../src/core/sheet';
import { sheetFrom } from '../support/sheets';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { footerCode, planSheet } from '../../src/core/record/plan';
import { existingSheetNames, writeRecordWorkbook } from '../../src/file/recordWriter';
import { childrenNamed, firstChild, parseXml } from '../../src/xlsx/xmlEdit';
import { testOutputDir } from '../support/libreoffice';
import { CONTROL, HOSTILE, clerkWorkbook, modelGrid, sampleModel } from '../support/recordModels';
import { XlsxParts } from '../support/xlsxParts';
import { rejectionOf } from '../support/errors';
import { partText, rezip, zipBytes } from '../support/zipWriter';
import { encodeSharedString } from '../../src/xlsx/sharedStrings';
import { ZipPackage } from '../../src/xlsx/zip';
import { openTableFile } from '../../src/file/readTable';

const OUT = testOutputDir('record-writer');

async function loadExcel(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Everything exceljs tells about a sheet that a clerk would notice if it changed. */
function sheetSnapshot(sheet: ExcelJS.Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: cell.value, style: cell.style, type: cell.type };
    }),
  );
  const model = sheet.model as unknown as { merges: string[]; cols: unknown; dataValidations: unknown; conditionalFormattings: unknown };
  return {
    cells,
    merges: [...model.merges].sort(),
    cols: model.cols,
    dataValidations: (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    conditionalFormattings: (sheet as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    protection: (sheet as unknown as { sheetProtection: unknown }).sheetProtection,
    views: sheet.views,
  };
}

const clerkPath = path.join(OUT, 'candidatures.xlsx');
const recordPath = path.join(OUT, 'registre.xlsx');
const model = sampleModel({}, { control: true });

beforeAll(async () => {
  fs.writeFileSync(clerkPath, await clerkWorkbook());
  await writeRecordWorkbook({ input: { kind: 'xlsx', path: clerkPath }, model, outPath: recordPath });
});

describe('values', () => {
  it('reads back, sheet by sheet, exactly the model’s values, hostile and control-character text included', async () => {
    const grids = await readWorkbookSheets(recordPath);
    expect(grids.map((g) => g.name)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
    for (const sheet of model.sheets) {
      expect(grids.find((g) => g.name === sheet.name)?.rows).toEqual(modelGrid(sheet));
    }
    const draw = grids.find((g) => g.name === 'Tirage')?.rows ?? [];
    expect(draw.slice(4).map((r) => r[1])).toEqual([...HOSTILE]);
    const minutes = grids.find((g) => g.name === 'Procès-verbal')?.rows ?? [];
    expect([minutes[6][1], minutes[7][1]]).toEqual([...CONTROL]);
  });

  it('writes every record string as a shared string and no formula at all', async () => {
    const parts = await XlsxParts.open(recordPath);
    for (const sheet of model.sheets) {
      const xml = await parseXmlOf(parts, sheet.name);
      const cells = childrenNamed(firstChild(xml.root, 'sheetData')!, 'row').flatMap((r) => childrenNamed(r, 'c'));
      for (const cell of sheet.cells) {
        if (cell.value === null) continue;
        const address = `${String.fromCharCode(64 + cell.column)}${cell.row}`;
        const c = cells.find((e) => e.attributes.get('r') === address);
        expect([address, c?.attributes.get('t')]).toEqual([address, typeof cell.value === 'string' ? 's' : undefined]);
        expect(c?.children.map((child) => child.local)).toEqual(['v']);
      }
      expect(xml.text).not.toMatch(/<f[\s>]/);
    }
    // The literal "_x0041_" is protected as Excel does it; control characters are escaped.
    const strings = await parts.text('xl/sharedStrings.xml');
    expect(strings).toContain('<t>_x005F_x0041_</t>');
    expect(strings).toContain('<t>A_x0001_B</t>');
    expect(strings).toContain('retour_x000D_\nchariot');
  });

  it('encodes shared strings as ECMA-376 asks', () => {
    expect(encodeSharedString('=1+1')).toBe('<si><t>=1+1</t></si>');
    expect(encodeSharedString('<b>&</b>')).toBe('<si><t>&lt;b&gt;&amp;&lt;/b&gt;</t></si>');
    expect(encodeSharedString(' a ')).toBe('<si><t xml:space="preserve"> a </t></si>');
    expect(encodeSharedString('_x0041_ _x00ab_ _x41_')).toBe('<si><t>_x005F_x0041_ _x005F_x00ab_ _x41_</t></si>');
    expect(encodeSharedString('\u0000\u001f\uffff')).toBe('<si><t>_x0000__x001F__xFFFF_</t></si>');
    expect(encodeSharedString('é😀')).toBe('<si><t>é😀</t></si>');
  });
});

async function parseXmlOf(parts: XlsxParts, sheet: string): Promise<{ text: string; root: ReturnType<typeof parseXml> }> {
  const text = await parts.sheetXml(sheet);
  return { text, root: parseXml(text) };
}

describe('the input workbook', () => {
  it('keeps every part of the input byte for byte, except the five it extends', async () => {
    const before = await XlsxParts.open(clerkPath);
    const after = await XlsxParts.open(recordPath);
    const extended = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
    for (const name of before.names()) {
      if (extended.includes(name)) continue;
      expect([name, Buffer.from(await after.bytes(name)).equals(Buffer.from(await before.bytes(name)))]).toEqual([name, true]);
    }
    // Comments, the Excel table's own XML and its relationships are among those kept.
    expect(before.names()).toEqual(expect.arrayContaining(['xl/comments2.xml', 'xl/tables/table1.xml', 'xl/worksheets/_rels/sheet2.xml.rels']));
  });

  it('only appends to the parts it extends: the input’s styles and strings keep their indices', async () => {
    const before = await XlsxParts.open(clerkPath);
    const after = await XlsxParts.open(recordPath);
    for (const [part, lists] of [
      ['xl/styles.xml', ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']],
      ['xl/sharedStrings.xml', null],
      ['xl/workbook.xml', ['sheets', 'definedNames']],
      ['[Content_Types].xml', null],
      ['xl/_rels/workbook.xml.rels', null],
    ] as const) {
      const old = await before.text(part);
      const now = await after.text(part);
      const oldRoot = parseXml(old);
      const newRoot = parseXml(now);
      const children = (text: string, root: ReturnType<typeof parseXml>, list: string | null) =>
        (list === null ? root : firstChild(root, list))?.children.map((e) => text.slice(e.start, e.end)) ?? [];
      for (const list of lists ?? [null]) {
        const kept = children(old, oldRoot, list);
        expect([part, list, children(now, newRoot, list).slice(0, kept.length)]).toEqual([part, list, kept]);
      }
    }
  });

  it('reads the same in exceljs: values, styles, merges, widths, validation, conditional formats, views', async () => {
    const before = await loadExcel(clerkPath);
    const after = await loadExcel(recordPath);
    for (const name of ['Notes', 'Candidatures']) {
      expect(sheetSnapshot(sheetOf(after, name))).toEqual(sheetSnapshot(sheetOf(before, name)));
    }
    expect(after.definedNames.model).toEqual(expect.arrayContaining(before.definedNames.model));
    expect(sheetOf(after, 'Candidatures').getCell('A1').font).toMatchObject({ bold: true, size: 16, name: 'Arial' });
  });

  it('is the reason the input is not re-saved by exceljs: its re-save breaks an Excel table and drops notes', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(clerkPath) as never);
    const resaved = await XlsxParts.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const table = (await resaved.sheetTables('Candidatures'))[0];
    // If this ever fails, exceljs has been fixed: the package-level approach stays the safer one.
    expect(table).toContain('headerRowCount="0"');
    expect(resaved.names().some((n) => /comments/.test(n))).toBe(false);
  });
});

describe('the record sheets', () => {
  it('are protected without a password, filtering allowed where there is a table, sorting never', async () => {
    const parts = await XlsxParts.open(recordPath);
    for (const sheet of model.sheets) {
      const protection = /<sheetProtection [^>]*\/>/.exec(await parts.sheetXml(sheet.name))?.[0] ?? '';
      expect(protection).toContain('sheet="1"');
      expect(protection).not.toMatch(/hashValue|password|selectLockedCells/);
      // In sheetProtection, "0" lifts a protection: autoFilter="0" allows filtering; sort is left protected.
      if (sheet.tables.length > 0) expect(protection).toContain('autoFilter="0"');
      expect(protection).not.toContain('sort="0"');
    }
    for (const input of ['Notes', 'Candidatures']) expect(await parts.sheetXml(input)).not.toContain('<sheetProtection');
    const workbook = await loadExcel(recordPath);
    expect((sheetOf(workbook, 'Tirage') as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('hold an Excel table over the model’s block whose header names are the header cells', async () => {
    const parts = await XlsxParts.open(recordPath);
    const [table] = await parts.sheetTables('Tirage');
    const root = parseXml(table);
    expect(root.attributes.get('name')).toBe('Tirage');
    expect(root.attributes.get('ref')).toBe(`A4:E${4 + HOSTILE.length}`);
    expect(root.attributes.get('headerRowCount')).toBe('1');
    expect(childrenNamed(firstChild(root, 'tableColumns')!, 'tableColumn').map((c) => c.attributes.get('name'))).toEqual([
      'N° de tirage',
      'Nom',
      'Statut',
      'Probabilité avant tirage',
      'Secteur',
    ]);
    expect(table).toContain('<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>');
    expect(table).not.toContain('hiddenButton="1"');
    // Table ids are unique in the workbook.
    const ids = await Promise.all(parts.names().filter((n) => n.startsWith('xl/tables/')).map(async (n) => parseXml(await parts.text(n)).attributes.get('id')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fall back to a filter when the header cannot make an Excel table', async () => {
    const parts = await XlsxParts.open(recordPath);
    expect(await parts.sheetTables('Synthèse')).toEqual([]);
    expect(await parts.sheetXml('Synthèse')).toContain('<autoFilter ref="A4:E7"/>');
    expect(await parts.text('xl/workbook.xml')).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">&apos;Synthèse&apos;!$A$4:$E$7</definedName>',
    );
  });

  it('have the model’s widths, merges, frozen panes, styles', async () => {
    const workbook = await loadExcel(recordPath);
    const draw = sheetOf(workbook, 'Tirage');
    expect([1, 2, 3, 4, 5].map((c) => draw.getColumn(c).width)).toEqual([12, 34, 28, 14, 12]);
    expect((draw.model as unknown as { merges: string[] }).merges).toEqual(['A1:E1']);
    expect(draw.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
    expect(sheetOf(workbook, 'Synthèse').views[0]).toMatchObject({ state: 'normal' });
    expect(draw.getCell('A4').style).toMatchObject({
      font: { bold: true, color: { argb: 'FFFFFFFF' }, name: 'Calibri', size: 11 },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } },
      alignment: { horizontal: 'center', wrapText: true },
      border: { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } },
    });
    expect(draw.getCell('D5').numFmt).toBe('0.0 %');
    expect(draw.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(draw.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FF595959' } });
    const minutes = sheetOf(workbook, 'Procès-verbal');
    expect(minutes.getCell('B4').font).toMatchObject({ name: 'Consolas', size: 9 });
    expect(minutes.getCell('B3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(minutes.getRow(3).height).toBeGreaterThan(15);
    // The new sheets do not select their tab: the workbook opens as its owner left it.
    for (const sheet of model.sheets) expect(await (await XlsxParts.open(recordPath)).sheetXml(sheet.name)).not.toContain('tabSelected');
  });

  it('print on A4 with the model’s orientation, fit to width, repeated header, margins and footer', async () => {
    const parts = await XlsxParts.open(recordPath);
    const draw = await parts.sheetXml('Tirage');
    expect(draw).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(draw).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"/);
    expect(draw).toContain('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
    expect(draw).toContain('<oddFooter>&amp;L&amp;8Tirage CLN — R&amp;&amp;D &amp;&amp; co — empreinte');
    expect(await parts.sheetXml('Synthèse')).toMatch(/<pageSetup paperSize="9" orientation="portrait"/);
    const workbook = await parts.text('xl/workbook.xml');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Tirage&apos;!$4:$4</definedName>');
    const excel = await loadExcel(recordPath);
    expect(sheetOf(excel, 'Tirage').pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});

describe('footer', () => {
  it('doubles the text’s own "&", sets a digit apart from the size code, stays within 255 characters', () => {
    expect(footerCode('R&D')).toBe('&L&8R&&D&R&8Page &P / &N');
    expect(footerCode('2025 — tirage')).toBe('&L&8 2025 — tirage&R&8Page &P / &N');
    const long = footerCode('&'.repeat(300));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).toMatch(/^&L&8(&&)+…&R&8Page &P \/ &N$/);
  });
});

describe('a CSV input', () => {
  const table: Sheet = sheetFrom({
    name: CSV_SHEET_NAME,
    source: 'candidatures.csv',
    rows: [
      { rowNumber: 1, cells: ['N°', 'Nom', 'Date de naissance', 'Code'] },
      { rowNumber: 2, cells: ['12', '=HYPERLINK("http://x","clic")', '14/03/1987', '0012'] },
      { rowNumber: 3, cells: [] },
      { rowNumber: 4, cells: ['13', '_x0041_', '1987-03-14', '', 'fin'] },
    ],
  });
  const out = path.join(OUT, 'depuis-csv.xlsx');

  beforeAll(async () => {
    await writeRecordWorkbook({ input: { kind: 'csv', table }, model: sampleModel(), outPath: out });
  });

  it('puts the table first, as text, each row at its own row number, then the record sheets', async () => {
    const grids = await readWorkbookSheets(out);
    expect(grids.map((g) => g.name)).toEqual(['Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
    expect(grids[0].rows).toEqual([
      ['N°', 'Nom', 'Date de naissance', 'Code'],
      ['12', '=HYPERLINK("http://x","clic")', '14/03/1987', '0012'],
      [],
      ['13', '_x0041_', '1987-03-14', null, 'fin'],
    ]);
    const workbook = await loadExcel(out);
    const candidatures = sheetOf(workbook, 'Candidatures');
    expect(candidatures.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(candidatures.getCell('A2').numFmt).toBe('@');
    expect((candidatures as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
    const parts = await XlsxParts.open(out);
    expect(await parts.sheetXml('Candidatures')).not.toMatch(/<f[\s>]/);
  });

  it('is a sound package: every part has a content type, every relationship a target', async () => {
    for (const file of [out, recordPath]) {
      const parts = await XlsxParts.open(file);
      const types = await parts.text('[Content_Types].xml');
      const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
      const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
      for (const name of parts.names()) {
        expect([name, overrides.has(name) || defaults.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase())]).toEqual([name, true]);
      }
      for (const override of overrides) expect([override, parts.names().includes(override)]).toEqual([override, true]);
      for (const rels of parts.names().filter((n) => n.endsWith('.rels'))) {
        const source = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
        for (const m of (await parts.text(rels)).matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*\/>/g)) {
          if (m[0].includes('TargetMode="External"')) continue;
          const target = m[1].startsWith('/') ? m[1].slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(source), m[1]));
          expect([rels, target, parts.names().includes(target)]).toEqual([rels, target, true]);
        }
      }
      const workbook = parseXml(await parts.text('xl/workbook.xml'));
      const ids = childrenNamed(firstChild(workbook, 'sheets')!, 'sheet').map((s) => s.attributes.get('sheetId'));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('refusals', () => {
  it('refuses to overwrite its input, under any of its names, and leaves it untouched', async () => {
    const input = path.join(OUT, 'entree.xlsx');
    fs.writeFileSync(input, await clerkWorkbook());
    const link = path.join(OUT, 'lien-entree.xlsx');
    fs.rmSync(link, { force: true });
    fs.symlinkSync(input, link);
    const bytes = fs.readFileSync(input);
    for (const outPath of [input, path.relative(process.cwd(), input), path.join(OUT, '.', 'x', '..', 'entree.xlsx'), link]) {
      const error = await rejectionOf(writeRecordWorkbook({ input: { kind: 'xlsx', path: input }, model: sampleModel(), outPath }));
      expect([error.code, error.message]).toEqual(['output_is_input', expect.stringMatching(/classeur des candidatures lui-même/)]);
    }
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  it('refuses a sheet name the workbook has, whatever its case, and writes nothing', async () => {
    const out = path.join(OUT, 'jamais.xlsx');
    fs.rmSync(out, { force: true });
    const error = await rejectionOf(
      writeRecordWorkbook({ input: { kind: 'xlsx', path: clerkPath }, model: sampleModel({ summary: 'CANDIDATURES' }), outPath: out }),
    );
    expect([error.code, error.message]).toEqual(['sheet_exists', expect.stringMatching(/déjà une feuille nommée « Candidatures »/)]);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(OUT).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses two model sheets with one name, and an output that is not .xlsx', async () => {
    const twice: RecordModel = { sheets: [sampleModel().sheets[0], { ...sampleModel().sheets[1], name: 'tirage' }] };
    expect((await rejectionOf(writeRecordWorkbook({ input: { kind: 'xlsx', path: clerkPath }, model: twice, outPath: path.join(OUT, 'deux.xlsx') }))).message).toMatch(
      /déjà une feuille nommée « Tirage »/,
    );
    const error = await rejectionOf(writeRecordWorkbook({ input: { kind: 'xlsx', path: clerkPath }, model: sampleModel(), outPath: path.join(OUT, 'registre.xlsm') }));
    expect(error.code).toBe('unsupported_format');
  });

  it('says in French when the destination folder is missing, and leaves no temporary file', async () => {
    const error = await rejectionOf(
      writeRecordWorkbook({ input: { kind: 'xlsx', path: clerkPath }, model: sampleModel(), outPath: path.join(OUT, 'absent', 'registre.xlsx') }),
    );
    expect([error.code, error.message]).toEqual(['file_not_found', expect.stringMatching(/dossier du registre/)]);
  });

  it('reports a missing or unreadable input as readTable does', async () => {
    expect((await rejectionOf(existingSheetNames(path.join(OUT, 'absent.xlsx')))).code).toBe('file_not_found');
    const text = path.join(OUT, 'texte.xlsx');
    fs.writeFileSync(text, 'Nom;Prénom\n');
    expect((await rejectionOf(existingSheetNames(text))).code).toBe('file_unreadable');
    expect((await rejectionOf(writeRecordWorkbook({ input: { kind: 'xlsx', path: text }, model: sampleModel(), outPath: path.join(OUT, 'r.xlsx') }))).code).toBe(
      'file_unreadable',
    );
    // A zip that is not a workbook, and a workbook with a damaged style sheet.
    const zipPath = path.join(OUT, 'archive.xlsx');
    fs.writeFileSync(zipPath, zipBytes([{ name: 'lisezmoi.txt', content: 'bonjour' }]));
    expect((await rejectionOf(existingSheetNames(zipPath))).code).toBe('file_unreadable');
    const damagedPath = path.join(OUT, 'abime.xlsx');
    fs.writeFileSync(damagedPath, rezip(await clerkWorkbook(), { 'xl/styles.xml': '<styleSheet><fonts></styleSheet>' }));
    const error = await rejectionOf(writeRecordWorkbook({ input: { kind: 'xlsx', path: damagedPath }, model: sampleModel(), outPath: path.join(OUT, 'r.xlsx') }));
    expect([error.code, error.message]).toEqual(['file_unreadable', expect.stringMatching(/« abime\.xlsx » est endommagé ou incomplet \(partie « xl\/styles\.xml »\)/)]);
    expect(fs.existsSync(path.join(OUT, 'r.xlsx'))).toBe(false);
  });
});

describe('a second record in the same workbook', () => {
  it('lists the sheet names, adds the new sheets after the first record, renames a table name already taken', async () => {
    expect(await existingSheetNames(recordPath)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
    const second = sampleModel({ draw: 'Tirage (2)', summary: 'Synthèse (2)', minutes: 'Procès-verbal (2)' });
    const out = path.join(OUT, 'deux-tirages.xlsx');
    await writeRecordWorkbook({ input: { kind: 'xlsx', path: recordPath }, model: second, outPath: out });
    const grids = await readWorkbookSheets(out);
    expect(grids.map((g) => g.name)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal', 'Tirage (2)', 'Synthèse (2)', 'Procès-verbal (2)']);
    for (const sheet of [...model.sheets, ...second.sheets]) expect(grids.find((g) => g.name === sheet.name)?.rows).toEqual(modelGrid(sheet));
    const parts = await XlsxParts.open(out);
    expect(parseXml((await parts.sheetTables('Tirage (2)'))[0]).attributes.get('name')).toBe('Tirage_2');
    expect(await parts.text('xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="5">&apos;Tirage (2)&apos;!$4:$4</definedName>');
  });
});

describe('a macro-enabled input', () => {
  it('gives a macro-free .xlsx: the VBA project is left out, the workbook part becomes a plain workbook', async () => {
    const clerk = await clerkWorkbook();
    const types = partText(clerk, '[Content_Types].xml');
    const rels = partText(clerk, 'xl/_rels/workbook.xml.rels');
    const macros = rezip(clerk, {
      '[Content_Types].xml': types
        .replace('spreadsheetml.sheet.main+xml', 'x')
        .replace('ContentType="application/vnd.openxmlformats-officedocument.x"', 'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
      'xl/_rels/workbook.xml.rels': rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
      'xl/vbaProject.bin': new Uint8Array([1, 2, 3]),
    });
    const input = path.join(OUT, 'macros.xlsm');
    fs.writeFileSync(input, macros);
    const out = path.join(OUT, 'macros-registre.xlsx');
    await writeRecordWorkbook({ input: { kind: 'xlsx', path: input }, model: sampleModel(), outPath: out });
    const parts = await XlsxParts.open(out);
    expect(parts.names()).not.toContain('xl/vbaProject.bin');
    expect(await parts.text('[Content_Types].xml')).toContain(
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    );
    expect(await parts.text('xl/_rels/workbook.xml.rels')).not.toContain('vbaProject');
    expect((await readWorkbookSheets(out)).map((g) => g.name)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
  });
});

describe('an input whose parts use a namespace prefix (<x:workbook>, as some .NET programs write)', () => {
  it('adds elements with the same prefix', async () => {
    const prefixed = (xml: string) => {
      const body = xml.slice(xml.indexOf('?>') + 2);
      return (
        xml.slice(0, xml.indexOf('?>') + 2) +
        body
          .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
          .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
      );
    };
    const clerk = await clerkWorkbook();
    const edited = ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
    const input = path.join(OUT, 'prefixe.xlsx');
    fs.writeFileSync(input, rezip(clerk, Object.fromEntries(edited.map((part) => [part, prefixed(partText(clerk, part))]))));
    const out = path.join(OUT, 'prefixe-registre.xlsx');
    await writeRecordWorkbook({ input: { kind: 'xlsx', path: input }, model: sampleModel(), outPath: out });
    const parts = await XlsxParts.open(out);
    for (const part of ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']) {
      const text = await parts.text(part);
      expect([part, text.match(/<[A-Za-z_][\w.-]*[\s/>]/g) ?? []]).toEqual([part, []]); // no unprefixed element
      parseXml(text);
    }
    expect(await parts.text('xl/workbook.xml')).toContain('<x:sheet name="Tirage" sheetId="3" r:id="');
    expect(await existingSheetNames(out)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
  });
});

describe('a sheet the plan refuses', () => {
  it('refuses a name Excel would refuse or truncate', () => {
    const sheet: SheetModel = sampleModel().sheets[2];
    expect(planSheet(sheet).name).toBe('Procès-verbal');
    for (const name of ['A'.repeat(32), 'a/b', "'x", 'History', '']) expect(() => planSheet({ ...sheet, name })).toThrow();
  });

  it('refuses a value inside a merged area other than its top-left cell', () => {
    const sheet = sampleModel().sheets[2];
    const bad = { ...sheet, cells: [...sheet.cells, { row: 1, column: 2, value: 'x' }] };
    expect(() => planSheet(bad)).toThrow(/merged/);
  });
});

describe('a large record', () => {
  it('is written in chunks (rows, shared strings) that read back exactly, in order', async () => {
    const rows = 4_500; // beyond one chunk of rows (2,000) and of strings (5,000)
    const cells: SheetModel['cells'] = [{ row: 1, column: 1, value: 'Nom', style: { bold: true } }, { row: 1, column: 2, value: 'N°' }, { row: 1, column: 3, value: 'Statut' }];
    for (let r = 2; r <= rows; r++) {
      cells.push({ row: r, column: 1, value: `Personne ${r} ${'é'.repeat(r % 7)}` }, { row: r, column: 2, value: r }, { row: r, column: 3, value: `=statut ${r % 5}`, style: { fill: 'C6EFCE' } });
    }
    const sheet: SheetModel = { ...sampleModel().sheets[2], name: 'Grand', cells, merges: [], rowHeights: [], tables: [{ name: 'Grand', headerRow: 1, firstColumn: 1, lastColumn: 3, lastRow: rows }] };
    const out = path.join(OUT, 'grand.xlsx');
    const table: Sheet = plainSheet(CSV_SHEET_NAME, 'grand.csv', Array.from({ length: rows }, (_, i) => [`ligne ${i + 1}`, '+33 6 12']));
    await writeRecordWorkbook({ input: { kind: 'csv', table }, model: { sheets: [sheet] }, outPath: out });
    const grids = await readWorkbookSheets(out);
    expect(grids.map((g) => g.name)).toEqual(['Candidatures', 'Grand']);
    expect(grids[1].rows).toEqual(modelGrid(sheet));
    expect(grids[0].rows).toEqual(table.rows);
    const parts = await XlsxParts.open(out);
    const strings = await parts.text('xl/sharedStrings.xml');
    // Every string cell counted once: the CSV's two columns, the sheet's three headers and two text columns.
    expect(/<sst [^>]*count="(\d+)"/.exec(strings)?.[1]).toBe(String(2 * rows + 3 + 2 * (rows - 1)));
  });
});

describe('the input workbook, read once', () => {
  it('is extended as the reader opened it: not read from disk again, each part inflated once but the few the editor reads again to extend them', async () => {
    const input = path.join(OUT, 'lu-une-fois.xlsx');
    fs.writeFileSync(input, await clerkWorkbook());
    const out = path.join(OUT, 'lu-une-fois-registre.xlsx');
    const read = jest.spyOn(ZipPackage.prototype, 'read');
    try {
      const { table, workbook } = await openTableFile(input, { sheet: 'Candidatures' });
      expect(table.sheet.rows.length).toBeGreaterThan(3);
      fs.rmSync(input); // what is extended is the package in memory
      await writeRecordWorkbook({ input: { kind: 'xlsx', path: input, package: workbook as ZipPackage }, model: sampleModel(), outPath: out });
      const inflations = new Map<string, number>();
      for (const [part] of read.mock.calls) inflations.set(part, (inflations.get(part) ?? 0) + 1);
      const readAgain = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/tables/table1.xml'];
      for (const [part, times] of inflations) expect([part, times]).toEqual([part, readAgain.includes(part) ? 2 : 1]);
      expect(inflations.get('xl/worksheets/sheet2.xml')).toBe(1);
      // Every part of the input was inflated under the limits before being passed on.
      expect((workbook as ZipPackage).names().filter((part) => !inflations.has(part))).toEqual([]);
    } finally {
      read.mockRestore();
    }
    expect((await readWorkbookSheets(out)).map((g) => g.name)).toEqual(['Notes', 'Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal']);
  });
});
