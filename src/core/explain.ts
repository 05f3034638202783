/**
 * Why, in plain French: one short paragraph per sector and one for the city, as a resident would
 * ask « pourquoi elle et pas lui ? ». Generated from the allocation and the rules only — counts of
 * candidatures and seats, never an age or a name — so the sentences can be posted publicly and
 * read the same in the record, the terminal and the task pane.
 *
 * Written after the *Facile à lire et à comprendre* guidance: short sentences, common words,
 * numbers as digits, one idea per sentence.
 */
import type { DrawFacts } from './draw';
import { drawFigures } from './figures';
import { ageRuleApplies, SEXES, type AgeBand, type Rules, type Sex } from './rules';

export interface SectorExplanation {
  sector: string;
  text: string;
}

export interface DrawExplanation {
  /** The city-wide sentence: parity, number of seats, allocation decided by lot or not. */
  city: string;
  /** One paragraph per sector, in rules order. */
  sectors: SectorExplanation[];
}

/** What the sentences are made from: counts only. */
export interface ExplanationInput {
  rules: Rules;
  sectors: {
    sector: string;
    /** Eligible candidatures of each sex. */
    candidates: Record<Sex, number>;
    /** Seats given to each sex by the allocation (ALGORITHM.md §5). */
    quota: Record<Sex, number>;
    /** Whether the kept allocations differ on this sector's split, so that the lot decided it. */
    splitByLot: boolean;
  }[];
  /** How many allocations were equally fair (§5's kept vectors). */
  optimalAllocations: bigint;
}

const NOUN: Record<Sex, [string, string]> = { F: ['femme', 'femmes'], H: ['homme', 'hommes'] };
const CANDIDATE: Record<Sex, [string, string]> = { F: ['candidate', 'candidates'], H: ['candidat', 'candidats'] };

