/** Writing, reading back and verifying the record through the adapter, on the simulated Excel. */
import { prepareDraw } from '../../src/core';
import { differenceLines } from '../support/records';
import { ExcelAdapterError } from '../../src/excel/problems';
import { INCOMPLETE_MARK, type DrawRequest } from '../../src/excel/recordWriter';
import { PAYLOAD_LIMIT_BYTES, type SimulatedExcel } from '../../src/excel/simulated/excel';
import { cellAt, type SimWorkbook } from '../../src/excel/simulated/state';
import type { TableRef } from '../../src/excel/tableReader';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { excelOf, HEADER, juneRows, snapshot, type SheetSpec } from '../support/simulated';

const DATE = '2025-06-13';
const SOURCE: TableRef = { kind: 'sheet', sheet: 'Candidatures' };

/** The task pane's sequence: read the table, show its fingerprint, then draw with it. */
async function requestFor(adapter: ExcelWorkbookAdapter, source = SOURCE, excludeInvalid = false): Promise<DrawRequest> {
  const read = await adapter.readTable(source);
  const shown = prepareDraw(read.sheet, { referenceDate: DATE, excludeInvalid, bounds: read.bounds }).canonical.fingerprint;
  return { source, shownFingerprint: shown, referenceDate: DATE, excludeInvalid, publicSeed: '4 2 6 1 5 3', place: 'Hôtel de ville', officials: ['Mme A'], sourceFile: 'candidatures.xlsx' };
}

function candidatures(rows: (string | number | null)[][] = juneRows(), extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name: 'Candidatures', rows: [HEADER, ...rows], ...extra };
}

async function failureOf(promise: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelAdapterError) return error;
    throw error;
  }
  throw new Error('expected the write to fail');
}

const names = (excel: SimulatedExcel) => excel.workbook.sheets.map((s) => s.name);

describe('writing the record: sync budget and requests', () => {
  it.each([16, 10_000])('%i candidatures: table read in ≤ 2 syncs, record written and verified in ≤ 8, every request under 5 MB', async (size) => {
    const rows = size === 16 ? juneRows() : Array.from({ length: size }, (_, i) => [String(i + 1), `Nom${i}`, `Prénom${i}`, i % 2 ? 'F' : 'H', `${1 + (i % 28)}/0${1 + (i % 9)}/19${40 + (i % 60)}`, ['Centre', 'Est', 'Ouest', 'Nord', 'Sud'][i % 5]]);
    const excel = excelOf([candidatures(rows)]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    expect(adapter.syncCount).toBe(2);
    const outcome = await adapter.writeRecord(request);
    const writeSyncs = adapter.syncCount - 2;
    expect(writeSyncs).toBeLessThanOrEqual(8);
    expect(differenceLines(outcome.check)).toEqual([]);
    expect(outcome.sheetNames).toEqual(['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication']);
    expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(excel.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});

describe('writing the record: what it writes', () => {
  it('keeps hostile names as text, never formulas', async () => {
    const hostile = ['=HYPERLINK("http://x";"clic")', '+33 6 12', '-2+3', '@SUM(A1)'];
    const rows = juneRows().map((r, i) => (i < hostile.length ? [r[0], hostile[i], ...r.slice(2)] : r));
    const excel = excelOf([candidatures(rows, { format: '@' })]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter));
    expect(differenceLines(outcome.check)).toEqual([]);
    for (const name of outcome.sheetNames) {
      const formulas = [...excel.sheet(name)!.cells.values()].filter((c) => c.formula !== null);
      expect({ name, formulas }).toEqual({ name, formulas: [] });
    }
    const drawn = [...excel.sheet('Tirage')!.cells.values()].map((c) => c.value);
    for (const name of hostile) expect(drawn).toContain(name);
  });

  it('never touches an existing Tirage sheet: a second record gets new names, the first stays as it was', async () => {
    const excel = excelOf([candidatures(), { name: 'tirage', rows: [['mes notes']] }]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const before = snapshot(excel.sheet('tirage'));
    const first = await adapter.writeRecord(await requestFor(adapter));
    expect(first.sheetNames).toEqual(['Tirage (2)', 'Synthèse (2)', 'Procès-verbal (2)', 'Données du tirage (2)', 'Publication (2)']);
    const firstRecord = first.sheetNames.map((n) => snapshot(excel.sheet(n)));
    const second = await adapter.writeRecord(await requestFor(adapter));
    expect(second.sheetNames).toEqual(['Tirage (3)', 'Synthèse (3)', 'Procès-verbal (3)', 'Données du tirage (3)', 'Publication (3)']);
    expect(snapshot(excel.sheet('tirage'))).toEqual(before);
    expect(first.sheetNames.map((n) => snapshot(excel.sheet(n)))).toEqual(firstRecord);
    const check = await adapter.verifyRecord();
    expect(check.records).toHaveLength(2);
    expect(differenceLines(check)).toEqual([]);
  });

  it('writes the record beside a protected candidature sheet, and protects its own sheets', async () => {
    const excel = excelOf([candidatures(juneRows(), { protected: true })]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter));
    expect(differenceLines(outcome.check)).toEqual([]);
    expect(outcome.sheetNames.map((n) => excel.sheet(n)!.protection.protected)).toEqual([true, true, true, true, true]);
  });

  it('reads a table placed below title rows and verifies the record against it', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [['Appel à candidatures'], [], HEADER, ...juneRows()], table: undefined }]);
    excel.workbook.sheets[0].tables.push({ name: 'Inscrits', rect: { row: 2, column: 0, rowCount: 17, columnCount: 6 }, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true });
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter, { kind: 'table', name: 'Inscrits', sheet: 'Candidatures' }));
    expect(differenceLines(outcome.check)).toEqual([]);
    expect(differenceLines(await adapter.verifyRecord())).toEqual([]);
  });
});

