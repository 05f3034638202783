/**
 * The package editor, one step at a time, on small packages: one written the way a script writes
 * (inline strings, no shared strings, no styles), one written by openpyxl (absolute relationship
 * targets, an Excel table, an empty <definedNames/>), hand-made ones for the rest. Each result is
 * read back by src/xlsx's reader; the parts no step touches must come out compressed as they went
 * in.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';
import { WorkbookEditor, type NewWorksheet } from '../../src/xlsx/workbookEditor';
import { firstChild, parseXml } from '../../src/xlsx/xmlEdit';
import { PackageError, ZipPackage } from '../../src/xlsx/zip';
import { ZipWriter } from '../../src/xlsx/zipWriter';
import { python, requireOpenpyxl } from '../support/openpyxl';
import { plainXlsx } from '../support/plainXlsx';
import { partText, rezip } from '../support/zipWriter';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const encoder = new TextEncoder();
const dir = mkdtempSync(join(tmpdir(), 'tirage-editor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function edited(input: Uint8Array, steps: (editor: WorkbookEditor) => void): Promise<Uint8Array> {
  const editor = WorkbookEditor.open(ZipPackage.open(input));
  steps(editor);
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => void chunks.push(chunk));
  await editor.write(writer);
  await writer.end();
  return Buffer.concat(chunks);
}

/** A worksheet whose cells are shared strings of the editor's table, A1, A2… */
function sheetOf(editor: WorkbookEditor, name: string, texts: string[], tables: NewWorksheet['tables'] = []): NewWorksheet {
  const strings = editor.sharedStrings();
  for (const text of texts) strings.add(text);
  return {
    name,
    tables,
    xml: (tableRelIds) => [
      encoder.encode(
        `<worksheet xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>` +
          texts.map((text, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${strings.indexOf(text)}</v></c></row>`).join('') +
          `</sheetData>${tableRelIds.length > 0 ? `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>` : ''}</worksheet>`,
      ),
    ],
  };
}

function tableXml(id: number, name: string, ref: string): string {
  return `<table xmlns="${NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1"><autoFilter ref="${ref}"/><tableColumns count="1"><tableColumn id="1" name="Nom"/></tableColumns></table>`;
}

/** Every part of `before` that `after` holds as it was stored: the same compressed bytes. */
function copiedAsStored(before: Uint8Array, after: Uint8Array): string[] {
  const [old, now] = [ZipPackage.open(before), ZipPackage.open(after)];
  return old.names().filter((name) => now.has(name) && Buffer.from(now.raw(name).data).equals(Buffer.from(old.raw(name).data)));
}

const grids = (bytes: Uint8Array) => readWorkbookSheetsFromBytes(bytes, 'x.xlsx').map((g) => [g.name, g.rows]);

describe('opening', () => {
  const plain = plainXlsx([{ name: 'Candidatures', rows: [['Nom'], ['Lefèvre']] }]);
  const kind = (bytes: Uint8Array) => {
    try {
      WorkbookEditor.open(ZipPackage.open(bytes));
    } catch (error) {
      return error instanceof PackageError ? [error.kind, error.part] : error;
    }
    return 'opened';
  };

  it('opens a transitional workbook and lists its sheets', () => {
    expect(WorkbookEditor.open(ZipPackage.open(plain)).sheetNames()).toEqual(['Candidatures']);
  });

  it('refuses strict OOXML, a workbook part in no known namespace, a document that is no workbook, a malformed part', () => {
    const workbook = partText(plain, 'xl/workbook.xml');
    expect(kind(rezip(plain, { 'xl/workbook.xml': workbook.replace(NS, 'http://purl.oclc.org/ooxml/spreadsheetml/main') }))).toEqual(['strict_workbook', null]);
    expect(kind(rezip(plain, { 'xl/workbook.xml': workbook.replace(` xmlns="${NS}"`, '') }))).toEqual(['unusual_workbook', null]);
    expect(kind(rezip(plain, { 'xl/workbook.xml': '<document/>' }))).toEqual(['not_workbook', null]);
    expect(kind(rezip(plain, { 'xl/workbook.xml': workbook.replace('</sheets>', '') }))).toEqual(['corrupt', 'xl/workbook.xml']);
    expect(kind(rezip(plain, { 'xl/_rels/workbook.xml.rels': null }))).toEqual(['corrupt', 'xl/_rels/workbook.xml.rels']);
    expect(kind(rezip(plain, { '[Content_Types].xml': '<Types>' }))).toEqual(['corrupt', '[Content_Types].xml']);
  });
});

describe('a workbook with inline strings, no shared strings and no styles (as a script writes it)', () => {
  const input = plainXlsx([{ name: 'Candidatures', rows: [['Nom'], ['Lefèvre']] }]);

  it('addWorksheet + sharedStrings: the sheet after the others, a new string table, the workbook’s parts copied as stored', async () => {
    const output = await edited(input, (editor) => {
      expect(editor.addWorksheet(sheetOf(editor, 'Registre', ['Bonjour', '=1+1', 'Bonjour']))).toBe(1);
    });
    expect(grids(output)).toEqual([
      ['Candidatures', [['Nom'], ['Lefèvre']]],
      ['Registre', [['Bonjour'], ['=1+1'], ['Bonjour']]],
    ]);
    const pkg = ZipPackage.open(output);
    expect(pkg.names()).toEqual([...ZipPackage.open(input).names(), 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml']);
    expect(copiedAsStored(input, output)).toEqual(['_rels/.rels', 'xl/worksheets/sheet1.xml']);
    expect(partText(output, 'xl/workbook.xml')).toContain('<sheet name="Registre" sheetId="2" r:id="rId2"/></sheets>');
    expect(partText(output, 'xl/_rels/workbook.xml.rels')).toContain(
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    expect(partText(output, '[Content_Types].xml')).toMatch(/<Override PartName="\/xl\/worksheets\/sheet2.xml" [^>]*worksheet\+xml"\/><Override PartName="\/xl\/sharedStrings.xml" [^>]*sharedStrings\+xml"\/><\/Types>$/);
    expect(partText(output, 'xl/sharedStrings.xml')).toMatch(/<sst xmlns="[^"]+" count="3" uniqueCount="2"><si><t>Bonjour<\/t><\/si><si><t>=1\+1<\/t><\/si><\/sst>$/);
  });

  it('appendStyles: the style sheet becomes the workbook’s own, its cell formats where they were', async () => {
    let xf: (index: number) => number = () => -1;
    const styles = `<?xml version="1.0"?><styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="2"><xf fontId="0"/><xf fontId="0" numFmtId="49"/></cellXfs></styleSheet>`;
    const output = await edited(input, (editor) => {
      xf = editor.appendStyles(styles);
    });
    expect([xf(0), xf(1)]).toEqual([0, 1]);
    expect(partText(output, 'xl/styles.xml')).toBe(styles);
    expect(partText(output, 'xl/_rels/workbook.xml.rels')).toContain('Target="styles.xml"/></Relationships>');
    expect(partText(output, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  });

  it('addDefinedName: a <definedNames> made where CT_Workbook wants it, after <sheets>', async () => {
    const output = await edited(input, (editor) => {
      const at = editor.addWorksheet(sheetOf(editor, 'Registre', ['x']));
      editor.addDefinedName('_xlnm.Print_Titles', "'Registre'!$1:$1", { localSheetId: at });
      editor.addDefinedName('_xlnm._FilterDatabase', "'Registre'!$A$1:$A$1", { localSheetId: at, hidden: true });
    });
    expect(partText(output, 'xl/workbook.xml')).toContain(
      '</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Registre&apos;!$1:$1</definedName>' +
        '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">&apos;Registre&apos;!$A$1:$A$1</definedName></definedNames></workbook>',
    );
  });
});

(requireOpenpyxl() ? describe : describe.skip)('a workbook written by openpyxl (absolute relationship targets, a table)', () => {
  const file = join(dir, 'openpyxl.xlsx');
  let input: Uint8Array;

  beforeAll(() => {
    const script = [
      'import sys, openpyxl',
      'from openpyxl.worksheet.table import Table',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Candidatures"',
      'for r in [["Nom", "Prénom"], ["Lefèvre", "Amandine"], ["Benali", "Karim"]]: ws.append(r)',
      'ws.add_table(Table(displayName="Candidatures", ref="A1:B3"))',
      'wb.save(sys.argv[1])',
    ].join('\n');
    python(script, file);
    input = readFileSync(file);
    expect(partText(input, 'xl/_rels/workbook.xml.rels')).toContain('Target="/xl/worksheets/sheet1.xml"');
  });

  it('takenTableNames and addWorksheet with a table: the next table id and a free part, openpyxl reads the result', async () => {
    let taken: string[] = [];
    const output = await edited(input, (editor) => {
      taken = [...editor.takenTableNames((name) => name.toLowerCase())];
      editor.addWorksheet(sheetOf(editor, 'Tirage', ['Nom', 'Lefèvre'], [(id) => tableXml(id, 'Tirage', 'A1:A2')]));
      editor.addWorksheet(sheetOf(editor, 'Synthèse', ['Nom', 'Benali'], [(id) => tableXml(id, 'Synthese', 'A1:A2')]));
    });
    expect(taken).toEqual(['candidatures']);
    const pkg = ZipPackage.open(output);
    expect(pkg.names().filter((n) => n.startsWith('xl/tables/'))).toEqual(['xl/tables/table1.xml', 'xl/tables/table2.xml', 'xl/tables/table3.xml']);
    expect(partText(output, 'xl/tables/table3.xml')).toContain('id="3" name="Synthese"');
    expect(partText(output, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain('Target="../tables/table2.xml"');
    // openpyxl declares the relationships namespace on each <sheet>: so does the added one.
    expect(partText(output, 'xl/workbook.xml')).toContain(
      '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="Tirage" sheetId="2" r:id="rId4"/>',
    );
    expect(copiedAsStored(input, output).sort()).toEqual(
      ['docProps/app.xml', 'docProps/core.xml', 'xl/theme/theme1.xml', 'xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/styles.xml', '_rels/.rels'].sort(),
    );
    const out = join(dir, 'openpyxl-edited.xlsx');
    writeFileSync(out, output);
    const read = 'import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({ws.title: [[c.value for c in r] for r in ws.iter_rows()] + sorted(ws.tables) for ws in wb}))';
    expect(JSON.parse(python(read, out))).toEqual({
      Candidatures: [['Nom', 'Prénom'], ['Lefèvre', 'Amandine'], ['Benali', 'Karim'], 'Candidatures'],
      Tirage: [['Nom'], ['Lefèvre'], 'Tirage'],
      'Synthèse': [['Nom'], ['Benali'], 'Synthese'],
    });
  });

  it('addDefinedName fills its empty <definedNames/>', async () => {
    const output = await edited(input, (editor) => {
      editor.addDefinedName('_xlnm.Print_Titles', "'Candidatures'!$1:$1", { localSheetId: 0 });
    });
    expect(partText(output, 'xl/workbook.xml')).toContain('<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Candidatures&apos;!$1:$1</definedName></definedNames>');
  });

  it('appendStyles: after openpyxl’s own fonts, fills, borders and cell formats, none of them renumbered', async () => {
    const before = partText(input, 'xl/styles.xml');
    const count = (text: string, list: string) => Number(new RegExp(`<${list} count="(\\d+)"`).exec(text)?.[1]);
    let xf: (index: number) => number = () => -1;
    const output = await edited(input, (editor) => {
      xf = editor.appendStyles(
        `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0 %"/></numFmts><fonts count="1"><font><b/></font></fonts>` +
          `<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
      );
    });
    const after = partText(output, 'xl/styles.xml');
    expect(xf(0)).toBe(count(before, 'cellXfs'));
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) expect([list, count(after, list)]).toEqual([list, count(before, list) + 1]);
    expect(after).toContain(`<xf numFmtId="164" fontId="${count(before, 'fonts')}" fillId="${count(before, 'fills')}" borderId="${count(before, 'borders')}" xfId="0"/></cellXfs>`);
    // The workbook's own items, text for text, before the added ones; its empty <numFmts count="0"/> opened.
    const itemsOf = (text: string, list: string) => (firstChild(parseXml(text), list)?.children ?? []).map((e) => text.slice(e.start, e.end));
    for (const list of ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']) {
      expect([list, itemsOf(after, list).slice(0, itemsOf(before, list).length)]).toEqual([list, itemsOf(before, list)]);
    }
    expect(before).toContain('<numFmts count="0"/>');
    expect(itemsOf(after, 'numFmts')).toEqual(['<numFmt numFmtId="164" formatCode="0.0 %"/>']);
  });
});

describe('a workbook with shared strings', () => {
  const base = plainXlsx([{ name: 'Candidatures', rows: [['Nom']] }]);
  const withStrings = (sst: string) =>
    rezip(base, {
      'xl/sharedStrings.xml': sst,
      'xl/_rels/workbook.xml.rels': partText(base, 'xl/_rels/workbook.xml.rels').replace(
        '</Relationships>',
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
      '[Content_Types].xml': partText(base, '[Content_Types].xml').replace(
        '</Types>',
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    });

  it('sharedStrings: numbered after the table’s items, counts updated, before an <extLst>', async () => {
    const input = withStrings(`<sst xmlns="${NS}" count="5" uniqueCount="2"><si><t>a</t></si><si><r><t>b</t></r></si><extLst><ext uri="x"/></extLst></sst>`);
    let index = -1;
    const output = await edited(input, (editor) => {
      const sheet = sheetOf(editor, 'Registre', ['c', 'a']);
      index = editor.sharedStrings().indexOf('a');
      editor.addWorksheet(sheet);
    });
    expect(index).toBe(3);
    expect(partText(output, 'xl/sharedStrings.xml')).toBe(
      `<sst xmlns="${NS}" count="7" uniqueCount="4"><si><t>a</t></si><si><r><t>b</t></r></si><si><t>c</t></si><si><t>a</t></si><extLst><ext uri="x"/></extLst></sst>`,
    );
    expect(grids(output)[1]).toEqual(['Registre', [['c'], ['a']]]);
  });

  it('sharedStrings: a table without counts gets none; an empty <sst/> is opened', async () => {
    const none = await edited(withStrings(`<sst xmlns="${NS}"><si><t>a</t></si></sst>`), (editor) => void editor.addWorksheet(sheetOf(editor, 'R', ['b'])));
    expect(partText(none, 'xl/sharedStrings.xml')).toBe(`<sst xmlns="${NS}"><si><t>a</t></si><si><t>b</t></si></sst>`);
    const empty = await edited(withStrings(`<sst xmlns="${NS}" count="0"/>`), (editor) => void editor.addWorksheet(sheetOf(editor, 'R', ['b'])));
    expect(partText(empty, 'xl/sharedStrings.xml')).toBe(`<sst xmlns="${NS}" count="1"><si><t>b</t></si></sst>`);
    expect(grids(empty)[1]).toEqual(['R', [['b']]]);
  });

  it('leaves the table as stored when no string is added', async () => {
    const input = withStrings(`<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>a</t></si></sst>`);
    const output = await edited(input, (editor) => void editor.sharedStrings());
    expect(copiedAsStored(input, output)).toContain('xl/sharedStrings.xml');
  });
});

describe('dropMacros', () => {
  it('leaves out the VBA project, its relationships and signature, and makes the workbook part a plain workbook', async () => {
    const base = plainXlsx([{ name: 'Candidatures', rows: [['Nom']] }]);
    const input = rezip(base, {
      '[Content_Types].xml': partText(base, '[Content_Types].xml')
        .replace('spreadsheetml.sheet.main+xml', 'x')
        .replace('application/vnd.openxmlformats-officedocument.x', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace(
          '</Types>',
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/vbaProjectSignature.bin" ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>',
        ),
      'xl/_rels/workbook.xml.rels': partText(base, 'xl/_rels/workbook.xml.rels').replace(
        '</Relationships>',
        '<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
      'xl/vbaProject.bin': new Uint8Array([1, 2, 3]),
      'xl/_rels/vbaProject.bin.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      'xl/vbaProjectSignature.bin': new Uint8Array([4]),
    });
    const output = await edited(input, (editor) => editor.dropMacros());
    expect(ZipPackage.open(output).names()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml']);
    const types = partText(output, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
    expect(types).not.toMatch(/macroEnabled|Signature/);
    expect(partText(output, 'xl/_rels/workbook.xml.rels')).not.toContain('vbaProject');
  });
});
