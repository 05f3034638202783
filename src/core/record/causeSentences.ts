/**
 * The reader of records written before the facts of row problems were kept (their « Données du
 * tirage » has a « Précision » column): there, an excluded row's cause is the French sentence the
 * tool wrote. Those records must verify forever, so the sentence is read back into facts.
 *
 * Each code has a handful of causes, and only a few facts are not found elsewhere in the row or
 * the parameters (a formula's text, a merged area, the age a date gave, a duplicate's rows and
 * cells): these are taken from the sentence, and every possible cause is worded again
 * (messages.ts) until one gives the stored sentence exactly. A sentence no cause gives is not the
 * tool's, and the row is reported. Only the wording of the versions that wrote this layout is
 * accepted — the wording `verify` compared word for word then.
 */
import { rowProblemDetail } from '../messages';
import { parseAreaAddress } from '../sheet';
import type { BlankCause, IneligibilityCode, ProblemPlace, RowProblem } from '../rowProblems';
import type { CauseContext } from './causeFacts';

const FORMULA = /^Formule sans valeur calculée(?: \(=([\s\S]*)\))? : le classeur a été enregistré sans le résultat de ses formules\./;
const MERGED = /^La cellule ([A-Z]+[0-9]+:[A-Z]+[0-9]+) est fusionnée : /;
const TOO_OLD = /^Cette date donne ([0-9]+) ans au /;
const DUPLICATE = /^Mêmes nom, prénom et (même âge|même date de naissance) \(cellules ([A-Z0-9, ]+)\) que la ligne ([0-9]+) \(cellules ([A-Z0-9, ]+)\) : /;

/** The blank cause a sentence may state, when it states one. */
function blankOf(sentence: string): BlankCause | undefined {
  const formula = FORMULA.exec(sentence);
  // The formula itself may hold anything, « ) : » included: the sentence is worded again below, so a wrong cut is refused.
  if (formula) return { kind: 'formula', formula: formula[1] ?? '' };
  const merged = MERGED.exec(sentence);
  const area = merged === null ? null : parseAreaAddress(merged[1]);
  return area === null ? undefined : { kind: 'merged', area };
}

/** The causes the tool could have given this code, with the facts the sentence holds. */
function candidates(code: IneligibilityCode, onAge: boolean, place: ProblemPlace, sentence: string, context: CauseContext): RowProblem[] {
  const blank = blankOf(sentence);
  const withBlank = blank === undefined ? {} : { blank };
  const { referenceDate, maximumAge, minimumAge } = context;
  switch (code) {
    case 'missing_name':
      return [{ ...place, code, ...withBlank }];
    case 'unknown_sector':
      return [{ ...place, code, sectors: context.sectors, ...withBlank }];
    case 'invalid_sex':
      return [{ ...place, code, ...withBlank }];
    case 'invalid_birth_date': {
      if (onAge) return [{ ...place, code, column: 'age', cause: 'not_a_whole_number', ...withBlank }, { ...place, code, column: 'age', cause: 'too_old', maximumAge }];
      const age = TOO_OLD.exec(sentence);
      return [
        { ...place, code, column: 'birthDate', cause: 'not_a_date', ...withBlank },
        { ...place, code, column: 'birthDate', cause: 'after_reference_date', referenceDate },
        ...(age === null ? [] : [{ ...place, code, column: 'birthDate' as const, cause: 'too_old' as const, age: Number(age[1]), maximumAge, referenceDate }]),
      ];
    }
    case 'under_age':
      return context.age === null ? [] : [{ ...place, code, age: context.age, minimumAge, referenceDate }];
    case 'duplicate': {
      const found = DUPLICATE.exec(sentence);
      if (found === null) return [];
      const cells = (list: string) => list.split(', ');
      return [{ ...place, code, same: found[1] === 'même âge' ? 'age' : 'birthDate', cells: cells(found[2]), firstRow: Number(found[3]), firstCells: cells(found[4]) }];
    }
  }
}

/** The row problem whose sentence is the stored « Précision » ('' when it had none); null when no cause of this code gives it. */
export function problemFromSentence(code: IneligibilityCode, onAge: boolean, place: ProblemPlace, sentence: string, context: CauseContext): RowProblem | null {
  return candidates(code, onAge, place, sentence, context).find((problem) => (rowProblemDetail(problem) ?? '') === sentence) ?? null;
}