/** "1 femme", "3 femmes". */
function counted(n: number | bigint, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 || n === 1n ? one : many}`;
}

/** "les 16–25 ans et les 65 ans et plus". */
function bandsPhrase(bands: readonly AgeBand[]): string {
  const parts = bands.map(([min, max]) => (max === null ? `les ${min} ans et plus` : `les ${min}–${max} ans`));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/** How a group with more candidatures than seats is decided. */
function method(rules: Rules, n: number): string {
  return ageRuleApplies(rules, n) ? `${bandsPhrase(rules.priorityBands)} passent en premier, puis l’ordre du tirage` : 'l’ordre du tirage décide';
}

/** « pour les hommes, 2 places pour 3 candidats ». */
function seatsFor(sex: Sex, n: number, k: number): string {
  return `pour les ${NOUN[sex][1]}, ${counted(k, ['place', 'places'])} pour ${counted(n, CANDIDATE[sex])}`;
}

/** A group with no seat at all: the city's parity gave them to the other sex. */
function noSeat(sex: Sex, n: number): string {
  const who = n === 1 ? `le ${CANDIDATE[sex][0]} va` : `les ${counted(n, CANDIDATE[sex])} vont`;
  return `Aucune place pour les ${NOUN[sex][1]}, pour la parité dans la ville : ${who} sur la liste complémentaire.`;
}

/** "Les 2 femmes sont retenues.", "L’homme est retenu.". */
function allRetained(sex: Sex, n: number): string {
  if (n === 1) return sex === 'F' ? 'La femme est retenue.' : 'L’homme est retenu.';
  return `Les ${counted(n, NOUN[sex])} sont ${sex === 'F' ? 'retenues' : 'retenus'}.`;
}

export function explainSector(rules: Rules, input: ExplanationInput['sectors'][number]): string {
  const { sector, candidates, quota } = input;
  const total = candidates.F + candidates.H;
  const seats = rules.seatsPerSector;
  if (total === 0) return `${sector} : personne n’a candidaté. Les ${seats} places restent vides.`;
  const who = SEXES.filter((sex) => candidates[sex] > 0)
    .map((sex) => counted(candidates[sex], NOUN[sex]))
    .join(' et ');
  const sentences = [`${sector} : ${who} ${total === 1 ? 'a' : 'ont'} candidaté pour ${counted(seats, ['place', 'places'])}.`];
  const everyone = SEXES.every((sex) => quota[sex] >= candidates[sex]);
  if (everyone && SEXES.every((sex) => candidates[sex] > 0)) {
    sentences.push('Toutes les candidatures sont retenues.');
  } else {
    if (input.splitByLot) sentences.push(`Le tirage au sort a fixé le partage : ${counted(quota.F, NOUN.F)} et ${counted(quota.H, NOUN.H)}.`);
    const contested = SEXES.filter((sex) => quota[sex] > 0 && quota[sex] < candidates[sex]);
    // Both groups decided the same way: said once, so a full sector still reads in two lines.
    const shared = contested.length === 2 && method(rules, candidates.F) === method(rules, candidates.H);
    for (const sex of SEXES) {
      const n = candidates[sex];
      const k = quota[sex];
      if (n === 0) continue;
      if (k >= n) sentences.push(allRetained(sex, n));
      else if (k === 0) sentences.push(noSeat(sex, n));
      else if (!shared) sentences.push(`${capitalised(seatsFor(sex, n, k))} : ${method(rules, n)}.`);
    }
    if (shared) {
      sentences.push(`${capitalised(seatsFor('F', candidates.F, quota.F))} ; ${seatsFor('H', candidates.H, quota.H)}.`, `Dans les deux cas, ${method(rules, candidates.F)}.`);
    }
  }
  const empty = seats - Math.min(seats, total);
  if (empty > 0) sentences.push(empty === 1 ? '1 place reste vide.' : `${empty} places restent vides.`);
  return sentences.join(' ');
}

export function explainCity(input: ExplanationInput): string {
  const { rules, sectors, optimalAllocations } = input;
  const sum = (pick: (s: ExplanationInput['sectors'][number]) => number) => sectors.reduce((a, s) => a + pick(s), 0);
  const women = sum((s) => s.quota.F);
  const men = sum((s) => s.quota.H);
  const seats = women + men;
  const maxSeats = rules.seatsPerSector * rules.sectors.length;
  const sentences: string[] = [];
  const designated = `${counted(women, NOUN.F)} et ${counted(men, NOUN.H)}`;
  if (women === men && seats === maxSeats) sentences.push(`Le tirage désigne ${designated} : la parité est atteinte.`);
  else if (maxSeats % 2 === 0) sentences.push(`Pour approcher ${maxSeats / 2} femmes et ${maxSeats / 2} hommes, le tirage désigne ${designated}.`);
  else sentences.push(`Pour approcher la parité, le tirage désigne ${designated}.`);
  if (seats < maxSeats) {
    const short = sectors.filter((s) => s.candidates.F + s.candidates.H < rules.seatsPerSector).length;
    sentences.push(
      `Il y a ${seats} ${seats === 1 ? 'place' : 'places'} et non ${maxSeats} : ${short} ${short === 1 ? 'secteur a' : 'secteurs ont'} moins de ${rules.seatsPerSector} candidatures.`,
    );
  }
  if (women !== men) {
    const fewer: Sex = women < men ? 'F' : 'H';
    const allOfThem = sum((s) => s.quota[fewer]) === sum((s) => s.candidates[fewer]);
    sentences.push(
      allOfThem
        ? fewer === 'F'
          ? 'Toutes les femmes candidates sont retenues.'
          : 'Tous les hommes candidats sont retenus.'
        : 'C’est le plus proche de la parité avec ces candidatures.',
    );
  }
  sentences.push(
    optimalAllocations === 1n
      ? 'Une seule répartition des places entre les secteurs est la plus juste.'
      : `${capitalised(counted(optimalAllocations, ['répartition', 'répartitions']))} des places entre les secteurs étaient aussi justes : le tirage au sort a choisi celle-ci.`,
  );
  return sentences.join(' ');
}

export function explanationInput(result: DrawFacts): ExplanationInput {
  const { rules, space } = result.prepared;
  const figures = drawFigures(result);
  const marginals = space.womenMarginals();
  return {
    rules,
    optimalAllocations: space.count,
    sectors: figures.sectors.map((s, i) => ({
      sector: s.sector,
      candidates: s.candidates,
      quota: { F: result.allocation[i].women, H: result.allocation[i].men },
      splitByLot: marginals[i].filter((ways) => ways > 0n).length > 1,
    })),
  };
}

/** The sentences of a draw: what the Publication sheet, the terminal and the task pane show. */
export function explainDraw(result: DrawFacts): DrawExplanation {
  const input = explanationInput(result);
  return { city: explainCity(input), sectors: input.sectors.map((s) => ({ sector: s.sector, text: explainSector(input.rules, s) })) };
}
