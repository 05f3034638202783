/**
 * One kind of line end before papaparse. papaparse picks a single line break for the whole file
 * (the first it meets): in a file saved by Excel with CR LF and then appended to with LF (or the
 * other way round), the other lines are glued into one row, and candidates vanish without a word.
 * Excel ends a row at CR, LF or CR LF alike, so every line end outside quotes becomes LF here;
 * a line break inside a quoted field is part of the cell and is left exactly as written.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * A quote opens a quoted field only as the field's first character (anywhere else it is a
 * character of the cell, as papaparse and Excel read it); inside, `""` is one quote and a single
 * quote closes the field.
 */
export function unifyLineEnds(text: string, delimiter: string): string {
  if (!text.includes('\r')) return text;
  const delimiterCode = delimiter.charCodeAt(0);
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let fieldStart = true;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quoted) {
      if (code === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (code === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (code === CR) {
      pieces.push(text.slice(copiedUpTo, i), '\n');
      if (text.charCodeAt(i + 1) === LF) i++;
      copiedUpTo = i + 1;
      fieldStart = true;
    } else {
      fieldStart = code === LF || code === delimiterCode;
    }
  }
  pieces.push(text.slice(copiedUpTo));
  return pieces.join('');
}
