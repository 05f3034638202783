/**
 * Golden vectors: fixed tables and seeds, with the exact draw frozen in test/golden/*.json — for
 * tirage-cln/1, and for tirage-cln/2 with a fixed sealing key (scelle-*.json). A change of
 * behaviour cannot pass unnoticed. A missing vector file is written (never under CI); to freeze
 * again after an intended change, never of a published version: UPDATE_GOLDEN=1 npx jest test/golden.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_SHEET_NAME, drawFromTable, drawResultToJson, plainSheet, type Sheet } from '../../src/core';
import { GOLDEN_CASES, SEALED_GOLDEN_CASES, type GoldenCase } from './cases';

export function goldenTable(c: GoldenCase): Sheet {
  return plainSheet(CSV_SHEET_NAME, `${c.name}.csv`, c.sheet);
}

export function goldenFile(c: GoldenCase): string {
  return join(__dirname, `${c.name}.json`);
}

describe.each([...GOLDEN_CASES, ...SEALED_GOLDEN_CASES])('golden vector $name', (c) => {
  const actual = drawResultToJson(drawFromTable(goldenTable(c), c));
  const file = goldenFile(c);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true') throw new Error(`golden vector ${file} missing under CI`);
    writeFileSync(file, JSON.stringify({ ...c, expected: actual }, null, 1) + '\n');
  }
  const frozen = JSON.parse(readFileSync(file, 'utf8'));

  it('has the same input as when it was frozen', () => {
    expect(frozen.sheet).toEqual(JSON.parse(JSON.stringify(c.sheet)));
    expect([frozen.referenceDate, frozen.publicSeed, frozen.excludeInvalid, frozen.sealingKey]).toEqual([c.referenceDate, c.publicSeed, c.excludeInvalid, c.sealingKey]);
  });
  it('gives the frozen fingerprint, seed key and allocation', () => {
    expect([actual.fingerprint, actual.seedKey, actual.allocation, actual.optimalAllocations]).toEqual([
      frozen.expected.fingerprint,
      frozen.expected.seedKey,
      frozen.expected.allocation,
      frozen.expected.optimalAllocations,
    ]);
  });
  it('gives every candidate the frozen draw number, status, reserve rank and probability', () => {
    expect(actual).toEqual(frozen.expected);
  });
});
