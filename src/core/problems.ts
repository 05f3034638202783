/**
 * What can go wrong, as codes with their parameters, never as sentences:
 * - InputProblem: what stops the work before any draw — the input, the file, the parameters.
 *   `code` is what a program tests (the CLI's exit code and remedy, the task pane's button);
 *   `reason`, where a code has several, says which case it is. The InputError that carries one
 *   (core/errors.ts) keeps its sentence as its message.
 * - Difference: what `verify` finds between a record and the draw recomputed from its data, with
 *   the sheet and the cell it is about, so the task pane selects that cell without reading words.
 * - RecordDamage: why a data sheet cannot be read as a record's.
 * The French sentences are made from these in one place, core/messages.ts; each front end adds
 * its own remedy (the CLI a flag, the task pane a button). One module, because these types refer
 * to each other (a record not conforming lists its differences, a difference may carry a problem).
 */
import type { Field } from './fields';
import type { RecordValue } from './record/model';
import type { CellValue } from './sheet';
import type { IneligibilityCode, RowProblem } from './rowProblems';
import type { SealingKeyProblem } from './sealingKey';
import type { Sex } from './rules';
import type { TypedCode } from './typedCode';

export type InputErrorCode = InputProblem['code'];

/** The problems only a front end that reads and writes files raises: worded in fileMessages.ts (fileError), not in messages.ts. */
export const FILE_PROBLEM_CODES = [
  'file_not_found',
  'file_unreadable',
  'file_too_large',
  'unsupported_format',
  'output_is_input',
  'output_exists',
  'file_unwritable',
  'sheet_exists',
  'bad_fault',
  'seal_key_missing',
] as const;
export type FileProblem = Extract<InputProblem, { code: (typeof FILE_PROBLEM_CODES)[number] }>;
export type CoreInputProblem = Exclude<InputProblem, { code: (typeof FILE_PROBLEM_CODES)[number] }>;

export function isFileProblem(problem: InputProblem): problem is FileProblem {
  return (FILE_PROBLEM_CODES as readonly string[]).includes(problem.code);
}

/** Why a text cannot be kept exactly in a record cell (keepableText.ts). */
export type Unkeepable =
  | { kind: 'too_long'; length: number; maximum: number }
  | { kind: 'control_character'; codePoint: number; position: number };

/** A code typed back that is not one (typedCode.ts). */
export type TypedCodeProblem = Exclude<TypedCode, { ok: true }>;

/** What a file was meant to be: a candidature table (saving it again helps) or a record (only the original can be checked). */
export type FilePurpose = 'table' | 'record';

/** What is wrong with a zip package (src/xlsx's PackageError, as core can know it). */
export type PackageFault =
  /** Not a zip; `compound`: an Excel "Compound File" (a workbook with a password to open, or an old .xls). */
  | { kind: 'not_zip'; compound: boolean }
  | { kind: 'corrupt'; part: string | null }
  | { kind: 'encrypted' }
  | { kind: 'not_workbook' }
  /** A cell past Excel's grid (row 1,048,576, column XFD), written by another program: `where` as the reader says it (« cellule XFE1 », « ligne 1048577 »). */
  | { kind: 'beyond_grid'; sheet: string | null; where: string }
  | { kind: 'part_too_large'; part: string; limit: number }
  | { kind: 'package_too_large'; limit: number };

/** An operating system's refusal to read or write a path. */
export type FileFault = 'directory' | 'access_denied' | 'disk_full' | { code: string };

/** A person of the draw, as a replacement message names them. */
export interface PersonFacts {
  lastName: string;
  firstName: string;
  row: number;
  sector: string | null;
  sex: Sex | null;
}