describe('writing the record: faults', () => {
  it.each([
    ['read-only', { readOnly: true }, 'lecture seule'],
    ['whose structure is protected', { structureProtected: true }, 'structure du classeur est protégée'],
  ])('refuses a workbook %s, in French, adding nothing', async (_, options, words) => {
    const excel = excelOf([candidatures()], options);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const error = await failureOf(adapter.writeRecord(await requestFor(adapter)));
    expect(error.message).toContain(words);
    expect(names(excel)).toEqual(['Candidatures']);
  });

  it('says in French when Excel refuses the write itself (the workbook turned read-only after the check)', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const writeSync = excel.syncs.length + 3;
    excel.faults = { beforeSync: (sync, workbook) => void (sync === writeSync && (workbook.readOnly = true)) };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem).toEqual({ code: 'access_denied' });
    expect(error.message).toBe(
      'Excel a refusé la modification : le classeur ou une feuille est protégé, ou le classeur n’est plus ouvert qu’en lecture. ' +
        'Vérifiez la protection (onglet Révision) et vos droits sur le fichier, puis recommencez. Aucune feuille n’a été ajoutée au classeur.',
    );
    expect(names(excel)).toEqual(['Candidatures']);
  });

  it('gives up a sync that never answers, then removes the sheets begun', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, { syncTimeoutMs: 200 });
    const request = await requestFor(adapter);
    excel.faults = { hangAtSync: excel.syncs.length + 3 }; // check, table, then the write
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem).toEqual({ code: 'sync_timeout', seconds: 0 });
    expect(error.message).toMatch(/^Excel n’a pas répondu/);
    expect(error.partial?.kind).toBe('none');
    expect(names(excel)).toEqual(['Candidatures']);
  });

  it('removes what was begun when a co-author takes a name meanwhile, and leaves the co-author’s sheet alone', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const writeSync = excel.syncs.length + 3;
    excel.faults = {
      beforeSync: (sync: number, workbook: SimWorkbook) => {
        if (sync !== writeSync) return;
        const theirs = { ...excel.workbook.sheets[0], name: 'Synthèse', cells: new Map([['0:0', { value: 'à moi', formula: null, numberFormat: 'General', style: {} }]]), tables: [] };
        workbook.sheets.push(theirs);
      },
    };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem.code).toBe('name_clash');
    expect(error.partial).toEqual({ kind: 'removed', sheets: ['Tirage'] });
    expect(names(excel)).toEqual(['Candidatures', 'Synthèse']);
    expect(excel.sheet('Synthèse')!.cells.get('0:0')!.value).toBe('à moi');
  });

  it('leaves the sheets begun marked INACHEVÉ when the connection is lost before they can be removed', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const writeSync = excel.syncs.length + 3;
    excel.faults = {
      failFromSync: { sync: writeSync + 1, code: 'ConnectionFailure' },
      beforeSync: (sync, workbook) => {
        if (sync === writeSync) workbook.sheets.push({ ...workbook.sheets[0], name: 'Procès-verbal', cells: new Map(), tables: [] });
      },
    };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.partial?.kind).toBe('marked');
    expect(error.message).toContain('INACHEVÉ');
    expect(names(excel)).toEqual(['Candidatures', 'Procès-verbal', 'Tirage', 'Synthèse']);
    expect(['Tirage', 'Synthèse'].map((n) => excel.sheet(n)!.cells.get('0:0')!.value)).toEqual([INCOMPLETE_MARK, INCOMPLETE_MARK]);
  });

  it('refuses to draw from a table a co-author changed after its fingerprint was shown, giving the new one', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    cellAt(excel.workbook.sheets[0], 3, 1).value = 'Autrenom';
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem.code).toBe('table_changed');
    expect(error.message).toContain(request.shownFingerprint);
    expect(error.message).toMatch(/empreinte actuelle [0-9a-f]{64}/);
    expect(names(excel)).toEqual(['Candidatures']);
  });

  it('shows at once a cell changed between the write and the read-back', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const readBack = excel.syncs.length + 4; // check, table, write, then the read-back
    excel.faults = { beforeSync: (sync, workbook) => void (sync === readBack && (cellAt(workbook.sheets.find((s) => s.name === 'Tirage')!, 5, 4).value = 'Quelqu’un') ) };
    const outcome = await adapter.writeRecord(request);
    expect(differenceLines(outcome.check)).toEqual([expect.stringMatching(/^Tirage, cellule E6 : attendu « .+ », trouvé « Quelqu’un »\.$/)]);
  });
});

