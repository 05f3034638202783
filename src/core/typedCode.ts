/**
 * Hexadecimal codes people type back: the fingerprint announced in the session (64 digits) and a
 * candidate's receipt (24 digits, `tirage-cln/2`). They are shown in groups (`2ff47530 6aa136b3 …`,
 * `3f9a-0c1e-77b2-…`), copied from a PDF with its line breaks, read aloud and typed in capitals:
 * ALGORITHM.md §10 says spaces, hyphens and case are ignored wherever one is typed. Read here, once,
 * for every front end; each code's module turns a problem into its own French sentence.
 */
import { showInvisible } from './visibleText';

/** What was typed, read: the digits (lower case), or what is wrong with it. */
export type TypedCode =
  | { ok: true; hex: string }
  /** Only digits and separators, but not as many digits as the code has. */
  | { ok: false; problem: 'digit_count'; digits: number; expected: number }
  /** A character that is neither a hexadecimal digit nor a separator (the first one met). */
  | { ok: false; problem: 'character'; character: string; position: number };

/**
 * What separates groups: any white space (line breaks, tabs, no-break and thin spaces included),
 * dashes (hyphen, non-breaking hyphen, en and em dashes: a word processor turns « - » into « – »),
 * the minus sign, and format characters a copy from a web page or a PDF brings along (zero-width
 * space, soft hyphen, byte-order mark), which no one can see.
 */
const SEPARATOR = /^[\s\p{Pd}\u2212\p{Cf}]$/u;
const HEX_DIGIT = /^[0-9a-fA-F]$/;

export function readTypedCode(text: string, expected: number): TypedCode {
  let hex = '';
  let position = 0;
  for (const character of text) {
    position++;
    if (HEX_DIGIT.test(character)) hex += character;
    else if (!SEPARATOR.test(character)) return { ok: false, problem: 'character', character, position };
  }
  if (hex.length !== expected) return { ok: false, problem: 'digit_count', digits: hex.length, expected };
  return { ok: true, hex: hex.toLowerCase() };
}

/** The problem in French, for the sentence of each code (« 63 chiffres hexadécimaux trouvés, il en faut 64 »). */
export function describeTypedCodeProblem(problem: Exclude<TypedCode, { ok: true }>): string {
  if (problem.problem === 'character') {
    return (
      `le caractère « ${showInvisible(problem.character)} » (${problem.position === 1 ? '1er' : `${problem.position}e`} caractère) n’est ni un chiffre hexadécimal ` +
      '(0 à 9, a à f) ni un séparateur (espace, tiret)'
    );
  }
  const found =
    problem.digits === 0
      ? 'aucun chiffre hexadécimal trouvé'
      : `${problem.digits} chiffre${problem.digits > 1 ? 's' : ''} hexadécima${problem.digits > 1 ? 'ux' : 'l'} trouvé${problem.digits > 1 ? 's' : ''}`;
  return `${found}, il en faut ${problem.expected}`;
}

/** `3f9a0c1e…` as `3f9a-0c1e-…`: groups of `size` digits joined by `separator`, as people are shown a code. */
export function groupDigits(hex: string, size: number, separator: string): string {
  return (hex.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(separator);
}
