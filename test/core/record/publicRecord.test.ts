/**
 * The public record of a sealed draw, in memory (issue 16 §2–§3): it verifies alone — fingerprint
 * from its sealed lines, draw from its seed, every status, draw number and reserve rank, the
 * replacements by the rule and §11, the Publication — and what it declares without proof (the
 * names beside the seals) is held by the auditor's check against the private record.
 */
import {
  allPublicDifferences,
  auditPublicRecord,
  buildPublicRecord,
  buildRecord,
  buildSealedTableWorkbook,
  drawFromTable,
  formatReceipt,
  lineOfReceipt,
  NotAPublicRegisterError,
  newRecordMeta,
  recordReplacement,
  sealedLines,
  verifyPublicWorkbook,
  type PublicCheckOptions,
  type Sheet,
} from '../../../src/core';
import { describePublicDifference } from '../../../src/core/publicMessages';
import { latestPublicRecord } from '../../../src/core/record/latestPublicRecord';
import { GOLDEN_SEALING_KEY } from '../../golden/cases';
import { edit, find, recordToGrids, sheetToGrid } from '../../support/records';
import { HEADER, JUNE_2025, rowsOf, tableOf } from '../../support/tables';

const table = tableOf([...rowsOf(JUNE_2025), ['17', 'Martin', 'Léa', 'F', '1990-01-01', 'Hem']], HEADER, 'candidatures.csv');
const options = { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true, sealingKey: GOLDEN_SEALING_KEY };
const result = drawFromTable(table, options);
const meta = newRecordMeta({ place: 'Hôtel de ville', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
const record = recordToGrids(buildRecord(result, meta), [table]);
const published = recordToGrids(buildPublicRecord(result, meta));
const sealedTable = recordToGrids(buildSealedTableWorkbook(result.prepared));

const found = (grids: Sheet[], o: PublicCheckOptions = {}) => allPublicDifferences(verifyPublicWorkbook(grids, o));
/** The differences as the CLI and the verifier page word them. */
const differences = (grids: Sheet[], o: PublicCheckOptions = {}) => found(grids, o).map(describePublicDifference);
const codes = (grids: Sheet[], o: PublicCheckOptions = {}) => found(grids, o).map((d) => d.code);
const REGISTER = 'Registre public';
const tableRow = (grids: Sheet[], seal: string) => find(grids, REGISTER, (v) => v === seal).row;
const member = result.outcomes.find((o) => o.status === 'selected' && o.candidature.sector === 'Est' && o.candidature.sex === 'H') as (typeof result.outcomes)[number];
const memberLine = sealedLines(result.prepared).find((l) => l.candidate === member.candidature) as ReturnType<typeof sealedLines>[number];

describe('a public record, checked alone', () => {
  it('verifies, drawn or before the draw, and names the announced fingerprint', () => {
    expect(published.map((g) => g.name)).toEqual(['Registre public', 'Publication']);
    expect(differences(published, { expectedFingerprint: result.prepared.canonical.fingerprint })).toEqual([]);
    expect(sealedTable.map((g) => g.name)).toEqual(['Registre public']);
    expect(differences(sealedTable)).toEqual([]);
    expect(verifyPublicWorkbook(sealedTable).record).toMatchObject({ stage: 'sealed', publicSeed: '', fingerprint: result.prepared.canonical.fingerprint });
    expect(differences(published, { expectedFingerprint: 'ab'.repeat(32) })).toEqual([
      `L’empreinte annoncée en séance (${'ab'.repeat(32)}) n’est pas celle du registre public (${result.prepared.canonical.fingerprint}) : ` +
        'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.',
    ]);
    expect(found(published, { expectedFingerprint: 'ab'.repeat(32) })).toEqual([
      { code: 'announced_fingerprint_not_public', announced: 'ab'.repeat(32), recorded: result.prepared.canonical.fingerprint },
    ]);
  });

  it('catches one changed status, draw number or reserve rank', () => {
    const row = tableRow(published, memberLine.seal);
    expect(differences(edit(published, REGISTER, row, 6, 'Liste complémentaire n° 1'))).toEqual([
      `Registre public, cellule F${row} : attendu « Retenu·e », trouvé « Liste complémentaire n° 1 ».`,
    ]);
    expect(differences(edit(published, REGISTER, row, 5, 99))).toEqual([`Registre public, cellule E${row} : attendu ${member.drawNumber}, trouvé 99.`]);
    expect(differences(edit(published, REGISTER, row, 7, 1))).toEqual([`Registre public, cellule G${row} : attendu (vide), trouvé 1.`]);
  });

  it('catches a changed sealed line (another fingerprint), an edited seed (another seed key and draw), and a line moved out of canonical order', () => {
    const row = tableRow(published, memberLine.seal);
    const flipped = differences(edit(published, REGISTER, row, 4, member.priority ? 'non' : 'oui'));
    expect(flipped[0]).toMatch(/^Empreinte recalculée à partir de la table scellée de « Registre public » : [0-9a-f]{64} ; empreinte consignée : [0-9a-f]{64}\.$/);
    expect(codes(edit(published, REGISTER, row, 4, member.priority ? 'non' : 'oui'))[0]).toBe('public_fingerprint_differs');
    const seedRow = find(published, REGISTER, (v) => v === 'Graine publique').row;
    expect(differences(edit(published, REGISTER, seedRow, 2, '4 2 6 1 5 4'))[0]).toMatch(/^Clé de tirage recalculée : /);
    expect(found(edit(published, REGISTER, seedRow, 2, '4 2 6 1 5 4'))[0]).toMatchObject({ code: 'seed_key_differs', sheet: REGISTER, recorded: result.seedKey });
    const register = published.find((g) => g.name === REGISTER) as Sheet;
    const rows = register.rows.map((r) => [...r]);
    [rows[row - 1], rows[row]] = [rows[row], rows[row - 1]];
    const moved = published.map((g) => (g === register ? { ...g, rows } : g));
    expect(differences(moved).length).toBeGreaterThan(0);
    expect(differences(moved).every((d) => d.startsWith(`Registre public, cellule `))).toBe(true);
    expect(new Set(codes(moved))).toEqual(new Set(['cell_value']));
  });

  it('requires a name beside every member and reserve, a Publication that agrees, and no other sheet', () => {
    const row = tableRow(published, memberLine.seal);
    const name = (published.find((g) => g.name === REGISTER) as Sheet).rows[row - 1][7] as string;
    const listed = find(published, 'Publication', (v) => v === name);
    expect(differences(edit(published, REGISTER, row, 8, ''))).toEqual([
      `Registre public, ligne ${row} : nom manquant ; le registre public nomme chaque membre et chaque personne de la liste complémentaire.`,
      // The Publication names the members the register names.
      `Publication, cellule C${listed.row} : attendu (vide), trouvé « ${name} ».`,
    ]);
    expect(found(edit(published, REGISTER, row, 8, ''))[0]).toEqual({ code: 'public_row', sheet: REGISTER, cell: `H${row}`, row, fault: { kind: 'name_missing' } });
    const count = find(published, 'Publication', (v) => typeof v === 'string' && v.startsWith('17 reçues'));
    expect(differences(edit(published, 'Publication', count.row, count.column, '16 reçues, 16 recevables, aucune écartée.'))).toHaveLength(1);
    expect(differences(published.filter((g) => g.name !== 'Publication'))).toEqual(['Feuille « Publication » manquante.']);
    expect(differences([...published, table])).toEqual(['Feuille « Candidatures » : elle ne fait pas partie d’un registre public, qui n’a que « Registre public » et « Publication ».']);
    expect(codes(published.filter((g) => g.name !== 'Publication'))).toEqual(['sheet_missing']);
    expect(found([...published, table])).toEqual([{ code: 'public_sheet_foreign', sheet: 'Candidatures', own: [REGISTER, 'Publication'] }]);
  });

  it('names the cell of a sealed line or a count that cannot be the tool’s', () => {
    const row = tableRow(published, memberLine.seal);
    const setAside = find(published, REGISTER, (v) => v === 'Motif').row + 1;
    const edited = edit(edit(edit(edit(published, REGISTER, row, 1, 'xyz'), REGISTER, row, 3, 'X'), REGISTER, row, 4, 'peut-être'), REGISTER, setAside, 2, 'deux');
    expect(found(edited).map((d) => (d.code === 'public_row' ? [d.cell, d.fault.kind] : d.code))).toEqual([
      [`B${setAside}`, 'count'],
      [`A${row}`, 'seal'],
      [`C${row}`, 'sex'],
      [`D${row}`, 'priority'],
    ]);
    expect(differences(edited)).toEqual([
      `Registre public, ligne ${setAside} : nombre illisible « deux ».`,
      `Registre public, ligne ${row} : sceau illisible « xyz » (64 chiffres hexadécimaux en minuscules).`,
      `Registre public, ligne ${row} : sexe « X » (F ou H).`,
      `Registre public, ligne ${row} : priorité d’âge « peut-être » (oui ou non).`,
    ]);
    expect(found(edit(published, REGISTER, row, 2, 'Lune'))).toEqual([{ code: 'public_row', sheet: REGISTER, cell: `B${row}`, row, fault: { kind: 'sector', found: 'Lune' } }]);
    expect(differences(edit(published, REGISTER, row, 2, 'Lune'))).toEqual([`Registre public, ligne ${row} : secteur « Lune » inconnu des règles.`]);
  });

  it('is no public record without the structure the tool writes: its damage says what is missing', () => {
    const damage = (grids: Sheet[]) => {
      try {
        verifyPublicWorkbook(grids);
      } catch (error) {
        if (error instanceof NotAPublicRegisterError) return { damage: error.damage, message: error.message };
        throw error;
      }
      throw new Error('read as a public record');
    };
    const algorithm = find(published, REGISTER, (v) => v === 'Algorithme');
    expect(damage(edit(published, REGISTER, algorithm.row, 2, 'tirage-cln/1'))).toEqual({
      damage: { kind: 'public_register_algorithm', algorithm: 'tirage-cln/1' },
      message: 'algorithme « tirage-cln/1 » : un registre public est celui d’un tirage scellé, tirage-cln/2',
    });
    expect(damage(edit(published, REGISTER, algorithm.row, 1, 'Algo'))).toEqual({
      damage: { kind: 'parameter_missing', label: 'Algorithme', sheet: REGISTER },
      message: 'paramètre « Algorithme » introuvable dans « Registre public »',
    });
    const setAside = find(published, REGISTER, (v) => v === 'Motif');
    expect(damage(edit(published, REGISTER, setAside.row, setAside.column, 'Raison'))).toEqual({
      damage: { kind: 'set_aside_missing', sheet: REGISTER },
      message: 'nombre des candidatures écartées introuvable dans « Registre public »',
    });
  });

  it('finds a candidate’s line from their receipt, typed as they were sent it; another receipt is nowhere', () => {
    const recomputed = verifyPublicWorkbook(published).record.recomputed;
    if (recomputed === null) throw new Error('not recomputed');
    expect(formatReceipt(memberLine.receipt)).toMatch(/^([0-9a-f]{4}-){5}[0-9a-f]{4}$/);
    expect(lineOfReceipt(recomputed, memberLine.receipt)).toMatchObject({
      seal: memberLine.seal,
      sector: 'Est',
      sex: 'H',
      priority: member.priority,
      drawn: { drawNumber: member.drawNumber, status: 'selected', reserveRank: null },
    });
    expect(lineOfReceipt(recomputed, '0'.repeat(24))).toBeNull();
    const before = verifyPublicWorkbook(sealedTable).record.recomputed;
    expect(before && lineOfReceipt(before, memberLine.receipt)).toMatchObject({ seal: memberLine.seal, drawn: null });
  });
});

describe('a public record listing replacements', () => {
  const recorded = recordReplacement(record, { date: '2026-01-15', reason: 'Démission', leavingRow: member.candidature.row, chosenRow: null }, 'r.xlsx', '2026-06-30');
  const withReplacement = recordToGrids(buildPublicRecord(result, meta, recorded.replacements));

  it('applies the rule again and shows each replacement fingerprint; a coherent rewrite is caught only by the published one', () => {
    expect(differences(withReplacement, { expectedReplacementFingerprint: recorded.fingerprint })).toEqual([]);
    const reason = find(withReplacement, REGISTER, (v) => v === 'Démission');
    expect(differences(edit(withReplacement, REGISTER, reason.row, reason.column, 'Décès'))).toEqual([
      expect.stringMatching(new RegExp(`^Registre public, cellule A${reason.row} : attendu « [0-9a-f]{64} », trouvé « ${recorded.fingerprint} »\\.$`)),
    ]);
    const rewritten = recordReplacement(record, { date: '2026-01-15', reason: 'Décès', leavingRow: member.candidature.row, chosenRow: null }, 'r.xlsx', '2026-06-30');
    const forged = recordToGrids(buildPublicRecord(result, meta, rewritten.replacements));
    expect(differences(forged)).toEqual([]);
    expect(differences(forged, { expectedReplacementFingerprint: recorded.fingerprint })).toHaveLength(1);
    expect(differences(published, { expectedReplacementFingerprint: recorded.fingerprint })).toHaveLength(1);
  });

  it('refuses a replacement the rule does not give', () => {
    const leaving = find(withReplacement, REGISTER, (v) => v === 'Démission').row;
    const reserve = result.outcomes.find((o) => o.status === 'reserve') as (typeof result.outcomes)[number];
    const found = differences(edit(withReplacement, REGISTER, leaving, 3, reserve.drawNumber));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^Registre public, ligne ${leaving} : ce remplacement ne suit pas la règle \\(les numéros de ligne y sont les n° de tirage\\)\\. `));
    const [refused] = allPublicDifferences(verifyPublicWorkbook(edit(withReplacement, REGISTER, leaving, 3, reserve.drawNumber)));
    expect(refused).toMatchObject({ code: 'public_replacement_against_rule', cell: `A${leaving}`, row: leaving, problem: { code: 'bad_replacement', reason: 'not_a_member' } });
  });
});

describe('the auditor’s check, against the private record', () => {
  it('finds the published record exactly what the private one gives, sealed table and drawn record alike', () => {
    expect(auditPublicRecord(record, published)).toEqual({ fingerprint: result.prepared.canonical.fingerprint, seals: 16, differences: [] });
    expect(auditPublicRecord(record, sealedTable).differences).toEqual([]);
  });

  it('catches a name declared beside a seal in the register and the Publication alike, which the public record alone cannot', () => {
    const row = tableRow(published, memberLine.seal);
    const name = (published.find((g) => g.name === REGISTER) as Sheet).rows[row - 1][7] as string;
    const listed = find(published, 'Publication', (v) => v === name);
    const renamed = edit(edit(published, REGISTER, row, 8, 'DUPONT Jean'), 'Publication', listed.row, listed.column, 'DUPONT Jean');
    expect(differences(renamed)).toEqual([]);
    expect(auditPublicRecord(record, renamed).differences.map(describePublicDifference)).toEqual([
      `Registre public, cellule H${row} : attendu « ${name} », trouvé « DUPONT Jean ».`,
      `Publication, cellule C${listed.row} : attendu « ${name} », trouvé « DUPONT Jean ».`,
    ]);
  });

  it('says when the published record is another draw’s', () => {
    const other = drawFromTable(table, { ...options, publicSeed: '1 1 1', sealingKey: 'ab'.repeat(32) });
    const audit = auditPublicRecord(record, recordToGrids(buildPublicRecord(other, meta)));
    expect(audit.differences).toEqual([{ code: 'public_record_of_no_draw', fingerprint: other.prepared.canonical.fingerprint, recorded: [result.prepared.canonical.fingerprint] }]);
    expect(audit.differences.map(describePublicDifference)).toEqual([
      `Le registre public (empreinte ${other.prepared.canonical.fingerprint}) n’est celui d’aucun tirage de ce registre (empreintes des tirages scellés du registre : ${result.prepared.canonical.fingerprint}).`,
    ]);
  });
});

describe('a replacement recorded in the private record', () => {
  it('is listed, with its fingerprint, by the public record the auditor expects', () => {
    const recorded = recordReplacement(record, { date: '2026-01-15', reason: 'Démission', leavingRow: member.candidature.row, chosenRow: null }, 'r.xlsx', '2026-06-30');
    const after = [...record, sheetToGrid(recorded.sheet)];
    const current = recordToGrids(buildPublicRecord(result, meta, recorded.replacements));
    expect(auditPublicRecord(after, current).differences).toEqual([]);
    // The record published on the day of the draw, before any replacement, still agrees with its own day.
    expect(auditPublicRecord(after, published).differences).toEqual([]);
  });
});

describe('the public record the task pane opens: the latest draw of the workbook, as read now', () => {
  it('lists every replacement recorded so far, and is exactly what the private record gives', () => {
    expect(auditPublicRecord(record, recordToGrids(latestPublicRecord(record, 'r.xlsx'))).differences).toEqual([]);
    const recorded = recordReplacement(record, { date: '2026-01-15', reason: 'Démission', leavingRow: member.candidature.row, chosenRow: null }, 'r.xlsx', '2026-06-30');
    const after = [...record, sheetToGrid(recorded.sheet)];
    const opened = recordToGrids(latestPublicRecord(after, 'r.xlsx'));
    expect(auditPublicRecord(after, opened).differences).toEqual([]);
    expect(differences(opened, { expectedReplacementFingerprint: recorded.fingerprint })).toEqual([]);
  });

  it('refuses a record that does not verify, and a draw that is not sealed', () => {
    const status = find(record, 'Tirage', (v) => v === 'Retenu·e');
    expect(() => latestPublicRecord(edit(record, 'Tirage', status.row, status.column, 'Liste complémentaire n° 1'), 'r.xlsx')).toThrow(expect.objectContaining({ code: 'record_not_conforming' }));
    const plain = drawFromTable(table, { ...options, sealingKey: undefined });
    expect(() => latestPublicRecord(recordToGrids(buildRecord(plain, meta), [table]), 'r.xlsx')).toThrow(expect.objectContaining({ code: 'public_record_unsealed' }));
  });
});
