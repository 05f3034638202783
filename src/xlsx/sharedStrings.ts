/**
 * Strings added to a workbook's shared-string table (ECMA-376 §18.4), after the ones it has.
 *
 * Strings are encoded with care (exceljs, which drew the record's sheets before, silently dropped
 * control characters and wrote a literal "_x0041_" as is, which Excel then shows as "A"). Here they
 * follow Excel's escaping (ST_Xstring): a control character becomes `_x0001_`, and the underscore
 * of a literal `_xHHHH_` becomes `_x005F_`, so every reader gets back exactly the text (the reader
 * decodes them: decodeXstring in ./workbook).
 */

import { withPrefix } from './xmlText';

const encoder = new TextEncoder();

/**
 * A string as the text of a shared-string item (ECMA-376 §22.9.2.19 ST_Xstring): XML-escaped,
 * characters XML cannot carry written `_xHHHH_`, and a literal `_xHHHH_` protected by `_x005F_`.
 */
export function encodeSharedString(value: string): string {
  const protectedUnderscores = value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  let text = '';
  for (const ch of protectedUnderscores) {
    const code = ch.codePointAt(0) as number;
    const unsafe = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff);
    text += unsafe ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_` : ch;
  }
  const escaped = text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
  const preserve = /^\s|\s$|\n|\t/.test(escaped) ? ' xml:space="preserve"' : '';
  return `<si><t${preserve}>${escaped}</t></si>`;
}

/**
 * The strings to add, each once, numbered after the `offset` items the workbook has. Every use is
 * counted (the table's `count` attribute). All are added before any sheet is written, so that the
 * sheets can be streamed one after another and the table written wherever the package puts it.
 */
export class SharedStringTable {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  /** Cells that show one of the added strings. */
  references = 0;

  constructor(readonly offset: number) {}

  add(value: string): void {
    this.references++;
    if (!this.index.has(value)) {
      this.index.set(value, this.items.length);
      this.items.push(value);
    }
  }

  /** The index of an added string in the workbook's table. */
  indexOf(value: string): number {
    const at = this.index.get(value);
    if (at === undefined) throw new Error('sharedStrings: a string that was not added');
    return this.offset + at;
  }

  /** The added <si> items, as UTF-8, a few thousand per chunk, their elements given `prefix`. */
  *encoded(prefix: string): Generator<Uint8Array> {
    for (let i = 0; i < this.items.length; i += 5000) {
      yield encoder.encode(withPrefix(this.items.slice(i, i + 5000).map(encodeSharedString).join(''), prefix));
    }
  }
}
