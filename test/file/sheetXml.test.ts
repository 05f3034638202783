/** A planned sheet as SpreadsheetML: the parts Excel is strict about (element order, panes, cells). */
import { planSheet } from '../../src/core/record/plan';
import type { SheetModel } from '../../src/core/record/model';
import { tableXml, worksheetXml } from '../../src/xlsx/sheetXml';
import { parseXml } from '../../src/xlsx/xmlEdit';
import { sampleModel } from '../support/recordModels';

function xmlOf(sheet: SheetModel): string {
  const strings: string[] = [];
  const plan = planSheet(sheet);
  const chunks = [...worksheetXml(plan, { xf: (i) => 100 + i, sharedString: (t) => strings.push(t) - 1, tableRelIds: ['rId7'] })];
  return Buffer.concat(chunks).toString('utf8');
}

describe('worksheet XML', () => {
  it('puts its elements in the order CT_Worksheet requires', () => {
    const [draw, summary] = sampleModel().sheets;
    for (const sheet of [draw, summary]) {
      const xml = xmlOf(sheet);
      parseXml(xml);
      const order = ['<sheetPr>', '<dimension ', '<sheetViews>', '<sheetFormatPr ', '<cols>', '<sheetData>', '<sheetProtection ', '<autoFilter ', '<mergeCells ', '<pageMargins ', '<pageSetup ', '<headerFooter>', '<tableParts ']
        .map((tag) => xml.indexOf(tag))
        .filter((at) => at >= 0);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order.length).toBeGreaterThanOrEqual(11);
    }
  });

  it('writes a document’s fixed scale without fit-to-page, and its page breaks after the footer, each naming the row above it', () => {
    const strings: string[] = [];
    const plan = planSheet(sampleModel().sheets[0]);
    const document = { ...plan, print: { ...plan.print, fitToWidth: false, scale: 81, pageBreaks: [40, 77] } };
    const xml = Buffer.concat([...worksheetXml(document, { xf: (i) => 100 + i, sharedString: (t) => strings.push(t) - 1, tableRelIds: ['rId7'] })]).toString('utf8');
    parseXml(xml);
    expect(xml).not.toContain('fitToPage');
    expect(xml).toMatch(/<pageSetup paperSize="9" scale="81" orientation="landscape"\/>/);
    expect(xml).toContain('</headerFooter><rowBreaks count="2" manualBreakCount="2"><brk id="39" max="16383" man="1"/><brk id="76" max="16383" man="1"/></rowBreaks><tableParts ');
  });

  it('freezes rows, columns or both with the pane Excel expects', () => {
    const draw = sampleModel().sheets[0];
    expect(xmlOf({ ...draw, frozen: { rows: 5, columns: 0 } })).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
    expect(xmlOf({ ...draw, frozen: { rows: 0, columns: 2 } })).toContain('<pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>');
    expect(xmlOf({ ...draw, frozen: { rows: 4, columns: 1 } })).toContain('<pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/>');
    expect(xmlOf({ ...draw, frozen: { rows: 0, columns: 0 } })).toContain('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  });

  it('writes text as shared strings, numbers as numbers, styled empty cells without a value, and the plan’s row heights', () => {
    const sheet: SheetModel = {
      ...sampleModel().sheets[2],
      cells: [
        { row: 1, column: 1, value: '=1+1' },
        { row: 1, column: 2, value: null, style: { border: true } },
        { row: 2, column: 3, value: 0.5 },
      ],
      merges: [],
      rowHeights: [{ row: 2, height: 30 }],
    };
    const xml = xmlOf(sheet);
    expect(xml).toContain('<row r="1"><c r="A1" s="100" t="s"><v>0</v></c><c r="B1" s="101"/></row><row r="2" ht="30" customHeight="1"><c r="C2" s="102"><v>0.5</v></c></row>');
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it('writes a table part in Excel’s own form, its names escaped', () => {
    const plan = planSheet(sampleModel().sheets[0]);
    const table = plan.lists[0];
    if (table.kind !== 'table') throw new Error('expected a table');
    const xml = tableXml({ ...table, columns: ['A & B', '"C"', ...table.columns.slice(2)] }, 7, 'Tirage_2');
    const root = parseXml(xml);
    expect([root.attributes.get('id'), root.attributes.get('name'), root.attributes.get('displayName'), root.attributes.get('ref')]).toEqual(['7', 'Tirage_2', 'Tirage_2', 'A4:E19']);
    expect(xml).toContain('<tableColumn id="1" name="A &amp; B"/><tableColumn id="2" name="&quot;C&quot;"/>');
    expect(xml).toContain('headerRowCount="1" totalsRowShown="0"><autoFilter ref="A4:E19"/>');
  });
});
