/**
 * Package relationships (ECMA-376 part 2, §9.3): which part is the workbook, which parts are its
 * sheets, styles and shared strings. A target is relative to the folder of its source part
 * ("worksheets/sheet1.xml", as Excel writes) or absolute from the package root
 * ("/xl/worksheets/sheet1.xml", as openpyxl writes): both are valid and both are read.
 */

import { parsePart } from './xmlStream';
import type { ZipPackage } from './zip';

export interface Relationship {
  id: string;
  /** The type URI's last segment ("worksheet", "officeDocument"): the same in transitional and strict OOXML. */
  kind: string;
  /** The target as a part name (no leading slash), or null for an external target. */
  part: string | null;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package itself) → "_rels/.rels". */
export function relationshipsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The relationships of `source` ("" for the package's own); none when the part has no .rels. */
export function readRelationships(pkg: ZipPackage, source: string): Relationship[] {
  const relsPart = relationshipsPartOf(source);
  if (!pkg.has(relsPart)) return [];
  const list: Relationship[] = [];
  parsePart(pkg, relsPart, {
    open(local, attributes) {
      if (local !== 'Relationship') return;
      const type = attributes.Type ?? '';
      list.push({
        id: attributes.Id ?? '',
        kind: type.slice(type.lastIndexOf('/') + 1),
        part: attributes.TargetMode === 'External' ? null : resolveTarget(source, attributes.Target ?? ''),
      });
    },
  });
  return list;
}

/** A relationship target as a part name: absolute from the root, or relative to the source's folder. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of safeDecode(target).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** Part names in targets are URIs: "%20" is a space; a malformed escape is kept as written. */
function safeDecode(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The target that points from `source` to `part`, relative to the source's folder ("worksheets/sheet7.xml", "../tables/table3.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...new Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
