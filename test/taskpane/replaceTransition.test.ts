/**
 * Replacing a member from the pane (issue 17 §1), without a DOM and without Excel: after a record
 * verifies, « Remplacer un membre » reads it, the form lists the members at today's date and
 * what the rule gives, each refusal of core's rule is said beside its field, and the departure
 * confirmed is written by the port, then logged in the journal.
 */
import { allDifferences, buildRecord, drawFromTable, InputError, newRecordMeta, recordReplacement, verifyWorkbook, type Sheet } from '../../src/core';
import type { ReplacementOutcome } from '../../src/excel/workbookAdapter';
import { currentMembers, membersBySector, proposalFor } from '../../src/taskpane/session/replaceForm';
import type { Effect, PaneEvent, PaneState, StepState } from '../../src/taskpane/session/state';
import { initialState, transition } from '../../src/taskpane/session/transition';
import { edit, find, recordToGrids, sheetToGrid } from '../support/records';
import { JUNE_2025, rowsOf, tableOf } from '../support/tables';

const TODAY = '2026-06-30';
const table = tableOf(rowsOf(JUNE_2025));
const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false });
const meta = newRecordMeta({ place: '', officials: [], candidatureSheet: 'Candidatures', sourceFile: 'c.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
const record = recordToGrids(buildRecord(result, meta), [table]);
const members = (sector: string, sex: 'F' | 'H') => result.outcomes.filter((o) => o.status === 'selected' && o.candidature.sector === sector && o.candidature.sex === sex).map((o) => o.candidature.row);
const reserves = (sector: string, sex: 'F' | 'H') =>
  result.outcomes
    .filter((o) => o.status === 'reserve' && o.candidature.sector === sector && o.candidature.sex === sex)
    .sort((a, b) => (a.reserveRank ?? 0) - (b.reserveRank ?? 0))
    .map((o) => o.candidature.row);

function play(state: PaneState, ...events: PaneEvent[]): { state: PaneState; effects: Effect[] } {
  let effects: Effect[] = [];
  for (const event of events) ({ state, effects } = transition(state, event));
  return { state, effects };
}

function viewAs<S extends StepState['step']>(state: PaneState, step: S): Extract<StepState, { step: S }> {
  expect(state.view.step).toBe(step);
  return state.view as Extract<StepState, { step: S }>;
}

/** The pane opened on `sheets`, the record verified: step 6 without a draw. */
function verified(sheets: Sheet[]): PaneState {
  return play(
    initialState(TODAY, 'registre.xlsx'),
    { type: 'open' },
    { type: 'workbookListed', contents: { sheets: sheets.map((s) => s.name), tables: [] }, journal: [], purpose: 'open' },
    { type: 'verifyExisting' },
    { type: 'verified', check: verifyWorkbook(sheets) },
  ).state;
}

/** The replacement form opened on `sheets`. */
function form(sheets: Sheet[] = record): PaneState {
  const started = play(verified(sheets), { type: 'startReplace' });
  expect(started.effects.map((e) => e.kind)).toEqual(['announce', 'readRecord']);
  return play(started.state, { type: 'recordRead', sheets }).state;
}

function withReplacement(sheets: Sheet[], leavingRow: number, date: string): Sheet[] {
  const { sheet } = recordReplacement(sheets, { date, reason: 'Démission', leavingRow, chosenRow: null }, 'registre.xlsx', TODAY);
  return [...sheets, sheetToGrid(sheet)];
}

const [leavingEst] = members('Est', 'H');

describe('replacing a member from the pane', () => {
  test('offered after a record verifies; the form lists the members at today’s date by sector, those who joined included', () => {
    const once = withReplacement(record, leavingEst, '2026-01-15');
    const view = viewAs(form(once), 'replace');
    const rows = currentMembers(view.record).map((o) => o.candidature.row);
    expect(rows).not.toContain(leavingEst);
    expect(rows).toContain(reserves('Est', 'H')[0]);
    const groups = membersBySector(view.record, currentMembers(view.record));
    expect(groups.map((g) => g.sector)).toEqual(result.prepared.rules.sectors);
    const est = groups.find((g) => g.sector === 'Est');
    expect(est?.men.map((o) => o.candidature.row)).toContain(reserves('Est', 'H')[0]);
    expect(view.record.recorded).toHaveLength(1);
  });

  test('shows who joins by the rule; each refusal goes beside its field and clears with its cause; a valid form is written', () => {
    let state = form();
    const chosen = play(state, { type: 'editReplace', field: 'leavingRow', value: String(leavingEst) });
    state = chosen.state;
    const view = viewAs(state, 'replace');
    // Said as well as shown: a screen reader hears who joins (RGAA 7.5).
    expect(chosen.effects).toEqual([{ kind: 'announce', text: expect.stringMatching(/^Rejoint le conseil : .+, liste complémentaire n° 1\.$/) }]);
    expect(proposalFor(view.record, view.form)).toMatchObject({ rule: 'same_group', joining: { candidature: { row: reserves('Est', 'H')[0] } } });

    // No reason: refused beside the reason field, which takes the focus.
    let played = play(state, { type: 'confirmReplace' });
    expect(viewAs(played.state, 'replace').errors).toEqual({ reason: expect.stringContaining('Motif du remplacement manquant') });
    expect(played.effects).toEqual([{ kind: 'focus', id: 'replace-reason' }]);
    state = play(played.state, { type: 'editReplace', field: 'reason', value: 'Démission' }).state;
    expect(viewAs(state, 'replace').errors).toEqual({});

    // A departure after today, then before the draw: said beside the date.
    for (const [date, words] of [
      ['2026-07-01', 'après aujourd’hui'],
      ['2025-06-01', 'avant le tirage'],
    ]) {
      played = play(state, { type: 'editReplace', field: 'date', value: date }, { type: 'confirmReplace' });
      expect(viewAs(played.state, 'replace').errors.date).toContain(words);
      expect(played.effects).toEqual([{ kind: 'focus', id: 'replace-date' }]);
    }
    state = play(played.state, { type: 'editReplace', field: 'date', value: '2026-01-15' }).state;
    expect(viewAs(state, 'replace').errors).toEqual({});

    played = play(state, { type: 'confirmReplace' });
    expect(played.state.busy).toBe('Écriture de la feuille de remplacement…');
    expect(played.effects[1]).toEqual({ kind: 'writeReplacement', request: { leavingRow: leavingEst, date: '2026-01-15', reason: 'Démission', chosenRow: null } });
  });

  test('a member who cannot leave, and a choice when the same group’s reserve is exhausted', () => {
    // The Est men's reserve is called for the first departure; the second Est man leaving needs a choice.
    const once = withReplacement(record, leavingEst, '2026-01-15');
    const second = members('Est', 'H')[1];
    let state = play(form(once), { type: 'editReplace', field: 'reason', value: 'Déménagement' }, { type: 'editReplace', field: 'leavingRow', value: String(second) }).state;
    const proposal = proposalFor(viewAs(state, 'replace').record, viewAs(state, 'replace').form);
    expect(proposal?.rule).toBe('chosen');
    if (proposal?.rule !== 'chosen') throw new Error('a choice was expected');

    let played = play(state, { type: 'confirmReplace' });
    expect(viewAs(played.state, 'replace').errors).toEqual({ chosenRow: 'Choisissez la personne qui rejoint le conseil parmi celles proposées ci-dessus.' });
    expect(played.effects).toEqual([{ kind: 'focus', id: 'replace-chosen' }]);
    const chosen = proposal.offered[1].candidature.row;
    state = play(played.state, { type: 'editReplace', field: 'chosenRow', value: String(chosen) }).state;
    expect(viewAs(state, 'replace').errors).toEqual({});
    played = play(state, { type: 'confirmReplace' });
    expect(played.effects[1]).toEqual({ kind: 'writeReplacement', request: { leavingRow: second, date: TODAY, reason: 'Déménagement', chosenRow: chosen } });

    // Another member chosen: the choice made for the first one goes.
    state = play(state, { type: 'editReplace', field: 'leavingRow', value: String(members('Nord', 'F')[0]) }).state;
    expect(viewAs(state, 'replace').form.chosenRow).toBeNull();
  });

  test('the departure written: its outcome shown, logged in the journal, the workbook listed again', () => {
    const request = { leavingRow: leavingEst, date: '2026-01-15', reason: 'Démission', chosenRow: null };
    const recorded = recordReplacement(record, request, 'registre.xlsx', TODAY);
    const outcome: ReplacementOutcome = {
      replacement: recorded.replacement,
      fingerprint: recorded.fingerprint,
      sheetName: recorded.sheet.name,
      dataSheet: recorded.dataSheet,
      result: recorded.result,
      check: verifyWorkbook([...record, sheetToGrid(recorded.sheet)]),
    };
    expect(allDifferences(outcome.check)).toEqual([]);
    const state = play(form(), { type: 'editReplace', field: 'leavingRow', value: String(leavingEst) }, { type: 'editReplace', field: 'reason', value: 'Démission' }).state;
    const played = play(state, { type: 'replacementWritten', outcome });
    expect(viewAs(played.state, 'replaced').outcome).toBe(outcome);
    expect(played.effects.map((e) => e.kind)).toEqual(['announce', 'journal', 'listWorkbook']);
    const journal = played.effects[1];
    expect(journal).toMatchObject({ kind: 'journal', entry: { outcome: 'replaced', dataSheet: 'Remplacement', fingerprint: result.prepared.canonical.fingerprint, publicSeed: result.publicSeed } });
    // Another departure may follow from there.
    expect(play(played.state, { type: 'startReplace' }).effects.map((e) => e.kind)).toEqual(['announce', 'readRecord']);
  });

  test('refused on a record that no longer verifies, with the pane’s own remedy; core refusing at the write goes beside its field', () => {
    const at = find(record, 'Tirage', (v) => v === 'Retenu·e');
    const edited = edit(record, 'Tirage', at.row, at.column, 'Liste complémentaire n° 1');
    // Not offered when the verification found differences.
    const notConforming = verified(edited);
    expect(play(notConforming, { type: 'startReplace' }).effects).toEqual([]);
    // Edited between the verification and the reading: the failure says so, the step stays.
    const read = play(verified(record), { type: 'startReplace' }, { type: 'recordRead', sheets: edited }).state;
    expect(read.view.step).toBe('minutes');
    expect(read.failure).toMatchObject({ title: 'Le registre n’est plus conforme', code: 'record_not_conforming' });
    expect(read.failure?.remedy).not.toContain('tirage-cln');

    const state = play(form(), { type: 'editReplace', field: 'leavingRow', value: String(leavingEst) }, { type: 'editReplace', field: 'reason', value: 'Démission' }, { type: 'confirmReplace' }).state;
    const effect = { kind: 'writeReplacement' as const, request: { leavingRow: leavingEst, date: TODAY, reason: 'Démission', chosenRow: null } };
    const refusal = new InputError({ code: 'bad_replacement', reason: 'not_a_member', row: 12, why: { kind: 'no_candidature' } }, { field: 'leavingRow' });
    const played = play(state, { type: 'failed', effect, error: refusal });
    expect(viewAs(played.state, 'replace').errors).toEqual({ leavingRow: refusal.message });
    expect(played.state.busy).toBeNull();
    expect(played.effects).toEqual([{ kind: 'focus', id: 'replace-leaving' }]);
  });
});
