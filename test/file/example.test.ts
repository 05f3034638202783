/**
 * The bundled example tables: the 13 June 2025 session's figures (ALGORITHM.md §9), in the two
 * forms a clerk would hand over, and the .xlsx kept in step with the .csv.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue } from '../../src/core/sheet';
import { numberedRows } from '../support/sheets';
import { readTableFile } from '../../src/file/readTable';

const ASSETS = path.join(__dirname, '..', '..', 'assets');
const CSV = path.join(ASSETS, 'exemple-candidatures.csv');
const XLSX = path.join(ASSETS, 'exemple-candidatures.xlsx');
const HEADER = ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'];

interface Person {
  sector: string;
  sex: string;
  age: number;
  name: string;
}

/** Full years on 13 June 2025, computed here without the engine. */
function ageOn20250613(ddmmyyyy: string): number {
  const [day, month, year] = ddmmyyyy.split('/').map(Number);
  return 2025 - year - (month > 6 || (month === 6 && day > 13) ? 1 : 0);
}

async function csvRecords(): Promise<string[][]> {
  const table = await readTableFile(CSV);
  return table.sheet.rows.map((row) => row as string[]);
}

describe('assets/exemple-candidatures.csv', () => {
  it('is saved as French Excel saves "CSV UTF-8": BOM, ";" and CRLF', () => {
    const bytes = fs.readFileSync(CSV);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + HEADER.join(';'));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('holds 16 candidatures numbered 1–16 under the expected header', async () => {
    const [header, ...records] = await csvRecords();
    expect(header).toEqual(HEADER);
    expect(records).toHaveLength(16);
    expect(records.map((r) => r[0])).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    for (const record of records) {
      expect(record).toHaveLength(6);
      expect(record[4]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
  });

  it('has the figures of 13 June 2025 and the ages that make the age priority matter', async () => {
    const [, ...records] = await csvRecords();
    const people: Person[] = records.map((r) => ({ name: `${r[2]} ${r[1]}`, sex: r[3], age: ageOn20250613(r[4]), sector: r[5] }));
    const count = (sector: string, sex: string) => people.filter((p) => p.sector === sector && p.sex === sex).length;
    expect(
      ['Centre', 'Est', 'Ouest', 'Nord', 'Sud'].map((sector) => [sector, count(sector, 'F'), count(sector, 'H')]),
    ).toEqual([
      ['Centre', 2, 0],
      ['Est', 2, 3],
      ['Ouest', 0, 1],
      ['Nord', 2, 4],
      ['Sud', 0, 2],
    ]);
    expect(Math.min(...people.map((p) => p.age))).toBeGreaterThanOrEqual(16);

    const priority = (p: Person) => (p.age >= 16 && p.age <= 25) || p.age >= 65;
    const nordMen = people.filter((p) => p.sector === 'Nord' && p.sex === 'H');
    const estMen = people.filter((p) => p.sector === 'Est' && p.sex === 'H');
    expect(nordMen.filter(priority).length).toBeGreaterThanOrEqual(1);
    expect(nordMen.filter(priority).length).toBeLessThanOrEqual(2);
    expect(estMen.filter((p) => p.age >= 65)).toHaveLength(1);
    expect(estMen.filter(priority)).toHaveLength(1);
    expect(people.some((p) => p.age >= 16 && p.age <= 25)).toBe(true);
  });

  it('uses accented and hyphenated names', async () => {
    const names = (await csvRecords()).slice(1).map((r) => `${r[1]} ${r[2]}`).join(' ');
    for (const letter of ['é', 'è', 'ç', 'ï']) expect(names).toContain(letter);
    expect(names).toMatch(/\p{L}-\p{L}/u);
  });
});

describe('assets/exemple-candidatures.xlsx', () => {
  it('holds the same candidatures as the CSV, under a title, with real date cells', async () => {
    const [, ...records] = await csvRecords();
    const table = await readTableFile(XLSX);
    expect(table.sheet.source).toBe('exemple-candidatures.xlsx — feuille Candidatures');
    const toDate = (ddmmyyyy: string) => {
      const [day, month, year] = ddmmyyyy.split('/').map(Number);
      return new Date(Date.UTC(year, month - 1, day));
    };
    const expected: { rowNumber: number; cells: CellValue[] }[] = [
      { rowNumber: 1, cells: ['Candidatures CLN — juin 2025'] },
      { rowNumber: 2, cells: [] },
      { rowNumber: 3, cells: HEADER },
      ...records.map((r, i) => ({
        rowNumber: 4 + i,
        cells: [Number(r[0]), r[1], r[2], r[3], toDate(r[4]), r[5]] as CellValue[],
      })),
    ];
    expect(numberedRows(table.sheet)).toEqual(expected);
  });
});
