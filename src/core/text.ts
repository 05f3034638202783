/** Text normalisation of ALGORITHM.md §2: `norm` for what is kept and shown, `fold` only to compare. */

// \s in JavaScript covers U+00A0 and U+202F (the French thin no-break space) as well.
const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARKS = /\p{M}/gu;

export function norm(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

export function fold(text: string): string {
  return norm(text).normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}
