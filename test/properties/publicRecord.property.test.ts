/**
 * The public record (`tirage-cln/2`, issue 16 §2) holds no birth date, age, row number,
 * candidature number, receipt, or name of anyone but members and reserves. For random tables,
 * sealed with a random key:
 * - it does not change when those fields are scrambled in the draw it is built from (the seals
 *   kept): it cannot depend on them;
 * - written as a workbook by the project's writer and read back with src/xlsx, none of its texts
 *   holds a receipt (as sent, in groups, or bare), a birth date (ISO or French), a row reference, or
 *   the name of a person set aside;
 * - read back, it verifies alone, and each candidate's receipt finds their own line and status.
 */
import fc from 'fast-check';
import {
  allPublicDifferences,
  buildPublicRecord,
  drawFromTable,
  formatReceipt,
  InputError,
  lineOfReceipt,
  ROUBAIX_CLN_2025,
  sealedLines,
  verifyPublicWorkbook,
  type CandidateOutcome,
  type DrawResult,
  type RecordModel,
} from '../../src/core';
import { displayName } from '../../src/core/record/labels';
import { planRecord } from '../../src/core/record/plan';
import { newWorkbookBytes } from '../../src/xlsx/newWorkbook';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';
import { renderTable, scenarioArb } from './tables';

const RUNS_FACTOR = Number(process.env['PROPERTY_RUNS_FACTOR'] ?? '1') || 1;

/** The same draw with every personal field the public record must not show replaced by something else. */
function scrambled(result: DrawResult): DrawResult {
  const outcomes = result.outcomes.map((o, i): CandidateOutcome => {
    const excluded = o.status === 'ineligible';
    return {
      ...o,
      probability: { num: 1n, den: 7n },
      candidature: {
        ...o.candidature,
        row: o.candidature.row + 5000 + i,
        id: `X${i}`,
        birthDate: '1901-02-03',
        age: 77,
        lastName: excluded ? `Écarté${i}` : o.candidature.lastName,
        firstName: excluded ? 'Anonyme' : o.candidature.firstName,
        problems: o.candidature.problems.map((p) => ({ ...p, row: p.row + 5000, cell: 'ZZ1', value: 'brouillé' })),
      },
    };
  });
  return { ...result, outcomes };
}

function cellsOf(model: RecordModel): string[] {
  return model.sheets.flatMap((sheet) => sheet.cells.map((c) => `${sheet.name}!${c.row},${c.column}=${String(c.value)}`));
}

function spellings(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`];
}

const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));

describe('the public record holds nothing personal beyond the names of members and reserves', () => {
  it('for random tables sealed with random keys, written and read back', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb({ rules: ROUBAIX_CLN_2025, maxCandidates: 40, withInvalid: true }), keyArb, async (s, sealingKey) => {
        const { table } = renderTable(s, { withInvalid: true, shuffle: s.shuffle, shuffleSeed: s.shuffleSeed });
        let result: DrawResult;
        try {
          result = drawFromTable(table, { referenceDate: s.referenceDate, publicSeed: s.seed, excludeInvalid: true, sealingKey });
        } catch (error) {
          if (error instanceof InputError && (error.code === 'no_eligible' || error.code === 'no_candidatures')) return;
          throw error;
        }
        const meta = { place: 'Salle du conseil', mandateStart: s.referenceDate };
        const model = buildPublicRecord(result, meta);
        expect(cellsOf(buildPublicRecord(scrambled(result), meta))).toEqual(cellsOf(model));

        const sheets = readWorkbookSheetsFromBytes(await newWorkbookBytes(planRecord(model)), 'public.xlsx');
        expect(sheets.map((sheet) => sheet.name)).toEqual(['Registre public', 'Publication']);
        const texts = sheets.flatMap((sheet) => sheet.rows.flatMap((row) => row.map((v) => (v === null ? '' : String(v)))));
        const all = texts.join('\n');
        const lines = sealedLines(result.prepared);
        for (const { receipt } of lines) {
          expect(all).not.toContain(receipt);
          expect(all).not.toContain(formatReceipt(receipt));
        }
        for (const o of result.outcomes) {
          const birth = o.candidature.birthDate;
          // The draw's own date is printed: a birth on that day (set aside, under age) cannot be told from it.
          if (birth !== null && birth !== s.referenceDate) for (const date of spellings(birth)) expect(all).not.toContain(date);
        }
        // Rows are numbered from 1 (« ligne 0 de l’empreinte » is the rules line's name).
        expect(all).not.toMatch(/ligne [1-9]/i);
        const listed = new Set(result.outcomes.filter((o) => o.status !== 'ineligible').map((o) => displayName(o.candidature.lastName, o.candidature.firstName)));
        for (const o of result.outcomes.filter((x) => x.status === 'ineligible')) {
          const name = displayName(o.candidature.lastName, o.candidature.firstName);
          // A duplicate row bears the name of the candidate it repeats, who is rightly listed.
          if (name !== '' && !listed.has(name)) expect(texts).not.toContainEqual(expect.stringContaining(name));
        }

        const check = verifyPublicWorkbook(sheets, { expectedFingerprint: result.prepared.canonical.fingerprint });
        expect(allPublicDifferences(check)).toEqual([]);
        const recomputed = check.record.recomputed;
        if (recomputed === null) throw new Error('not recomputed');
        for (const line of lines) {
          const outcome = result.outcomes.find((o) => o.candidature === line.candidate);
          expect(lineOfReceipt(recomputed, line.receipt)?.drawn).toMatchObject({ drawNumber: outcome?.drawNumber, status: outcome?.status, reserveRank: outcome?.reserveRank });
        }
      }),
      { numRuns: Math.ceil(60 * RUNS_FACTOR) },
    );
  });
});
