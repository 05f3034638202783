/**
 * The « Journal des tirages »: one line per draw attempt made by the add-in in this workbook —
 * time, fingerprint, seed, outcome, the reason given for a later draw. The add-in only ever
 * appends to it, so that nobody can quietly draw again until a liked result appears: every
 * attempt stays in the workbook, and `verify` reports a draw the journal logged whose record
 * sheets are no longer there.
 *
 * Its cells are decided here, as data, like the other sheets of the record; the Excel adapter
 * only writes them, and `verify` reads them back with `readJournal`.
 */
import type { CellModel, CellStyle, SheetModel } from './model';
import type { Difference } from '../problems';
import { personLabel, type Replacement } from '../replacement';
import { longFrenchDate } from './labels';
import { cellAddress, type CellValue, type Sheet } from '../sheet';
import { JOURNAL_SHEET, nameKey } from './names';
import { SheetBuilder, STYLES } from './sheetBuilder';

export { JOURNAL_SHEET };

export const JOURNAL_HEADER = [
  'Date et heure (UTC)',
  'Empreinte',
  'Graine publique',
  'Issue',
  'Feuille des données du tirage',
  'Motif d’un nouveau tirage',
  'Précision',
] as const;

/** Column widths in characters, column A first. */
export const JOURNAL_COLUMN_WIDTHS = [22, 40, 24, 26, 28, 40, 60];

/** Sheet row of the first entry: title, note, header come first. */
export const JOURNAL_FIRST_ENTRY_ROW = 4;

/** `replaced`: a departure during the mandate recorded from the pane (its Remplacement sheet in `dataSheet`). */
export type JournalOutcome = 'requested' | 'recorded' | 'refused' | 'failed' | 'replaced';

export const JOURNAL_OUTCOME_LABELS: Record<JournalOutcome, string> = {
  requested: 'Tirage demandé',
  recorded: 'Registre écrit et vérifié',
  refused: 'Tirage refusé',
  failed: 'Écriture échouée',
  replaced: 'Remplacement consigné et vérifié',
};

export interface JournalEntry {
  /** ISO 8601 in UTC, to the second: "2025-06-13T18:04:05Z". */
  time: string;
  fingerprint: string;
  publicSeed: string;
  outcome: JournalOutcome;
  /** `recorded`: the record's data sheet, by which `verify` finds it again; `replaced`: the Remplacement sheet; '' otherwise. */
  dataSheet: string;
  /** The operator's reason for a draw in a workbook that already holds one; '' for the first. */
  reason: string;
  /** Why a draw was refused or failed, as the operator read it; '' otherwise. */
  detail: string;
}

/**
 * The journal's line for a departure recorded from the pane (the writer adds the time): the draw's
 * fingerprint and seed, the Remplacement sheet, and in words who left, when, why, and who joined.
 */
export function replacementEntry(replacement: Replacement, sheetName: string, draw: { fingerprint: string; publicSeed: string }): Omit<JournalEntry, 'time'> {
  const { request, leaving, joining } = replacement;
  const joined = joining === null ? 'siège laissé vacant' : `remplaçant·e : ${personLabel(joining)}`;
  return {
    fingerprint: draw.fingerprint,
    publicSeed: draw.publicSeed,
    outcome: 'replaced',
    dataSheet: sheetName,
    reason: '',
    detail: `Départ de ${personLabel(leaving)} le ${longFrenchDate(request.date)} (motif : ${request.reason}) ; ${joined}.`,
  };
}

const TITLE_STYLE: CellStyle = STYLES.title;
const NOTE_STYLE: CellStyle = STYLES.note;
const HEADER_STYLE: CellStyle = STYLES.header;

/** Columns of the journal (A to G). */
const JOURNAL_COLUMNS = JOURNAL_HEADER.length;

/**
 * The journal as a sheet model, planned and translated like the record's sheets (plan.ts): its
 * head (title, note over the table's width, header; frozen) when `withHead`, and the entries
 * given, each at its row. The adapter plans the head with the first entry when it creates the
 * sheet, then one entry at a time as it appends.
 */
