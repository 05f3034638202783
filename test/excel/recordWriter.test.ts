/** Writing, reading back and verifying the record through the adapter, on the simulated Excel. */
import { allDifferences, InputError, MAX_CELL_LENGTH, prepareDraw, verifyWorkbook } from '../../src/core';
import { describeExcelWait } from '../../src/excel/problems';
import { ExcelAdapterError } from '../../src/excel/problems';
import { type DrawOrder } from '../../src/excel/recordWriter';
import { UNFINISHED_MARK, WRITING_MARK } from '../../src/core/record/marks';
import { PAYLOAD_LIMIT_BYTES, type SimulatedExcel } from '../../src/excel/simulated/excel';
import { cellAt, type SimWorkbook } from '../../src/excel/simulated/state';
import type { TableRef } from '../../src/excel/tableReader';
import { ExcelWorkbookAdapter } from '../../src/excel/workbookAdapter';
import { drawOrderFor, excelOf, HEADER, juneRows, snapshot, type SheetSpec } from '../support/simulated';

const DATE = '2025-06-13';
const SOURCE: TableRef = { kind: 'sheet', sheet: 'Candidatures' };

/** The task pane's sequence: read the table, show its fingerprint, then draw with it. */
async function requestFor(adapter: ExcelWorkbookAdapter, source = SOURCE, excludeInvalid = false): Promise<DrawOrder> {
  const read = await adapter.readTable(source);
  const shown = prepareDraw(read.sheet, { referenceDate: DATE, excludeInvalid, bounds: read.bounds }).canonical.fingerprint;
  return drawOrderFor(source, shown, { referenceDate: DATE, excludeInvalid, place: 'Hôtel de ville', officials: 'Mme A' });
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
    expect(allDifferences(outcome.check)).toEqual([]);
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
    expect(allDifferences(outcome.check)).toEqual([]);
    for (const name of outcome.sheetNames) {
      const formulas = [...excel.sheet(name)!.cells.values()].filter((c) => c.formula !== null);
      expect({ name, formulas }).toEqual({ name, formulas: [] });
    }
    const drawn = [...excel.sheet('Tirage')!.cells.values()].map((c) => c.value);
    for (const name of hostile) expect(drawn).toContain(name);
  });

  it('writes the longest name the table read lets through: every cell the record makes of it fits Excel’s 32,767 characters (issue 15 §4)', async () => {
    // core/recordCapacity.ts keeps 64 characters beside a name for its number or rank.
    const longest = 'x'.repeat(MAX_CELL_LENGTH - 64 - ' Léa'.length);
    const rows = juneRows().map((r, i) => (i === 0 ? [r[0], longest, 'Léa', ...r.slice(3)] : r));
    const excel = excelOf([candidatures(rows)]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter));
    expect(allDifferences(outcome.check)).toEqual([]);
    const lengths = outcome.sheetNames.flatMap((name) => [...excel.sheet(name)!.cells.values()].map((c) => String(c.value ?? '').length));
    expect(Math.max(...lengths)).toBeGreaterThan(MAX_CELL_LENGTH - 64);
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
    expect(allDifferences(check)).toEqual([]);
  });

  it('writes the record beside a protected candidature sheet, and protects its own sheets', async () => {
    const excel = excelOf([candidatures(juneRows(), { protected: true })]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter));
    expect(allDifferences(outcome.check)).toEqual([]);
    expect(outcome.sheetNames.map((n) => excel.sheet(n)!.protection.protected)).toEqual([true, true, true, true, true]);
  });

  it('reads a table placed below title rows and verifies the record against it', async () => {
    const excel = excelOf([{ name: 'Candidatures', rows: [['Appel à candidatures'], [], HEADER, ...juneRows()], table: undefined }]);
    excel.workbook.sheets[0].tables.push({ name: 'Inscrits', rect: { row: 2, column: 0, rowCount: 17, columnCount: 6 }, style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true });
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter, { kind: 'table', name: 'Inscrits', sheet: 'Candidatures' }));
    expect(allDifferences(outcome.check)).toEqual([]);
    expect(allDifferences(await adapter.verifyRecord())).toEqual([]);
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

  it('stops at a sync that never answers, asks Excel nothing more (office-js #6678), and says to reopen and verify', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, { syncTimeoutMs: 200 });
    const request = await requestFor(adapter);
    excel.faults = { hangFromSync: excel.syncs.length + 3 }; // check, table, then the write
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem).toEqual({ code: 'sync_timeout', seconds: 0.2 });
    expect(error.message).toMatch(/^Excel n’a pas répondu/);
    expect(error.message).toContain('fermez-le, rouvrez-le, puis vérifiez-le');
    expect(error.partial).toEqual({ kind: 'unfinished', sheets: ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication'] });
    // No clean-up was tried (it would hang too), and nothing later is asked of Excel.
    const sent = excel.syncs.length;
    const later = await failureOf(adapter.appendJournal({ time: 't', fingerprint: 'f', publicSeed: 's', outcome: 'failed', dataSheet: '', reason: '', detail: '' }));
    expect(later.problem).toEqual({ code: 'excel_unresponsive' });
    expect(excel.syncs.length).toBe(sent);
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

  it('marks INACHEVÉ the sheets begun that cannot be removed, when Excel still answers', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const writeSync = excel.syncs.length + 3;
    excel.faults = {
      beforeSync: (sync, workbook) => {
        // A co-author takes « Publication » while the sheets are added, and protects the workbook's structure.
        if (sync === writeSync) workbook.sheets.push({ ...workbook.sheets[0], name: 'Publication', cells: new Map(), tables: [] });
        if (sync === writeSync + 1) workbook.structureProtected = true;
      },
    };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.partial).toEqual({ kind: 'marked', sheets: ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage'] });
    expect(error.message).toContain('INACHEVÉ');
    expect(['Tirage', 'Synthèse'].map((n) => excel.sheet(n)!.cells.get('0:0')!.value)).toEqual([UNFINISHED_MARK, UNFINISHED_MARK]);
  });

  it('leaves the neutral mark, and says the record is unfinished, when the connection is lost before anything can be removed or marked', async () => {
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
    expect(error.partial?.kind).toBe('unfinished');
    expect(error.message).toContain('Registre en cours d’écriture');
    expect(names(excel)).toEqual(['Candidatures', 'Procès-verbal', 'Tirage', 'Synthèse']);
    expect(['Tirage', 'Synthèse'].map((n) => excel.sheet(n)!.cells.get('0:0')!.value)).toEqual([WRITING_MARK, WRITING_MARK]);
    // Excel back, the table read again: the unfinished sheets are to be deleted before any new draw (issue 15 §4).
    excel.faults = {};
    const again = await new ExcelWorkbookAdapter(excel.run).readTable(SOURCE).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(InputError);
    expect((again as InputError).code).toBe('unfinished_record');
    expect((again as InputError).message).toMatch(/^Ce classeur garde un registre inachevé : les feuilles « Tirage », « Synthèse » portent en cellule A1/);
  });

  it('says a record written whole is written, and removes nothing, when the connection is lost before it is read back', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    excel.faults = { failFromSync: { sync: excel.syncs.length + 4, code: 'ConnectionFailure' } }; // check, table, write, then the read-back
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem.code).toBe('connection_lost');
    expect(error.partial).toEqual({ kind: 'written', sheets: ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication'] });
    expect(error.message).toContain('Ne supprimez aucune feuille : vérifiez d’abord le classeur');
    expect(error.message).not.toMatch(/supprimez-les/);
    excel.faults = {};
    expect(allDifferences(await adapter.verifyRecord())).toEqual([]);
  });

  it('refuses to draw from a table a co-author changed after its fingerprint was shown, giving the new one', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    cellAt(excel.workbook.sheets[0], 3, 1).value = 'Autrenom';
    const error = await adapter.writeRecord(request).then(
      () => null,
      (e: unknown) => e,
    );
    // One code wherever the table changed: the same InputError as `draw --fingerprint` (core/drawRequest.ts).
    expect(error).toBeInstanceOf(InputError);
    if (!(error instanceof InputError)) return;
    expect(error.code).toBe('fingerprint_mismatch');
    expect(error.details.fingerprints?.announced).toBe(request.request.announcedFingerprint);
    expect(error.message).toContain(`empreinte annoncée ${request.request.announcedFingerprint}`);
    expect(error.message).toMatch(/empreinte actuelle [0-9a-f]{64}/);
    expect(names(excel)).toEqual(['Candidatures']);
  });

  it('the check after writing reads the candidature sheet again: a co-author’s edit during the write shows, as verify would show it on the saved file', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const writeSync = excel.syncs.length + 3; // check, table, then the write
    excel.faults = { beforeSync: (sync, workbook) => void (sync === writeSync && (cellAt(workbook.sheets[0], 4, 1).value = 'Quelqu’un')) };
    const outcome = await adapter.writeRecord(request);
    expect(allDifferences(outcome.check).length).toBeGreaterThan(0);
    expect(allDifferences(await adapter.verifyRecord())).toEqual(allDifferences(outcome.check));
  });

  it('shows at once a cell changed between the write and the read-back', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const readBack = excel.syncs.length + 4; // check, table, write, then the read-back
    excel.faults = { beforeSync: (sync, workbook) => void (sync === readBack && (cellAt(workbook.sheets.find((s) => s.name === 'Tirage')!, 5, 4).value = 'Quelqu’un') ) };
    const outcome = await adapter.writeRecord(request);
    expect(allDifferences(outcome.check)).toEqual([expect.stringMatching(/^Tirage, cellule E6 : attendu « .+ », trouvé « Quelqu’un »\.$/)]);
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
    expect(allDifferences(outcome.check)).toEqual([]);
    for (const name of outcome.sheetNames) expect(snapshot(paced.sheet(name))).toEqual(snapshot(full.sheet(name)));
  });
});