export type InputProblem =
  // Files.
  | { code: 'file_not_found'; reason: 'input'; path: string }
  | { code: 'file_not_found'; reason: 'record_folder'; folder: string }
  | { code: 'file_unreadable'; reason: 'os'; path: string; fault: FileFault }
  | { code: 'file_unreadable'; reason: 'package'; source: string; purpose: FilePurpose; fault: PackageFault }
  | { code: 'file_unreadable'; reason: 'no_worksheet'; source: string }
  | { code: 'file_unreadable'; reason: 'strict_ooxml' | 'not_ordinary_workbook'; source: string }
  | { code: 'file_unreadable'; reason: 'malformed_csv'; source: string; line: number | null; fault: 'missing_quotes' | 'invalid_quotes' }
  | { code: 'file_unreadable'; reason: 'not_a_record'; source: string; damage: RecordDamage }
  | { code: 'file_unreadable'; reason: 'not_a_public_record'; source: string; damage: RecordDamage | PublicRegisterDamage }
  | { code: 'file_unreadable'; reason: 'seal_key_file'; path: string; fault: FileFault }
  | { code: 'file_too_large'; reason: 'file'; source: string; bytes: number; limit: number }
  | { code: 'file_too_large'; reason: 'package'; source: string; purpose: FilePurpose; fault: Extract<PackageFault, { limit: number }> }
  | { code: 'unsupported_format'; reason: 'extension'; source: string; extension: string }
  | { code: 'unsupported_format'; reason: 'sheet_of_csv'; source: string; sheet: string }
  | { code: 'unsupported_format'; reason: 'table_of_csv'; source: string; table: string }
  | { code: 'unsupported_format'; reason: 'sheet_and_table'; sheet: string; table: string }
  | { code: 'unsupported_format'; reason: 'text_not_record'; source: string }
  | { code: 'unsupported_format'; reason: 'record_not_xlsx'; name: string }
  /** `verify <public> --public …`: the auditor's check compares a public record with the full one, given first. */
  | { code: 'unsupported_format'; reason: 'public_given_first'; source: string; publicName: string }
  | { code: 'output_is_input'; name: string }
  /** `--public-out` naming the full record's own file. */
  | { code: 'output_is_input'; reason: 'public_over_record'; name: string }
  | { code: 'output_exists'; reason: 'record' | 'replacement' | 'public_record'; name: string }
  | { code: 'file_unwritable'; reason: 'record'; name: string; fault: FileFault }
  | { code: 'file_unwritable'; reason: 'record_folder' | 'public_record_folder'; folder: string; fault: string }
  | { code: 'file_unwritable'; reason: 'seal_key'; path: string; fault: FileFault | 'appeared' | 'no_folder' }
  | { code: 'sheet_exists'; source: string; sheet: string }
  // The candidature table.
  | { code: 'sheet_not_found'; source: string | null; sheet: string; sheets: readonly string[] }
  | { code: 'table_not_found'; source: string; table: string; tables: readonly { name: string; sheet: string }[] }
  | { code: 'content_below_table'; sheet: string; table: string; row: number }
  | { code: 'empty_table'; reason: 'file'; source: string }
  | { code: 'empty_table'; reason: 'sheet'; source: string; sheet: string; others: readonly string[] }
  | { code: 'table_too_large'; source: string; rows: number | null; fileBytes: number; needed: number; available: number }
  | { code: 'missing_columns'; reason: 'no_header'; source: string; firstFilled: HeaderCells | null }
  | {
      code: 'missing_columns';
      reason: 'fields';
      source: string;
      /** The closest header row, and every header it has. */
      header: HeaderCells;
      /** The fields not found, each with the header the operator named for it, if any. */
      missing: readonly { field: Field; mapped: string | null }[];
    }
  | { code: 'ambiguous_column'; row: number; field: Field; columns: readonly { cell: string; header: string }[] }
  | { code: 'bad_column_mapping'; part: string; fault: ColumnMappingFault }
  | { code: 'no_candidatures'; source: string; headerRow: number }
  | { code: 'ineligible_rows'; problems: readonly RowProblem[] }
  | { code: 'no_eligible' }
  | { code: 'duplicate_lines' }
  | { code: 'unkeepable_cells'; source: string; cells: readonly { row: number; cell: string; reason: Unkeepable }[] }
  /** Texts of a row that each fit a cell, but not together in the one cell the record makes of them (recordCapacity.ts). */
  | { code: 'unrecordable_candidatures'; source: string; rows: readonly { row: number; what: 'name' | 'name_and_reason'; length: number }[] }
  /** A record whose sheets would pass Excel's last row; `largest`: the most rows a table may have. */
  | { code: 'record_too_large'; source: string; rows: number; largest: number; officials: number }
  /** `source`: the workbook's file name, or null for the workbook open in Excel. */
  | { code: 'unfinished_record'; source: string | null; sheets: readonly string[] }
  | { code: 'reserved_sheet_name'; source: string | null; sheets: readonly string[] }
  // The parameters of the draw.
  | { code: 'empty_seed'; reason: 'empty' }
  | { code: 'empty_seed'; reason: 'option'; seed: string }
  | { code: 'unkeepable_seed'; reason: Unkeepable }
  /** `what`: the front end's own name for the text (« Le lieu », « Le motif (--reason) »). */
  | { code: 'unkeepable_text'; what: string; reason: Unkeepable }
  /** A later draw in a workbook that holds one, without its reason (journal and procès-verbal keep it). */
  | { code: 'missing_reason' }
  /** `npm run simulate`: a fault it does not know (--fault), or a --sync-timeout that is no positive number of seconds. */
  | { code: 'bad_fault'; reason: 'unknown_fault' | 'sync_timeout'; text: string }
  | { code: 'bad_reference_date'; reason: 'unreadable'; date: string }
  | { code: 'bad_reference_date'; reason: 'far_from_today'; date: string; today: string }
  | { code: 'bad_mandate_start'; reason: 'unreadable'; start: string }
  | { code: 'bad_mandate_start'; reason: 'before_draw' | 'too_late'; start: string; drawDate: string }
  /** `digits`: how many a fingerprint has. */
  | { code: 'bad_fingerprint'; problem: TypedCodeProblem; digits: number; which?: 'replacement' }
  | { code: 'fingerprint_mismatch'; actual: string; announced: string; sealed: boolean }
  | { code: 'bad_seal_key'; reason: 'given'; problem: SealingKeyProblem }
  | { code: 'bad_seal_key'; reason: 'file'; path: string; problem: SealingKeyProblem }
  | { code: 'bad_seal_key'; reason: 'file_too_large'; path: string }
  /** The key kept in the workbook (a custom XML part) is unreadable, or there are several. */
  | { code: 'bad_seal_key'; reason: 'kept' }
  | { code: 'seal_key_missing'; path: string }
  | { code: 'bad_receipt'; problem: TypedCodeProblem; digits: number }
  /** A public record is a sealed draw's (ALGORITHM.md §10): a `/1` fingerprint covers the candidatures themselves. */
  | { code: 'public_record_unsealed' }
  // Replacements during the mandate.
  /** A row typed for the member who leaves, or for the person chosen, that is not a number. */
  | { code: 'bad_replacement'; reason: 'row_option'; which: 'leaving' | 'chosen'; text: string }
  | { code: 'bad_replacement'; reason: 'unreadable_date'; date: string }
  | { code: 'bad_replacement'; reason: 'before_draw'; date: string; drawDate: string }
  | { code: 'bad_replacement'; reason: 'after_mandate'; date: string; mandateEnd: string }
  | { code: 'bad_replacement'; reason: 'before_previous'; date: string; previous: string }
  /** A departure is recorded once it has happened (core/replacement.ts refuseDepartureAhead). */
  | { code: 'bad_replacement'; reason: 'after_today'; date: string; today: string }
  | { code: 'bad_replacement'; reason: 'no_reason' }
  | { code: 'bad_replacement'; reason: 'not_a_member'; row: number; why: NotAMember }
  | { code: 'bad_replacement'; reason: 'choice_not_allowed'; chosenRow: number; next: PersonFacts }
  | { code: 'bad_replacement'; reason: 'nobody_to_choose'; chosenRow: number }
  | { code: 'bad_replacement'; reason: 'not_offered'; chosenRow: number; offered: readonly number[] }
  | { code: 'choice_needed'; sector: string; sex: Sex; offered: readonly (PersonFacts & { reserveRank: number })[] }
  | { code: 'record_not_conforming'; source: string; differences: readonly Difference[] };

