/**
 * Records written before a change of layout stay verifiable: `verify` rebuilds every sheet and
 * compares values, so a layout change that moved or reworded a cell would turn every archived
 * record into a « difference ». These records were written by an earlier `main` (see the
 * fixtures' READMEs) and are checked as they are: records-v1 before the print layout of issue 13
 * §3, records-v2 before « Données du tirage » kept the facts of a row's cause (issue 14), with a
 * row set aside for every cause.
 */
import { join } from 'node:path';
import { cliAt } from '../support/cli';

const FIXTURES = join(__dirname, '..', 'fixtures');
const cli = cliAt('2026-01-15');

describe('records written by an earlier version', () => {
  it.each([
    'records-v1/exemple.xlsx',
    'records-v1/exemple-remplacement.xlsx',
    'records-v1/formulaire-41.xlsx',
    'records-v2/causes-dates-registre.xlsx',
    'records-v2/causes-ages-registre.xlsx',
    'records-v2/causes-fusions-formules-registre.xlsx',
  ])('%s still verifies', async (file) => {
    const { code, stdout } = await cli('verify', join(FIXTURES, file));
    expect(stdout).toContain('Registre conforme');
    expect(code).toBe(0);
  });
});
