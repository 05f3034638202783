/** The French words of the record, in one place. */
import type { IneligibilityCode } from '../rowProblems';
import type { Rules, Sex } from '../rules';

// Sheet names live in names.ts; re-exported for the sheet builders.
export { BASE_SHEET_NAMES, ROLES, chooseSheetNames } from './names';

export const SEX_LABELS: Record<Sex, string> = { F: 'Femme', H: 'Homme' };
export const SEX_PLURAL: Record<Sex, string> = { F: 'femmes', H: 'hommes' };

export const STATUS_WORDS = { selected: 'Retenu·e', reserve: 'Liste complémentaire', ineligible: 'Écartée' } as const;

/** Short French label of each reason a row is ineligible, for tables, the procès-verbal and the publication. */
export const INELIGIBILITY_LABELS: Record<IneligibilityCode, string> = {
  missing_name: 'nom ou prénom manquant',
  unknown_sector: 'secteur inconnu',
  invalid_sex: 'sexe non reconnu',
  invalid_birth_date: 'date de naissance invalide',
  under_age: 'moins de 16 ans',
  duplicate: 'doublon',
};

/** A candidature's outcome as its status is shown (draw.ts's CandidateOutcome has these). */
export interface StatusFacts {
  status: 'selected' | 'reserve' | 'ineligible';
  reserveRank: number | null;
  reason: IneligibilityCode | null;
}

export function statusLabel(o: StatusFacts): string {
  switch (o.status) {
    case 'selected':
      return STATUS_WORDS.selected;
    case 'reserve':
      return `${STATUS_WORDS.reserve} n° ${o.reserveRank}`;
    case 'ineligible':
      return `${STATUS_WORDS.ineligible} : ${o.reason ? INELIGIBILITY_LABELS[o.reason] : ''}`;
  }
}

/** "16–25 ans", "26–64 ans", "65 ans et plus", "moins de 16 ans": the bands of the rules and the gaps between them. */
export function ageBandLabel(rules: Rules, age: number | null): string {
  if (age === null) return '';
  if (age < rules.minimumAge) return `moins de ${rules.minimumAge} ans`;
  const edges = [...rules.priorityBands].sort((a, b) => a[0] - b[0]);
  let from = rules.minimumAge;
  for (const [min, max] of edges) {
    if (age < min) return range(from, min - 1);
    if (max === null || age <= max) return range(min, max);
    from = max + 1;
  }
  return range(from, null);
}

function range(from: number, to: number | null): string {
  return to === null ? `${from} ans et plus` : `${from}–${to} ans`;
}

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "vendredi 13 juin 2025", without relying on the platform's locale data. */
export function longFrenchDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

/** "LEFÈVRE Amandine": the usual French way to list people. */
export function displayName(lastName: string, firstName: string): string {
  return `${lastName.toLocaleUpperCase('fr-FR')} ${firstName}`.trim();
}
