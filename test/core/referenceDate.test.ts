import { checkReferenceDateAhead } from '../../src/core';
import { errorOf } from '../support/errors';

describe('checkReferenceDateAhead', () => {
  it('accepts today, the past, and any day up to one year ahead', () => {
    for (const date of ['2025-06-13', '1990-01-01', '2025-12-31', '2026-06-13']) {
      expect(() => checkReferenceDateAhead(date, '2025-06-13')).not.toThrow();
    }
  });

  it('refuses a date more than a year ahead, such as 9999-12-31, with a French message', () => {
    for (const date of ['2026-06-14', '9999-12-31', '2205-06-13']) {
      const error = errorOf(() => checkReferenceDateAhead(date, '2025-06-13'));
      expect(error.code).toBe('bad_reference_date');
      expect(error.message).toContain(`« ${date} » à plus d’un an d’aujourd’hui (2025-06-13)`);
    }
  });

  it('ends the year from a 29 February on the next 28 February', () => {
    expect(() => checkReferenceDateAhead('2025-02-28', '2024-02-29')).not.toThrow();
    expect(() => checkReferenceDateAhead('2025-03-01', '2024-02-29')).toThrow();
  });
});
