/**
 * Adding worksheets to a workbook's package, so that the workbook's own parts stay byte for byte as
 * they were. Only the parts that list what a workbook holds are extended, never rewritten: the
 * workbook part (new <sheet> entries and defined names), its relationships, the content types, the
 * style sheet (styles appended after the workbook's own: ./styleMerge) and the shared strings
 * (strings appended: ./sharedStrings). Every other part is copied as it is stored (./packageParts).
 *
 * One method per step, each called by the one who knows what to add (src/file/recordPackage.ts for
 * a record); then `write` streams the package. A malformed part is PackageError('corrupt').
 */

import { CT, NS_MAIN, NS_PACKAGE_REL, NS_REL, NS_STRICT_MAIN, REL, XML_DECLARATION } from './ooxml';
import { appendStyles } from './styleMerge';
import { PackageParts } from './packageParts';
import { readRelationships, relationshipsPartOf, relativeTarget, resolveTarget } from './relationships';
import { SharedStringTable } from './sharedStrings';
import { GAP, childrenNamed, escapeXml, firstChild, withPrefix, type EditedPart, type XmlElement } from './xmlEdit';
import { PackageError, type ZipPackage } from './zip';
import type { ZipWriter } from './zipWriter';

/** Workbook content types that are not a plain .xlsx workbook (macros, templates). */
const OTHER_WORKBOOK_TYPES = [
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
];
const encoder = new TextEncoder();

export interface NewWorksheet {
  name: string;
  /** Each of its tables' XML, given the id the workbook gives the table. */
  tables: ((id: number) => string)[];
  /** Its XML, made as the package is written, given its tables' relationship ids in order. */
  xml: (tableRelIds: string[]) => Iterable<Uint8Array>;
}

interface WorkbookRelationship {
  element: XmlElement;
  id: string;
  type: string;
  /** The target as a part name; null for an external one. */
  part: string | null;
}

export class WorkbookEditor {
  private readonly relationships: WorkbookRelationship[];
  private readonly relIds: Set<string>;
  private readonly newRelationships: string[] = [];
  private readonly sheetEntries: string[] = [];
  private readonly definedNames: string[] = [];
  private readonly sheets: { name: string; sheetId: number }[];
  private tables: { names: string[]; highestId: number } | undefined;
  private nextTableId: number | undefined;
  private strings: { table: SharedStringTable; part: EditedPart | null } | undefined;

  private constructor(
    private readonly parts: PackageParts,
    private readonly workbook: EditedPart,
    private readonly rels: EditedPart,
  ) {
    this.relationships = childrenNamed(rels.root, 'Relationship').map((element) => {
      const external = element.attributes.get('TargetMode') === 'External';
      const target = element.attributes.get('Target') ?? '';
      return { element, id: element.attributes.get('Id') ?? '', type: element.attributes.get('Type') ?? '', part: external ? null : resolveTarget(workbook.name, target) };
    });
    this.relIds = new Set(this.relationships.map((r) => r.id));
    const sheets = firstChild(workbook.root, 'sheets');
    this.sheets = (sheets ? childrenNamed(sheets, 'sheet') : []).map((s) => ({ name: s.attributes.get('name') ?? '', sheetId: Number(s.attributes.get('sheetId') ?? 0) }));
  }

  /** The package's workbook, refused unless it is a transitional SpreadsheetML workbook (PackageError). */
  static open(pkg: ZipPackage): WorkbookEditor {
    const office = readRelationships(pkg, '').find((r) => r.kind === 'officeDocument');
    if (!office?.part || !pkg.has(office.part)) throw new PackageError('not_workbook');
    const parts = new PackageParts(pkg);
    const workbook = parts.edit(office.part);
    const relsPart = relationshipsPartOf(office.part);
    if (!pkg.has(relsPart)) throw new PackageError('corrupt', relsPart);
    const root = workbook.root;
    if (root.local !== 'workbook') throw new PackageError('not_workbook');
    const namespace = root.attributes.get(root.prefix ? `xmlns:${root.prefix}` : 'xmlns');
    if (namespace === NS_STRICT_MAIN) throw new PackageError('strict_workbook');
    if (namespace !== NS_MAIN) throw new PackageError('unusual_workbook');
    if (!firstChild(root, 'sheets')) throw new PackageError('corrupt', office.part);
    return new WorkbookEditor(parts, workbook, parts.edit(relsPart));
  }

