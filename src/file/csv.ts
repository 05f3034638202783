/**
 * CSV tables as Excel writes them: bytes → text (UTF-8 or the Windows code page of French Excel),
 * text → rows with papaparse, numbered as Excel numbers them when it opens the file.
 */

import { fileError } from '../core/fileMessages';
import * as Papa from 'papaparse';
import { InputError } from '../core/errors';
import { CSV_SHEET_NAME, plainSheet, type Sheet } from '../core/sheet';
import { unifyLineEnds } from './csvLineEnds';

/**
 * "CSV UTF-8" from Excel starts with a byte-order mark; plain "CSV (séparateur : point-virgule)"
 * from French Excel is Windows-1252, where "é" is the single byte 0xE9, which is never valid UTF-8
 * on its own. So: a BOM decides; otherwise strict UTF-8, and Windows-1252 when that fails.
 * "Texte Unicode (*.txt)" from Excel is UTF-16 little-endian with its BOM; without it, the zero
 * bytes of UTF-16 give it away. UTF-32 (a script's or an editor's export) is looked for first: its
 * BOM FF FE 00 00 begins like UTF-16's, and read as UTF-8 it would be a NUL between every letter.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return decodeUtf32(bytes.subarray(4), false);
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return decodeUtf32(bytes.subarray(4), true);
  const utf32 = utf32WithoutBom(bytes);
  if (utf32 !== null) return decodeUtf32(bytes, utf32 === 'utf-32be');
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding Standard), where it differs from Latin-1: "’"
 * (0x92) and "œ" (0x9C) are common in French names. Node.js from 20.18.3 / 22.13 decodes
 * 'windows-1252' as Latin-1 and returns C1 control characters for them (nodejs/node#56542,
 * #60888), so they are mapped here; with a correct decoder there is nothing left to map.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
}

/**
 * UTF-16 whose byte-order mark was lost (a tool that strips it, a copy through another program):
 * French text in UTF-16 is mostly Latin characters, each with one zero byte — at odd offsets in
 * little-endian, even ones in big-endian — while UTF-8 and Windows-1252 text has no zero byte at
 * all. Read as UTF-8, it would give a NUL between every letter and no header at all.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * UTF-32 has no TextDecoder (the WHATWG Encoding Standard dropped it): each 4 bytes are one code
 * point. What is no character (beyond U+10FFFF, a surrogate, a last incomplete group) becomes
 * U+FFFD, as TextDecoder does for the other encodings.
 */
function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += 4 * CHUNK) {
    const points: number[] = [];
    for (let i = start; i < Math.min(bytes.length, start + 4 * CHUNK); i += 4) {
      if (i + 4 > bytes.length) {
        points.push(0xfffd);
        break;
      }
      const point = view.getUint32(i, !bigEndian);
      points.push(point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) ? 0xfffd : point);
    }
    parts.push(String.fromCodePoint(...points));
  }
  return parts.join('');
}

/**
 * UTF-32 without its byte-order mark: every group of 4 bytes has its two high bytes zero for the
 * Latin text of a French table (the third at most 0x10, beyond the BMP). UTF-16 has letters there,
 * UTF-8 and Windows-1252 no zero byte at all.
 */
function utf32WithoutBom(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | null {
  if (bytes.length < 8 || bytes.length % 4 !== 0) return null;
  const groups = Math.min(bytes.length, 4096) >> 2;
  /** Whether every group fits with `top` (then `next`) as its high bytes, nearly all with both zero. */
  const fits = (top: number, next: number) => {
    let plane0 = 0;
    for (let g = 0; g < groups; g++) {
      if (bytes[4 * g + top] !== 0 || bytes[4 * g + next] > 0x10) return false;
      if (bytes[4 * g + next] === 0) plane0++;
    }
    return plane0 >= groups * 0.9;
  };
  if (fits(3, 2)) return 'utf-32le';
  if (fits(0, 1)) return 'utf-32be';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** French Excel separates with ";", English Excel with ",", Excel's .txt exports with tabs. */
const DELIMITERS = [';', ',', '\t'];
/** What Excel in French uses, so a one-column file keeps any comma inside its values. */
const DEFAULT_DELIMITER = ';';

/**
 * `source` names the file in messages. Row numbers are record numbers (a quoted field spanning
 * several lines is one row, blank lines count), which is what Excel shows for the same file. The
 * sheet is named as the record names the sheet it copies the table to.
 */
export function parseCsvText(text: string, source: string): Sheet {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Excel honours a first line "sep=;" and does not show it: it is not row 1.
  const directive = /^sep=(.)(?:\r\n|\n|\r)/i.exec(body);
  if (directive) body = body.slice(directive[0].length);
  // The guess only looks at a few rows: any line end will do for it.
  const delimiter = directive ? directive[1] : guessDelimiter(body.replace(/\r\n?/g, '\n'));
  body = unifyLineEnds(body, delimiter);

  const result = Papa.parse<string[]>(body, { delimiter, newline: '\n', header: false, dynamicTyping: false, skipEmptyLines: false });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) throw malformedQuotes(source, quoteError);

  const records = result.data;
  // A final newline ends the last row; papaparse reads it as one more, empty, record.
  const last = records[records.length - 1];
  if (body.endsWith('\n') && last && last.length === 1 && last[0] === '') records.pop();

  // Record n is row n: the records are the rows, as papaparse gives them (no object per row).
  if (!records.some((fields) => fields.some((cell) => cell.trim() !== ''))) {
    throw new InputError({ code: 'empty_table', reason: 'file', source });
  }
  return plainSheet(CSV_SHEET_NAME, source, records);
}

/**
 * papaparse's guess with `skipEmptyLines: false` counts blank lines as one-field rows, which fails
 * on small files ("a;b\n1;2\n" is not detected): guess on the non-blank rows, then parse for real
 * with every row kept. When no delimiter splits the rows evenly (a one-column table), use ";".
 */
function guessDelimiter(text: string): string {
  const probe = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy', preview: 10 });
  const undetected = probe.errors.some((e) => e.code === 'UndetectableDelimiter');
  return undetected ? DEFAULT_DELIMITER : probe.meta.delimiter;
}

function malformedQuotes(source: string, error: Papa.ParseError): InputError {
  return fileError({
    code: 'file_unreadable',
    reason: 'malformed_csv',
    source,
    line: error.row === undefined ? null : error.row + 1,
    fault: error.code === 'MissingQuotes' ? 'missing_quotes' : 'invalid_quotes',
  });
}
