/**
 * Codes typed back (ALGORITHM.md §10): the fingerprint and the receipt are read with spaces, hyphens,
 * line breaks and case ignored; anything else says how many digits were found, or which character is wrong.
 */
import { InputError, parseAnnouncedFingerprint } from '../../src/core';
import { describeTypedCodeProblem, groupDigits, readTypedCode } from '../../src/core/typedCode';
import { errorOf } from '../support/errors';

const FINGERPRINT = '2ff475306aa136b3c0ffee00deadbeef0123456789abcdef0011223344556677';

describe('readTypedCode', () => {
  it.each([
    ['the digits alone', FINGERPRINT],
    ['in groups of 8, as the pane shows it', groupDigits(FINGERPRINT, 8, ' ')],
    ['in capitals', FINGERPRINT.toUpperCase()],
    ['with hyphens', groupDigits(FINGERPRINT, 4, '-')],
    ['over two lines, copied from a PDF', `${FINGERPRINT.slice(0, 32)}\r\n${FINGERPRINT.slice(32)}\n`],
    ['with tabs, no-break and thin spaces', `\t${groupDigits(FINGERPRINT, 8, '\u00a0')}\u202f`],
    ['with en dashes and a zero-width space', groupDigits(FINGERPRINT, 16, '\u2013') + '\u200b'],
  ])('reads a fingerprint %s', (_how, typed) => {
    expect(readTypedCode(typed, 64)).toEqual({ ok: true, hex: FINGERPRINT });
  });

  it('counts the digits found when there are too few or too many', () => {
    expect(readTypedCode(groupDigits(FINGERPRINT.slice(0, 56), 8, ' '), 64)).toEqual({ ok: false, problem: 'digit_count', digits: 56, expected: 64 });
    expect(readTypedCode(`${FINGERPRINT} 0`, 64)).toEqual({ ok: false, problem: 'digit_count', digits: 65, expected: 64 });
    expect(readTypedCode(' - ', 24)).toEqual({ ok: false, problem: 'digit_count', digits: 0, expected: 24 });
  });

  it('names the first character that is neither a digit nor a separator, and where it is', () => {
    expect(readTypedCode('3f9a-0c1e-77b2-d4e8-91aa-5g03', 24)).toEqual({ ok: false, problem: 'character', character: 'g', position: 27 });
    expect(readTypedCode('empreinte : 2ff4', 64)).toMatchObject({ character: 'm', position: 2 });
  });

  it('says the problem in French', () => {
    const say = (typed: string, digits: number) => {
      const read = readTypedCode(typed, digits);
      if (read.ok) throw new Error('read');
      return describeTypedCodeProblem(read);
    };
    expect(say('ab cd', 64)).toBe('4 chiffres hexadécimaux trouvés, il en faut 64');
    expect(say('a', 24)).toBe('1 chiffre hexadécimal trouvé, il en faut 24');
    expect(say('', 24)).toBe('aucun chiffre hexadécimal trouvé, il en faut 24');
    expect(say('ab;cd', 64)).toBe('le caractère « ; » (3e caractère) n’est ni un chiffre hexadécimal (0 à 9, a à f) ni un séparateur (espace, tiret)');
    // A character the eye cannot see is named.
    expect(say('ab\u0007', 64)).toContain('« ⟨U+0007⟩ »');
    expect(say('x', 64)).toContain('(1er caractère)');
  });
});

describe('parseAnnouncedFingerprint', () => {
  it('accepts the fingerprint as the pane shows it (issue 13 §1)', () => {
    expect(parseAnnouncedFingerprint(groupDigits(FINGERPRINT.toUpperCase(), 8, ' '))).toBe(FINGERPRINT);
  });

  it('refuses with the count of digits found, or the wrong character', () => {
    const short = errorOf(() => parseAnnouncedFingerprint(groupDigits(FINGERPRINT.slice(0, 63), 8, ' ')));
    expect(short).toBeInstanceOf(InputError);
    expect(short.code).toBe('bad_fingerprint');
    expect(short.message).toMatch(/^Empreinte annoncée illisible : 63 chiffres hexadécimaux trouvés, il en faut 64\. /);
    expect(short.message).toContain('les espaces, les tirets, les retours à la ligne et les majuscules ne comptent pas');
    expect(errorOf(() => parseAnnouncedFingerprint(FINGERPRINT.replace('c0ffee', 'coffee'))).message).toContain('le caractère « o » (18e caractère)');
  });
});
