import { fold, norm } from '../../src/core';

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
