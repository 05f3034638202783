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
import type { CandidateOutcome, DrawResult } from '../draw';
import { INELIGIBILITY_CODES, INELIGIBILITY_LABELS } from '../errors';
import { explainDraw } from '../explain';
import { drawFigures } from '../figures';
import { mandatePeriod, mandateText } from '../mandate';
import { SEXES, type AgeBand, type Rules, type Sex } from '../rules';
import { displayName, longFrenchDate, SEX_PLURAL } from './labels';
import type { RecordMeta } from './meta';
import type { CellStyle, SheetModel } from './model';
import { SheetBuilder, STYLES, withStyle } from './sheetBuilder';

const LAST_COLUMN = 4;

function bandsWords(bands: readonly AgeBand[]): string {
  const parts = bands.map(([min, max]) => (max === null ? `aux ${min} ans et plus` : `aux ${min}–${max} ans`));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** The rules of article 7, as a resident reads them. */
export function rulesInPlainWords(rules: Rules): string {
  return (
    `${rules.seatsPerSector} membres au plus par secteur (${rules.sectors.join(', ')}). ` +
    'Autant de femmes que d’hommes dans la ville, si les candidatures le permettent. ' +
    `Dans un secteur, quand plus de ${rules.ageRuleAbove} personnes d’un même sexe candidatent, priorité ${bandsWords(rules.priorityBands)}. ` +
    `Il faut avoir ${rules.minimumAge} ans au moins. Le reste est décidé par le tirage au sort.`
  );
}

export function buildPublicationSheet(result: DrawResult, meta: RecordMeta): SheetModel {
  const { prepared } = result;
  const { rules } = prepared;
  const fingerprint = prepared.canonical.fingerprint;
  const figures = drawFigures(result);
  const explanation = explainDraw(result);
  const sheet = new SheetBuilder('publication', meta.sheetNames.publication, [24, 24, 22, 22], `Tirage CLN, publication — empreinte ${fingerprint}`);
  let row = 1;
  const full = (value: string, style?: CellStyle) => {
    sheet.merged(row, 1, LAST_COLUMN, value, style);
    row++;
  };
  const field = (label: string, value: string | number, style: CellStyle = STYLES.text) => {
    sheet.set(row, 1, label, STYLES.label);
    sheet.merged(row, 2, LAST_COLUMN, value, withStyle(style, { horizontal: 'left' }));
    row++;
  };
  // A short line of a list that may be long: no merge, no wrap (see minutesSheet.ts).
  const item = (label: string, value: string) => {
    sheet.set(row, 1, label, STYLES.label);
    sheet.set(row, 2, value, { vertical: 'top' });
    row++;
  };
  const section = (title: string) => {
    row++;
    full(title, STYLES.section);
  };

  full('Ville de Roubaix — Conseil local du numérique', STYLES.subtitle);
  full('Tirage au sort des membres habitants : résultats', STYLES.title);
  row++;
  field('Date du tirage', longFrenchDate(prepared.referenceDate));
  field('Lieu', meta.place === '' ? 'Séance publique' : meta.place);
  field('Mandat', mandateText(mandatePeriod(meta.mandateStart)));
  field('Règles', rulesInPlainWords(rules));

  section('Pourquoi ces résultats');
  full(explanation.city, STYLES.text);
  for (const s of explanation.sectors) full(s.text, STYLES.text);

  const people = (status: CandidateOutcome['status'], sector: string, sex: Sex) =>
    result.outcomes.filter((o) => o.status === status && o.candidature.sector === sector && o.candidature.sex === sex).sort(compareCallOrder);
  const name = (o: CandidateOutcome) => displayName(o.candidature.lastName, o.candidature.firstName);

  section(`Membres désignés : ${figures.members.F + figures.members.H} (${figures.members.F} femmes, ${figures.members.H} hommes)`);
  for (const sector of rules.sectors) {
    const members = SEXES.flatMap((sex) => people('selected', sector, sex));
    if (members.length === 0) item(sector, 'Aucun membre : aucune candidature.');
    members.forEach((o, i) => item(i === 0 ? sector : '', `${name(o)} (${o.candidature.sex === 'F' ? 'femme' : 'homme'})`));
  }

  section('Liste complémentaire : en cas de départ, dans cet ordre');
  let anyReserve = false;
  for (const sector of rules.sectors) {
    for (const sex of SEXES) {
      const reserve = people('reserve', sector, sex);
      reserve.forEach((o, i) => item(i === 0 ? `${sector}, ${SEX_PLURAL[sex]}` : '', `${o.reserveRank}. ${name(o)}`));
      anyReserve ||= reserve.length > 0;
    }
  }
  if (!anyReserve) item('', 'Personne : toutes les candidatures recevables sont retenues.');

  section('Candidatures');
  field('Reçues', figures.received);
  field('Recevables', figures.eligible);
  for (const code of INELIGIBILITY_CODES) {
    const count = result.outcomes.filter((o) => o.reason === code).length;
    if (count > 0) field(`Écartées : ${INELIGIBILITY_LABELS[code]}`, count);
  }
  if (figures.excluded === 0) field('Écartées', 0);

  section('Vérifier le tirage');
  field('Empreinte des candidatures', fingerprint, STYLES.code);
  field('Graine publique', result.publicSeed);
  full(
    'L’empreinte résume la liste des candidatures recevables. Elle a été affichée en séance avant le choix de la graine : ' +
      'personne ne pouvait donc choisir le résultat. Avec la graine, les règles publiques (algorithme ' +
      `${prepared.algorithm}) donnent toujours le même résultat. La Ville garde le registre complet ; ` +
      'la commande « tirage-cln verify » refait le tirage à partir de ce registre et compare chaque nom et chaque chiffre.',
    STYLES.note,
  );
  return sheet.print({ orientation: 'portrait' }).build();
}
