/**
 * A record edited the way someone would doctor it: one cell of a sheet given another text, the
 * rest of the package left byte for byte. The cell becomes an inline string, so no other cell
 * sharing the same string changes with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { partText, rezip } from './zipWriter';
import { XlsxParts } from './xlsxParts';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Replaces the first cell of `sheet` showing the shared string `from` by `to`; returns its address ("E7"). */
export async function editSharedStringCell(inPath: string, outPath: string, sheet: string, from: string, to: string): Promise<string> {
  const bytes = readFileSync(inPath);
  const strings = partText(bytes, 'xl/sharedStrings.xml');
  const items = [...strings.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  const index = items.indexOf(escapeXml(from));
  if (index < 0) throw new Error(`no shared string ${from}`);
  const part = (await (await XlsxParts.open(inPath)).sheetParts()).get(sheet);
  if (part === undefined) throw new Error(`no sheet ${sheet}`);
  const xml = partText(bytes, part);
  const cell = new RegExp(`<c r="([A-Z]+\\d+)"((?:\\s+(?!t=)[a-z]+="[^"]*")*)\\s+t="s"((?:\\s+[a-z]+="[^"]*")*)\\s*>\\s*<v>${index}</v>\\s*</c>`);
  const found = cell.exec(xml);
  if (found === null) throw new Error(`no cell of ${sheet} shows ${from}`);
  const replaced = `<c r="${found[1]}"${found[2]}${found[3]} t="inlineStr"><is><t>${escapeXml(to)}</t></is></c>`;
  writeFileSync(outPath, rezip(bytes, { [part]: xml.replace(found[0], replaced) }));
  return found[1];
}
