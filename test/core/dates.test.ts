import fc from 'fast-check';
import { parseIsoDate, toIso } from '../../src/core';
import { ageAt, dateToSerial, fromExcelSerial, isValidDate, parseDateText, serialToDate } from '../../src/core/dates';
import { isDateFormat, isDateFormatId } from '../../src/core/numberFormats';

const iso = (d: ReturnType<typeof fromExcelSerial>) => (d ? toIso(d) : null);

describe('Excel serial numbers (1900 system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [32874, '1990-01-01'],
    [45821, '2025-06-13'],
    [45821.75, '2025-06-13'],
  ])('serial %d is %s', (serial, expected) => {
    expect(iso(fromExcelSerial(serial))).toBe(expected);
  });
  it('refuses the fictitious 29 February 1900 (serial 60), zero and negatives', () => {
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(0)).toBeNull();
    expect(fromExcelSerial(-3)).toBeNull();
    expect(fromExcelSerial(Number.NaN)).toBeNull();
  });
});

describe('Excel serial numbers, both systems: one rule for every reader', () => {
  it.each([
    [0, 1904, '1904-01-01'],
    [31484, 1904, '1990-03-14'],
    [31484.75, 1904, '1990-03-14'],
    [32874, 1900, '1990-01-01'],
    [59, 1900, '1900-02-28'],
  ] as const)('serial %d of the %d system is %s, at midnight UTC', (serial, system, expected) => {
    const date = serialToDate(serial, system);
    expect(date?.toISOString()).toBe(`${expected}T00:00:00.000Z`);
    expect(dateToSerial(date as Date, system)).toBe(Math.floor(serial));
  });

  it('gives no day for serials none answers: the reader keeps the number', () => {
    expect(serialToDate(-1, 1904)).toBeNull();
    expect(serialToDate(60, 1900)).toBeNull();
    expect(serialToDate(3_000_000, 1904)).toBeNull();
  });

  it('round-trips every day 1904–9999 in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2_958_465 }), fc.boolean(), (serial, is1904) => {
        const system = is1904 ? 1904 : 1900;
        const n = is1904 ? serial - 1462 : serial;
        expect(dateToSerial(serialToDate(n, system) as Date, system)).toBe(n);
      }),
    );
  });

  it.each([
    ['dd/mm/yyyy', true],
    ['[h]:mm:ss', true],
    ['h:mm', true],
    ['mm:ss', true],
    ['[$-40C]d mmmm yyyy', true],
    ['0.0%', false],
    ['"jour "0', false],
    ['General', false],
    ['@', false],
  ])('number format %s shows a date or a time: %s', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it('tells the built-in formats a file names by id alone', () => {
    expect(isDateFormatId(14, undefined)).toBe(true);
    expect(isDateFormatId(46, undefined)).toBe(true); // [h]:mm:ss
    expect(isDateFormatId(30, undefined)).toBe(true); // locale-dependent, no code in the file
    expect(isDateFormatId(10, undefined)).toBe(false);
    expect(isDateFormatId(164, '0.00')).toBe(false);
  });
});

describe('ISO text of a date', () => {
  it('pads the year to four digits and the month and day to two, for every year, month and day', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (let year = 1; year <= 9999; year += year < 1100 ? 1 : 37) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 9, 10, 28, 31]) {
          expect(toIso({ year, month, day })).toBe(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
        }
      }
    }
  });
});

describe('text dates', () => {
  it.each([
    ['1990-03-05', '1990-03-05'],
    ['5/3/1990', '1990-03-05'],
    ['05/03/1990', '1990-03-05'],
    ['5-3-1990', '1990-03-05'],
    ['05.03.1990', '1990-03-05'],
    ['29/02/2000', '2000-02-29'],
  ])('%s is read day first as %s', (text, expected) => {
    expect(iso(parseDateText(text))).toBe(expected);
  });
  it.each(['31/02/1990', '29/02/1900', '1990-3-5', '5/3/90', '05/03-1990', '1990/03/05', 'mars 1990', '', '32/01/1990', '00/01/1990'])(
    'refuses %s',
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );
  it('reads the usual JJ/MM/AAAA by its fast path exactly as the two patterns of §2 read any text', () => {
    // §2's text forms, as regular expressions, independent of the engine's code.
    const bySpecification = (text: string) => {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
      const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[4], dayFirst[3], dayFirst[1]] : ['', '', ''];
      if (year === '') return null;
      return isValidDate(Number(year), Number(month), Number(day)) ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : null;
    };
    const number = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const separator = fc.constantFrom('/', '/', '.', '-', 'x', '');
    fc.assert(
      fc.property(fc.tuple(number(0, 3), separator, number(0, 3), separator, number(2, 5)), (parts) => {
        const text = parts.join('');
        expect(iso(parseDateText(text))).toBe(bySpecification(text));
      }),
      { numRuns: 20000 },
    );
    for (const text of ['29/02/2024', '29/02/2023', '31/04/2020', '00/00/0000', '31/12/9999', '01/01/0001', '1a/02/2020']) {
      expect(iso(parseDateText(text))).toBe(bySpecification(text));
    }
  });
  it('reads the reference date only as YYYY-MM-DD', () => {
    expect(parseIsoDate('2025-06-13')).toEqual({ year: 2025, month: 6, day: 13 });
    expect(parseIsoDate('13/06/2025')).toBeNull();
    expect(parseIsoDate('2025-02-30')).toBeNull();
  });
});

describe('age in full years', () => {
  const ref = { year: 2025, month: 6, day: 13 };
  it('counts a birthday on the reference date', () => {
    expect(ageAt({ year: 2009, month: 6, day: 13 }, ref)).toBe(16);
  });
  it('does not count it the day before', () => {
    expect(ageAt({ year: 2009, month: 6, day: 14 }, ref)).toBe(15);
  });
  it('counts someone born on 29 February one year older only from 1 March in a common year', () => {
    expect(ageAt({ year: 2008, month: 2, day: 29 }, { year: 2025, month: 2, day: 28 })).toBe(16);
    expect(ageAt({ year: 2008, month: 2, day: 29 }, { year: 2025, month: 3, day: 1 })).toBe(17);
  });
});
