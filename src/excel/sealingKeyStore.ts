/**
 * The sealing key of a `tirage-cln/2` draw kept in the workbook itself, from the moment the table's
 * fingerprint is first shown until the draw (issue 16 §1): a reload of the task pane finds it again,
 * so the fingerprint announced in the room stays the one the draw uses.
 *
 * It is kept as a custom XML part (Workbook.customXmlParts, ExcelApi 1.5:
 * https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection): saved in the
 * file, in no sheet, invisible in Excel — so `verify`'s checks of added or hidden sheets, and the
 * sheets the pane lists, are not affected. Its namespace is the key's place: one part, replaced
 * when a new key is kept. After the draw, « Données du tirage » holds the key.
 */
import { checkSealingKey } from '../core/seal';
import { InputError } from '../core/errors';
import type { XlContext } from './officeApi';
import type { ExcelSyncs } from './syncs';

/** The root element's namespace: what getByNamespace finds the part by. */
export const SEALING_KEY_NAMESPACE = 'urn:tirage-cln:sealing-key';

function keyXml(key: string): string {
  return `<sealingKey xmlns="${SEALING_KEY_NAMESPACE}">${key}</sealingKey>`;
}

/** The parts that hold a key, with their ids (one sync). */
async function keptParts(context: XlContext, syncs: ExcelSyncs) {
  const parts = context.workbook.customXmlParts.getByNamespace(SEALING_KEY_NAMESPACE).load('items/id');
  await syncs.sync(context);
  return parts.items;
}

/** Keeps `key` (checked first), replacing any key kept before. Two syncs. */
export async function keepSealingKeyIn(context: XlContext, syncs: ExcelSyncs, key: string): Promise<void> {
  checkSealingKey(key);
  for (const part of await keptParts(context, syncs)) part.delete();
  context.workbook.customXmlParts.add(keyXml(key));
  await syncs.sync(context);
}

/** The key kept in the workbook, or null when there is none. A part that holds no readable key is said, never taken for none. */
export async function readSealingKeyIn(context: XlContext, syncs: ExcelSyncs): Promise<string | null> {
  const parts = await keptParts(context, syncs);
  if (parts.length === 0) return null;
  const xml = parts.map((part) => part.getXml());
  await syncs.sync(context);
  const keys = new Set(xml.map((x) => /^\s*(?:<\?xml[^>]*\?>\s*)?<sealingKey xmlns="urn:tirage-cln:sealing-key">([^<]*)<\/sealingKey>\s*$/.exec(x.value)?.[1] ?? ''));
  const [key] = keys;
  if (keys.size > 1 || key === '') {
    throw new InputError(
      'bad_seal_key',
      'La clé de scellement gardée dans ce classeur est illisible, ou il y en a plusieurs : l’empreinte annoncée ne peut pas être retrouvée. ' +
        'Relisez le tableau : une nouvelle clé et une nouvelle empreinte seront données, à annoncer avant de choisir la graine.',
    );
  }
  checkSealingKey(key);
  return key;
}

/** Removes the kept key (after the draw, or to start again with a new one). One or two syncs. */
export async function forgetSealingKeyIn(context: XlContext, syncs: ExcelSyncs): Promise<void> {
  const parts = await keptParts(context, syncs);
  if (parts.length === 0) return;
  parts.forEach((part) => part.delete());
  await syncs.sync(context);
}