describe('revealing the record: a fault between steps', () => {
  it('keeps the room’s screen neutral while writing: « Registre en cours d’écriture », never INACHEVÉ, until the titles come', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const reveal = await adapter.startReveal(await requestFor(adapter));
    const firstRows: unknown[] = [];
    while (await reveal.revealStep()) firstRows.push(excel.sheet('Tirage')!.cells.get('0:0')!.value);
    expect(new Set(firstRows)).toEqual(new Set([WRITING_MARK]));
    expect(WRITING_MARK).not.toMatch(/INACHEVÉ|échoué|supprimez/);
    expect(excel.sheet('Tirage')!.cells.get('0:0')!.value).not.toBe(WRITING_MARK);
    expect(allDifferences((await reveal.finish()).check)).toEqual([]);
  });

  it('a step that never answers: Excel is asked nothing more, the sheets shown stay as they are, said unfinished', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, { syncTimeoutMs: 200 });
    const reveal = await adapter.startReveal(await requestFor(adapter));
    expect(await reveal.revealStep()).toBe(true);
    expect(names(excel)).toEqual(['Candidatures', 'Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication']);
    excel.faults = { hangFromSync: excel.syncs.length + 1 };
    const error = await failureOf(reveal.revealStep());
    expect(error.problem.code).toBe('sync_timeout');
    expect(error.partial).toEqual({ kind: 'unfinished', sheets: ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication'] });
    expect(excel.sheet('Tirage')!.cells.get('0:0')!.value).toBe(WRITING_MARK);
    // The workbook reopened: what Excel holds does not pass for a finished record.
    excel.faults = {};
    const check = verifyWorkbook(await new ExcelWorkbookAdapter(excel.run).readRecordSheets());
    expect(allDifferences(check)).toEqual(['« Données du tirage » : la feuille ne commence pas par son titre « Données du tirage ».']);
  });

  it.each([WRITING_MARK, UNFINISHED_MARK])('verify refuses a record sheet that carries the mark « %s »', async (mark) => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await adapter.writeRecord(await requestFor(adapter));
    for (const name of ['Tirage', 'Publication']) {
      const sheet = excel.sheet(name)!;
      const title = sheet.cells.get('0:0')!.value;
      sheet.cells.get('0:0')!.value = mark;
      expect(allDifferences(await adapter.verifyRecord())).toEqual([`${name}, cellule A1 : attendu « ${title} », trouvé « ${mark} ».`]);
      sheet.cells.get('0:0')!.value = title;
    }
  });
});

