/**
 * Text quoted in a message, with what the eye cannot see made visible: « Sud​ » with a zero-width
 * space after it looks exactly like « Sud », and a person told that « Sud » is an unknown sector
 * cannot find what to fix. Such characters are written as their Unicode names: « Sud⟨U+200B⟩ ».
 */

/** "U+200B", as Unicode names a character. */
export function unicodeName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Format characters (zero-width spaces and joiners, direction marks, soft hyphen, byte-order mark),
 * every space other than the plain one (no-break spaces, thin spaces…), control characters, and
 * the blank look-alikes (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0]/gu;

/** Line breaks and tabs are named too: a message about one cell stays on one line. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨${unicodeName(c.codePointAt(0) as number)}⟩`);
}
