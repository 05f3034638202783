/**
 * Grids written as a minimal .xlsx (inline strings, no styles), the way a small script would: a
 * fast way to put a large record on disk in tests, independent of the record writer.
 */
import { zipSync, strToU8 } from 'fflate';
import type { CellValue } from '../../src/core/sheet';
import { cellAddress } from '../../src/core/errors';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);
}

function cellXml(value: CellValue, address: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return `<c r="${address}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${address}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return `<c r="${address}" t="inlineStr"><is><t xml:space="preserve">${escape(text)}</t></is></c>`;
}

function sheetXml(rows: readonly (readonly CellValue[])[]): Uint8Array {
  const parts: string[] = [`<worksheet xmlns="${NS}"><sheetData>`];
  rows.forEach((cells, r) => {
    parts.push(`<row r="${r + 1}">`);
    cells.forEach((value, c) => parts.push(cellXml(value, cellAddress(c, r + 1))));
    parts.push('</row>');
  });
  parts.push('</sheetData></worksheet>');
  return strToU8(parts.join(''));
}

export function plainXlsx(sheets: readonly { name: string; rows: readonly (readonly CellValue[])[] }[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(`<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    ),
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet.rows)));
  return zipSync(files, { level: 1 });
}
