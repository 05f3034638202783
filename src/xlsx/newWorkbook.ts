/**
 * A new workbook's package, written whole from planned sheets (core's render plans): the public
 * record, the sealed table and the receipts that the task pane opens with `Excel.createWorkbook`,
 * and the empty workbook the CLI's new files start from (a CSV's record, `--public-out`), which
 * src/file then extends like any workbook read from disk. Nothing is read back: no XML
 * parser, no inflating — the task pane loads this module only when the staff publish (its size is
 * measured apart in the bench), so the pane's start-up script stays within its budget.
 *
 * The sheets are the same SpreadsheetML as the record's (sheetXml.ts, stylesXml.ts, the shared
 * strings' escaping), zipped by the same writer (zipWriter.ts): a sheet reads the same whether it
 * was added to a candidature workbook (workbookEditor.ts) or written here.
 */
import type { SheetPlan, TablePlan } from '../core/record/plan';
import { concatBytes } from './concatBytes';
import { CT, NS_MAIN, NS_PACKAGE_REL, NS_REL, REL, XML_DECLARATION } from './ooxml';
import { SharedStringTable } from './sharedStrings';
import { sheetDefinedNames, tableXml, worksheetXml } from './sheetXml';
import { RecordStyleSheet } from './stylesXml';
import { escapeXml } from './xmlText';
import { zipParts } from './zipWriter';

type Part = [name: string, content: string | Uint8Array];

function relationships(targets: readonly { type: string; target: string }[]): string {
  const items = targets.map(({ type, target }, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${escapeXml(target)}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}">${items.join('')}</Relationships>`;
}

/** The package's properties: made by Tirage CLN, now. */
function documentProperties(): Part[] {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    [
      'docProps/core.xml',
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>Tirage CLN</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    ],
    ['docProps/app.xml', `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tirage CLN</Application></Properties>`],
  ];
}

/**
 * The .xlsx bytes of a workbook holding `sheets`, in order (none: an empty workbook, to which a
 * CSV's sheets are then added like to any workbook read from disk). Sheet names are the plans'
 * and table names (distinct in a workbook, Excel compares them without case: core plans them so).
 */
export async function newWorkbookBytes(sheets: readonly SheetPlan[]): Promise<Uint8Array> {
  const styles = new RecordStyleSheet();
  const planStyles = sheets.map((sheet) => sheet.styles.map((style) => styles.add(style)));
  const strings = new SharedStringTable(0);
  for (const sheet of sheets) {
    for (const block of sheet.blocks) for (const row of block.values) for (const value of row) if (typeof value === 'string') strings.add(value);
  }
  const overrides: { part: string; type: string }[] = [
    { part: 'xl/workbook.xml', type: CT.workbook },
    { part: 'docProps/core.xml', type: CT.coreProperties },
    { part: 'docProps/app.xml', type: CT.extendedProperties },
  ];
  const workbookRels: { type: string; target: string }[] = [];
  const sheetEntries: string[] = [];
  const definedNames: string[] = [];
  const parts: Part[] = [];
  const tableNames = new Set<string>();
  let tableId = 0;
  sheets.forEach((plan, i) => {
    const sheetPart = `xl/worksheets/sheet${i + 1}.xml`;
    const tables = plan.lists.filter((list): list is TablePlan => list.kind === 'table');
    const tableTargets = tables.map((table) => {
      tableId++;
      const part = `xl/tables/table${tableId}.xml`;
      overrides.push({ part, type: CT.table });
      // Core plans distinct names; two the same would make a package Excel repairs on opening.
      if (tableNames.has(table.name.toLowerCase())) throw new Error(`newWorkbookBytes: two tables named ${table.name}`);
      tableNames.add(table.name.toLowerCase());
      parts.push([part, tableXml(table, tableId, table.name)]);
      return { type: REL.table, target: `../tables/table${tableId}.xml` };
    });
    if (tableTargets.length > 0) parts.push([`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relationships(tableTargets)]);
    const xml = worksheetXml(plan, {
      xf: (style) => planStyles[i][style],
      sharedString: (text) => strings.indexOf(text),
      tableRelIds: tableTargets.map((_, t) => `rId${t + 1}`),
    });
    parts.push([sheetPart, concatBytes(xml)]);
    overrides.push({ part: sheetPart, type: CT.worksheet });
    workbookRels.push({ type: REL.worksheet, target: `worksheets/sheet${i + 1}.xml` });
    sheetEntries.push(`<sheet name="${escapeXml(plan.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    for (const { name, value, hidden } of sheetDefinedNames(plan)) {
      definedNames.push(`<definedName name="${escapeXml(name)}" localSheetId="${i}"${hidden ? ' hidden="1"' : ''}>${escapeXml(value)}</definedName>`);
    }
  });
  if (sheets.length > 0) {
    parts.push(['xl/styles.xml', styles.xml()]);
    overrides.push({ part: 'xl/styles.xml', type: CT.styles });
    workbookRels.push({ type: REL.styles, target: 'styles.xml' });
    if (strings.items.length > 0) {
      const sst = concatBytes([new TextEncoder().encode(`${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${strings.references}" uniqueCount="${strings.items.length}">`), ...strings.encoded(''), new TextEncoder().encode('</sst>')]);
      parts.push(['xl/sharedStrings.xml', sst]);
      overrides.push({ part: 'xl/sharedStrings.xml', type: CT.sharedStrings });
      workbookRels.push({ type: REL.sharedStrings, target: 'sharedStrings.xml' });
    }
  }
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="${CT.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(({ part, type }) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('') +
    '</Types>';
  const workbook =
    `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheetEntries.join('')}</sheets>` +
    (definedNames.length > 0 ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>';
  return zipParts([
    ['[Content_Types].xml', contentTypes],
    [
      '_rels/.rels',
      relationships([
        { type: REL.officeDocument, target: 'xl/workbook.xml' },
        { type: REL.coreProperties, target: 'docProps/core.xml' },
        { type: REL.extendedProperties, target: 'docProps/app.xml' },
      ]),
    ],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', relationships(workbookRels)],
    ...parts,
    ...documentProperties(),
  ]);
}
