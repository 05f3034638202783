/**
 * What a person reads when a package cannot be read: one French sentence per PackageError kind,
 * with the remedy that fits what the file was meant to be — a candidature table (for `draw` and
 * `probabilities`: saving it again, or as CSV, helps) or a record (for `verify`: only the original
 * record can be checked, so converting it would not help).
 */

import { InputError } from '../core/errors';
import { PackageError } from './zip';

export type FilePurpose = 'table' | 'record';

const SAVE_AS_XLSX = 'Ouvrez-le dans Excel et enregistrez-le à nouveau au format « Classeur Excel (*.xlsx) »';

const REMEDY: Record<FilePurpose, string> = {
  table: `${SAVE_AS_XLSX}, ou enregistrez le tableau au format CSV.`,
  record: 'Vérifiez que c’est bien le registre publié, et reprenez-en une copie complète (depuis l’archive ou le site de publication).',
};

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} Mo`;
}

/** An Excel "Compound File" (D0 CF 11 E0): a workbook encrypted by a password to open, or an old .xls. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0].every((byte, i) => bytes[i] === byte);
}

/** The InputError for a PackageError; any other error is returned as it is. */
export function packageProblem(error: unknown, bytes: Uint8Array, source: string, purpose: FilePurpose): unknown {
  return error instanceof PackageError ? packageInputError(error, bytes, source, purpose) : error;
}

export function packageInputError(error: PackageError, bytes: Uint8Array, source: string, purpose: FilePurpose): InputError {
  const name = `« ${source} »`;
  switch (error.kind) {
    case 'not_zip':
      if (isCompoundFile(bytes)) {
        return new InputError(
          'file_unreadable',
          `Le fichier ${name} n’est pas un classeur .xlsx ordinaire : soit il est protégé par un mot de passe ` +
            'à l’ouverture, soit c’est un ancien classeur .xls renommé. Ouvrez-le dans Excel, retirez le mot de passe ' +
            's’il y en a un (Fichier > Informations > Protéger le classeur), puis enregistrez-le au format « Classeur Excel (*.xlsx) ».',
        );
      }
      return new InputError(
        'file_unreadable',
        purpose === 'table'
          ? `Le fichier ${name} n’est pas un classeur Excel lisible : il est endommagé, ou c’est un autre type de fichier renommé en .xlsx. ${REMEDY.table}`
          : `Le fichier ${name} n’est pas un classeur Excel (.xlsx) : un registre de tirage est un classeur Excel. ${REMEDY.record}`,
      );
    case 'corrupt':
    case 'unsupported_compression':
      return new InputError(
        'file_unreadable',
        `Le classeur ${name} est endommagé ou incomplet${error.part ? ` (partie « ${error.part} »)` : ''} : une copie ou un ` +
          `téléchargement interrompu, par exemple. ${purpose === 'table' ? REMEDY.table : REMEDY.record}`,
      );
    case 'beyond_grid': {
      // Not damage: a program other than Excel wrote past its grid (row 1,048,576, column XFD).
      const where = `${error.cell?.sheet ? `dans la feuille « ${error.cell.sheet} », ` : ''}${error.cell?.reference ?? ''}`;
      return new InputError(
        'file_unreadable',
        `Le classeur ${name} a une cellule au-delà des limites d’une feuille Excel (${where} ; Excel s’arrête à la ligne 1 048 576 et à la colonne XFD) : ` +
          'il a été écrit par un autre programme qu’Excel, qui ne l’ouvrirait pas en entier. ' +
          (purpose === 'table'
            ? 'Faites écrire le tableau dans les limites d’Excel (ou enregistrez-le en CSV), puis recommencez.'
            : 'Un registre écrit par cet outil reste dans ces limites : ce fichier a été modifié ou n’est pas le registre publié.'),
      );
    }
    case 'encrypted':
      return new InputError(
        'file_unreadable',
        `Le fichier ${name} est une archive chiffrée, qu’Excel n’ouvre pas comme un classeur. ${purpose === 'table' ? REMEDY.table : REMEDY.record}`,
      );
    case 'not_workbook':
      return new InputError(
        'file_unreadable',
        `Le fichier ${name} n’est pas un classeur Excel : c’est une autre sorte de document (Word, PowerPoint, archive…) ` +
          `renommé en .xlsx. ${purpose === 'table' ? REMEDY.table : REMEDY.record}`,
      );
    case 'strict_workbook':
      return new InputError(
        'file_unreadable',
        `Le classeur ${name} est enregistré au format « Feuille de calcul Open XML Strict », que cet outil lit mais ne complète pas. ${SAVE_AS_XLSX}.`,
      );
    case 'unusual_workbook':
      return new InputError('file_unreadable', `Le fichier ${name} n’est pas un classeur Excel ordinaire. ${SAVE_AS_XLSX}.`);
    case 'part_too_large':
    case 'package_too_large': {
      const what =
        error.kind === 'part_too_large'
          ? `sa partie « ${error.part} » dépasse ${megabytes(error.limit ?? 0)} une fois décompressée (limite par partie)`
          : `son contenu dépasse ${megabytes(error.limit ?? 0)} une fois décompressé (limite pour l’ensemble du classeur)`;
      const remedy =
        purpose === 'table'
          ? 'Un tableau de candidatures, même d’un million de lignes, tient dans cette limite : retirez les images ou objets volumineux du classeur, ou copiez le tableau seul dans un nouveau classeur (ou enregistrez-le en CSV), puis recommencez.'
          : 'Un registre écrit par cet outil tient dans cette limite : ce fichier a été modifié ou n’est pas le registre publié.';
      return new InputError('file_too_large', `Le classeur ${name} est refusé : ${what}. ${remedy}`);
    }
  }
}
