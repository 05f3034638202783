/**
 * The golden record of a sealed draw (`tirage-cln/2`): every cell value of the example's record
 * drawn with the golden sealing key, frozen in record-exemple-scelle.json — its seven sheets, the
 * « Registre public » and « Reçus » among them. To freeze again after an intended change:
 * UPDATE_GOLDEN=1 npx jest test/golden/sealedRecord.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, cellAddress, drawFromTable, newRecordMeta } from '../../src/core';
import { decodeCsvBytes, parseCsvText } from '../../src/file/csv';
import { GOLDEN_SEALING_KEY } from './cases';

const EXAMPLE = join(__dirname, '..', '..', 'assets', 'exemple-candidatures.csv');
const FROZEN = join(__dirname, 'record-exemple-scelle.json');

const table = parseCsvText(decodeCsvBytes(readFileSync(EXAMPLE)), 'exemple-candidatures.csv');
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false, sealingKey: GOLDEN_SEALING_KEY });
const model = buildRecord(
  result,
  newRecordMeta({
    place: 'Archives nationales du monde du travail, Roubaix',
    officials: ['Mme Élue Une', 'M. Élu Deux'],
    candidatureSheet: 'Candidatures',
    sourceFile: 'exemple-candidatures.csv',
    inputSheets: ['Candidatures'],
    mandateStart: '2025-06-13',
  }),
);
const actual = Object.fromEntries(model.sheets.map((sheet) => [sheet.name, Object.fromEntries(sheet.cells.map((c) => [cellAddress(c.column - 1, c.row), c.value]))]));

if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FROZEN)) {
  if (process.env.CI === 'true') throw new Error(`golden record missing under CI: ${FROZEN}`);
  writeFileSync(FROZEN, JSON.stringify(actual, null, 1) + '\n');
}
const frozen = JSON.parse(readFileSync(FROZEN, 'utf8')) as typeof actual;

describe('golden record of the example table, sealed with the golden key', () => {
  it('has the seven sheets, in order', () => {
    expect(Object.keys(actual)).toEqual(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication', 'Registre public', 'Reçus']);
    expect(Object.keys(frozen)).toEqual(Object.keys(actual));
  });
  it.each(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication', 'Registre public', 'Reçus'])('writes sheet %s cell by cell as frozen', (sheet) => {
    expect(actual[sheet]).toEqual(frozen[sheet]);
  });
});
