/**
 * The public record as a workbook of its own (`tirage-cln/2`): what the city publishes, apart from
 * the private record. Before the seed, the sealed table alone (« Registre public », titled as such);
 * after the draw, « Registre public » and « Publication ». Every front end asks here for the sheets'
 * models — the CLI writes them with src/file, the add-in can hand them to `Excel.createWorkbook` as
 * bytes (src/xlsx writes them in the browser too) — and `verify` rebuilds them from the private
 * record to compare (verifyPublic.ts), so that they are made once.
 */
import type { DrawFacts, DrawResult, PreparedDraw } from '../draw';
import type { Replacement } from '../replacement';
import type { RecordModel, SheetModel } from './model';
import { BASE_SHEET_NAMES } from './names';
import { buildPublicationSheet } from './publicationSheet';
import { publicDrawRecord, sealedOutcomes, sealedTableOf, type PublicRecordMeta, type SealedOutcome } from './publicRecord';
import { buildPublicRegisterSheet } from './publicRegisterSheet';

/** The sheets of a public workbook: its own, never numbered (it holds one draw). */
export const PUBLIC_SHEET_NAMES = { publicRegister: BASE_SHEET_NAMES.publicRegister, publication: BASE_SHEET_NAMES.publication } as const;

/** Before the seed: the sealed table alone, to publish with the fingerprint while receipts are sent. */
export function buildSealedTableWorkbook(prepared: PreparedDraw): RecordModel {
  return { sheets: [buildPublicRegisterSheet(sealedTableOf(prepared), PUBLIC_SHEET_NAMES.publicRegister)] };
}

/** The public workbook of a drawn record, from its public facts (the private draw's, or a published record's own). */
export function publicWorkbookOf(draw: DrawFacts, lines: readonly SealedOutcome[], meta: PublicRecordMeta, replacements: readonly Replacement[]): RecordModel {
  const sheets: SheetModel[] = [
    buildPublicRegisterSheet(publicDrawRecord(draw, lines, meta, replacements), PUBLIC_SHEET_NAMES.publicRegister),
    buildPublicationSheet(draw, { ...meta, sheetNames: { publication: PUBLIC_SHEET_NAMES.publication } }),
  ];
  return { sheets };
}

/**
 * After the draw: the public record of a sealed draw — « Registre public » with the replacements
 * recorded so far (date order, as `replace` and `verify` apply them), then « Publication ».
 */
export function buildPublicRecord(result: DrawResult, meta: PublicRecordMeta, replacements: readonly Replacement[] = []): RecordModel {
  return publicWorkbookOf(result, sealedOutcomes(result), meta, replacements);
}
