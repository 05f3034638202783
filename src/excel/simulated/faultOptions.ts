/**
 * The simulated Excel's faults as a trainer or a test names them (`npm run simulate -- … --fault
 * <panne>`), each one a behaviour of real Excel that the adapter must handle (SimulatedFaults,
 * excel.ts, says where each comes from):
 * - `cell-edit@N`: from sync N, someone types in a cell; Excel refuses CELL_EDIT_REFUSALS requests
 *   with InvalidOperationInCellEditMode, then the cell is left;
 * - `hang@N`: sync N and every later one never answer;
 * - `lost@N`: the connection is lost at sync N;
 * - `defined-name:<Nom>`: the workbook has a defined name <Nom> (« Tirage », « Donnees »…).
 * Syncs are counted from 1 over the whole session: listing the tables, reading the table, then writing.
 */
import { fileError } from '../../core/fileMessages';
import type { SimulatedExcel } from './excel';
import { quoteSheetName } from './state';

/** How many requests a `cell-edit` fault refuses before the cell is left. */
export const CELL_EDIT_REFUSALS = 3;

export type FaultOption =
  | { kind: 'cell-edit'; sync: number }
  | { kind: 'hang'; sync: number }
  | { kind: 'lost'; sync: number }
  | { kind: 'defined-name'; name: string };

export function parseFaultOption(text: string): FaultOption {
  const at = /^(cell-edit|hang|lost)@([1-9][0-9]*)$/.exec(text.trim());
  if (at !== null) return { kind: at[1] as 'cell-edit' | 'hang' | 'lost', sync: Number(at[2]) };
  const named = /^defined-name:(.+)$/.exec(text.trim());
  if (named !== null) return { kind: 'defined-name', name: named[1] };
  throw fileError({ code: 'bad_fault', reason: 'unknown_fault', text });
}

export function applyFaultOption(excel: SimulatedExcel, fault: FaultOption): void {
  switch (fault.kind) {
    case 'cell-edit':
      excel.faults = { ...excel.faults, cellEdit: { fromSync: fault.sync, refusals: CELL_EDIT_REFUSALS } };
      return;
    case 'hang':
      excel.faults = { ...excel.faults, hangFromSync: fault.sync };
      return;
    case 'lost':
      excel.faults = { ...excel.faults, failFromSync: { sync: fault.sync, code: 'ConnectionFailure' } };
      return;
    case 'defined-name': {
      const first = excel.workbook.sheets[0]?.name ?? 'Feuil1';
      excel.workbook.definedNames.push({ name: fault.name, refersTo: `${quoteSheetName(first)}!$A$1` });
    }
  }
}
