/**
 * A package part parsed as it is inflated: bytes → text (UTF-8, or UTF-16 when the part starts
 * with its byte-order mark, both allowed by ECMA-376 part 2 §8.1.4) → saxes, slice by slice, so a
 * large worksheet is never held whole as text. Element names are given without their prefix
 * ("x:c" → "c"): writers differ in prefixes, the local names are the same in the transitional and
 * the strict vocabularies.
 */

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { PackageError, type ZipPackage } from './zip';

export interface XmlHandler {
  open?(local: string, attributes: Record<string, string>): void;
  close?(local: string): void;
  text?(text: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * The one way this package sets saxes up, for reading (parsePart) and for editing (xmlEdit.ts): a
 * conformant parser that refuses a DOCTYPE (OOXML parts have no DTD; an internal subset is how
 * entity-expansion bombs are built). `fail` receives the first problem.
 */
export function strictParser(fail: (error: Error) => void): SaxesParser {
  const parser = new SaxesParser();
  parser.on('error', fail);
  parser.on('doctype', () => fail(new Error('DOCTYPE')));
  return parser;
}

/** Parses `part` of `pkg` with `handler`; a malformed part is a corrupt package. */
export function parsePart(pkg: ZipPackage, part: string, handler: XmlHandler): void {
  let failure: Error | undefined;
  const parser = strictParser((error) => {
    failure ??= error;
  });
  if (handler.open) parser.on('opentag', (tag) => handler.open?.(localName(tag.name), (tag as SaxesTagPlain).attributes as Record<string, string>));
  if (handler.close) parser.on('closetag', (tag) => handler.close?.(localName(tag.name)));
  if (handler.text) {
    const text = (value: string) => handler.text?.(value);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  let decoder: TextDecoder | undefined;
  pkg.read(part, (chunk) => {
    if (failure) return;
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw new PackageError('corrupt', part);
  });
  if (!failure) parser.write((decoder ?? new TextDecoder()).decode()).close();
  if (failure) throw new PackageError('corrupt', part);
}
