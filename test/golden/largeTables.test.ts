/**
 * The full JSON of `draw --json` and `probabilities --json` on large deterministic tables, pinned
 * by its SHA-256. The hashes were taken on the engine before any speed work (commit d45285d): a
 * faster engine or JSON builder must give the same bytes. Ineligible rows are excluded and kept,
 * so every path of row reading contributes to the output.
 */
import { createHash } from 'node:crypto';
import { drawJsonPieces, drawLots, drawResultToJson, prepareDraw, type PreparedDraw } from '../../src/core';
import { probabilitiesJson, probabilitiesJsonPieces } from '../../src/cli/probabilitiesJson';
import { decodeCsvBytes, parseCsvText } from '../../src/file/csv';
import { variedCsv } from '../support/largeTables';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function prepare(csv: string): PreparedDraw {
  const table = parseCsvText(decodeCsvBytes(new TextEncoder().encode(csv)), 'grand-tableau.csv');
  return prepareDraw(table, { referenceDate: '2026-06-13', excludeInvalid: true });
}

describe.each([
  {
    name: '20,000 rows with birth dates',
    csv: () => variedCsv(20_000, 6),
    fingerprint: 'd55e75b625c0fcf38fd931e7e883d2e1cb237d080bc0a8512e60bf23b56c19fc',
    draw: '2b40bf29339c81cc5a31c5bb1b5d1f4269c91df35e11159c993dc491cc94f371',
    probabilities: 'b546f2f6780add0a6527fa8fbd076dea92705c7a6027c218b46e7d2e3bc57309',
  },
  {
    name: '20,000 rows with ages only',
    csv: () => variedCsv(20_000, 7, { agesOnly: true }),
    fingerprint: '31c0583f389b2a7a2588317ec7fd606bab3a501e87e197605adcaace43c754f7',
    draw: '1994489036773a6683bd44e6bc54b710b3151e84f0e30f13b44eb12914a578b0',
    probabilities: '2d4904e71e9ac6eee2bf51d2dda9106c94cefd50d7372db3d861820b8a7f74a5',
  },
])('pinned output on $name', (c) => {
  const prepared = prepare(c.csv());

  it('reads every row, eligible or not, and excludes some of each kind', () => {
    const reasons = new Set(prepared.candidatures.map((x) => x.problems[0]?.code ?? 'eligible'));
    expect([...reasons].sort()).toEqual(['duplicate', 'eligible', 'invalid_birth_date', 'invalid_sex', 'missing_name', 'under_age', 'unknown_sector']);
  });
  it('gives the pinned fingerprint', () => {
    expect(prepared.canonical.fingerprint).toBe(c.fingerprint);
  });
  it('gives the pinned draw --json, byte for byte, as one object and as the pieces the CLI prints', () => {
    const result = drawLots(prepared, '4 2 6 1 5 3');
    expect(sha256(JSON.stringify(drawResultToJson(result)))).toBe(c.draw);
    expect(sha256([...drawJsonPieces(result)].join(''))).toBe(c.draw);
  });
  it('gives the pinned probabilities --json, byte for byte, as one object and as the pieces the CLI prints', () => {
    expect(sha256(JSON.stringify(probabilitiesJson(prepared)))).toBe(c.probabilities);
    expect(sha256([...probabilitiesJsonPieces(prepared)].join(''))).toBe(c.probabilities);
  });
});
