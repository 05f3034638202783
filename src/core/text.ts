/**
 * Text normalisation of ALGORITHM.md §2: `norm` for what is kept and shown, `fold` only to compare.
 *
 * `normDefinition` and `foldDefinition` are the specification word for word. `norm` and `fold`
 * give the same results faster on the text that fills real tables (Latin letters, French
 * accents): a table of 100,000 rows calls them half a million times. The tests compare both
 * pairs on every character below U+0300 and on random text.
 */

// \s in JavaScript covers U+00A0 and U+202F (the French thin no-break space) as well.
const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARKS = /\p{M}/gu;

export function normDefinition(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

export function foldDefinition(text: string): string {
  return normDefinition(text).normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Below U+0300 (where combining marks start) every character is its own NFC and none composes
 * with what precedes it (Unicode's NFC_Quick_Check is Yes for all of them), so NFC changes
 * nothing in text made only of them.
 */
const FIRST_COMBINING = 0x300;

/** The characters below U+0300 that \s matches: tab, line feed, vertical tab, form feed, carriage return, space, no-break space. */
function isSpaceBelowCombining(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

/** What a text needs to become `norm`al: nothing, only its spaces, or the general path. */
const enum NormWork {
  None,
  Spaces,
  General,
}

function normWork(text: string): NormWork {
  let work = NormWork.None;
  let previousSpace = true; // a space at the start must go
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FIRST_COMBINING) return NormWork.General;
    if (isSpaceBelowCombining(code)) {
      // Only a single ordinary space between two words is already normal.
      if (code !== 0x20 || previousSpace) work = NormWork.Spaces;
      previousSpace = true;
    } else {
      previousSpace = false;
    }
  }
  return previousSpace && text.length > 0 ? NormWork.Spaces : work;
}

export function norm(text: string): string {
  switch (normWork(text)) {
    case NormWork.None:
      return text;
    case NormWork.Spaces:
      return text.replace(WHITESPACE_RUN, ' ').trim();
    default:
      return normDefinition(text);
  }
}

/**
 * `fold` of each character below U+0300, by the definition. Folding such text character by
 * character gives the definition's result: NFD decomposes each character on its own, the marks
 * it yields are removed, and below U+0300 lower-casing never depends on the neighbours (the one
 * contextual rule, final sigma, is for Greek).
 */
const FOLD_BELOW_COMBINING: readonly string[] = Array.from({ length: FIRST_COMBINING }, (_, code) =>
  String.fromCharCode(code).normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase(),
);
const NON_ASCII = /[^\x00-\x7f]/g;
const foldCharacter = (c: string) => FOLD_BELOW_COMBINING[c.charCodeAt(0)];

export function fold(text: string): string {
  return foldNormal(norm(text));
}

/** `fold` of a text that is already `norm`al (a cell read by the engine): the same, without normalising again. */
export function foldNormal(normal: string): string {
  let ascii = true;
  for (let i = 0; i < normal.length; i++) {
    const code = normal.charCodeAt(i);
    if (code >= FIRST_COMBINING) return foldDefinition(normal);
    if (code >= 0x80) ascii = false;
  }
  // ASCII has no accents to decompose.
  if (ascii) return normal.toLowerCase();
  // Non-ASCII characters through the table, already lower-cased; lower-casing again changes none
  // of them (the table's values are lower case) and lower-cases the ASCII ones.
  return normal.replace(NON_ASCII, foldCharacter).toLowerCase();
}
