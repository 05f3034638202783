/**
 * The session's rules without a DOM and without Excel: events in, state and effects out.
 * `play` stands for the controller: it applies each event and, for the effects that would reach
 * the workbook, the test says what the workbook answers.
 */
import { drawLots } from '../../src/core/draw';
import { InputError } from '../../src/core/errors';
import { outcomeOf } from '../../src/core/outcome';
import { ExcelAdapterError } from '../../src/excel/problems';
import type { TableRead, WorkbookContents } from '../../src/excel/tableReader';
import type { WriteOutcome } from '../../src/excel/workbookAdapter';
import type { Effect, PaneEvent, PaneState, StepState } from '../../src/taskpane/session/state';
import { initialState, transition } from '../../src/taskpane/session/transition';
import { sheetFrom } from '../support/sheets';

const TODAY = '2025-06-13';
/** The sealing key the workbook keeps (the controller reads it, or makes and keeps one). */
const KEY = '9b1f3c07d2e54a6b8c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d';
const CONTENTS: WorkbookContents = { sheets: ['Candidatures'], tables: [] };

/** Eight candidatures; Hugo turns 16 on 1 June 2025 (a draw dated before that sets him aside). */
function tableRead(overrides: { hugoSex?: string } = {}): TableRead {
  const sheet = sheetFrom({
    source: 'test',
    name: 'Candidatures',
    rows: [
      { rowNumber: 1, cells: ['Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'] },
      { rowNumber: 2, cells: ['Alpha', 'Anne', 'F', '1980-01-01', 'Centre'] },
      { rowNumber: 3, cells: ['Bravo', 'Bruno', 'H', '1981-01-01', 'Centre'] },
      { rowNumber: 4, cells: ['Charlie', 'Chloé', 'F', '1982-01-01', 'Nord'] },
      { rowNumber: 5, cells: ['Delta', 'Denis', 'H', '1983-01-01', 'Nord'] },
      { rowNumber: 6, cells: ['Echo', 'Emma', 'F', '1984-01-01', 'Est'] },
      { rowNumber: 7, cells: ['Foxtrot', 'Fabien', 'H', '1985-01-01', 'Sud'] },
      { rowNumber: 8, cells: ['Golf', 'Gaëlle', 'F', '1986-01-01', 'Ouest'] },
      { rowNumber: 9, cells: ['Hotel', 'Hugo', overrides.hugoSex ?? 'H', '2009-06-01', 'Ouest'] },
    ],
  });
  return { sheet, bounds: null, formulasWithoutValue: [], extent: { rows: sheet.rows.length, columns: 5 } };
}

interface Played {
  state: PaneState;
  effects: Effect[];
}

function play(state: PaneState, ...events: PaneEvent[]): Played {
  let effects: Effect[] = [];
  for (const event of events) ({ state, effects } = transition(state, event));
  return { state, effects };
}

function opened(read = tableRead()): PaneState {
  return play(
    initialState(TODAY, 'classeur.xlsx'),
    { type: 'open' },
    { type: 'workbookListed', contents: CONTENTS, journal: [], purpose: 'open' },
    { type: 'tableRead', read, purpose: 'show' },
  ).state;
}

function viewAs<S extends StepState['step']>(state: PaneState, step: S): Extract<StepState, { step: S }> {
  expect(state.view.step).toBe(step);
  return state.view as Extract<StepState, { step: S }>;
}

const kinds = (effects: Effect[]) => effects.map((e) => e.kind);

/** Steps 1 to 4 on the table, its one problem row set aside. */
function atSeed(read = tableRead()): PaneState {
  const checked = play(opened(read), { type: 'toCheck' }, { type: 'confirmExclusion', confirmed: true }, { type: 'showFingerprint' }).state;
  return play(checked, { type: 'fingerprintRead', read, sealingKey: KEY }, { type: 'toSeed' }).state;
}

