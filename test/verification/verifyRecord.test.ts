/**
 * The check the CLI and the verifier page share: what is refused before reading, the verdict's
 * words, and the cap on listed differences (records built in memory, seen as grids).
 */
import { buildRecord, drawFromTable, newRecordMeta, plainSheet, type Sheet } from '../../src/core';
import { AGREES_BUT_NOT_ANNOUNCED, checkRequest, CONFORMING, MAX_LISTED_DIFFERENCES, NOT_ANNOUNCED, reportLines, verifySheets } from '../../src/verification/verifyRecord';
import { errorOf } from '../support/errors';
import { recordToGrids } from '../support/records';
import { group, HEADER, rowsOf, tableOf } from '../support/tables';

/** A record of `count` women in Centre, as a spreadsheet would give it back. */
function recordGrids(count: number): Sheet[] {
  const table = tableOf(rowsOf(group('Centre', 'F', count)), HEADER, 'candidatures.csv');
  const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: 'graine', excludeInvalid: false });
  const meta = newRecordMeta({ place: 'Hôtel de ville', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'candidatures.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
  return recordToGrids(buildRecord(result, meta), [table]);
}

describe('checkRequest', () => {
  it('refuses a text file by its name, before reading it', () => {
    expect(errorOf(() => checkRequest('registre.CSV')).code).toBe('unsupported_format');
    expect(checkRequest('registre.xlsx')).toEqual({});
  });

  it('reads the announced fingerprint as verify --fingerprint does, and says first when it is mistyped', () => {
    expect(checkRequest('registre.xlsx', { fingerprint: `  ${'AB'.repeat(32)} ` })).toEqual({ fingerprint: 'ab'.repeat(32) });
    expect(checkRequest('registre.xlsx', { fingerprint: `${'ABCD1234 '.repeat(7)}abcd1234\n` })).toEqual({ fingerprint: 'abcd1234'.repeat(8) });
    expect(errorOf(() => checkRequest('registre.csv', { fingerprint: 'abc' })).code).toBe('bad_fingerprint');
  });
});

describe('verifySheets and reportLines', () => {
  it('a conforming record: one verdict line, the fingerprint confirmed', () => {
    const grids = recordGrids(12);
    const fingerprint = verifySheets(grids, 'r.xlsx').records[0].fingerprint;
    const report = verifySheets(grids, 'r.xlsx', { fingerprint });
    expect(report).toMatchObject({ conforming: true, verdict: CONFORMING, workbook: null });
    expect(reportLines(report)).toEqual([
      'Registre : r.xlsx',
      `Empreinte des candidatures : ${fingerprint}`,
      'Graine publique : « graine »',
      'Empreinte identique à celle annoncée en séance.',
      CONFORMING,
    ]);
  });

  it('a wrong announced fingerprint: the draw agrees with its data, and the verdict says the fingerprint differs (issue 13 §1)', () => {
    const grids = recordGrids(12);
    const fingerprint = verifySheets(grids, 'r.xlsx').records[0].fingerprint;
    const other = 'e'.repeat(64);
    const report = verifySheets(grids, 'r.xlsx', { fingerprint: other });
    expect(report).toMatchObject({ conforming: false, verdict: NOT_ANNOUNCED });
    expect(report.check.announced).toEqual({ fingerprint: other, found: false });
    expect(reportLines(report)).toEqual([
      'Registre : r.xlsx',
      `Empreinte des candidatures : ${fingerprint}`,
      'Graine publique : « graine »',
      AGREES_BUT_NOT_ANNOUNCED,
      `L’empreinte annoncée en séance (${other}) n’est pas celle du tirage consigné (${fingerprint}) : ` +
        'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.',
      NOT_ANNOUNCED,
    ]);
  });

  it('a wrong announced fingerprint in an edited record: the differences are counted, the fingerprint one among them', () => {
    const grids = recordGrids(12).map((grid) =>
      grid.name !== 'Tirage' ? grid : { ...grid, rows: grid.rows.map((row) => row.map((cell) => (cell === 'Retenu·e' ? 'Liste complémentaire n° 1' : cell))) },
    );
    const report = verifySheets(grids, 'r.xlsx', { fingerprint: 'e'.repeat(64) });
    const total = report.check.records[0].differences.length + 1;
    expect(report.verdict).toBe(`Registre NON conforme : ${total} différences avec le tirage recalculé.`);
  });

  it(`lists at most ${MAX_LISTED_DIFFERENCES} differences, then counts the rest`, () => {
    const grids = recordGrids(300).map((grid) =>
      grid.name !== 'Tirage' ? grid : { ...grid, rows: grid.rows.map((row) => row.map((cell) => (typeof cell === 'string' && cell !== '' ? `${cell}!` : cell))) },
    );
    const report = verifySheets(grids, 'r.xlsx');
    const total = report.check.records[0].differences.length;
    expect(total).toBeGreaterThan(MAX_LISTED_DIFFERENCES + 1);
    const lines = reportLines(report);
    expect(lines.filter((line) => / : attendu .*, trouvé /.test(line))).toHaveLength(MAX_LISTED_DIFFERENCES);
    expect(lines.slice(-2)).toEqual([
      `… et ${total - MAX_LISTED_DIFFERENCES} autres différences.`,
      `Registre NON conforme : ${total} différences avec le tirage recalculé.`,
    ]);
    expect(report.verdict).toBe(`Registre NON conforme : ${total} différences avec le tirage recalculé.`);
  });

  it('a workbook that is no record: the CLI’s file_unreadable message, naming the file', () => {
    const error = errorOf(() => verifySheets([plainSheet('Feuil1', 'Feuil1', [['Nom', 'Prénom']])], 'candidatures.xlsx'));
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toMatch(/^« candidatures\.xlsx » n’est pas un registre de tirage lisible : /);
  });
});