/** Why the person named as leaving the council is not a member at that date. */
export type NotAMember =
  | { kind: 'no_candidature' }
  | { kind: 'departed'; person: PersonFacts; date: string }
  | { kind: 'ineligible'; person: PersonFacts; reason: IneligibilityCode | null }
  | { kind: 'reserve'; person: PersonFacts; reserveRank: number }
  | { kind: 'not_member_now'; person: PersonFacts };

/** A header row's filled cells: « "Nom" (B1) ». */
export interface HeaderCells {
  row: number;
  cells: readonly { cell: string; text: string }[];
}

export type ColumnMappingFault =
  | { kind: 'no_header' }
  | { kind: 'unknown_field'; name: string }
  | { kind: 'field_twice'; field: Field }
  | { kind: 'header_twice'; header: string; field: Field };

/**
 * Why a data sheet cannot be read as a record's (its structure is not the one the tool writes):
 * `verify` reports it, and `replace` refuses the workbook.
 */
export type RecordDamage =
  | { kind: 'no_data_sheet' }
  /** A public record (`tirage-cln/2`) without its « Registre public » sheet (one whose structure is not the tool's: PublicRegisterDamage). */
  | { kind: 'no_public_register' }
  | { kind: 'data_sheet_not_found'; sheet: string }
  | { kind: 'title_missing' }
  | { kind: 'parameter_missing'; label: string; sheet: string }
  | { kind: 'rules_line_unreadable'; line: string }
  | { kind: 'rules_line_malformed'; line: string }
  | { kind: 'algorithm_unsupported'; algorithm: string; supported: readonly string[] }
  | { kind: 'algorithm_mismatch'; algorithm: string; rulesAlgorithm: string }
  | { kind: 'sealing_key_unexpected'; sheet: string; algorithm: string }
  | { kind: 'sealing_key_missing'; sheet: string; algorithm: string }
  | { kind: 'sealing_key_unreadable'; sheet: string; problem: SealingKeyProblem }
  | { kind: 'reference_date_unreadable'; date: string }
  | { kind: 'mandate_start_impossible'; start: string }
  | { kind: 'candidate_table_missing'; sheet: string }
  | { kind: 'record_sheets_unreadable'; sheet: string }
  | { kind: 'input_sheets_unreadable'; sheet: string }
  | { kind: 'bounds_unreadable'; sheet: string; text: string }
  | { kind: 'column_mapping_unreadable'; sheet: string; text: string }
  /** A data row that cannot be what the writer wrote (`replace` needs every row). */
  | { kind: 'data_row'; difference: Difference };

