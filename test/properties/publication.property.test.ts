/**
 * The Publication sheet is posted at the town hall: for random tables, it shows no birth date, no
 * age, no row or draw number, no priority flag and no excluded person's name. Two checks: the
 * sheet does not change when those fields are scrambled in the draw it is built from (so it cannot
 * depend on them), and none of the candidates' birth dates nor excluded people's names appears in
 * any of its cells.
 */
import fc from 'fast-check';
import { drawFromTable, InputError, newRecordMeta, ROUBAIX_CLN_2025, type CandidateOutcome, type DrawResult } from '../../src/core';
import { displayName } from '../../src/core/record/labels';
import { buildPublicationSheet } from '../../src/core/record/publicationSheet';
import { renderTable, scenarioArb } from './tables';

const RUNS_FACTOR = Number(process.env['PROPERTY_RUNS_FACTOR'] ?? '1') || 1;

const meta = newRecordMeta({
  place: 'Salle du conseil',
  officials: ['Mme A', 'M. B'],
  candidatureSheet: 'Candidatures',
  sourceFile: 'candidatures.csv',
  inputSheets: ['Candidatures'],
  mandateStart: '2026-01-05',
});

/** The same draw with every personal field the sheet must not show replaced by something else. */
function scrambled(result: DrawResult): DrawResult {
  const outcomes = result.outcomes.map((o, i): CandidateOutcome => {
    const excluded = o.status === 'ineligible';
    return {
      ...o,
      priority: !o.priority,
      drawNumber: o.drawNumber === null ? null : o.drawNumber + 1000,
      probability: { num: 1n, den: 7n },
      candidature: {
        ...o.candidature,
        row: o.candidature.row + 5000 + i,
        id: `X${i}`,
        birthDate: '1901-02-03',
        age: 77,
        lastName: excluded ? `Écarté${i}` : o.candidature.lastName,
        firstName: excluded ? 'Anonyme' : o.candidature.firstName,
      },
    };
  });
  return { ...result, outcomes };
}

const texts = (result: DrawResult) => buildPublicationSheet(result, meta).cells.map((c) => (c.value === null ? '' : String(c.value)));

function french(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`];
}

describe('the Publication sheet holds nothing personal beyond the names of members and reserves', () => {
  it('for random tables', () => {
    fc.assert(
      fc.property(scenarioArb({ rules: ROUBAIX_CLN_2025, maxCandidates: 60, withInvalid: true }), (s) => {
        const { table } = renderTable(s, { withInvalid: true, shuffle: s.shuffle, shuffleSeed: s.shuffleSeed });
        let result: DrawResult;
        try {
          result = drawFromTable(table, { referenceDate: s.referenceDate, publicSeed: s.seed, excludeInvalid: true });
        } catch (error) {
          if (error instanceof InputError && (error.code === 'no_eligible' || error.code === 'no_candidatures')) return;
          throw error;
        }
        const cells = texts(result);
        expect(texts(scrambled(result))).toEqual(cells);

        const all = cells.join('\n');
        for (const o of result.outcomes) {
          for (const date of o.candidature.birthDate === null ? [] : french(o.candidature.birthDate)) expect(all).not.toContain(date);
        }
        const shown = new Set(result.outcomes.filter((o) => o.status !== 'ineligible').map((o) => displayName(o.candidature.lastName, o.candidature.firstName)));
        for (const o of result.outcomes.filter((x) => x.status === 'ineligible')) {
          const name = displayName(o.candidature.lastName, o.candidature.firstName);
          // A duplicate row bears the name of the candidate it repeats, who may rightly be listed.
          if (name !== '' && !shown.has(name)) expect(cells).not.toContainEqual(expect.stringContaining(name));
        }
      }),
      { numRuns: Math.ceil(150 * RUNS_FACTOR) },
    );
  });
});