describe('a cell being edited (InvalidOperationInCellEditMode)', () => {
  const FAST = { cellEditRetryMs: [1] };

  it('the write waits, tells the pane, resumes by itself, and gives the same record', async () => {
    const plain = excelOf([candidatures()]);
    const plainAdapter = new ExcelWorkbookAdapter(plain.run);
    await plainAdapter.writeRecord(await requestFor(plainAdapter));

    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, FAST);
    const heard: unknown[] = [];
    adapter.onExcelWait((wait) => heard.push(wait));
    const request = await requestFor(adapter);
    excel.faults = { cellEdit: { fromSync: excel.syncs.length + 3, refusals: 3 } }; // the first write
    const outcome = await adapter.writeRecord(request);
    expect(allDifferences(outcome.check)).toEqual([]);
    expect(adapter.cellEditWaits).toBe(3);
    expect(heard).toEqual([{ code: 'cell_edit' }, { code: 'cell_edit' }, { code: 'cell_edit' }, null]);
    expect(describeExcelWait({ code: 'cell_edit' })).toBe('Quittez la cellule en cours de saisie (Entrée ou Échap) : le tirage reprendra.');
    for (const name of outcome.sheetNames) expect(snapshot(excel.sheet(name))).toEqual(snapshot(plain.sheet(name)));
  });

  it('in the middle of the reveal, and while reading: the same record, no failure', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, FAST);
    excel.faults = { cellEdit: { fromSync: 2, refusals: 2 } }; // the table's cells
    const request = await requestFor(adapter);
    const reveal = await adapter.startReveal(request);
    await reveal.revealStep();
    await reveal.revealStep();
    excel.faults = { cellEdit: { fromSync: excel.syncs.length + 1, refusals: 4 } };
    const outcome = await reveal.finish();
    expect(allDifferences(outcome.check)).toEqual([]);
    expect(adapter.cellEditWaits).toBe(6);
  });

  it('gives up, in French, when the cell is never left', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run, { cellEditRetryMs: [5], cellEditPatienceMs: 60 });
    const request = await requestFor(adapter);
    excel.faults = { cellEdit: { fromSync: excel.syncs.length + 3, refusals: 1_000 } };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem).toEqual({ code: 'cell_edit', minutes: 0 });
    expect(error.message).toContain('Une cellule est restée en cours de saisie');
  });
});