/** Why a « Registre public » sheet cannot be read as the tool wrote it: worded in publicMessages.ts, like PublicDifference. */
export type PublicRegisterDamage =
  | { kind: 'public_register_title'; sheet: string }
  | { kind: 'public_table_missing'; sheet: string; header: readonly string[] }
  | Extract<RecordDamage, { kind: 'parameter_missing' }>
  | { kind: 'public_register_algorithm'; algorithm: string }
  | { kind: 'set_aside_missing'; sheet: string };

/**
 * A candidature as `verify` compares the candidature sheet with the data sheet: an eligible one by
 * its fingerprinted line, an excluded one by everything the data sheet records of it.
 */
export type CandidatureFacts =
  | { eligible: true; line: string }
  | {
      eligible: false;
      sector: string | null;
      sex: Sex | null;
      lastName: string;
      firstName: string;
      birthDate: string | null;
      age: number | null;
      id: string;
      problem: RowProblem;
    };

/** A row of the data sheet's candidate table that cannot be what the writer wrote. */
export type DataRowFault =
  | { kind: 'row_number'; found: string }
  | { kind: 'row_repeated'; candidatureRow: number }
  | { kind: 'age'; found: string }
  | { kind: 'eligible'; found: string }
  | { kind: 'reason'; found: string }
  /** The facts of an excluded row's cause (« Cause »), or the sentence of a record written before them (« Précision »). */
  | { kind: 'cause'; found: string }
  | { kind: 'sex'; found: string }
  | { kind: 'sector'; found: string }
  | { kind: 'age_missing' };

