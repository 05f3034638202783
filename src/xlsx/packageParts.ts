/**
 * The parts of a package being edited (ECMA-376 part 2, Open Packaging Conventions): the parts it
 * has, parts added and parts removed, with the content types part kept in step. Written part after
 * part with ZipWriter: a part nobody edited is copied as it is stored (compressed, byte for byte),
 * an edited one from its edits, an added one from chunks made as it is written.
 */

import { relationshipsPartOf } from './relationships';
import { parsePart, type XmlHandler } from './xmlStream';
import { EditedPart, XmlScanError, childrenNamed, escapeXml, startTag, withPrefix, type XmlElement } from './xmlEdit';
import { PackageError, type ZipPackage } from './zip';
import type { ZipWriter } from './zipWriter';

const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CONTENT_TYPES = '[Content_Types].xml';
const encoder = new TextEncoder();

/** A part's content, made when the package is written. */
export type PartContent = () => Iterable<Uint8Array>;

/** "/xl/workbook.xml" or "xl/workbook.xml" → "xl/workbook.xml"; compared without case (OPC part names are). */
function key(part: string): string {
  return part.replace(/^\//, '').toLowerCase();
}

export class PackageParts {
  readonly contentTypes: EditedPart;
  /** Lower-cased name → the part parsed for editing. */
  private readonly edited = new Map<string, EditedPart>();
  private readonly replaced = new Map<string, PartContent>();
  private readonly added = new Map<string, { name: string; content: PartContent }>();
  private readonly removed = new Set<string>();
  private readonly overrides: string[] = [];
  private written = false;

  constructor(private readonly pkg: ZipPackage) {
    this.contentTypes = this.edit(CONTENT_TYPES);
  }

  has(part: string): boolean {
    return (this.pkg.has(part) && !this.removed.has(key(part))) || this.added.has(key(part));
  }

  /** An existing part read with `handler`, as the reader reads (./xmlStream), not to be edited. */
  scan(part: string, handler: XmlHandler): void {
    parsePart(this.pkg, part, handler);
  }

  /** An existing part, parsed for editing (`depth` as for parseXml); written from its edits. */
  edit(part: string, depth = Infinity): EditedPart {
    const known = this.edited.get(key(part));
    if (known) return known;
    if (!this.pkg.has(part)) throw new PackageError('corrupt', part);
    let edited: EditedPart;
    try {
      edited = new EditedPart(part, new TextDecoder().decode(this.pkg.bytesOf(part)), depth);
    } catch (error) {
      throw error instanceof XmlScanError ? new PackageError('corrupt', part) : error;
    }
    this.edited.set(key(part), edited);
    return edited;
  }

  /** An existing part given new content. */
  replace(part: string, content: PartContent): void {
    this.replaced.set(key(part), content);
  }

  /** A new part, declared in the content types (null: by its extension, as a .rels part is, by a <Default>). */
  add(part: string, contentType: string | null, content: PartContent): void {
    if (this.has(part)) throw new Error(`packageParts: ${part} exists`);
    this.added.set(key(part), { name: part, content });
    if (contentType !== null) this.overrides.push(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  /** A part left out, with its relationships and its content type. */
  remove(part: string): void {
    for (const name of [part, relationshipsPartOf(part)]) {
      this.removed.add(key(name));
      const override = this.overrideOf(name);
      if (override) this.contentTypes.replace(override, '');
    }
  }

  /** The content type declared for `part` by name (an <Override>), changed. */
  setContentType(part: string, contentType: string): void {
    const override = this.overrideOf(part);
    if (override) this.contentTypes.replace(override, startTag(override, { ContentType: contentType }));
  }

  /** The parts the content types name one by one (<Override>), with their types. */
  declared(): { part: string; contentType: string }[] {
    return childrenNamed(this.contentTypes.root, 'Override').map((o) => ({
      part: (o.attributes.get('PartName') ?? '').replace(/^\//, ''),
      contentType: o.attributes.get('ContentType') ?? '',
    }));
  }

  /** "xl/worksheets/sheet7.xml": the first free name of that pattern, counting from `from`. */
  freeName(folder: string, stem: string, extension: string, from: number): string {
    for (let n = Math.max(1, from); ; n++) {
      const name = `${folder === '' ? '' : `${folder}/`}${stem}${n}${extension}`;
      if (!this.has(name)) return name;
    }
  }

  /** Every part, in the order of the package read, then the added ones; only once. */
  async write(writer: ZipWriter): Promise<void> {
    if (this.written) throw new Error('packageParts: written twice');
    this.written = true;
    if (this.overrides.length > 0) {
      this.contentTypes.append(this.contentTypes.root, withPrefix(this.overrides.join(''), this.contentTypes.prefix(NS_CONTENT_TYPES)));
    }
    for (const name of this.pkg.names()) {
      if (this.removed.has(key(name))) continue;
      const edited = this.edited.get(key(name));
      const content = this.replaced.get(key(name)) ?? (edited?.changed ? () => [encoder.encode(edited.result())] : undefined);
      if (content) await writer.add(name, content());
      else await writer.copy(this.pkg.raw(name));
    }
    for (const { name, content } of this.added.values()) await writer.add(name, content());
  }

  private overrideOf(part: string): XmlElement | undefined {
    return childrenNamed(this.contentTypes.root, 'Override').find((o) => key(o.attributes.get('PartName') ?? '') === key(part));
  }
}
