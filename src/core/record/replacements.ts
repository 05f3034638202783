/**
 * Replacements in a record workbook: adding one (`replace`) and checking them all (`verify`).
 * Both read the record's draw again from its data sheet and apply the replacement rule
 * (core/replacement.ts) to the stated facts of every Remplacement sheet, in date order, so what is
 * written and what is checked cannot drift apart.
 */
import type { DrawResult } from '../draw';
import { InputError } from '../errors';
import { mandatePeriod } from '../mandate';
import { MandateMembers, type Replacement, type ReplacementRequest } from '../replacement';
import type { RecordData } from './dataSheet';
import type { SheetModel } from './model';
import { chooseReplacementSheetName, replacementNumberOf } from './names';
import { buildReplacementSheet, isReplacementSheet, readReplacementSheet, type ReplacementContext } from './replacementSheet';
import type { Sheet } from '../sheet';

/** A replacement sheet of the workbook, its stated facts read. */
export interface FoundReplacement {
  grid: Sheet;
  stated: ReturnType<typeof readReplacementSheet>;
}

/** Every sheet that is a replacement sheet, by its title or by the name the tool gives it. */
export function findReplacementSheets(sheets: readonly Sheet[]): FoundReplacement[] {
  return sheets
    .filter((grid) => isReplacementSheet(grid.rows) || replacementNumberOf(grid.name) !== null)
    .map((grid) => ({ grid, stated: readReplacementSheet(grid.name, grid.rows) }));
}

/** The ones stated for the draw of `dataSheet`, in date order (then in the order of their sheets' numbers). */
function ofRecord(found: readonly FoundReplacement[], dataSheet: string): { grid: Sheet; request: ReplacementRequest }[] {
  const mine: { grid: Sheet; request: ReplacementRequest }[] = [];
  for (const f of found) if (!('problem' in f.stated) && f.stated.dataSheet === dataSheet) mine.push({ grid: f.grid, request: f.stated.request });
  const number = (grid: Sheet) => replacementNumberOf(grid.name) ?? Number.MAX_SAFE_INTEGER;
  return mine.sort((a, b) => (a.request.date < b.request.date ? -1 : a.request.date > b.request.date ? 1 : number(a.grid) - number(b.grid)));
}

/** The departures recorded for the draw of `dataSheet`, in date order, as their sheets state them. */
export function recordedRequests(sheets: readonly Sheet[], dataSheet: string): ReplacementRequest[] {
  return ofRecord(findReplacementSheets(sheets), dataSheet).map((r) => r.request);
}

function contextOf(result: DrawResult, data: RecordData, dataSheet: string): ReplacementContext {
  return { dataSheet, fingerprint: result.prepared.canonical.fingerprint, drawDate: result.prepared.referenceDate, mandate: mandatePeriod(data.meta.mandateStart) };
}

/**
 * `verify`: every replacement of this draw applied again, in date order; a refused one or a cell
 * that differs from what the rule gives is a difference. Returns the sheets checked too.
 */
export function checkReplacements(
  result: DrawResult,
  data: RecordData,
  dataSheet: string,
  found: readonly FoundReplacement[],
  /** verify's cell-by-cell comparison, the same as for every other record sheet. */
  compare: (model: SheetModel, grid: Sheet) => string[],
): { sheets: string[]; differences: string[] } {
  const context = contextOf(result, data, dataSheet);
  const members = new MandateMembers(result, context.mandate);
  const differences: string[] = [];
  const mine = ofRecord(found, dataSheet);
  for (const { grid, request } of mine) {
    let replacement: Replacement;
    try {
      replacement = members.replace(request);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      differences.push(`Feuille « ${grid.name} » : ce remplacement ne suit pas la règle. ${error.message}`);
      continue;
    }
    differences.push(...compare(buildReplacementSheet(grid.name, context, replacement), grid));
  }
  return { sheets: mine.map((m) => m.grid.name), differences };
}

/**
 * `replace`: the new replacement of the record's draw, after those already recorded, and its
 * sheet under the next free name ("Remplacement", "Remplacement (2)"…).
 */
export function nextReplacement(
  result: DrawResult,
  data: RecordData,
  dataSheet: string,
  sheets: readonly Sheet[],
  request: ReplacementRequest,
): { replacement: Replacement; sheet: SheetModel } {
  const context = contextOf(result, data, dataSheet);
  const members = new MandateMembers(result, context.mandate);
  for (const earlier of ofRecord(findReplacementSheets(sheets), dataSheet)) members.replace(earlier.request);
  const replacement = members.replace(request);
  const name = chooseReplacementSheetName(sheets.map((s) => s.name));
  return { replacement, sheet: buildReplacementSheet(name, context, replacement) };
}
