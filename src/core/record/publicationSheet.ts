/**
 * The *Publication* sheet: what the city may post at the town hall and on its participation
 * platform (article 7), on one A4 page for a session of Roubaix's size. It holds the members and
 * the reserve list by name, counts for everything else, the rules and the reasons in plain words,
 * and what anyone needs to check the draw — and nothing more: no birth date, no age, no age
 * priority flag, no row or draw number, no name of an excluded person. It is built from the
 * draw's public facts only (names of members and reserves, counts, allocation), so that no
 * personal field can leak into it by accident; a property test holds it to that.
 */
import { compareCallOrder } from '../callOrder';
import type { CandidateOutcome, DrawFacts } from '../draw';
import { INELIGIBILITY_CODES, INELIGIBILITY_LABELS } from '../errors';
import { explainDraw } from '../explain';
import { drawFigures } from '../figures';
import { mandatePeriod, mandateText } from '../mandate';
import { SEALED_ALGORITHM, SEXES, type AgeBand, type Rules, type Sex } from '../rules';
import { displayName, longFrenchDate } from './labels';
import type { RecordMeta } from './meta';
import type { SheetModel } from './model';
import { SheetBuilder, STYLES } from './sheetBuilder';
import { DocumentLines } from './documentLines';

const LAST_COLUMN = 3;

function bandsWords(bands: readonly AgeBand[]): string {
  const parts = bands.map(([min, max]) => (max === null ? `aux ${min} ans et plus` : `aux ${min}–${max} ans`));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** The rules of article 7, as a resident reads them. */
export function rulesInPlainWords(rules: Rules): string {
  return (
    `${rules.seatsPerSector} membres au plus par secteur. Autant de femmes que d’hommes dans la ville, si possible. ` +
    `Priorité ${bandsWords(rules.priorityBands)} quand plus de ${rules.ageRuleAbove} personnes d’un même sexe candidatent dans un secteur. ` +
    `${rules.minimumAge} ans minimum. Le tirage au sort décide du reste.`
  );
}

/** « 17 reçues, 15 recevables, 2 écartées (doublon : 1, moins de 16 ans : 1) »: counts only, never who. */
function candidaturesText(result: DrawFacts): string {
  const figures = drawFigures(result);
  const reasons = INELIGIBILITY_CODES.map((code) => [code, result.outcomes.filter((o) => o.reason === code).length] as const)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => `${INELIGIBILITY_LABELS[code]} : ${count}`);
  const excluded = figures.excluded === 0 ? 'aucune écartée' : `${figures.excluded} écartée${figures.excluded > 1 ? 's' : ''} (${reasons.join(', ')})`;
  return `${figures.received} reçue${figures.received > 1 ? 's' : ''}, ${figures.eligible} recevable${figures.eligible > 1 ? 's' : ''}, ${excluded}.`;
}

/** What the Publication says beyond the draw: where, the mandate, and its own name. */
export type PublicationMeta = Pick<RecordMeta, 'place' | 'mandateStart'> & { sheetNames: Pick<RecordMeta['sheetNames'], 'publication'> };

/** How the public checks the draw, by version: `/2` publishes its sealed table, `/1` keeps everything in the record. */
function howToCheck(result: DrawFacts): string {
  const fingerprint = 'L’empreinte résume les candidatures ; affichée en séance avant le choix de la graine, elle empêche de choisir le résultat. ';
  if (result.prepared.algorithm === SEALED_ALGORITHM) {
    return (
      fingerprint +
      'Le registre public (table scellée, graine, résultat) permet à chacun de refaire le tirage avec « tirage-cln verify » ou la page de vérification ' +
      `(algorithme public ${result.prepared.algorithm}), et à chaque candidat·e d’y retrouver sa ligne avec son reçu.`
    );
  }
  return fingerprint + `La Ville garde le registre complet : « tirage-cln verify » y refait le tirage (algorithme public ${result.prepared.algorithm}) et compare chaque nom et chaque chiffre.`;
}

export function buildPublicationSheet(result: DrawFacts, meta: PublicationMeta): SheetModel {
  const { prepared } = result;
  const { rules } = prepared;
  const fingerprint = prepared.canonical.fingerprint;
  const figures = drawFigures(result);
  const explanation = explainDraw(result);
  const sheet = new SheetBuilder('publication', meta.sheetNames.publication, [22, 42, 42], `Tirage CLN, publication — empreinte ${fingerprint}`);
  const lines = new DocumentLines(sheet, LAST_COLUMN);
  const { full, field, section } = lines;

  full('Ville de Roubaix — Conseil local du numérique', STYLES.subtitle);
  full('Tirage au sort des membres habitants : résultats', STYLES.title);
  lines.gap();
  field('Date du tirage', longFrenchDate(prepared.referenceDate));
  field('Lieu', meta.place === '' ? 'Séance publique' : meta.place);
  field('Mandat', mandateText(mandatePeriod(meta.mandateStart)));
  field('Candidatures', candidaturesText(result));
  field('Règles', rulesInPlainWords(rules));

  section('Pourquoi ces résultats');
  full(explanation.city, STYLES.text);
  for (const s of explanation.sectors) full(s.text, STYLES.text);

  const people = (status: CandidateOutcome['status'], sector: string, sex: Sex) =>
    result.outcomes.filter((o) => o.status === status && o.candidature.sector === sector && o.candidature.sex === sex).sort(compareCallOrder);
  const name = (o: CandidateOutcome) => displayName(o.candidature.lastName, o.candidature.firstName);
  // Women and men side by side, one sector under the other: a full council and its reserve fit on one page.
  // A dash where a sector has nobody of one sex, so that an empty cell never looks forgotten.
  const bySector = (status: CandidateOutcome['status'], text: (o: CandidateOutcome) => string) => {
    sheet.row(lines.row, ['Secteur', 'Femmes', 'Hommes'], STYLES.label);
    lines.row++;
    for (const sector of rules.sectors) {
      const [women, men] = SEXES.map((sex) => people(status, sector, sex).map(text));
      const depth = Math.max(1, women.length, men.length);
      for (let i = 0; i < depth; i++) {
        const cell = (list: string[]) => list[i] ?? (i === 0 ? '—' : '');
        sheet.row(lines.row++, [i === 0 ? sector : '', cell(women), cell(men)], { vertical: 'top' });
      }
    }
  };

  section(`Membres désignés : ${figures.members.F + figures.members.H} (${figures.members.F} femmes, ${figures.members.H} hommes)`);
  bySector('selected', name);

  section('Liste complémentaire : en cas de départ, on appelle dans cet ordre');
  if (result.outcomes.some((o) => o.status === 'reserve')) bySector('reserve', (o) => `${o.reserveRank}. ${name(o)}`);
  else full('Personne : toutes les candidatures recevables sont retenues.', STYLES.text);

  // Its title, fingerprint, seed and how to check them are read together: never split by a page.
  const verification = lines.row + 1;
  section('Vérifier le tirage');
  // At 11 points like the rest, so that the page may shrink to 73 % and still print it at 8: its
  // 64 characters take 424 points in the widest monospaced font, less than columns B and C.
  field('Empreinte', fingerprint, STYLES.code);
  field('Graine publique', result.publicSeed);
  full(howToCheck(result), STYLES.note);
  sheet.keepTogether(verification, lines.row - 1);
  // Narrower margins than the other sheets, and fitted to the page when its text stays legible
  // (paper.ts): a full council and its reserve list on one page.
  return sheet.print({ orientation: 'portrait', legible: 'page', margins: { left: 0.5, right: 0.5, top: 0.45, bottom: 0.55 } }).build();
}
