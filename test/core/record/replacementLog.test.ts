/**
 * The chained replacement log (ALGORITHM.md §11, issue 16 §4): each Remplacement sheet shows its
 * replacement fingerprint, computed here again from the text of §11 with Node's own SHA-256; and
 * against the fingerprint published with the last notice, a replacement rewritten coherently (another
 * reason, another date: what `replace` would have written) or deleted is caught, which no check inside
 * the file can see.
 */
import { createHash } from 'node:crypto';
import {
  buildRecord,
  drawFromTable,
  newRecordMeta,
  parseReplacementFingerprint,
  recordReplacement,
  verifyWorkbook,
  type DrawResult,
  type ReplacementRequest,
  type Sheet,
} from '../../../src/core';
import { differenceLines } from '../../support/records';
import { GOLDEN_SEALING_KEY } from '../../golden/cases';
import { recordToGrids, sheetToGrid } from '../../support/records';
import { JUNE_2025, rowsOf, tableOf } from '../../support/tables';

const table = tableOf(rowsOf(JUNE_2025));
const meta = newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each([
  ['tirage-cln/1', undefined],
  ['tirage-cln/2', GOLDEN_SEALING_KEY],
])('the replacement log of a %s record', (_algorithm, sealingKey) => {
  const result: DrawResult = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false, ...(sealingKey === undefined ? {} : { sealingKey }) });
  const record = recordToGrids(buildRecord(result, meta), [table]);
  const member = (sector: string, sex: 'F' | 'H', i = 0) => result.outcomes.filter((o) => o.status === 'selected' && o.candidature.sector === sector && o.candidature.sex === sex)[i];
  const first: ReplacementRequest = { date: '2026-01-15', reason: 'Démission', leavingRow: member('Est', 'H').candidature.row, chosenRow: null };
  const second: ReplacementRequest = { date: '2026-02-01', reason: 'Déménagement  hors de Roubaix', leavingRow: member('Nord', 'H').candidature.row, chosenRow: null };

  function replaced(grids: Sheet[], request: ReplacementRequest): { grids: Sheet[]; fingerprint: string } {
    const recorded = recordReplacement(grids, request, 'registre.xlsx', '2026-06-30');
    return { grids: [...grids, sheetToGrid(recorded.sheet)], fingerprint: recorded.fingerprint };
  }
  const once = replaced(record, first);
  const twice = replaced(once.grids, second);
  const differences = (grids: Sheet[], published?: string) => differenceLines(verifyWorkbook(grids, published === undefined ? {} : { expectedReplacementFingerprint: published }));

  it('chains each replacement fingerprint as §11 writes it: from the seed key, date, draw numbers, rule and normalised reason', () => {
    const drawNumber = (row: number) => result.outcomes.find((o) => o.candidature.row === row)?.drawNumber;
    const joining = (sector: string) => result.outcomes.find((o) => o.status === 'reserve' && o.candidature.sector === sector && o.candidature.sex === 'H' && o.reserveRank === 1)?.drawNumber;
    const chain0 = sha256(`tirage-cln replacements\n${result.seedKey}`);
    const chain1 = sha256(`${chain0}\n${JSON.stringify(['2026-01-15', drawNumber(first.leavingRow), joining('Est'), 'same_group', 'Démission'])}`);
    // norm(reason): one space where the notice had two.
    const chain2 = sha256(`${chain1}\n${JSON.stringify(['2026-02-01', drawNumber(second.leavingRow), joining('Nord'), 'same_group', 'Déménagement hors de Roubaix'])}`);
    expect([once.fingerprint, twice.fingerprint]).toEqual([chain1, chain2]);
    // Shown on each sheet, and recomputed by verify.
    expect(twice.grids.find((g) => g.name === 'Remplacement (2)')?.rows.some((r) => r[1] === chain2)).toBe(true);
    expect(verifyWorkbook(twice.grids).records[0].replacementFingerprints).toEqual([chain1, chain2]);
  });

  it('accepts the published fingerprint of the last replacement, typed in groups and capitals', () => {
    const typed = (twice.fingerprint.toUpperCase().match(/.{8}/g) as string[]).join(' ');
    expect(parseReplacementFingerprint(typed)).toBe(twice.fingerprint);
    expect(differences(twice.grids, twice.fingerprint)).toEqual([]);
  });

  it('catches a replacement rewritten with another reason or date, though the record agrees with itself', () => {
    for (const forged of [{ ...second, reason: 'Raisons personnelles' }, { ...second, date: '2026-02-02' }]) {
      const rewritten = replaced(once.grids, forged).grids;
      expect(differences(rewritten)).toEqual([]);
      expect(differences(rewritten, twice.fingerprint)).toEqual([
        `L’empreinte de remplacement publiée (${twice.fingerprint}) n’est celle d’aucun remplacement consigné (dernier, n° 2 : ${replaced(once.grids, forged).fingerprint}) : ` +
          'un remplacement a été modifié (date, motif, personne qui part ou qui arrive) ou supprimé, ou l’empreinte a été mal recopiée.',
      ]);
    }
  });

  it('catches a deleted last replacement, and a record without any', () => {
    expect(differences(once.grids, twice.fingerprint)).toEqual([
      `L’empreinte de remplacement publiée (${twice.fingerprint}) n’est celle d’aucun remplacement consigné (dernier, n° 1 : ${once.fingerprint}) : ` +
        'un remplacement a été modifié (date, motif, personne qui part ou qui arrive) ou supprimé, ou l’empreinte a été mal recopiée.',
    ]);
    expect(differences(record, once.fingerprint)).toEqual([
      `L’empreinte de remplacement publiée (${once.fingerprint}) ne peut pas être vérifiée : aucun remplacement n’est consigné. Le remplacement publié a été supprimé, ou ce n’est pas le bon registre.`,
    ]);
  });

  it('says when the published fingerprint is an earlier replacement’s: later ones were recorded since', () => {
    expect(differences(twice.grids, once.fingerprint)).toEqual([
      `L’empreinte de remplacement publiée (${once.fingerprint}) est celle du remplacement n° 1, pas du dernier (n° 2, empreinte ${twice.fingerprint}) : ` +
        'des remplacements ont été consignés après celui qui a été publié.',
    ]);
  });

  it('catches an edited fingerprint line on the sheet, and verifies a sheet written before §11, without the line', () => {
    const sheet = twice.grids.find((g) => g.name === 'Remplacement (2)') as Sheet;
    const edited = twice.grids.map((g) => (g !== sheet ? g : { ...g, rows: g.rows.map((r) => r.map((v) => (v === twice.fingerprint ? 'f'.repeat(64) : v))) }));
    expect(differences(edited)).toHaveLength(1);
    const older = twice.grids.map((g) => (g !== sheet ? g : { ...g, rows: g.rows.filter((r) => !String(r[0] ?? '').startsWith('Empreinte du remplacement')) }));
    expect(differences(older)).toEqual([]);
    // Its fingerprint is still recomputed, so the published notice is still checked.
    expect(differences(older, twice.fingerprint)).toEqual([]);
  });
});