  /** Every sheet's name (worksheets, chart sheets, dialog sheets), in tab order, added ones included. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /**
   * A .xlsm workbook becomes a plain .xlsx: the VBA project goes (its relationship, its part and
   * what hangs from it, its signatures), the workbook part takes the .xlsx content type. Templates
   * become workbooks.
   */
  dropMacros(): void {
    for (const rel of this.relationships) {
      if (rel.type !== REL.vbaProject || rel.part === null) continue;
      this.rels.replace(rel.element, '');
      this.parts.remove(rel.part);
    }
    for (const { part, contentType } of this.parts.declared()) {
      if (contentType === CT.vbaSignature) this.parts.remove(part);
      else if (part.toLowerCase() === this.workbook.name.toLowerCase() && OTHER_WORKBOOK_TYPES.includes(contentType)) this.parts.setContentType(part, CT.workbook);
    }
  }

  /**
   * Appends a complete style sheet's items after the workbook's own (or makes it the workbook's
   * style sheet when it has none); returns where each of its cell formats now is.
   */
  appendStyles(styleSheetXml: string): (index: number) => number {
    const part = this.partOf(REL.styles);
    if (part !== undefined) return appendStyles(this.parts.edit(part), styleSheetXml);
    this.addWorkbookPart('styles.xml', REL.styles, CT.styles, () => [encoder.encode(styleSheetXml)]);
    return (index) => index;
  }

  /** The table to add strings to, numbered after the workbook's own. */
  sharedStrings(): SharedStringTable {
    if (this.strings === undefined) {
      const name = this.partOf(REL.sharedStrings);
      // Its root's children only: a large workbook's table has one <si> per distinct text.
      const part = name === undefined ? null : this.parts.edit(name, 1);
      this.strings = { table: new SharedStringTable(part ? childrenNamed(part.root, 'si').length : 0), part };
    }
    return this.strings.table;
  }

  /**
   * The names a new table cannot take: the workbook's table names and defined names, which share
   * one namespace (compared by `key`, as the caller compares them).
   */
  takenTableNames(key: (name: string) => string): Set<string> {
    const taken = new Set(this.existingTables().names.map(key));
    const definedNames = firstChild(this.workbook.root, 'definedNames');
    for (const name of definedNames ? childrenNamed(definedNames, 'definedName') : []) taken.add(key(name.attributes.get('name') ?? ''));
    return taken;
  }

