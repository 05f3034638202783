/**
 * What the session's steps show, computed from the engine's data: pure functions, no DOM, no
 * Excel. The rules themselves stay in core; this module only arranges their results for the pane.
 */
import { toNumber } from '../../core/fraction';
import type { CandidateOutcome, DrawResult, PreparedDraw } from '../../core/draw';
import { drawnOutcomes, groupBySectorAndSex, type DrawnOutcome } from '../../core/outcome';
import { isEligible } from '../../core/candidatures';
import { columnLetter, type RowProblem } from '../../core/errors';
import { describeRowProblem } from '../../core/messages';
import type { Difference } from '../../core/problems';
import { FIELD_LABELS, findColumns, type ColumnMapping, type Field } from '../../core/columns';
import { WHOLE_SHEET, type TableSource } from '../../core/sheet';
import { SEXES, type Sex } from '../../core/rules';
import { inCallOrder } from '../../core/callOrder';
import { displayName } from '../../core/record/labels';
import { isRecordSheetName, nameKey } from '../../core/record/names';
import { JOURNAL_SHEET } from '../../core/record/journal';
import type { TableRef, WorkbookContents } from '../../excel/tableReader';

export interface CountRow {
  sector: string;
  F: number;
  H: number;
  total: number;
}

/** Eligible candidatures per sector and sex, laid out like the slide (Secteurs × Femmes / Hommes / Total), with the total row. */
export function countsBySectorAndSex(prepared: PreparedDraw): CountRow[] {
  const rows: CountRow[] = prepared.rules.sectors.map((sector) => ({ sector, F: 0, H: 0, total: 0 }));
  const bySector = new Map(rows.map((r) => [r.sector, r]));
  for (const c of prepared.candidatures) {
    if (!isEligible(c)) continue;
    const row = bySector.get(c.sector);
    if (row === undefined) continue;
    row[c.sex]++;
    row.total++;
  }
  const total = { sector: 'Total', F: 0, H: 0, total: 0 };
  for (const r of rows) for (const key of ['F', 'H', 'total'] as const) total[key] += r[key];
  return [...rows, total];
}

/** The recognised columns, as the table names them: field, column letter, header text. */
export function recognisedColumns(table: TableSource, mapping: ColumnMapping = {}): { field: string; column: string; header: string }[] {
  const map = findColumns(table.sheet, table.bounds ?? WHOLE_SHEET, mapping);
  const headerCells = table.sheet.rows[map.headerRow - 1] ?? [];
  return (Object.keys(FIELD_LABELS) as Field[])
    .filter((field) => map.columns[field] !== undefined)
    .map((field) => {
      const index = map.columns[field] as number;
      const header = headerCells[index];
      return { field: FIELD_LABELS[field], column: columnLetter(index), header: header === null || header === undefined ? '' : String(header) };
    });
}

/** Every row problem, one line each, with the cell to select (the row's first cell when no single cell is at fault). */
export function problemLines(prepared: PreparedDraw): { problem: RowProblem; text: string; cell: string }[] {
  return prepared.candidatures.flatMap((c) => c.problems.map((problem) => ({ problem, text: describeRowProblem(problem), cell: problem.cell ?? `A${problem.row}` })));
}

export interface SeatLine {
  sector: string;
  seats: number;
  /** Women's seats: the seed chooses among the optimal allocations, between these bounds. */
  minWomen: number;
  maxWomen: number;
}

export function seatLines(prepared: PreparedDraw): SeatLine[] {
  return prepared.space.sectors.map((s, i) => ({ sector: prepared.rules.sectors[i], seats: s.seats, minWomen: s.minWomen, maxWomen: s.maxWomen }));
}

export interface ChanceLine {
  row: number;
  name: string;
  sector: string;
  sex: Sex;
  /** Percentage, one decimal, French comma. */
  chance: string;
}

export function percent(value: number): string {
  return `${(Math.round(value * 1000) / 10).toFixed(1).replace('.', ',')} %`;
}

