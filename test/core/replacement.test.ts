import { drawFromTable, InputError, mandatePeriod, MandateMembers, type CandidateOutcome, type DrawResult } from '../../src/core';
import { JUNE_2025, rowsOf, tableOf } from '../support/tables';

// 13 June 2025: every woman is a member; the reserve holds 1 man in Est and 2 in Nord.
const result: DrawResult = drawFromTable(tableOf(rowsOf(JUNE_2025)), { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: false });
const mandate = mandatePeriod('2025-06-13');
const pick = (status: CandidateOutcome['status'], sector: string, sex: 'F' | 'H') =>
  result.outcomes.filter((o) => o.status === status && o.candidature.sector === sector && o.candidature.sex === sex).sort((a, b) => (a.reserveRank ?? a.drawNumber ?? 0) - (b.reserveRank ?? b.drawNumber ?? 0));
const row = (o: CandidateOutcome) => o.candidature.row;
const request = (leavingRow: number, date = '2026-01-15', chosenRow: number | null = null) => ({ date, reason: 'Démission', leavingRow, chosenRow });

function refusal(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('replacing a member during the mandate', () => {
  const estMen = pick('selected', 'Est', 'H');
  const [estReserve] = pick('reserve', 'Est', 'H');
  const nordReserve = pick('reserve', 'Nord', 'H');

  it('calls the first reserve of the same sector and sex', () => {
    const members = new MandateMembers(result, mandate);
    const replacement = members.replace(request(row(estMen[0])));
    expect(replacement.rule).toBe('same_group');
    expect(replacement.joining).toBe(estReserve);
    expect(replacement.offered).toEqual([]);
    expect(replacement.membersAfter).toHaveLength(13);
    expect(replacement.membersAfter).toContain(estReserve);
    expect(replacement.membersAfter).not.toContain(estMen[0]);
  });

  it('offers the same sex elsewhere, then the other sex here, when the list is exhausted, and records the choice', () => {
    const members = new MandateMembers(result, mandate);
    members.replace(request(row(estMen[0])));
    const needed = refusal(() => members.replace(request(row(estMen[1]), '2026-02-01')));
    expect(needed.code).toBe('choice_needed');
    expect(needed.details.offered).toEqual(nordReserve.map(row));
    expect(needed.message).toContain('La liste complémentaire Est, hommes est épuisée : choisissez une des 2 personnes proposées');
    expect(needed.lines).toHaveLength(2);
    // Refused: nothing changed, the same request with a choice goes through.
    const chosen = members.replace(request(row(estMen[1]), '2026-02-01', row(nordReserve[1])));
    expect(chosen.rule).toBe('chosen');
    expect(chosen.joining).toBe(nordReserve[1]);
    expect(chosen.offered).toEqual(nordReserve);
  });

  it('leaves the seat vacant when nobody can be offered', () => {
    const [centreWoman] = pick('selected', 'Centre', 'F');
    const replacement = new MandateMembers(result, mandate).replace(request(row(centreWoman)));
    expect(replacement.rule).toBe('vacant');
    expect(replacement.joining).toBeNull();
    expect(replacement.membersAfter).toHaveLength(12);
  });

  it('does not call the same reserve twice', () => {
    const nordMen = pick('selected', 'Nord', 'H');
    const members = new MandateMembers(result, mandate);
    expect(members.replace(request(row(nordMen[0]))).joining).toBe(nordReserve[0]);
    expect(members.replace(request(row(nordMen[1]))).joining).toBe(nordReserve[1]);
    // The reserve who joined can leave in turn; Nord's list is exhausted, Est's man is offered.
    expect(refusal(() => members.replace(request(row(nordReserve[0])))).details.offered).toEqual([row(estReserve)]);
  });

  it.each([
    ['a reserve who is not a member', () => request(row(pick('reserve', 'Nord', 'H')[0])), 'est sur la liste complémentaire (n° 1) et n’est pas membre à cette date'],
    ['a row with no candidature', () => request(999), 'aucune candidature n’est à la ligne 999'],
    ['a date before the draw', () => request(row(estMen[0]), '2025-06-12'), 'avant le tirage du vendredi 13 juin 2025'],
    ['a date after the mandate', () => request(row(estMen[0]), '2027-06-13'), 'après la fin du mandat (samedi 12 juin 2027)'],
    ['a choice while the list is not exhausted', () => request(row(estMen[0]), '2026-01-15', row(nordReserve[0])), 'n’est possible que si la liste complémentaire'],
    ['an unreadable date', () => request(row(estMen[0]), '15/01/2026'), 'AAAA-MM-JJ'],
  ])('refuses %s', (_, make, message) => {
    const error = refusal(() => new MandateMembers(result, mandate).replace(make()));
    expect(error.code).toBe('bad_replacement');
    expect(error.message).toContain(message);
  });

  it('refuses a date before the previous replacement, a member who already left, and a choice outside the offer', () => {
    const members = new MandateMembers(result, mandate);
    members.replace(request(row(estMen[0]), '2026-03-01'));
    expect(refusal(() => members.replace(request(row(estMen[1]), '2026-02-01'))).message).toContain('avant le remplacement précédent');
    expect(refusal(() => members.replace(request(row(estMen[0]), '2026-03-02'))).message).toContain('a déjà quitté le conseil le dimanche 1er mars 2026');
    expect(refusal(() => members.replace(request(row(estMen[1]), '2026-03-02', row(estMen[0])))).message).toContain('ne fait pas partie des personnes proposées');
  });

  it('says why a row set aside from the draw was never a member, leaving out the facts it lacks', () => {
    // Row 3 without its sector, row 4 with an unreadable sex: set aside, each with its reason.
    const rows = rowsOf(JUNE_2025);
    rows[1][5] = '';
    rows[2][3] = 'X';
    const withSetAside = drawFromTable(tableOf(rows), { referenceDate: '2025-06-13', publicSeed: '4 2 6 1 5 3', excludeInvalid: true });
    const members = new MandateMembers(withSetAside, mandate);
    expect(refusal(() => members.replace(request(3))).message).toBe(
      'Ligne 3 : la candidature de NOM2 Prénom2 (ligne 3, femme) a été écartée du tirage (motif : secteur inconnu) : elle n’a jamais été membre. Indiquez la ligne d’origine d’un membre (colonne « Ligne » de la feuille Tirage).',
    );
    expect(refusal(() => members.replace(request(4))).message).toContain('NOM3 Prénom3 (ligne 4, Est) a été écartée du tirage (motif : sexe non reconnu)');
  });
});
