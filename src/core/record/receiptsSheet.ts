/**
 * The « Reçus » sheet of a sealed draw's record (`tirage-cln/2`, ALGORITHM.md §10): each eligible
 * candidature's row, name and receipt, for the city's mailing. Private, like the rest of the record:
 * a receipt is what lets its holder, and only them, find their own line in the public record.
 */
import type { DrawResult, PreparedDraw } from '../draw';
import { formatReceipt } from '../seal';
import { sealsByCandidature } from '../sealedLines';
import type { RecordMeta } from './meta';
import type { RecordModel, SheetModel } from './model';
import { BASE_SHEET_NAMES, BASE_TABLE_NAMES, recordTableName, sheetNameOf } from './names';
import { SheetBuilder, STYLES } from './sheetBuilder';

export const RECEIPTS_HEADER = ['Ligne', 'N°', 'Nom', 'Prénom', 'Secteur', 'Reçu'];
const HEADER_ROW = 4;
const RECEIPT: { monospace: true } = { monospace: true };

export function buildReceiptsSheet(result: DrawResult, meta: RecordMeta): SheetModel {
  return receiptsSheet(result.prepared, sheetNameOf(meta.sheetNames, 'receipts'));
}

/**
 * Before the seed, the receipts alone, as a workbook of its own (the task pane opens it at step 3):
 * the city can send them while the sealed table is published, so that each candidate checks their
 * line before the draw. The same sheet as the record's, the same receipts.
 */
export function buildReceiptsWorkbook(prepared: PreparedDraw): RecordModel {
  return { sheets: [receiptsSheet(prepared, BASE_SHEET_NAMES.receipts)] };
}

function receiptsSheet(prepared: PreparedDraw, name: string): SheetModel {
  const seals = sealsByCandidature(prepared);
  if (seals === null) throw new Error('receipts belong to a sealed draw');
  const sheet = new SheetBuilder('receipts', name, [7, 9, 22, 18, 10, 32], `Tirage CLN, reçus (ne pas publier) — empreinte ${prepared.canonical.fingerprint}`);
  const last = RECEIPTS_HEADER.length;
  sheet.merged(1, 1, last, 'Reçus des candidatures : à envoyer à chaque candidat·e le sien, jamais à publier', STYLES.title);
  sheet.merged(
    2,
    1,
    last,
    'Chaque candidature recevable a un reçu secret (24 chiffres hexadécimaux). Avec lui, et lui seul, son titulaire retrouve sa ligne dans le registre ' +
      'public et vérifie son secteur, son sexe, sa priorité d’âge et son statut. Cette feuille, comme tout le registre, reste à la Ville.',
    STYLES.note,
  );
  sheet.row(HEADER_ROW, RECEIPTS_HEADER, STYLES.header);
  let row = HEADER_ROW + 1;
  prepared.candidatures.forEach((c, i) => {
    const seal = seals[i];
    if (seal === null) return;
    sheet.row(row, [c.row, c.id, c.lastName, c.firstName, c.sector]);
    sheet.set(row++, last, formatReceipt(seal.receipt), RECEIPT);
  });
  return sheet
    .table({ name: recordTableName(BASE_TABLE_NAMES.receipts, name), headerRow: HEADER_ROW, firstColumn: 1, lastColumn: last, lastRow: Math.max(HEADER_ROW + 1, row - 1) })
    .freeze(HEADER_ROW)
    .print({ orientation: 'portrait' })
    .build();
}
