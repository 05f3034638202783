/**
 * The adapter's side of the sealed draw (issue 16 §1–§2): the sealing key kept in the workbook as a
 * custom XML part across a reload of the pane, a `/2` draw written and verified through the adapter,
 * and a workbook's bytes opened as a new workbook (the public record), on the simulated Excel.
 */
import { allDifferences, InputError, prepareDraw, SEALED_ALGORITHM } from '../../src/core';
import { ExcelAdapterError } from '../../src/excel/problems';
import { SEALING_KEY_NAMESPACE } from '../../src/excel/sealingKeyStore';
import type { TableRef } from '../../src/excel/tableReader';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { rejectionOf } from '../support/errors';
import { drawOrderFor, excelOf, HEADER, juneRows } from '../support/simulated';

const KEY = '0123456789abcdef'.repeat(4);
const OTHER = 'fedcba9876543210'.repeat(4);
const SOURCE: TableRef = { kind: 'sheet', sheet: 'Candidatures' };
const candidatures = () => excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }]);

describe('the sealing key kept in the workbook', () => {
  it('is found again by a new pane on the same workbook, in no sheet: the sheets and what the pane lists are unchanged', async () => {
    const excel = candidatures();
    const first = new ExcelWorkbookAdapter(excel.run);
    const listed = await first.listTables();
    await first.keepSealingKey(KEY);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Candidatures']);
    expect(excel.workbook.customXmlParts).toEqual([{ id: expect.any(String), namespaceUri: SEALING_KEY_NAMESPACE, xml: expect.stringContaining(KEY) }]);
    const reloaded = new ExcelWorkbookAdapter(excel.run);
    expect(await reloaded.readSealingKey()).toBe(KEY);
    expect(await reloaded.listTables()).toEqual(listed);
  });

  it('is replaced by a new key, never kept twice, and forgotten on demand', async () => {
    const excel = candidatures();
    const adapter = new ExcelWorkbookAdapter(excel.run);
    expect(await adapter.readSealingKey()).toBeNull();
    await adapter.keepSealingKey(KEY);
    await adapter.keepSealingKey(OTHER);
    expect(excel.workbook.customXmlParts).toHaveLength(1);
    expect(await adapter.readSealingKey()).toBe(OTHER);
    await adapter.forgetSealingKey();
    expect(await adapter.readSealingKey()).toBeNull();
    expect(excel.workbook.customXmlParts).toEqual([]);
  });

  it('refuses a key that is not one before writing anything, and says when the kept one cannot be read', async () => {
    const excel = candidatures();
    const adapter = new ExcelWorkbookAdapter(excel.run);
    expect((await rejectionOf(adapter.keepSealingKey(KEY.toUpperCase()))).code).toBe('bad_seal_key');
    expect(excel.workbook.customXmlParts).toEqual([]);
    // Two parts with different keys (a co-author's pane): which one was announced cannot be known.
    excel.workbook.customXmlParts.push(
      { id: 'a', namespaceUri: SEALING_KEY_NAMESPACE, xml: `<sealingKey xmlns="${SEALING_KEY_NAMESPACE}">${KEY}</sealingKey>` },
      { id: 'b', namespaceUri: SEALING_KEY_NAMESPACE, xml: `<sealingKey xmlns="${SEALING_KEY_NAMESPACE}">${OTHER}</sealingKey>` },
    );
    const error = await rejectionOf(adapter.readSealingKey());
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^La clé de scellement gardée dans ce classeur est illisible, ou il y en a plusieurs/);
  });

  it('cannot be kept in a read-only workbook, and says so in French', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [HEADER, ...juneRows()] }], { readOnly: true });
    const error = await new ExcelWorkbookAdapter(excel.run).keepSealingKey(KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
  });
});

describe('a sealed draw through the adapter', () => {
  it('draws tirage-cln/2 with the kept key, writes the record and verifies it', async () => {
    const excel = candidatures();
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await adapter.keepSealingKey(KEY);
    const read = await adapter.readTable(SOURCE);
    const sealingKey = (await new ExcelWorkbookAdapter(excel.run).readSealingKey()) as string;
    const shown = prepareDraw(read.sheet, { referenceDate: '2025-06-13', excludeInvalid: false, bounds: read.bounds, sealingKey }).canonical.fingerprint;
    const order = drawOrderFor(SOURCE, shown, { referenceDate: '2025-06-13', sealingKey });
    const outcome = await adapter.writeRecord(order);
    expect(outcome.result.prepared.algorithm).toBe(SEALED_ALGORITHM);
    expect(allDifferences(outcome.check)).toEqual([]);
    expect(outcome.check.records[0].fingerprint).toBe(shown);
  });
});

describe('a workbook opened as a new workbook', () => {
  it('reaches Excel.createWorkbook as the same bytes, in Base64, however large', async () => {
    const excel = candidatures();
    const adapter = new ExcelWorkbookAdapter(excel.run, { createWorkbook: excel.createWorkbook });
    const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256);
    await adapter.openAsNewWorkbook(bytes);
    expect(excel.openedWorkbooks).toEqual([bytes]);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Candidatures']);
  });
});
