/**
 * Reading a file's bytes, with the file-system failures a person can meet (wrong path, a folder,
 * no permission) turned into French InputErrors instead of Node's English error codes.
 */

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
      return new InputError(
        'file_not_found',
        `Fichier introuvable : « ${filePath} ». Vérifiez le chemin et le nom du fichier, extension comprise (.xlsx ou .csv).`,
      );
    case 'EISDIR':
      return new InputError(
        'file_unreadable',
        `« ${filePath} » est un dossier, pas un fichier. Indiquez le fichier du tableau des candidatures (.xlsx ou .csv).`,
      );
    case 'EACCES':
    case 'EPERM':
      return new InputError(
        'file_unreadable',
        `Le fichier « ${filePath} » ne peut pas être lu : accès refusé. Vérifiez vos droits sur ce fichier, ou copiez-le dans un dossier à vous.`,
      );
    default:
      return new InputError(
        'file_unreadable',
        `Le fichier « ${filePath} » ne peut pas être lu (${code ?? String(error)}). ` +
          'Vérifiez qu’il n’est pas en cours de copie ou sur un lecteur déconnecté, puis recommencez.',
      );
  }
}