  /** A worksheet after the workbook's sheets, with its tables; returns its position (a defined name's localSheetId). */
  addWorksheet(sheet: NewWorksheet): number {
    const position = this.sheets.length;
    const folder = this.workbookFolder();
    const sheetPart = this.parts.freeName(joinPart(folder, 'worksheets'), 'sheet', '.xml', position + 1);
    const tableRels = sheet.tables.map((xml, i) => {
      const id = this.tableId();
      const tablePart = this.parts.freeName(joinPart(folder, 'tables'), 'table', '.xml', id);
      this.parts.add(tablePart, CT.table, () => [encoder.encode(xml(id))]);
      return `<Relationship Id="rId${i + 1}" Type="${REL.table}" Target="${escapeXml(relativeTarget(sheetPart, tablePart))}"/>`;
    });
    if (tableRels.length > 0) {
      const text = `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_REL}">${tableRels.join('')}</Relationships>`;
      this.parts.add(relationshipsPartOf(sheetPart), null, () => [encoder.encode(text)]);
    }
    const tableRelIds = tableRels.map((_, i) => `rId${i + 1}`);
    this.parts.add(sheetPart, CT.worksheet, () => sheet.xml(tableRelIds));
    const relId = this.addRelationship(REL.worksheet, sheetPart);
    const sheetId = this.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0) + 1;
    this.sheets.push({ name: sheet.name, sheetId });
    // The relationship id's attribute takes the workbook's prefix for that namespace, or declares one.
    const relPrefix = this.workbook.prefix(NS_REL);
    const declaration = relPrefix ? '' : ` xmlns:r="${NS_REL}"`;
    this.sheetEntries.push(`<sheet${declaration} name="${escapeXml(sheet.name)}" sheetId="${sheetId}" ${relPrefix || 'r'}:id="${relId}"/>`);
    return position;
  }

  /** A defined name (a print title, a filter's range…), `localSheetId` for one sheet's own. */
  addDefinedName(name: string, value: string, options: { localSheetId: number; hidden?: boolean }): void {
    this.definedNames.push(
      `<definedName name="${escapeXml(name)}" localSheetId="${options.localSheetId}"${options.hidden ? ' hidden="1"' : ''}>${escapeXml(value)}</definedName>`,
    );
  }

  /** The whole package, the workbook's parts extended; once. */
  async write(writer: ZipWriter): Promise<void> {
    this.commitSharedStrings();
    this.commitWorkbook();
    const prefix = this.rels.prefix(NS_PACKAGE_REL);
    if (this.newRelationships.length > 0) this.rels.append(this.rels.root, withPrefix(this.newRelationships.join(''), prefix));
    await this.parts.write(writer);
  }

  private commitSharedStrings(): void {
    const strings = this.strings;
    if (strings === undefined || strings.table.items.length === 0) return;
    if (strings.part === null) this.newSharedStrings(strings.table);
    else this.extendSharedStrings(strings.table, strings.part);
  }

  private newSharedStrings(table: SharedStringTable): void {
    const head = `${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${table.references}" uniqueCount="${table.items.length}">`;
    this.addWorkbookPart('sharedStrings.xml', REL.sharedStrings, CT.sharedStrings, function* () {
      yield encoder.encode(head);
      yield* table.encoded('');
      yield encoder.encode('</sst>');
    });
  }

  /** The workbook's table, its items streamed after its own, its counts (when it has them) updated. */
  private extendSharedStrings(table: SharedStringTable, part: EditedPart): void {
    const root = part.root;
    const count = root.attributes.get('count');
    const unique = root.attributes.get('uniqueCount');
    const changes: Record<string, string> = {};
    if (count !== undefined) changes.count = String(Number(count) + table.references);
    if (unique !== undefined) changes.uniqueCount = String(table.offset + table.items.length);
    // The items go last, or before an <extLst>, the one child CT_Sst allows after them.
    const extensions = firstChild(root, 'extLst');
    if (extensions) {
      part.insert(extensions.start, GAP);
      part.append(root, '', changes);
    } else {
      part.append(root, GAP, changes);
    }
    const [before, after] = part.split();
    this.parts.replace(part.name, function* () {
      yield encoder.encode(before);
      yield* table.encoded(part.prefix(NS_MAIN));
      yield encoder.encode(after);
    });
  }

  private commitWorkbook(): void {
    const root = this.workbook.root;
    const prefix = this.workbook.prefix(NS_MAIN);
    const sheets = firstChild(root, 'sheets') as XmlElement;
    if (this.sheetEntries.length > 0) this.workbook.append(sheets, withPrefix(this.sheetEntries.join(''), prefix));
    if (this.definedNames.length === 0) return;
    const names = withPrefix(this.definedNames.join(''), prefix);
    const existing = firstChild(root, 'definedNames');
    if (existing) {
      this.workbook.append(existing, names);
      return;
    }
    // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
    const before = ['externalReferences', 'functionGroups', 'sheets'].map((n) => firstChild(root, n)).find((e) => e !== undefined) as XmlElement;
    const qualified = prefix ? `${prefix}:definedNames` : 'definedNames';
    this.workbook.insert(before.end, `<${qualified}>${names}</${qualified}>`);
  }

  /** A new part in the workbook's folder, related to the workbook. */
  private addWorkbookPart(file: string, relType: string, contentType: string, content: () => Iterable<Uint8Array>): void {
    const part = joinPart(this.workbookFolder(), file);
    if (this.parts.has(part)) throw new PackageError('corrupt', part); // there, but not related to the workbook
    this.parts.add(part, contentType, content);
    this.addRelationship(relType, part);
  }

  private addRelationship(type: string, part: string): string {
    let n = this.relIds.size + 1;
    while (this.relIds.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.relIds.add(id);
    this.newRelationships.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(this.workbook.name, part))}"/>`);
    return id;
  }

  /** The part the workbook relates to with this type (its styles, its shared strings). */
  private partOf(type: string): string | undefined {
    const part = this.relationships.find((r) => r.type === type && r.part !== null)?.part ?? undefined;
    return part !== undefined && this.parts.has(part) ? part : undefined;
  }

  /** The names and highest id of the workbook's tables, read from each table part's root. */
  private existingTables(): { names: string[]; highestId: number } {
    if (this.tables === undefined) {
      const tables = { names: [] as string[], highestId: 0 };
      for (const { part, contentType } of this.parts.declared()) {
        if (contentType !== CT.table || !this.parts.has(part)) continue;
        this.parts.scan(part, {
          open(local, attributes) {
            if (local !== 'table') return;
            tables.names.push(attributes.name ?? '', attributes.displayName ?? '');
            tables.highestId = Math.max(tables.highestId, Number(attributes.id ?? 0) || 0);
          },
        });
      }
      this.tables = tables;
    }
    return this.tables;
  }

  /** Table ids are unique in the workbook: the next one after the highest. */
  private tableId(): number {
    this.nextTableId ??= this.existingTables().highestId + 1;
    return this.nextTableId++;
  }

  private workbookFolder(): string {
    return this.workbook.name.split('/').slice(0, -1).join('/');
  }
}

function joinPart(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
