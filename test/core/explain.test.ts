import { drawFromTable, ROUBAIX_CLN_2025 } from '../../src/core';
import { explainCity, explainDraw, explainSector, type ExplanationInput } from '../../src/core/explain';
import { group, JUNE_2025, rowsOf, tableOf, type PersonSpec } from '../support/tables';

const rules = ROUBAIX_CLN_2025;
type SectorInput = ExplanationInput['sectors'][number];
const sector = (candidates: [number, number], quota: [number, number], splitByLot = false): SectorInput => ({
  sector: 'Est',
  candidates: { F: candidates[0], H: candidates[1] },
  quota: { F: quota[0], H: quota[1] },
  splitByLot,
});

function draw(people: PersonSpec[], publicSeed = 'graine') {
  return drawFromTable(tableOf(rowsOf(people)), { referenceDate: '2025-06-13', publicSeed, excludeInvalid: false });
}

describe('plain-language reasons, one golden sentence per branch of the rules', () => {
  it('a group over its seats with the age rule, the other under its seats (the issue’s example)', () => {
    expect(explainSector(rules, sector([2, 3], [2, 2]))).toBe(
      'Est : 2 femmes et 3 hommes ont candidaté pour 4 places. Les 2 femmes sont retenues. Pour les hommes, 2 places pour 3 candidats : les 16–25 ans et les 65 ans et plus passent en premier, puis l’ordre du tirage.',
    );
  });
  it('a group over its seats without the age rule (2 candidatures or fewer)', () => {
    expect(explainSector(rules, sector([2, 5], [1, 3]))).toBe(
      'Est : 2 femmes et 5 hommes ont candidaté pour 4 places. Pour les femmes, 1 place pour 2 candidates : l’ordre du tirage décide. Pour les hommes, 3 places pour 5 candidats : les 16–25 ans et les 65 ans et plus passent en premier, puis l’ordre du tirage.',
    );
  });
  it('both groups over their seats, decided the same way: said once', () => {
    expect(explainSector(rules, sector([5, 3], [2, 2]))).toBe(
      'Est : 5 femmes et 3 hommes ont candidaté pour 4 places. Pour les femmes, 2 places pour 5 candidates ; pour les hommes, 2 places pour 3 candidats. Dans les deux cas, les 16–25 ans et les 65 ans et plus passent en premier, puis l’ordre du tirage.',
    );
  });
  it('a group with no seat at all, for parity in the city', () => {
    expect(explainSector(rules, sector([4, 1], [4, 0]))).toBe(
      'Est : 4 femmes et 1 homme ont candidaté pour 4 places. Les 4 femmes sont retenues. Aucune place pour les hommes, pour la parité dans la ville : le candidat va sur la liste complémentaire.',
    );
    expect(explainSector(rules, sector([4, 3], [4, 0]))).toContain('les 3 candidats vont sur la liste complémentaire.');
  });
  it('every candidature retained, both sexes', () => {
    expect(explainSector(rules, sector([1, 2], [1, 2]))).toBe('Est : 1 femme et 2 hommes ont candidaté pour 4 places. Toutes les candidatures sont retenues. 1 place reste vide.');
  });
  it('one candidate alone', () => {
    expect(explainSector(rules, sector([0, 1], [0, 1]))).toBe('Est : 1 homme a candidaté pour 4 places. L’homme est retenu. 3 places restent vides.');
    expect(explainSector(rules, sector([1, 0], [1, 0]))).toBe('Est : 1 femme a candidaté pour 4 places. La femme est retenue. 3 places restent vides.');
  });
  it('a sector with no candidate', () => {
    expect(explainSector(rules, sector([0, 0], [0, 0]))).toBe('Est : personne n’a candidaté. Les 4 places restent vides.');
  });
  it('a sector whose split between women and men was decided by lot', () => {
    expect(explainSector(rules, sector([2, 1], [1, 2], true))).toBe(
      'Est : 2 femmes et 1 homme ont candidaté pour 4 places. Le tirage au sort a fixé le partage : 1 femme et 2 hommes. Pour les femmes, 1 place pour 2 candidates : l’ordre du tirage décide. L’homme est retenu. 1 place reste vide.',
    );
  });
  it('the city reaching parity with one fair allocation', () => {
    const sectors = rules.sectors.map((name) => ({ ...sector([3, 3], [2, 2]), sector: name }));
    expect(explainCity({ rules, sectors, optimalAllocations: 1n })).toBe(
      'Le tirage désigne 10 femmes et 10 hommes : la parité est atteinte. Une seule répartition des places entre les secteurs est la plus juste.',
    );
  });
  it('the city approaching parity when the men outnumber the seats women can take', () => {
    const sectors = rules.sectors.map((name, i) => ({ ...sector(i === 0 ? [1, 5] : [0, 4], i === 0 ? [1, 3] : [0, 4]), sector: name }));
    expect(explainCity({ rules, sectors, optimalAllocations: 1n })).toBe(
      'Pour approcher 10 femmes et 10 hommes, le tirage désigne 1 femme et 19 hommes. Toutes les femmes candidates sont retenues. Une seule répartition des places entre les secteurs est la plus juste.',
    );
  });
  it('the city when the smallest gap leaves some women on the reserve list', () => {
    const sectors = [sector([2, 1], [1, 2], true), sector([2, 1], [2, 1], true), sector([0, 0], [0, 0]), sector([0, 0], [0, 0]), sector([0, 1], [0, 1])];
    expect(explainCity({ rules, sectors, optimalAllocations: 2n })).toBe(
      'Pour approcher 10 femmes et 10 hommes, le tirage désigne 3 femmes et 4 hommes. Il y a 7 places et non 20 : 5 secteurs ont moins de 4 candidatures. C’est le plus proche de la parité avec ces candidatures. 2 répartitions des places entre les secteurs étaient aussi justes : le tirage au sort a choisi celle-ci.',
    );
  });
});

