/**
 * `--public-out <public.xlsx>`: the public record of a sealed draw (`tirage-cln/2`) as a workbook of
 * its own, to publish — before the seed, the sealed table (`probabilities`); after the draw,
 * « Registre public » and « Publication » (`draw`), with the mandate's replacements (`replace`).
 * Its sheets come from core (publicWorkbook.ts), its file from the project's own writer.
 */
import { fileError } from '../core/fileMessages';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { InputError, SEALED_ALGORITHM, type AlgorithmId, type RecordModel } from '../core';
import { recordOutputPath, writeRecordWorkbook } from '../file/recordWriter';
import { refuseExisting } from './record';

/** A public record is a sealed draw's: a `/1` draw's fingerprint covers the candidatures themselves, which are not published. */
export function refuseUnsealedPublicRecord(algorithm: AlgorithmId): void {
  if (algorithm === SEALED_ALGORITHM) return;
  throw new InputError({ code: 'public_record_unsealed' });
}

/**
 * Checks the public record's path before anything is written: an .xlsx file, not the record's own
 * file, not an existing file unless `replace`. Returns the resolved path.
 */
export function publicOutputPath(typed: string, replace: boolean, recordOut?: string): string {
  const outPath = recordOutputPath(typed);
  if (recordOut !== undefined && resolve(recordOut) === outPath) {
    throw fileError({ code: 'output_is_input', reason: 'public_over_record', name: typed });
  }
  refuseExisting(outPath, typed, 'public_record', replace);
  return outPath;
}

/** Writes the public workbook (its folder created when needed, the file written whole or not at all). */
export async function writePublicWorkbook(model: RecordModel, outPath: string): Promise<string[]> {
  try {
    mkdirSync(dirname(outPath), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw fileError({ code: 'file_unwritable', reason: 'public_record_folder', folder: dirname(outPath), fault: code });
  }
  await writeRecordWorkbook({ input: { kind: 'none' }, model, outPath });
  return model.sheets.map((s) => s.name);
}
