/**
 * One kind of line end before papaparse. papaparse picks a single line break for the whole file
 * (the first it meets): in a file saved by Excel with CR LF and then appended to with LF (or the
 * other way round), the other lines are glued into one row, and candidates vanish without a word.
 * Excel ends a row at CR, LF or CR LF alike, so every line end outside quotes becomes LF here;
 * a line break inside a quoted field is part of the cell and is left exactly as written.
 */

/**
 * A quote opens a quoted field only as the field's first character (anywhere else it is a
 * character of the cell, as papaparse and Excel read it); inside, `""` is one quote and a single
 * quote closes the field. A quoted field is matched whole and kept; a CR LF or a lone CR elsewhere
 * becomes LF. An unterminated quote matches nothing here, and papaparse reports it.
 */
export function unifyLineEnds(text: string, delimiter: string): string {
  if (!text.includes('\r')) return text;
  // Most files have no quotes at all: every CR is then a line end.
  if (!text.includes('"')) return text.replace(/\r\n?/g, '\n');
  const fieldStart = `[\\u${delimiter.charCodeAt(0).toString(16).padStart(4, '0')}\\r\\n]`;
  const token = new RegExp(`(?<=^|${fieldStart})"[^"]*(?:""[^"]*)*"|\\r\\n?`, 'g');
  return text.replace(token, (match) => (match.charCodeAt(0) === QUOTE ? match : '\n'));
}

const QUOTE = 0x22;
