/** Looking inside an .xlsx package in tests: parts by sheet name, as text. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { ZipPackage } from '../../src/xlsx/zip';
import { attributeByLocalName, childrenNamed, firstChild, parseXml } from '../../src/xlsx/xmlEdit';

export class XlsxParts {
  private constructor(readonly zip: ZipPackage) {}

  static async open(file: string | Uint8Array): Promise<XlsxParts> {
    return new XlsxParts(ZipPackage.open(typeof file === 'string' ? readFileSync(file) : file));
  }

  names(): string[] {
    return this.zip.names();
  }

  has(part: string): boolean {
    return this.zip.names().includes(part);
  }

  async text(part: string): Promise<string> {
    return new TextDecoder().decode(await this.bytes(part));
  }

  async bytes(part: string): Promise<Uint8Array> {
    if (!this.has(part)) throw new Error(`no part ${part}`);
    return this.zip.bytesOf(part);
  }

  /** Sheet name → its part ("xl/worksheets/sheet3.xml"), in tab order. */
  async sheetParts(): Promise<Map<string, string>> {
    const workbook = parseXml(await this.text('xl/workbook.xml'));
    const rels = parseXml(await this.text('xl/_rels/workbook.xml.rels'));
    const targets = new Map(childrenNamed(rels, 'Relationship').map((r) => [r.attributes.get('Id'), r.attributes.get('Target') ?? '']));
    const sheets = firstChild(workbook, 'sheets');
    const result = new Map<string, string>();
    for (const sheet of sheets ? childrenNamed(sheets, 'sheet') : []) {
      const target = targets.get(attributeByLocalName(sheet, 'id')) ?? '';
      result.set(sheet.attributes.get('name') ?? '', target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));
    }
    return result;
  }

  async sheetXml(name: string): Promise<string> {
    const part = (await this.sheetParts()).get(name);
    if (!part) throw new Error(`no sheet ${name}`);
    return this.text(part);
  }

  /** The table parts of a sheet, as text. */
  async sheetTables(name: string): Promise<string[]> {
    const part = (await this.sheetParts()).get(name) as string;
    const relsPart = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
    if (!this.has(relsPart)) return [];
    const rels = parseXml(await this.text(relsPart));
    const tables = childrenNamed(rels, 'Relationship').filter((r) => r.attributes.get('Type')?.endsWith('/table'));
    return Promise.all(tables.map((r) => this.text(path.posix.normalize(path.posix.join(path.posix.dirname(part), r.attributes.get('Target') ?? '')))));
  }
}