describe('Excel’s names and limits', () => {
  it.each(['Tirage', 'Donnees'])('a workbook with a defined name « %s »: the record’s table takes a free name, and the record verifies', async (name) => {
    const excel = excelOf([candidatures()]);
    excel.workbook.definedNames.push({ name, refersTo: 'Candidatures!$A$1' });
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const outcome = await adapter.writeRecord(await requestFor(adapter));
    expect(allDifferences(outcome.check)).toEqual([]);
    const tables = excel.workbook.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(tables).toContain(`${name}_2`);
    expect(tables).not.toContain(name);
  });

  it('says in French what Excel’s InvalidArgument most likely means, when a name is taken after the check', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    const writeSync = excel.syncs.length + 3;
    excel.faults = { beforeSync: (sync, workbook) => void (sync === writeSync && workbook.definedNames.push({ name: 'Tirage', refersTo: 'Candidatures!$A$1' })) };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem.code).toBe('invalid_argument');
    expect(error.message).toContain('un nom de tableau déjà pris par un tableau ou un nom défini');
  });

  it('a write Excel refuses as too large is split and sent again', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    excel.payloadLimitBytes = 40_000; // the 16-row record's one write is about 70 KB
    const outcome = await adapter.writeRecord(request);
    expect(allDifferences(outcome.check)).toEqual([]);
    const refused = excel.syncs.filter((s) => s.requestBytes > 40_000);
    expect(refused.length).toBeGreaterThan(0);
    expect(excel.syncs.filter((s) => s.requestBytes <= 40_000 && s.operations > 0).length).toBeGreaterThan(3);
  });

  it.each([
    ['ItemNotFound', 'item_not_found', 'n’existe plus dans le classeur'],
    ['GeneralException', 'general_exception', 'erreur interne'],
    ['RangeExceedsLimit', 'range_too_large', 'plage trop grande'],
    ['AccessDenied', 'access_denied', 'Excel a refusé la modification'],
  ])('Excel’s %s becomes a French message', async (excelCode, code, words) => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    const request = await requestFor(adapter);
    excel.faults = { failFromSync: { sync: excel.syncs.length + 3, code: excelCode } };
    const error = await failureOf(adapter.writeRecord(request));
    expect(error.problem.code).toBe(code);
    expect(error.message).toContain(words);
  });
});

describe('the Vérifier action and selection', () => {
  it('verifies any workbook holding a record, and selects a cell', async () => {
    const excel = excelOf([candidatures()]);
    const adapter = new ExcelWorkbookAdapter(excel.run);
    await adapter.writeRecord(await requestFor(adapter));
    const grids = await adapter.readRecordSheets();
    expect(grids.map((g) => g.name)).toEqual(names(excel));
    expect(allDifferences(await adapter.verifyRecord())).toEqual([]);
    await adapter.selectCell('Tirage', 'E6');
    expect(excel.workbook.selection).toEqual({ sheet: 'Tirage', address: 'E6' });
  });
});
