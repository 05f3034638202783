/** Text normalisation of ALGORITHM.md §2: `norm` for what is kept and shown, `fold` only to compare. */

// \s in JavaScript covers U+00A0 and U+202F (the French thin no-break space) as well.
const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARKS = /\p{M}/gu;
// Printable ASCII words separated by single spaces are already normalised: a fast path that
// matters for tables of 100,000 rows, with the same result as the general case.
const ALREADY_NORMAL = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const ASCII = /^[\x00-\x7f]*$/;

export function norm(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text;
  return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

export function fold(text: string): string {
  // ASCII has no accents to decompose.
  if (ASCII.test(text)) return norm(text).toLowerCase();
  return norm(text).normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}