describe('opening', () => {
  test('reads the workbook, then the first table, and shows its counts at step 1', () => {
    let played = play(initialState(TODAY, 'classeur.xlsx'), { type: 'open' });
    expect(played.effects).toEqual([{ kind: 'announce', text: 'Lecture du classeur…' }, { kind: 'listWorkbook', purpose: 'open' }]);
    played = play(played.state, { type: 'workbookListed', contents: CONTENTS, journal: [], purpose: 'open' });
    expect(played.effects).toEqual([{ kind: 'announce', text: 'Étape 1 sur 6 : Candidatures.' }, { kind: 'readTable', source: { kind: 'sheet', sheet: 'Candidatures' }, purpose: 'show' }]);
    played = play(played.state, { type: 'tableRead', read: tableRead(), purpose: 'show' });
    const table = viewAs(played.state, 'table').table;
    expect(table.kind).toBe('ready');
    expect(played.state.busy).toBeNull();
  });

  test('a workbook that holds a record opens on the offer to verify it', () => {
    const { state, effects } = play(initialState(TODAY, 'x.xlsx'), { type: 'open' }, { type: 'workbookListed', contents: { sheets: ['Candidatures', 'Données du tirage'], tables: [] }, journal: [], purpose: 'open' });
    expect(state.view.step).toBe('existing');
    expect(kinds(effects)).toEqual([]);
  });

  test('headers not recognised: step 1 asks which column holds what', () => {
    const read = tableRead();
    const sheet = { ...read.sheet, rows: [['Nom', 'Prénom', 'Q4', 'Date de naissance', 'Secteur'], ...read.sheet.rows.slice(1)] };
    const state = opened({ ...read, sheet });
    const table = viewAs(state, 'table').table;
    expect(table.kind).toBe('columns');
    expect(state.failure?.code).toBe('missing_columns');
    const { effects } = play(state, { type: 'useColumns', mapping: { sex: 'Q4' } });
    expect(effects).toContainEqual({ kind: 'readTable', source: { kind: 'sheet', sheet: 'Candidatures' }, purpose: 'show' });
  });
});

describe('the date of the draw', () => {
  test('changing it computes the ages, the problems and the counts again, without reading Excel', () => {
    const state = opened();
    // 13 June 2025: Hugo is 16, eligible.
    const before = viewAs(state, 'table').table;
    expect(before.kind === 'ready' && before.prepared.candidatures.every((c) => c.problems.length === 0)).toBe(true);
    const { state: after, effects } = play(state, { type: 'setDate', value: '2025-05-15' });
    expect(kinds(effects)).not.toContain('readTable');
    const table = viewAs(after, 'table').table;
    expect(table.kind).toBe('ready');
    if (table.kind !== 'ready') return;
    expect(table.prepared.referenceDate).toBe('2025-05-15');
    expect(table.prepared.candidatures.find((c) => c.row === 9)?.problems.map((p) => p.code)).toEqual(['under_age']);
    // Step 2 then lists the problem of that date, not of the old one.
    const check = viewAs(play(after, { type: 'toCheck' }).state, 'check');
    expect(check.table.prepared.referenceDate).toBe('2025-05-15');
  });

  test('an empty or far date is said on its field, and nothing goes on until it is corrected', () => {
    let { state } = play(opened(), { type: 'setDate', value: '' });
    expect(viewAs(state, 'table').errors['reference-date']).toMatch(/Indiquez la date du tirage/);
    expect(viewAs(state, 'table').table.kind).toBe('undated');
    ({ state } = play(state, { type: 'setDate', value: '2031-01-01' }));
    expect(viewAs(state, 'table').errors['reference-date']).toMatch(/à plus d’un an d’aujourd’hui/);
    ({ state } = play(state, { type: 'setDate', value: '2025-06-13' }));
    expect(viewAs(state, 'table').errors).toEqual({});
    expect(viewAs(state, 'table').table.kind).toBe('ready');
  });
});