/** A Remplacement sheet whose stated facts cannot be read. */
export type ReplacementFault =
  | { kind: 'fact_missing'; label: string }
  | { kind: 'leaving_row'; found: string }
  | { kind: 'chosen_row'; found: string };

/** A row of a public register (`tirage-cln/2`) that cannot be what the tool wrote; `reason` and `sector` said as a data sheet's row. */
export type PublicRowFault =
  | Extract<DataRowFault, { kind: 'reason' | 'sector' }>
  | { kind: 'count'; found: string }
  | { kind: 'leaving_draw_number'; found: string }
  | { kind: 'joining_draw_number'; found: string }
  | { kind: 'seal'; found: string }
  | { kind: 'sex'; found: string }
  | { kind: 'priority'; found: string }
  /** A drawn register names each member and each reserve beside their seal. */
  | { kind: 'name_missing' };

/**
 * One difference `verify` found. `sheet` and `cell` say where, when it is one place of the
 * workbook (the cell is a row's first cell when the difference is about a whole row).
 */
export type Difference =
  // A record sheet against its rebuilt model.
  | { code: 'cell_value'; sheet: string; cell: string; expected: RecordValue; found: CellValue }
  | { code: 'disguising_format'; sheet: string; cell: string; format: string }
  // What decides how a record sheet is shown, against its render plan (display.ts).
  | { code: 'hidden_sheet'; sheet: string; visibility: 'hidden' | 'veryHidden' }
  | { code: 'formula'; sheet: string; cell: string; formula: string }
  | { code: 'conditional_format'; sheet: string; cell: string; area: string }
  | { code: 'data_validation'; sheet: string; cell: string; area: string }
  | { code: 'hidden_row'; sheet: string; cell: string; row: number }
  | { code: 'hidden_column'; sheet: string; cell: string; column: string }
  | { code: 'print_area'; sheet: string; area: string }
  | { code: 'number_format'; sheet: string; cell: string; expected: string; found: string }
  | { code: 'font_color'; sheet: string; cell: string; expected: string; found: string }
  | { code: 'font_size'; sheet: string; cell: string; expected: number; found: number }
  | { code: 'fill'; sheet: string; cell: string; expected: string | null; found: string | null }
  | { code: 'sheet_missing'; sheet: string }
  | { code: 'candidature_sheet_missing'; sheet: string }
  // The data sheet.
  | { code: 'record_unreadable'; sheet: string; damage: RecordDamage }
  | { code: 'data_row'; sheet: string; cell: string; row: number; fault: DataRowFault }
  | { code: 'data_sheet_renamed'; sheet: string; statedName: string }
  /** `reason`: the problem the engine found in the data, or an unexpected error's own message. */
  | { code: 'not_recomputable'; sheet: string; reason: CoreInputProblem | { message: string } }
  | { code: 'fingerprint_differs'; sheet: string; computed: string; recorded: string }
  | { code: 'seed_key_differs'; sheet: string; computed: string; recorded: string }
  // The candidature sheet against the data sheet.
  | { code: 'candidatures_unreadable'; sheet: string; problem: CoreInputProblem | { message: string } }
  | { code: 'candidature_not_recorded'; sheet: string; cell: string; row: number; dataSheet: string; found: CandidatureFacts }
  | { code: 'candidature_differs'; sheet: string; cell: string; row: number; dataSheet: string; found: CandidatureFacts; recorded: CandidatureFacts }
  | { code: 'recorded_row_not_in_sheet'; sheet: string; row: number; candidatureSheet: string }
  // Replacements.
  | { code: 'replacement_unreadable'; sheet: string; fault: ReplacementFault }
  | { code: 'replacement_against_rule'; sheet: string; problem: CoreInputProblem | { message: string } }
  | { code: 'replacement_orphan'; sheet: string; dataSheet: string }
  // The workbook as a whole.
  | { code: 'data_sheet_missing'; sheets: readonly string[] }
  | { code: 'stray_record_sheet'; sheet: string }
  | { code: 'journal_line_unknown'; sheet: string; cell: string; row: number; found: string }
  | { code: 'journal_record_deleted'; sheet: string; cell: string; row: number; time: string; fingerprint: string; publicSeed: string; dataSheet: string }
  | { code: 'announced_fingerprint_not_found'; announced: string; recorded: readonly string[] }
  /** The seed announced in the session is no draw's: `sheet` and `cell` name the recorded seed when the workbook has one draw. */
  /** `verify --replacement-fingerprint`: the published notice is not the record's last replacement (ALGORITHM.md §11); `recorded` in order. */
  | { code: 'replacement_fingerprint_not_found'; announced: string; recorded: readonly string[] }
  | { code: 'announced_seed_not_found'; announced: string; recorded: readonly { dataSheet: string; cell: string; seed: string }[]; sheet?: string; cell?: string }
  // Sheets that do not belong (issue 15 §2).
  /** Added after the draw under a name a reader may take for a record sheet's (« Tirage 2025 », « TIRAGE (2) »). */
  | { code: 'look_alike_sheet'; sheet: string; like: string }
  /** A sheet the workbook had before a draw (an earlier draw's, the journal) is gone: the data sheet's list names it. */
  | { code: 'earlier_sheet_removed'; sheet: string; cell: string; removed: string; journal: boolean }