describe('revealing the record step by step', () => {
  it('writes one sync per step and ends in the state of the full write', async () => {
    const full = excelOf([candidatures()]);
    const fullAdapter = new ExcelWorkbookAdapter(full.run);
    await fullAdapter.writeRecord(await requestFor(fullAdapter));

    const paced = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(paced.run);
    const reveal = await adapter.startReveal(await requestFor(adapter));
    // Structure, then the draw sheet's lines sector by sector (5 sectors), then titles and protection.
    expect(reveal.stepCount).toBe(7);
    const syncsPerStep: number[] = [];
    let more = true;
    while (more) {
      const before = adapter.syncCount;
      more = await reveal.revealStep();
      syncsPerStep.push(adapter.syncCount - before);
    }
    expect(syncsPerStep).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const outcome = await reveal.finish();
    expect(differenceLines(outcome.check)).toEqual([]);
    for (const name of outcome.sheetNames) expect(snapshot(paced.sheet(name))).toEqual(snapshot(full.sheet(name)));
  });
});

describe('revealing the record: a fault between steps', () => {
  it('removes the sheets already shown when a step never answers', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, { syncTimeoutMs: 200 });
    const reveal = await adapter.startReveal(await requestFor(adapter));
    expect(await reveal.revealStep()).toBe(true);
    expect(names(excel)).toEqual(['Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication']);
    excel.faults = { hangAtSync: excel.syncs.length + 1 };
    const error = await failureOf(reveal.revealStep());
    expect(error.problem.code).toBe('sync_timeout');
    expect(error.partial).toEqual({ kind: 'removed', sheets: ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication'] });
    expect(names(excel)).toEqual(['Candidatures']);
  });
});

describe('the Vérifier action and selection', () => {
  it('verifies any workbook holding a record, and selects a cell', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await adapter.writeRecord(await requestFor(adapter));
    const grids = await adapter.readRecordSheets();
    expect(grids.map((g) => g.name)).toEqual(names(excel));
    expect(differenceLines(await adapter.verifyRecord())).toEqual([]);
    await adapter.selectCell('Tirage', 'E6');
    expect(excel.workbook.selection).toEqual({ sheet: 'Tirage', address: 'E6' });
  });
});