describe('the fingerprint', () => {
  test('is the table read again; new problems since step 2 send the operator back there, saying why', () => {
    const checked = play(opened(), { type: 'toCheck' }).state;
    const { state: reading, effects } = play(checked, { type: 'showFingerprint' });
    expect(effects).toContainEqual({ kind: 'readForFingerprint', source: { kind: 'sheet', sheet: 'Candidatures' } });
    expect(reading.busy).toBe('Relecture du tableau et calcul de l’empreinte…');
    const { state } = play(reading, { type: 'fingerprintRead', read: tableRead({ hugoSex: 'X' }), sealingKey: KEY });
    const check = viewAs(state, 'check');
    expect(check.excludeConfirmed).toBe(false);
    expect(state.notice).toMatch(/^Le tableau a changé depuis sa vérification : relu pour calculer l’empreinte, il a maintenant 1 anomalie \(avant : 0\)/);
  });

  test('the same table gives step 3 with its fingerprint', () => {
    const { state } = play(opened(), { type: 'toCheck' }, { type: 'showFingerprint' }, { type: 'fingerprintRead', read: tableRead(), sealingKey: KEY });
    const view = viewAs(state, 'fingerprint');
    expect(view.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(state.notice).toBeNull();
  });
});

describe('step 4 and the draw', () => {
  test('an empty seed is refused on its field, and the error goes as soon as a seed is typed', () => {
    let played = play(atSeed(), { type: 'draw' });
    const seed = viewAs(played.state, 'seed');
    expect(seed.errors['field-seed']).toMatch(/^La graine publique est vide/);
    expect(played.effects).toEqual([{ kind: 'focus', id: 'field-seed' }]);
    played = play(played.state, { type: 'edit', field: 'field-seed', value: '4' });
    expect(viewAs(played.state, 'seed').errors).toEqual({});
    // While typing, no new error appears.
    played = play(played.state, { type: 'edit', field: 'field-mandate-start', value: '' });
    expect(viewAs(played.state, 'seed').errors).toEqual({});
  });

  test('the mandate starts on the draw date unless changed, within the CLI’s limits', () => {
    let { state } = play(atSeed(), { type: 'edit', field: 'field-seed', value: '4 2 6' });
    expect(viewAs(state, 'seed').form.mandateStart).toBe(TODAY);
    ({ state } = play(state, { type: 'edit', field: 'field-mandate-start', value: '2025-01-01' }, { type: 'draw' }));
    expect(viewAs(state, 'seed').errors['field-mandate-start']).toMatch(/avant la date du tirage/);
    const played = play(state, { type: 'edit', field: 'field-mandate-start', value: '2025-07-01' }, { type: 'draw' });
    const start = played.effects.find((e) => e.kind === 'startReveal');
    expect(start?.kind === 'startReveal' && start.order.request.mandateStart).toBe('2025-07-01');
  });

  test('the attempt is logged before anything is drawn, with the fingerprint shown', () => {
    const seed = viewAs(atSeed(), 'seed');
    const { effects } = play(atSeed(), { type: 'edit', field: 'field-seed', value: ' 4 2  6 ' }, { type: 'draw' });
    expect(kinds(effects)).toEqual(['announce', 'journal', 'startReveal']);
    expect(effects[1]).toEqual({
      kind: 'journal',
      entry: { fingerprint: seed.fingerprint, publicSeed: '4 2 6', outcome: 'requested', dataSheet: '', reason: '', detail: '' },
      onFailure: 'report',
    });
  });

  test('a workbook that already drew asks for a reason', () => {
    let state = atSeed();
    const seed = viewAs(state, 'seed');
    state = { ...state, view: { ...seed, workbook: { ...seed.workbook, journal: [{ time: '', fingerprint: '', publicSeed: '', outcome: 'recorded', dataSheet: 'Données du tirage', reason: '', detail: '', row: 4 }] } } };
    ({ state } = play(state, { type: 'edit', field: 'field-seed', value: '1' }, { type: 'draw' }));
    expect(viewAs(state, 'seed').errors['field-reason']).toMatch(/indiquez pourquoi un nouveau tirage est fait/);
    ({ state } = play(state, { type: 'edit', field: 'field-reason', value: 'Graine mal saisie' }));
    expect(viewAs(state, 'seed').errors).toEqual({});
  });

  test('a table changed since its fingerprint: refused, logged as refused, and the new fingerprint asks for a new seed', () => {
    const ready = play(atSeed(), { type: 'edit', field: 'field-seed', value: '4 2 6' }, { type: 'draw' });
    const start = ready.effects.find((e) => e.kind === 'startReveal') as Effect;
    const shown = viewAs(ready.state, 'seed').fingerprint;
    const error = new InputError({ code: 'fingerprint_mismatch', announced: shown, actual: 'f'.repeat(64), sealed: false });
    const failed = play(ready.state, { type: 'failed', effect: start, error });
    expect(failed.state.failure?.code).toBe('fingerprint_mismatch');
    expect(viewAs(failed.state, 'seed').refusal).toEqual({ shown, current: 'f'.repeat(64) });
    expect(failed.effects).toEqual([expect.objectContaining({ kind: 'journal', onFailure: 'ignore', entry: expect.objectContaining({ outcome: 'refused' }) })]);
    const again = play(failed.state, { type: 'showFingerprint' }, { type: 'fingerprintRead', read: tableRead(), sealingKey: KEY });
    const view = viewAs(again.state, 'fingerprint');
    expect(view.refusal?.shown).toBe(shown);
    expect(view.form.seed).toBe('');
  });
});

describe('the reveal and the record', () => {
  function revealing(): Played {
    const ready = play(atSeed(), { type: 'edit', field: 'field-seed', value: '4 2 6' }, { type: 'draw' });
    const seed = viewAs(ready.state, 'seed');
    const result = drawLots(seed.table.prepared, '4 2 6');
    return play(ready.state, { type: 'revealStarted', result, stepCount: 7 });
  }

  test('progress is announced when it moves; pace and pause go to the pacer', () => {
    let played = revealing();
    expect(viewAs(played.state, 'reveal').progress).toMatchObject({ done: 0, total: 7, state: 'running', pace: 'normal' });
    played = play(played.state, { type: 'revealProgress', done: 2, total: 7, state: 'running' });
    expect(kinds(played.effects)).toEqual(['announce']);
    expect(play(played.state, { type: 'pause' }).effects).toEqual([{ kind: 'pacer', command: 'pause' }]);
    expect(play(played.state, { type: 'setPace', pace: 'lent' }).effects[0]).toEqual({ kind: 'pace', delayMs: 4000 });
  });

  test('the record written: step 6, its outcome logged, the workbook listed again', () => {
    const played = revealing();
    const reveal = viewAs(played.state, 'reveal');
    const outcome: WriteOutcome = {
      result: reveal.result,
      sheetNames: ['Tirage', 'Données du tirage'],
      check: { records: [{ dataSheet: 'Données du tirage', fingerprint: '', publicSeed: '', seedCell: '', sheetNames: { draw: 'Tirage', summary: 'Synthèse', minutes: 'Procès-verbal', data: 'Données du tirage', publication: 'Publication' }, inputSheets: [], differences: [], replacements: [], replacementFingerprints: [] }], differences: [], addedSheets: [], announced: null, announcedSeed: null },
    };
    const done = play(played.state, { type: 'revealDone', outcome });
    const minutes = viewAs(done.state, 'minutes');
    expect(minutes.drawn?.mandateStart).toBe(TODAY);
    // The key is in « Données du tirage » now: the workbook forgets it, last (the next draw gets a new one).
    expect(kinds(done.effects)).toEqual(['announce', 'announce', 'journal', 'listWorkbook', 'forgetSealingKey']);
    // Forgetting it fails: nothing to say, the record stands.
    expect(play(done.state, { type: 'failed', effect: { kind: 'forgetSealingKey' }, error: new ExcelAdapterError({ code: 'connection_lost' }) }).state).toBe(done.state);
    const journal = done.effects[2];
    expect(journal.kind === 'journal' && journal.entry).toMatchObject({ outcome: 'recorded', dataSheet: 'Données du tirage', publicSeed: '4 2 6' });
    // The journal cannot be written: the record stands, and the pane says what is missing.
    const failed = play(done.state, { type: 'failed', effect: journal, error: new ExcelAdapterError({ code: 'connection_lost' }) });
    expect(failed.state.failure?.title).toBe('Registre écrit, mais pas inscrit au journal des tirages');
  });

  test('a failed reveal: logged as failed, and « Réessayer » reads the table again for its fingerprint', () => {
    const failed = play(revealing().state, { type: 'revealFailed', error: new ExcelAdapterError({ code: 'connection_lost' }) });
    expect(failed.state.failure?.code).toBe('connection_lost');
    expect(failed.state.failure?.remedy).toContain('Le tirage lui-même est calculé');
    expect(failed.effects).toEqual([expect.objectContaining({ kind: 'journal', entry: expect.objectContaining({ outcome: 'failed' }) })]);
    const retried = play(failed.state, { type: 'retry' });
    expect(retried.effects).toContainEqual({ kind: 'readForFingerprint', source: { kind: 'sheet', sheet: 'Candidatures' } });
    expect(retried.state.failure).toBeNull();
  });
});

describe('the sealed draw (tirage-cln/2) and what the staff open to publish', () => {
  const OTHER_KEY = 'f'.repeat(64);
  const sealedCheck = (differences: number): WriteOutcome['check'] => ({
    records: [
      {
        dataSheet: 'Données du tirage',
        fingerprint: '',
        publicSeed: '',
        seedCell: '',
        sheetNames: { draw: 'Tirage', summary: 'Synthèse', minutes: 'Procès-verbal', data: 'Données du tirage', publication: 'Publication', publicRegister: 'Registre public', receipts: 'Reçus' },
        inputSheets: [],
        differences: Array.from({ length: differences }, () => ({ code: 'hidden_sheet' as const, sheet: 'Tirage', visibility: 'hidden' as const })),
        replacements: [],
        replacementFingerprints: [],
      },
    ],
    differences: [],
    addedSheets: [],
    announced: null,
    announcedSeed: null,
  });

  test('step 3 shows the sealed fingerprint its key gives; the key goes with it to the draw', () => {
    const checked = play(opened(), { type: 'toCheck' }, { type: 'confirmExclusion', confirmed: true }, { type: 'showFingerprint' }).state;
    const shown = viewAs(play(checked, { type: 'fingerprintRead', read: tableRead(), sealingKey: KEY }).state, 'fingerprint');
    expect([shown.table.prepared.algorithm, shown.sealingKey]).toEqual(['tirage-cln/2', KEY]);
    // Another key, another fingerprint: the key is part of what the room is shown.
    const other = viewAs(play(checked, { type: 'fingerprintRead', read: tableRead(), sealingKey: OTHER_KEY }).state, 'fingerprint');
    expect(other.fingerprint).not.toBe(shown.fingerprint);
    const ready = play(atSeed(), { type: 'edit', field: 'field-seed', value: '4 2 6' }, { type: 'draw' });
    const start = ready.effects.find((e) => e.kind === 'startReveal');
    expect(start?.kind === 'startReveal' && start.order.request).toMatchObject({ sealingKey: KEY, announcedFingerprint: viewAs(ready.state, 'seed').fingerprint });
  });

  test('at step 3, the sealed table and the receipts open as new workbooks, made from the table the fingerprint was computed on', () => {
    const step3 = play(opened(), { type: 'toCheck' }, { type: 'confirmExclusion', confirmed: true }, { type: 'showFingerprint' }, { type: 'fingerprintRead', read: tableRead(), sealingKey: KEY }).state;
    const prepared = viewAs(step3, 'fingerprint').table.prepared;
    for (const what of ['sealedTable', 'receipts'] as const) {
      const asked = play(step3, { type: 'publish', what });
      expect(asked.effects).toContainEqual({ kind: 'openWorkbook', what, prepared });
      expect(asked.state.busy).not.toBeNull();
      const done = play(asked.state, { type: 'workbookOpened', what });
      expect(done.state.busy).toBeNull();
      expect(done.state.notice).toContain('nouveau classeur Excel');
      expect(done.effects).toEqual([{ kind: 'announce', text: done.state.notice }]);
    }
    expect(play(step3, { type: 'publish', what: 'receipts' }).state.view.step).toBe('fingerprint');
    // The public record belongs to step 6: not offered here.
    expect(play(step3, { type: 'publish', what: 'publicRecord' }).effects).toEqual([]);
  });

  test('at step 6, the public record is offered for a sealed record that verifies, and only then', () => {
    const minutes = (check: WriteOutcome['check']): PaneState => ({ ...opened(), view: { step: 'minutes', workbook: viewAs(opened(), 'table').workbook, setup: viewAs(opened(), 'table').setup, check, drawn: null } });
    expect(play(minutes(sealedCheck(0)), { type: 'publish', what: 'publicRecord' }).effects).toContainEqual({ kind: 'openWorkbook', what: 'publicRecord' });
    expect(play(minutes(sealedCheck(1)), { type: 'publish', what: 'publicRecord' }).effects).toEqual([]);
    const plain = sealedCheck(0);
    const { publicRegister: _register, receipts: _receipts, ...plainNames } = plain.records[0].sheetNames;
    expect(play(minutes({ ...plain, records: [{ ...plain.records[0], sheetNames: plainNames }] }), { type: 'publish', what: 'publicRecord' }).effects).toEqual([]);
  });
});

test('a failure of Excel is shown with « Réessayer » sending the same request again', () => {
  const { state } = play(initialState(TODAY, 'x.xlsx'), { type: 'open' }, { type: 'failed', effect: { kind: 'listWorkbook', purpose: 'open' }, error: new ExcelAdapterError({ code: 'sync_timeout', seconds: 60 }) });
  expect(state.failure).toMatchObject({ code: 'sync_timeout', retry: { type: 'open' } });
  expect(play(state, { type: 'retry' }).effects).toContainEqual({ kind: 'listWorkbook', purpose: 'open' });
});

test('an engine error is shown in French with the pane’s remedy', () => {
  const { state } = play(initialState(TODAY, 'x.xlsx'), { type: 'open' }, { type: 'failed', effect: { kind: 'listWorkbook', purpose: 'open' }, error: new InputError({ code: 'no_eligible' }) });
  expect(state.failure).toMatchObject({ title: 'Le tableau ne peut pas être utilisé tel quel', lines: [new InputError({ code: 'no_eligible' }).message] });
});

describe('outcomes, one type per status', () => {
  test('a row of unknown sex is ineligible, never shown as a woman or a man', () => {
    const read = tableRead({ hugoSex: '?' });
    const state = opened(read);
    const table = viewAs(state, 'table').table;
    if (table.kind !== 'ready') throw new Error('table not ready');
    const result = drawLots(table.prepared, '1');
    const hugo = outcomeOf(result.outcomes.find((o) => o.candidature.row === 9)!);
    expect(hugo.status).toBe('ineligible');
    expect('sex' in hugo).toBe(false);
    expect(hugo.candidature.sex).toBeNull();
  });
});

test('a wait Excel reports during the reveal is shown and announced, and goes when Excel answers again', () => {
  const ready = play(atSeed(), { type: 'edit', field: 'field-seed', value: '4 2 6' }, { type: 'draw' });
  const result = drawLots(viewAs(ready.state, 'seed').table.prepared, '4 2 6');
  const started = play(ready.state, { type: 'revealStarted', result, stepCount: 7 });
  const text = 'Quittez la cellule en cours de saisie (Entrée ou Échap) : le tirage reprendra.';
  const waiting = play(started.state, { type: 'excelWait', text });
  expect(viewAs(waiting.state, 'reveal').progress.excelWait).toBe(text);
  expect(waiting.effects).toEqual([{ kind: 'announce', text }]);
  expect(viewAs(play(waiting.state, { type: 'excelWait', text: null }).state, 'reveal').progress.excelWait).toBeNull();
});