/** Each eligible candidate's chance of being selected, in row order. */
export function chanceLines(prepared: PreparedDraw): ChanceLine[] {
  return prepared.candidatures.flatMap((c, i) =>
    isEligible(c) ? [{ row: c.row, name: displayName(c.lastName, c.firstName), sector: c.sector, sex: c.sex, chance: percent(toNumber(prepared.chances[i])) }] : [],
  );
}

/** One sector's people of one status, women and men apart, each list in call order. */
export interface SectorPeople {
  sector: string;
  women: string[];
  men: string[];
}

/**
 * The members, or the reserve list, by sector (in the rules' order) then by sex, in call order, as
 * the Publication sheet lays them out; a reserve is shown with its rank (« 2. DUPONT Marie »).
 */
export function peopleBySector(result: DrawResult, status: DrawnOutcome['status']): SectorPeople[] {
  const drawn = drawnOutcomes(inCallOrder(result.outcomes)).filter((o) => o.status === status);
  const name = (o: DrawnOutcome) => {
    const shown = displayName(o.candidature.lastName, o.candidature.firstName);
    return o.status === 'reserve' ? `${o.reserveRank}. ${shown}` : shown;
  };
  return groupBySectorAndSex(result.prepared.rules.sectors, drawn).map((g) => ({ sector: g.sector, women: g.bySex.F.map(name), men: g.bySex.H.map(name) }));
}

/** Members during the mandate (the draw's, and those who joined by a replacement), by sector then sex, in call order. */
export function membersNow(sectors: readonly string[], members: readonly CandidateOutcome[]): SectorPeople[] {
  const name = (o: DrawnOutcome) => displayName(o.candidature.lastName, o.candidature.firstName);
  return groupBySectorAndSex(sectors, drawnOutcomes(inCallOrder(members))).map((g) => ({ sector: g.sector, women: g.bySex.F.map(name), men: g.bySex.H.map(name) }));
}

/** How many people a grouping holds, women and men. */
export function headcount(groups: readonly SectorPeople[]): { women: number; men: number } {
  return groups.reduce((n, g) => ({ women: n.women + g.women.length, men: n.men + g.men.length }), { women: 0, men: 0 });
}

/** The cell a difference of `verify` points to, to select it in Excel; null when it is about no single cell. */
export function differenceTarget(difference: Difference): { sheet: string; cell: string } | null {
  const { sheet, cell } = difference as { sheet?: string; cell?: string };
  return sheet !== undefined && cell !== undefined ? { sheet, cell } : null;
}

/** The data sheets of the records already in the workbook (by their names). */
export function recordDataSheets(contents: WorkbookContents): string[] {
  return contents.sheets.filter((name) => isRecordSheetName(name, 'data'));
}

/** How a source is named in the pane's list: short, so that the list fits a 270-pixel pane. */
export function sourceLabel(ref: TableRef): string {
  return ref.kind === 'table' ? `Tableau « ${ref.name} »` : `Feuille « ${ref.sheet} »`;
}

/** What the chosen source is, said under the list. */
export function sourceDetail(ref: TableRef): string {
  return ref.kind === 'table' ? `Tableau Excel de la feuille « ${ref.sheet} ».` : `Toutes les cellules de la feuille « ${ref.sheet} ».`;
}

export function sameSource(a: TableRef, b: TableRef): boolean {
  return a.kind === b.kind && a.sheet === b.sheet && (a.kind === 'sheet' || (b.kind === 'table' && a.name === b.name));
}

/** Excel tables first (the usual case), then every sheet that is not part of a record. */
export function sourceChoices(contents: WorkbookContents): TableRef[] {
  const sheets = contents.sheets.filter((name) => !isRecordSheetName(name) && nameKey(name) !== nameKey(JOURNAL_SHEET));
  return [...contents.tables.filter((t) => !isRecordSheetName(t.sheet)), ...sheets.map((sheet) => ({ kind: 'sheet' as const, sheet }))];
}

/** "2025-06-13T18:04:05Z": the journal's time, to the second, in UTC. */
export function journalTime(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Today as YYYY-MM-DD in the operator's own time zone (the day of the session). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const SEX_COLUMNS: readonly Sex[] = SEXES;
