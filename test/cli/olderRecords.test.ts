/**
 * Records written before a change of layout stay verifiable: `verify` rebuilds every sheet and
 * compares values, so a layout change that moved or reworded a cell would turn every archived
 * record into a « difference ». These records were written by an earlier `main` (see the
 * fixtures' README) and are checked as they are.
 */
import { join } from 'node:path';
import { cliAt } from '../support/cli';

const FIXTURES = join(__dirname, '..', 'fixtures', 'records-v1');
const cli = cliAt('2026-01-15');

describe('records written by an earlier version', () => {
  it.each(['exemple.xlsx', 'exemple-remplacement.xlsx', 'formulaire-41.xlsx'])('%s still verifies', async (file) => {
    const { code, stdout } = await cli('verify', join(FIXTURES, file));
    expect(stdout).toContain('Registre conforme');
    expect(code).toBe(0);
  });
});