describe('explainDraw, from a draw', () => {
  it('says why for the session of 13 June 2025', () => {
    const explanation = explainDraw(draw(JUNE_2025));
    expect(explanation.city).toBe(
      'Pour approcher 10 femmes et 10 hommes, le tirage désigne 6 femmes et 7 hommes. Il y a 13 places et non 20 : 3 secteurs ont moins de 4 candidatures. Toutes les femmes candidates sont retenues. Une seule répartition des places entre les secteurs est la plus juste.',
    );
    expect(explanation.sectors.map((s) => s.text)).toEqual([
      'Centre : 2 femmes ont candidaté pour 4 places. Les 2 femmes sont retenues. 2 places restent vides.',
      'Est : 2 femmes et 3 hommes ont candidaté pour 4 places. Les 2 femmes sont retenues. Pour les hommes, 2 places pour 3 candidats : les 16–25 ans et les 65 ans et plus passent en premier, puis l’ordre du tirage.',
      'Ouest : 1 homme a candidaté pour 4 places. L’homme est retenu. 3 places restent vides.',
      'Nord : 2 femmes et 4 hommes ont candidaté pour 4 places. Les 2 femmes sont retenues. Pour les hommes, 2 places pour 4 candidats : les 16–25 ans et les 65 ans et plus passent en premier, puis l’ordre du tirage.',
      'Sud : 2 hommes ont candidaté pour 4 places. Les 2 hommes sont retenus. 2 places restent vides.',
    ]);
  });
  it('says which sectors’ split the lot decided, and that it chose among several allocations', () => {
    // 11 seats: 5 women is as close to parity as 6, and the extra woman may sit in Centre or in Est.
    const result = draw([
      ...group('Centre', 'F', 3),
      ...group('Centre', 'H', 3),
      ...group('Est', 'F', 3),
      ...group('Est', 'H', 3),
      ...group('Ouest', 'H', 1),
      ...group('Nord', 'H', 1),
      ...group('Sud', 'H', 1),
    ]);
    const { city, sectors } = explainDraw(result);
    expect(city).toContain('2 répartitions des places entre les secteurs étaient aussi justes : le tirage au sort a choisi celle-ci.');
    const [centre, est, ouest] = sectors.map((s) => s.text);
    expect(centre).toContain('Le tirage au sort a fixé le partage');
    expect(est).toContain('Le tirage au sort a fixé le partage');
    expect(ouest).toBe('Ouest : 1 homme a candidaté pour 4 places. L’homme est retenu. 3 places restent vides.');
  });
});
