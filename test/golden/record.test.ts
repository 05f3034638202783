/**
 * The golden record: every cell value of the five record sheets for the bundled example, frozen
 * in record-exemple.json. Any change to what the record says shows here, cell by cell.
 * Its print layout is frozen beside it (record-exemple-impression.json).
 * To freeze again after an intended change: UPDATE_GOLDEN=1 npx jest test/golden/record.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, cellAddress, newRecordMeta, drawFromTable, planSheet, type MergeModel, type RecordModel } from '../../src/core';
import { decodeCsvBytes, parseCsvText } from '../../src/file/csv';

const EXAMPLE = join(__dirname, '..', '..', 'assets', 'exemple-candidatures.csv');
const FROZEN = join(__dirname, 'record-exemple.json');
/** Its print layout (scale, page breaks, footer, widths, heights, merges): what `verify` does not compare, frozen too. */
const FROZEN_PRINT = join(__dirname, 'record-exemple-impression.json');

function cellsBySheet(model: RecordModel): Record<string, Record<string, string | number | null>> {
  return Object.fromEntries(
    model.sheets.map((sheet) => [sheet.name, Object.fromEntries(sheet.cells.map((c) => [cellAddress(c.column - 1, c.row), c.value]))]),
  );
}

const table = parseCsvText(decodeCsvBytes(readFileSync(EXAMPLE)), 'exemple-candidatures.csv');
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false });
const model = buildRecord(result, newRecordMeta({
  place: 'Archives nationales du monde du travail, Roubaix',
  officials: ['Mme Élue Une', 'M. Élu Deux'],
  candidatureSheet: 'Candidatures',
  sourceFile: 'exemple-candidatures.csv',
  inputSheets: ['Candidatures'],
  mandateStart: '2025-06-13',
}));
const actual = cellsBySheet(model);
const actualPrint = printBySheet(model);

/** What each sheet looks like on paper, as the plan gives it to both renderers. */
function printBySheet(record: RecordModel): Record<string, unknown> {
  const address = (m: MergeModel) => `${cellAddress(m.fromColumn - 1, m.fromRow)}:${cellAddress(m.toColumn - 1, m.toRow)}`;
  return Object.fromEntries(
    record.sheets.map((sheet) => {
      const plan = planSheet(sheet);
      const p = plan.print;
      const layout = {
        orientation: p.orientation,
        fitToWidth: p.fitToWidth,
        scale: p.scale,
        pageBreaks: p.pageBreaks,
        repeatRows: p.repeatRows,
        margins: p.margins,
        footer: p.footerCode,
        columnWidths: plan.columnWidths,
        rowHeights: Object.fromEntries(plan.rowHeights.map((h) => [h.row, h.height])),
        merges: plan.merges.map(address),
      };
      return [sheet.name, layout];
    }),
  );
}

for (const [file, value] of [
  [FROZEN, actual],
  [FROZEN_PRINT, actualPrint],
] as const) {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true') throw new Error(`golden record missing under CI: ${file}`);
    writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
  }
}
const frozen = JSON.parse(readFileSync(FROZEN, 'utf8')) as typeof actual;
const frozenPrint = JSON.parse(readFileSync(FROZEN_PRINT, 'utf8')) as typeof actualPrint;

describe('golden record of the example table', () => {
  it('has the five sheets, in order', () => {
    expect(model.sheets.map((s) => s.name)).toEqual(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication']);
    expect(Object.keys(frozen)).toEqual(model.sheets.map((s) => s.name));
  });
  it.each(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication'])('writes sheet %s cell by cell as frozen', (sheet) => {
    expect(actual[sheet]).toEqual(frozen[sheet]);
  });
  it.each(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication'])('prints sheet %s as frozen', (sheet) => {
    expect(actualPrint[sheet]).toEqual(frozenPrint[sheet]);
  });
  it('is protected, printable on A4, with the fingerprint in every footer', () => {
    for (const sheet of model.sheets) {
      expect(sheet.protected).toBe(true);
      expect(sheet.print.paper).toBe('A4');
      expect(sheet.print.footer).toContain(result.prepared.canonical.fingerprint);
    }
  });
  it('posts the members, the reserve in call order and the reasons, without birth dates', () => {
    const posted = Object.values(frozen['Publication']).join('\n');
    expect(posted).toContain('Est : 2 femmes et 3 hommes ont candidaté pour 4 places. Les 2 femmes sont retenues.');
    expect(posted).toContain('du vendredi 13 juin 2025 au samedi 12 juin 2027 (2 ans, renouvelable)');
    expect(posted).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });
  it('shows the 13 June figures in the summary: 6 women, 7 men, 16 candidatures', () => {
    const s = frozen['Synthèse'];
    const totalRow = Object.entries(s).find(([, v]) => v === 'Total' && true)?.[0];
    expect(totalRow).toBeDefined();
    const row = Object.keys(s).filter((k) => s[k] === 'Total').map((k) => k.replace(/^[A-Z]+/, '')).find((r) => s[`A${r}`] === 'Total') as string;
    expect([s[`B${row}`], s[`C${row}`], s[`D${row}`], s[`E${row}`], s[`F${row}`], s[`G${row}`]]).toEqual([6, 10, 16, 6, 7, 13]);
  });
});
