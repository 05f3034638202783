import fc from 'fast-check';
import { fold, norm } from '../../src/core';
import { foldDefinition, foldNormal, normDefinition } from '../../src/core/text';

describe('norm', () => {
  it('collapses every run of whitespace, including no-break and thin spaces, and trims', () => {
    expect(norm('  Jean\u00a0\u00a0 Pierre\u202fDupont\t\n')).toBe('Jean Pierre Dupont');
  });
  it('composes accents (NFC), so a decomposed é equals a composed one', () => {
    expect(norm('He\u0301le\u0300ne')).toBe('Hélène');
    expect(norm('He\u0301le\u0300ne')).toHaveLength(6);
  });
  it('keeps case and punctuation', () => {
    expect(norm("D'Alembert-Lefèvre")).toBe("D'Alembert-Lefèvre");
  });
});

describe('fold', () => {
  it('removes accents and case, for comparison only', () => {
    expect(fold(' Hélène  ÇA ')).toBe('helene ca');
    expect(fold('Féminin')).toBe('feminin');
  });
  it('treats composed and decomposed forms alike', () => {
    expect(fold('E\u0301st')).toBe(fold('Ést'));
  });
});

describe('norm and fold: the fast paths give the definition’s results', () => {
  // Every character below U+0300, the range the fast paths handle, plus a few beyond it.
  const below = Array.from({ length: 0x300 }, (_, code) => String.fromCharCode(code));
  const beyond = ['\u0300', '\u0301', '\u0327', '\u1680', '\u2009', '\u200b', '\u202f', '\u3000', '\ufeff', '\u212b', '\u03a3', 'ﬁ', '\ud83d\ude00'];

  it('on every character below U+0300 alone, and after a letter, and between spaces', () => {
    for (const c of below) {
      for (const text of [c, `a${c}`, `${c}b`, ` ${c} `, `É${c}e`]) {
        expect([norm(text), fold(text)]).toEqual([normDefinition(text), foldDefinition(text)]);
      }
    }
  });
  it('on every pair of characters below U+0300 (nothing composes there)', () => {
    const differing: string[] = [];
    for (const a of below) {
      for (const b of below) {
        const text = a + b;
        if (norm(text) !== normDefinition(text) || fold(text) !== foldDefinition(text)) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });
  it('on random text mixing letters, accents precomposed and decomposed, and every kind of space', () => {
    const alphabet = fc.constantFrom(...'aZé É\u00a0\t\r\nİıßŒœ\'’-.'.split(''), ...below.slice(0x80, 0x100), ...beyond);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(norm(text)).toBe(normDefinition(text));
        expect(fold(text)).toBe(foldDefinition(text));
        expect(foldNormal(norm(text))).toBe(foldDefinition(text));
      }),
      { numRuns: 3000 },
    );
  });
});
