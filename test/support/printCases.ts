/** The records whose printing issue 13 §3 is about, for the plan's tests and LibreOffice's prints alike. */
import { buildRecord, drawFromTable, newRecordMeta, type Sheet, type SheetModel } from '../../src/core';
import type { SheetRole } from '../../src/core/record/model';

/** 41 rows, 5 set aside, 20 members, 15 on the reserve list: one sex only on each sector's reserve (the longest list). */
export const FULL_COUNCIL_15_RESERVES = { Centre: [5, 2], Est: [2, 5], Ouest: [5, 2], Nord: [2, 5], Sud: [5, 2] } as const;
/** The same size, the reserve list shared between the sexes. */
export const FORM_41 = { Centre: [5, 2], Est: [2, 5], Ouest: [4, 3], Nord: [3, 4], Sud: [5, 2] } as const;
/** Enough officials for the procès-verbal's signatures to fall across a page boundary with the layout of da983e3. */
export const THIRTEEN_OFFICIALS = Array.from({ length: 13 }, (_, i) => `Élu numéro ${i + 1}`);

export function recordSheet(table: Sheet, role: SheetRole, officials: string[] = []): SheetModel {
  const result = drawFromTable(table, { referenceDate: '2025-06-13', publicSeed: '1 2 3', excludeInvalid: true });
  const meta = newRecordMeta({ place: 'Hôtel de ville', officials, candidatureSheet: 'Candidatures', sourceFile: 'formulaire.csv', inputSheets: ['Candidatures'], mandateStart: '2025-06-13' });
  return buildRecord(result, meta).sheets.find((s) => s.role === role) as SheetModel;
}
