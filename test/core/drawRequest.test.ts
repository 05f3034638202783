/** The use case « draw and record » in core: one check of what was typed, one draw, one plan, for every front end. */
import { checkDrawRequest, drawRequested, InputError, planDraw, prepareDraw, requireDrawRequest, type DrawRequestInput } from '../../src/core';
import { JUNE_2025, rowsOf, tableOf } from '../support/tables';

const DATE = '2025-06-13';
const base: DrawRequestInput = { publicSeed: '4 2 6 1 5 3', referenceDate: DATE, excludeInvalid: false };
const table = () => ({ sheet: tableOf(rowsOf(JUNE_2025)), bounds: null });
const check = (input: Partial<DrawRequestInput>, laterDraw = false) => checkDrawRequest({ ...base, ...input }, { today: DATE, laterDraw });

describe('checkDrawRequest', () => {
  it('normalises what was typed once: the seed as the draw keys it, the place, one official a name, the reason; the mandate from the draw date', () => {
    const checked = check({ publicSeed: '  4  2\u00a06 1 5 3 ', place: ' Hôtel   de ville ', officials: 'Mme A ;\n  M. B\n\n;C', laterDrawReason: '  Coupure  de courant ' });
    expect(checked).toEqual({
      ok: true,
      request: expect.objectContaining({ publicSeed: '4 2 6 1 5 3', place: 'Hôtel de ville', officials: ['Mme A', 'M. B', 'C'], laterDrawReason: 'Coupure de courant', mandateStart: DATE, announcedFingerprint: null }),
    });
  });

  it('reads the announced fingerprint as people type it', () => {
    const fingerprint = prepareDraw(table().sheet, { referenceDate: DATE, excludeInvalid: false }).canonical.fingerprint;
    const grouped = fingerprint.toUpperCase().replace(/(.{8})/g, '$1 ');
    expect(requireDrawRequest(check({ announcedFingerprint: grouped })).announcedFingerprint).toBe(fingerprint);
  });

  it('keys each problem by its field, every field checked at once', () => {
    const checked = check(
      { publicSeed: '\u200b', place: 'Mairie\u001b', officials: 'A'.repeat(20_000) + ';' + 'B'.repeat(20_000), announcedFingerprint: 'abc', mandateStart: '2024-01-01', referenceDate: '2099-01-01' },
      true,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const codes = Object.fromEntries(Object.entries(checked.problems).map(([field, problem]) => [field, problem.code]));
    expect(codes).toEqual({
      seed: 'empty_seed',
      place: 'unkeepable_text',
      // The names fit a cell each, not together in « Données du tirage »: refused now, not when the record is written.
      officials: 'unkeepable_text',
      reason: 'missing_reason',
      fingerprint: 'bad_fingerprint',
      mandateStart: 'bad_mandate_start',
      date: 'bad_reference_date',
    });
    expect(checked.problems.place?.details.field).toBe('place');
    expect(checked.problems.place?.message).toMatch(/^Le lieu ne peut pas être consigné au registre/);
  });

  it('requireDrawRequest throws the first problem, the seed before the others', () => {
    expect(() => requireDrawRequest(check({ publicSeed: '', place: 'x\u0007' }))).toThrow(expect.objectContaining({ code: 'empty_seed' }));
    expect(() => requireDrawRequest(check({ place: 'x\u0007' }))).toThrow(expect.objectContaining({ code: 'unkeepable_text' }));
  });

  it('asks a reason only of a later draw', () => {
    expect(check({}, false).ok).toBe(true);
    expect(check({ laterDrawReason: 'Erreur de graine' }, true).ok).toBe(true);
  });
});

describe('drawRequested and planDraw', () => {
  it('refuses a table that no longer gives the announced fingerprint, with one code and both fingerprints', () => {
    const other = '0'.repeat(64);
    let error: unknown;
    try {
      drawRequested(table(), requireDrawRequest(check({ announcedFingerprint: other })));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const refusal = error as InputError;
    expect(refusal.code).toBe('fingerprint_mismatch');
    expect(refusal.details.fingerprints).toEqual({ announced: other, actual: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(refusal.message).toContain(`empreinte annoncée ${other}, empreinte actuelle ${refusal.details.fingerprints?.actual}`);
  });

  it('plans the record with sheet names and table names the workbook does not use yet', () => {
    const request = requireDrawRequest(check({ place: 'Hôtel de ville' }));
    const planned = planDraw(table(), request, { sourceFile: 'c.xlsx', sheetNames: ['Candidatures', 'tirage'], namesInUse: ['TIRAGE_2', 'Donnees_2'] });
    expect(planned.plans.map((p) => p.name)).toEqual(['Tirage (2)', 'Synthèse (2)', 'Procès-verbal (2)', 'Données du tirage (2)', 'Publication (2)']);
    const tables = planned.plans.flatMap((p) => p.lists.filter((l) => l.kind === 'table').map((l) => (l.kind === 'table' ? l.name : '')));
    expect(tables).toEqual(['Tirage_2_2', 'Donnees_2_2']);
    expect(planned.model.sheets.map((s) => s.name)).toEqual(planned.plans.map((p) => p.name));
    expect(planned.result.publicSeed).toBe('4 2 6 1 5 3');
  });
});