export type DifferenceCode = Difference['code'];

/**
 * What the check of a public record (`tirage-cln/2`) finds: a record sheet's differences, and
 * those only a public record has. Worded in publicMessages.ts, apart from messages.ts, so that the
 * task pane, which checks no public record, does not carry these sentences in its bundle.
 */
export type PublicDifference =
  | Difference
  // A public record (`tirage-cln/2`) checked alone (record/verifyPublic.ts).
  | { code: 'public_row'; sheet: string; cell: string; row: number; fault: PublicRowFault }
  /** The engine refuses the register's sealed lines or its seed: `problem` as in `not_recomputable`. */
  | { code: 'public_register_refused'; sheet: string; problem: CoreInputProblem | { message: string } }
  /** The rules line is not that of a sealed draw (its algorithm) on the register's reference date. */
  | { code: 'public_rules_line'; sheet: string; line: string; referenceDate: string }
  | { code: 'public_fingerprint_differs'; sheet: string; computed: string; recorded: string }
  /** No sealed line, or more rows than a candidature table may have: no draw gives such a register. */
  | { code: 'public_table_size'; sheet: string; lines: number; setAside: number }
  /** A replacement listed in the register that the rule does not give; the numbers of its row are draw numbers. */
  | { code: 'public_replacement_against_rule'; sheet: string; cell: string; row: number; problem: CoreInputProblem | { message: string } }
  /** A sheet other than the register and, once drawn, the Publication: `own` names those. */
  | { code: 'public_sheet_foreign'; sheet: string; own: readonly string[] }
  | { code: 'announced_fingerprint_not_public'; announced: string; recorded: string }
  // A public record against the private record it came from (record/auditPublic.ts).
  | { code: 'public_replacements_not_recorded'; sheet: string; published: number; recorded: number }
  | { code: 'public_sheet_missing'; sheet: string }
  | { code: 'public_sheet_extra'; sheet: string }
  /** `recorded`: the fingerprints of the private record's readable sealed draws. */
  | { code: 'public_record_of_no_draw'; fingerprint: string; recorded: readonly string[] }