export function journalSheet(entries: readonly { row: number; entry: JournalEntry }[], withHead: boolean): SheetModel {
  const builder = new SheetBuilder('journal', JOURNAL_SHEET, [...JOURNAL_COLUMN_WIDTHS], JOURNAL_SHEET).print({ orientation: 'landscape' });
  if (withHead) {
    for (const cell of journalHeadCells()) {
      // The note spans the table's width, so that it wraps over it rather than down column A.
      if (cell.row === 2) builder.merged(2, 1, JOURNAL_COLUMNS, cell.value, cell.style);
      else builder.set(cell.row, cell.column, cell.value, cell.style);
    }
    builder.freeze(JOURNAL_FIRST_ENTRY_ROW - 1);
  }
  for (const { row, entry } of entries) for (const cell of journalEntryCells(entry, row)) builder.set(cell.row, cell.column, cell.value, cell.style);
  return builder.build();
}

/** The title, the note and the header (rows 1 to 3), written when the sheet is created. */
export function journalHeadCells(): CellModel[] {
  return [
    { row: 1, column: 1, value: JOURNAL_SHEET, style: TITLE_STYLE },
    {
      row: 2,
      column: 1,
      value: 'Une ligne par tentative de tirage, ajoutée par le complément « Tirage au sort CLN » ; aucune ligne n’est jamais modifiée ni effacée.',
      style: NOTE_STYLE,
    },
    ...JOURNAL_HEADER.map((value, i) => ({ row: 3, column: i + 1, value, style: HEADER_STYLE })),
  ];
}

/** The cells of one entry, at sheet row `row`. Every value is text. */
export function journalEntryCells(entry: JournalEntry, row: number): CellModel[] {
  const values = [entry.time, entry.fingerprint, entry.publicSeed, JOURNAL_OUTCOME_LABELS[entry.outcome], entry.dataSheet, entry.reason, entry.detail];
  return values.map((value, i) => ({ row, column: i + 1, value, style: i === 1 ? STYLES.code : { vertical: 'top', wrap: i >= 5 } }));
}

export interface LoggedEntry extends JournalEntry {
  /** Its row in the sheet. */
  row: number;
}

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value));
const OUTCOME_BY_LABEL = new Map((Object.keys(JOURNAL_OUTCOME_LABELS) as JournalOutcome[]).map((o) => [JOURNAL_OUTCOME_LABELS[o], o]));

/** The journal's entries, in the order they were appended; problems for lines that are not the add-in's. */
export function readJournal(grid: Sheet): { entries: LoggedEntry[]; problems: Difference[] } {
  const entries: LoggedEntry[] = [];
  const problems: Difference[] = [];
  for (let r = JOURNAL_FIRST_ENTRY_ROW; r <= grid.rows.length; r++) {
    const cells = grid.rows[r - 1] ?? [];
    if (cells.every((c) => c === null || c === '')) continue;
    const [time, fingerprint, publicSeed, label, dataSheet, reason, detail] = JOURNAL_HEADER.map((_, i) => text(cells[i]));
    const outcome = OUTCOME_BY_LABEL.get(label);
    if (outcome === undefined) {
      problems.push({ code: 'journal_line_unknown', sheet: grid.name, cell: cellAddress(3, r), row: r, found: label });
      continue;
    }
    entries.push({ row: r, time, fingerprint, publicSeed, outcome, dataSheet, reason, detail });
  }
  return { entries, problems };
}

/** The journal sheet of a workbook, if any. */
export function findJournal(sheets: readonly Sheet[]): Sheet | undefined {
  return sheets.find((s) => nameKey(s.name) === nameKey(JOURNAL_SHEET));
}

/**
 * What `verify` says of the journal: each draw it logged as recorded whose data sheet is no longer
 * in the workbook (its record sheets were deleted), and each line it cannot read.
 */
export function journalDifferences(sheets: readonly Sheet[]): Difference[] {
  const journal = findJournal(sheets);
  if (journal === undefined) return [];
  const { entries, problems } = readJournal(journal);
  const present = new Set(sheets.map((s) => nameKey(s.name)));
  const missing = entries
    .filter((e) => e.outcome === 'recorded' && !present.has(nameKey(e.dataSheet)))
    .map((e): Difference => ({
      code: 'journal_record_deleted',
      sheet: journal.name,
      cell: cellAddress(4, e.row),
      row: e.row,
      time: e.time,
      fingerprint: e.fingerprint,
      publicSeed: e.publicSeed,
      dataSheet: e.dataSheet,
    }));
  return [...problems, ...missing];
}
