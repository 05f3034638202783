/**
 * Replacements in a record workbook: adding one (`replace`) and checking them all (`verify`).
 * Both read the record's draw again from its data sheet and apply the replacement rule
 * (core/replacement.ts) to the stated facts of every Remplacement sheet, in date order, so what is
 * written and what is checked cannot drift apart.
 */
import type { DrawResult } from '../draw';
import { chainNext, chainStart, replacementEvent, replacementFingerprints } from '../replacementLog';
import { InputError, keptProblem } from '../errors';
import { mandatePeriod } from '../mandate';
import { MandateMembers, type Replacement, type ReplacementRequest } from '../replacement';
import type { RecordData } from './dataSheet';
import type { SheetModel } from './model';
import { chooseReplacementSheetName, replacementNumberOf } from './names';
import { buildReplacementSheet, hasReplacementFingerprintLine, isReplacementSheet, readReplacementSheet, type ReplacementContext } from './replacementSheet';
import type { Difference } from '../problems';
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
  compare: (model: SheetModel, grid: Sheet) => Difference[],
): { sheets: string[]; differences: Difference[]; fingerprints: string[] } {
  const context = contextOf(result, data, dataSheet);
  const members = new MandateMembers(result, context.mandate);
  const differences: Difference[] = [];
  const mine = ofRecord(found, dataSheet);
  const fingerprints: string[] = [];
  let chain = chainStart(result.seedKey);
  for (const { grid, request } of mine) {
    let replacement: Replacement;
    try {
      replacement = members.replace(request);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      differences.push({ code: 'replacement_against_rule', sheet: grid.name, problem: keptProblem(error) });
      continue;
    }
    chain = chainNext(chain, replacementEvent(replacement));
    fingerprints.push(chain);
    // A sheet written before §11 has no fingerprint line, and is compared in its own layout.
    const shown = hasReplacementFingerprintLine(grid.rows) ? chain : null;
    differences.push(...compare(buildReplacementSheet(grid.name, context, replacement, shown), grid));
  }
  return { sheets: mine.map((m) => m.grid.name), differences, fingerprints };
}

/**
 * The replacements recorded for the draw of `dataSheet`, applied again in date order: what its
 * public record lists. For a record that verifies (a refused one throws the rule's InputError).
 */
export function recordedReplacements(result: DrawResult, data: RecordData, dataSheet: string, sheets: readonly Sheet[]): Replacement[] {
  const members = new MandateMembers(result, contextOf(result, data, dataSheet).mandate);
  return ofRecord(findReplacementSheets(sheets), dataSheet).map(({ request }) => members.replace(request));
}

/**
 * `--replacement-fingerprint`: the published fingerprint must be the last replacement's (§11).
 * Against it, an edited date or reason, a changed person and a deleted last replacement show; a
 * replacement recorded after the published one shows too (its own notice is then to publish).
 */
export function replacementAnnouncedDifference(announced: string, fingerprints: readonly string[]): Difference | null {
  if (fingerprints[fingerprints.length - 1] === announced) return null;
  return { code: 'replacement_fingerprint_not_found', announced, recorded: [...fingerprints] };
}

/**
 * `replace`: the new replacement of the record's draw, after those already recorded, its sheet
 * under the next free name ("Remplacement", "Remplacement (2)"…) and its fingerprint (§11), and
 * every replacement of the draw so far, this one last (what the public record lists).
 */
export function nextReplacement(
  result: DrawResult,
  data: RecordData,
  dataSheet: string,
  sheets: readonly Sheet[],
  request: ReplacementRequest,
): { replacement: Replacement; sheet: SheetModel; fingerprint: string; replacements: Replacement[] } {
  const context = contextOf(result, data, dataSheet);
  const members = new MandateMembers(result, context.mandate);
  const replacements = ofRecord(findReplacementSheets(sheets), dataSheet).map((earlier) => members.replace(earlier.request));
  const replacement = members.replace(request);
  replacements.push(replacement);
  const fingerprints = replacementFingerprints(result.seedKey, replacements.map(replacementEvent));
  const fingerprint = fingerprints[fingerprints.length - 1];
  const name = chooseReplacementSheetName(sheets.map((s) => s.name));
  return { replacement, sheet: buildReplacementSheet(name, context, replacement, fingerprint), fingerprint, replacements };
}
