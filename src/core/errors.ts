/**
 * The error that stops the work before any draw: it carries an InputProblem (core/problems.ts), a
 * code with its parameters, and the French sentence core/messages.ts makes of it, as its message.
 * A program tests `code` (or reads `problem`); a person reads `message` and `lines`.
 */
import type { Field } from './fields';
import { describeInputProblem, inputProblemLines } from './messages';
import { isFileProblem, type CoreInputProblem, type FileProblem, type InputErrorCode, type InputProblem } from './problems';
import type { RowProblem } from './rowProblems';

export type { InputErrorCode, InputProblem } from './problems';
export { INELIGIBILITY_CODES, type IneligibilityCode, type RowProblem } from './rowProblems';
export { cellAddress, columnLetter } from './sheet';

export class InputError extends Error {
  readonly problem: InputProblem;
  readonly code: InputErrorCode;
  /** One French line per item, when the problem has several (rows set aside, cells, people offered); [message] otherwise. */
  readonly lines: readonly string[];
  /**
   * What a front end needs beyond the words to offer its own remedy (the task pane lists the
   * table's headers to map a missing column, the rows to set aside…), when the code has any.
   */
  readonly details: InputErrorDetails;

  /**
   * `field`: the stated fact the problem is about (core/drawRequest.ts, core/replacement.ts), for a
   * front end to show it there. A file's problem comes with its `words` (fileMessages.ts's
   * fileError), so that a front end that reads no file does not carry their sentences.
   */
  constructor(problem: CoreInputProblem, options?: { field?: string });
  constructor(problem: FileProblem, options: { words: string });
  constructor(problem: InputProblem, options: { field?: string; words?: string } = {}) {
    const words = options.words ?? describeInputProblem(problem as CoreInputProblem);
    super(words);
    this.name = 'InputError';
    this.problem = problem;
    this.code = problem.code;
    this.lines = options.words !== undefined ? [words] : inputProblemLines(problem as CoreInputProblem);
    this.details = { ...detailsOf(problem), ...(options.field === undefined ? {} : { field: options.field }) };
  }
}

export interface InputErrorDetails {
  /** `ineligible_rows`: every problem, row by row. */
  problems?: readonly RowProblem[];
  /** `missing_columns`: the fields not found, and the headers of the closest row. */
  missingFields?: readonly Field[];
  headerRow?: number;
  headers?: readonly { cell: string; text: string }[];
  /** `choice_needed`: the rows of the reserves offered for a replacement, in call order. */
  offered?: readonly number[];
  /**
   * The stated fact a problem is about, for a front end to show it beside its field: a draw request's
   * field (core/drawRequest.ts), or a replacement's (`bad_replacement`, `choice_needed`: core/replacement.ts).
   */
  field?: string;
  /** `fingerprint_mismatch`: the fingerprint announced in the room, and the table's now. */
  fingerprints?: { announced: string; actual: string };
}

function detailsOf(problem: InputProblem): InputErrorDetails {
  switch (problem.code) {
    case 'ineligible_rows':
      return { problems: problem.problems };
    case 'missing_columns':
      return problem.reason === 'fields'
        ? { missingFields: problem.missing.map((m) => m.field), headerRow: problem.header.row, headers: problem.header.cells }
        : {};
    case 'choice_needed':
      return { offered: problem.offered.map((o) => o.row) };
    case 'fingerprint_mismatch':
      return { fingerprints: { announced: problem.announced, actual: problem.actual } };
    default:
      return {};
  }
}

/** A problem as a Difference keeps it: its code and facts, or the words a file's problem came with (fileMessages.ts). */
export function keptProblem(error: InputError): CoreInputProblem | { message: string } {
  return isFileProblem(error.problem) ? { message: error.message } : error.problem;
}
