import { drawFromTable, drawResultToJson, prepareDraw } from '../../src/core';
import { JUNE_2025, rowsOf, tableOf } from '../support/tables';
import { errorOf } from '../support/errors';

const options = { referenceDate: '2025-06-13', publicSeed: 'graine', excludeInvalid: false };

describe('drawing from a table', () => {
  it('stops on any ineligible row, listing every problem, unless told to exclude them', () => {
    const table = tableOf([...rowsOf(JUNE_2025), ['17', 'X', 'Y', 'F', '1990-01-01', 'Hem'], ['18', '', 'Z', '?', '1990-01-01', 'Est']]);
    const error = errorOf(() => drawFromTable(table, options));
    expect(error.code).toBe('ineligible_rows');
    expect(error.lines).toEqual([
      'Ligne 18 : secteur inconnu « Hem » (cellule F18). Secteurs possibles : Centre, Est, Ouest, Nord, Sud.',
      'Ligne 19 : nom ou prénom manquant (cellule B19). Complétez la candidature ou retirez la ligne.',
      'Ligne 19 : sexe non reconnu « ? » (cellule D19). Indiquez F (femme) ou H (homme).',
    ]);
    expect(error.message).toContain('2 lignes ne peuvent pas participer');
    // Core speaks to every front end: no command-line option in its words (issue 7 §1).
    expect(error.message).not.toMatch(/--|relancez/);

    const json = drawResultToJson(drawFromTable(table, { ...options, excludeInvalid: true }));
    expect(json.candidates.slice(-2).map((c) => [c.row, c.status, c.reason, c.drawNumber, c.probability])).toEqual([
      [18, 'ineligible', 'unknown_sector', null, 0],
      [19, 'ineligible', 'missing_name', null, 0],
    ]);
    expect(json.summary).toEqual({ F: 6, H: 7 });
  });

  it.each([
    ['', 'empty_seed'],
    ['   ', 'empty_seed'],
  ])('refuses the public seed %j', (publicSeed, code) => {
    expect(errorOf(() => drawFromTable(tableOf(rowsOf(JUNE_2025)), { ...options, publicSeed })).code).toBe(code);
  });

  it.each(['13/06/2025', '2025-13-01', 'demain', ''])('refuses the reference date %j', (referenceDate) => {
    const error = errorOf(() => prepareDraw(tableOf(rowsOf(JUNE_2025)), { referenceDate, excludeInvalid: false }));
    expect(error.code).toBe('bad_reference_date');
    expect(error.message).toContain('AAAA-MM-JJ');
  });

  it('refuses a table without candidatures, or without any eligible one', () => {
    expect(errorOf(() => drawFromTable(tableOf([]), options)).code).toBe('no_candidatures');
    const onlyBad = tableOf([['1', 'A', 'B', 'F', '1990-01-01', 'Hem']]);
    expect(errorOf(() => drawFromTable(onlyBad, { ...options, excludeInvalid: true })).code).toBe('no_eligible');
  });

  it('prints the JSON shape of the specification, one candidate per non-blank row in row order', () => {
    const table = tableOf([...rowsOf(JUNE_2025.slice(0, 3)), [], ['9', 'Roy', 'Ana', 'F', '1990-01-01', 'Nord']]);
    const json = drawResultToJson(drawFromTable(table, options));
    expect(Object.keys(json)).toEqual([
      'algorithm',
      'referenceDate',
      'publicSeed',
      'fingerprint',
      'seedKey',
      'seats',
      'optimalAllocations',
      'allocation',
      'summary',
      'candidates',
    ]);
    expect(json.candidates.map((c) => c.row)).toEqual([2, 3, 4, 6]);
    expect(Object.keys(json.candidates[0])).toEqual([
      'row',
      'id',
      'lastName',
      'firstName',
      'sex',
      'sector',
      'birthDate',
      'age',
      'priority',
      'drawNumber',
      'status',
      'reserveRank',
      'probability',
      'reason',
    ]);
    expect(Object.keys(json.allocation)).toEqual(['Centre', 'Est', 'Ouest', 'Nord', 'Sud']);
    expect(json.allocation.Ouest).toEqual({ F: 0, H: 0 });
    expect(json.algorithm).toBe('tirage-cln/1');
    expect(json.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
