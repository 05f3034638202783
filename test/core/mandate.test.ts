import { InputError } from '../../src/core';
import { checkMandateStart, mandatePeriod, mandateText } from '../../src/core/mandate';

describe('the mandate period (article 7: two years, renewable)', () => {
  it.each([
    ['2025-06-13', '2027-06-12'],
    ['2025-01-01', '2026-12-31'],
    ['2024-02-29', '2026-02-28'],
    ['2027-03-01', '2029-02-28'],
  ])('starting %s ends %s', (start, end) => {
    expect(mandatePeriod(start)).toEqual({ start, end });
  });
  it('is worded for the record', () => {
    expect(mandateText(mandatePeriod('2025-06-13'))).toBe('du vendredi 13 juin 2025 au samedi 12 juin 2027 (2 ans, renouvelable)');
  });
  it('starts on the draw date or later, within a year', () => {
    expect(checkMandateStart('2025-06-13', '2025-06-13').end).toBe('2027-06-12');
    expect(checkMandateStart('2025-09-01', '2025-06-13').end).toBe('2027-08-31');
    const refused = (start: string) => {
      try {
        checkMandateStart(start, '2025-06-13');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).message;
      }
      throw new Error('accepted');
    };
    expect(refused('2025-06-12')).toContain('avant la date du tirage (vendredi 13 juin 2025)');
    expect(refused('2026-06-14')).toContain('plus d’un an après le tirage');
    expect(refused('13/06/2025')).toContain('AAAA-MM-JJ');
  });
});
