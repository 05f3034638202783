/**
 * Reading a file's bytes, with the file-system failures a person can meet (wrong path, a folder,
 * no permission) turned into French InputErrors instead of Node's English error codes.
 */

import { fileError } from '../core/fileMessages';
import { promises as fs } from 'fs';
import * as path from 'path';
import { InputError } from '../core/errors';

/** The name shown in messages and in the record: the file name without its folders. */
export function fileBaseName(filePath: string): string {
  return path.basename(filePath);
}

export async function readFileBytes(filePath: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    throw fileSystemError(filePath, error);
  }
}

function fileSystemError(filePath: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileError({ code: 'file_not_found', reason: 'input', path: filePath });
    case 'EISDIR':
      return fileError({ code: 'file_unreadable', reason: 'os', path: filePath, fault: 'directory' });
    case 'EACCES':
    case 'EPERM':
      return fileError({ code: 'file_unreadable', reason: 'os', path: filePath, fault: 'access_denied' });
    default:
      return fileError({ code: 'file_unreadable', reason: 'os', path: filePath, fault: { code: code ?? String(error) } });
  }
}
