/**
 * The facts of a row problem as « Données du tirage » keeps them, in its « Cause » column: what the
 * code, the row's other cells and the draw's parameters do not already say, as JSON — the cause
 * (`too_old`, `after_reference_date`…), why an empty cell reads as empty (a formula, a merged
 * area), the age a date gives, the row a duplicate repeats and the cells compared. Never a
 * sentence: messages.ts words them, and a later rewording cannot turn a record into a difference.
 *
 * Records written before (their column is « Précision ») kept the sentence; causeSentences.ts
 * reads those.
 */
import { areaAddress, parseAreaAddress } from '../sheet';
import type { BlankCause, IneligibilityCode, ProblemPlace, RowProblem } from '../rowProblems';

/** What the data sheet's parameters and the row's own cells give every problem of the draw. */
export interface CauseContext {
  sectors: readonly string[];
  referenceDate: string;
  minimumAge: number;
  maximumAge: number;
  /** The row's « Âge » cell (null when empty). */
  age: number | null;
}

type Json = { [key: string]: unknown };

function blankJson(blank: BlankCause): Json {
  return blank.kind === 'formula' ? { kind: 'formula', formula: blank.formula } : { kind: 'merged', area: areaAddress(blank.area) };
}

/** The « Cause » cell of an excluded row ('' when the code and the row say everything). */
export function causeFacts(problem: RowProblem): string {
  const facts: Json = {};
  if ('cause' in problem) facts.cause = problem.cause;
  if ('blank' in problem && problem.blank !== undefined) facts.blank = blankJson(problem.blank);
  if (problem.code === 'invalid_birth_date' && problem.column === 'birthDate' && problem.cause === 'too_old') facts.age = problem.age;
  if (problem.code === 'duplicate') Object.assign(facts, { firstRow: problem.firstRow, same: problem.same, cells: problem.cells, firstCells: problem.firstCells });
  return Object.keys(facts).length === 0 ? '' : JSON.stringify(facts);
}

function readBlank(value: unknown): BlankCause | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return null;
  const blank = value as Json;
  if (blank.kind === 'formula' && typeof blank.formula === 'string' && Object.keys(blank).length === 2) return { kind: 'formula', formula: blank.formula };
  if (blank.kind === 'merged' && typeof blank.area === 'string' && Object.keys(blank).length === 2) {
    const area = parseAreaAddress(blank.area);
    if (area !== null && areaAddress(area) === blank.area) return { kind: 'merged', area };
  }
  return null;
}

const isCellList = (value: unknown): value is string[] => Array.isArray(value) && value.every((cell) => typeof cell === 'string' && /^[A-Z]{1,3}[1-9][0-9]*$/.test(cell));
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * A row problem from the facts of its « Cause » cell; null when they cannot be what the writer
 * wrote for this code (unknown cause, missing or extra fact).
 */
export function problemFromFacts(code: IneligibilityCode, onAge: boolean, place: ProblemPlace, text: string, context: CauseContext): RowProblem | null {
  let facts: Json;
  if (text === '') facts = {};
  else {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      facts = parsed as Json;
    } catch {
      return null;
    }
  }
  const blank = readBlank(facts.blank);
  if (blank === null) return null;
  const withBlank = blank === undefined ? {} : { blank };
  const only = (...keys: string[]) => Object.keys(facts).every((key) => keys.includes(key));
  const { referenceDate, maximumAge } = context;
  let problem: RowProblem | null = null;
  switch (code) {
    case 'missing_name':
      if (only('blank')) problem = { ...place, code, ...withBlank };
      break;
    case 'unknown_sector':
      if (only('blank')) problem = { ...place, code, sectors: context.sectors, ...withBlank };
      break;
    case 'invalid_sex':
      if (only('blank')) problem = { ...place, code, ...withBlank };
      break;
    case 'invalid_birth_date':
      if (onAge) {
        if (facts.cause === 'not_a_whole_number' && only('cause', 'blank')) problem = { ...place, code, column: 'age', cause: 'not_a_whole_number', ...withBlank };
        else if (facts.cause === 'too_old' && only('cause')) problem = { ...place, code, column: 'age', cause: 'too_old', maximumAge };
      } else if (facts.cause === 'not_a_date' && only('cause', 'blank')) problem = { ...place, code, column: 'birthDate', cause: 'not_a_date', ...withBlank };
      else if (facts.cause === 'too_old' && isWhole(facts.age) && only('cause', 'age')) {
        problem = { ...place, code, column: 'birthDate', cause: 'too_old', age: facts.age, maximumAge, referenceDate };
      } else if (facts.cause === 'after_reference_date' && only('cause')) problem = { ...place, code, column: 'birthDate', cause: 'after_reference_date', referenceDate };
      break;
    case 'under_age':
      if (only() && context.age !== null) problem = { ...place, code, age: context.age, minimumAge: context.minimumAge, referenceDate };
      break;
    case 'duplicate': {
      const { firstRow, same, cells, firstCells } = facts;
      if (isWhole(firstRow) && (same === 'birthDate' || same === 'age') && isCellList(cells) && isCellList(firstCells) && only('firstRow', 'same', 'cells', 'firstCells')) {
        problem = { ...place, code, firstRow, same, cells, firstCells };
      }
      break;
    }
  }
  return problem;
}
