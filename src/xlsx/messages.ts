/**
 * A package that cannot be read, as an input problem: what the reader found (PackageError) and
 * what the file was meant to be — a candidature table (for `draw` and `probabilities`: saving it
 * again, or as CSV, helps) or a record (for `verify`: only the original record can be checked).
 * The sentence is core's (core/messages.ts).
 */

import { fileError } from '../core/fileMessages';
import { InputError } from '../core/errors';
import type { FilePurpose, PackageFault } from '../core/problems';
import { PackageError } from './zip';

export type { FilePurpose } from '../core/problems';

/** An Excel "Compound File" (D0 CF 11 E0): a workbook encrypted by a password to open, or an old .xls. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0].every((byte, i) => bytes[i] === byte);
}

/** The InputError for a PackageError; any other error is returned as it is. */
export function packageProblem(error: unknown, bytes: Uint8Array, source: string, purpose: FilePurpose): unknown {
  return error instanceof PackageError ? packageInputError(error, bytes, source, purpose) : error;
}

export function packageInputError(error: PackageError, bytes: Uint8Array, source: string, purpose: FilePurpose): InputError {
  switch (error.kind) {
    case 'part_too_large':
      return fileError({ code: 'file_too_large', reason: 'package', source, purpose, fault: { kind: 'part_too_large', part: error.part ?? '', limit: error.limit ?? 0 } });
    case 'package_too_large':
      return fileError({ code: 'file_too_large', reason: 'package', source, purpose, fault: { kind: 'package_too_large', limit: error.limit ?? 0 } });
    case 'strict_workbook':
      return fileError({ code: 'file_unreadable', reason: 'strict_ooxml', source });
    case 'unusual_workbook':
      return fileError({ code: 'file_unreadable', reason: 'not_ordinary_workbook', source });
    default:
      return fileError({ code: 'file_unreadable', reason: 'package', source, purpose, fault: faultOf(error, bytes) });
  }
}

function faultOf(error: PackageError, bytes: Uint8Array): PackageFault {
  switch (error.kind) {
    case 'not_zip':
      return { kind: 'not_zip', compound: isCompoundFile(bytes) };
    case 'corrupt':
    case 'unsupported_compression':
      return { kind: 'corrupt', part: error.part };
    case 'encrypted':
      return { kind: 'encrypted' };
    case 'beyond_grid':
      return { kind: 'beyond_grid', sheet: error.cell?.sheet ?? null, where: error.cell?.reference ?? '' };
    default:
      return { kind: 'not_workbook' };
  }
}
