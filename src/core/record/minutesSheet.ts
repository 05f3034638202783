/** The *Procès-verbal*: what the city publishes and posts, printable on A4. */
import { inCallOrder } from '../callOrder';
import { describeRowProblem } from '../messages';
import { FIELD_LABELS, type ColumnMapping, type Field } from '../columns';
import type { CandidateOutcome, DrawResult } from '../draw';
import type { Sex } from '../rules';
import { SEXES } from '../rules';
import { drawFigures } from '../figures';
import { mandatePeriod, mandateText } from '../mandate';
import { displayName, longFrenchDate, SEX_PLURAL } from './labels';
import type { RecordMeta } from './meta';
import type { SheetModel } from './model';
import { SheetBuilder, STYLES, withStyle } from './sheetBuilder';
import { DocumentLines } from './documentLines';

const LAST_COLUMN = 4;
const BLANK_LINE = '……………………………………………………';
/** A name to write by hand, short enough for column A. */
const NAME_LINE = '______________________';
/** Points: the line of each name, its text at the top, room for a hand to sign below. */
const SIGNING_ROOM = 36;

function bandsText(bands: readonly (readonly [number, number | null])[]): string {
  const parts = bands.map(([min, max]) => (max === null ? `aux ${min} ans et plus` : `aux ${min}–${max} ans`));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** « Sexe » : colonne « Vous êtes : » ; … — what the operator named, as the table spells it. */
function columnMappingText(mapping: ColumnMapping): string {
  return (Object.keys(FIELD_LABELS) as Field[])
    .filter((field) => mapping[field] !== undefined)
    .map((field) => `${FIELD_LABELS[field]} : colonne « ${mapping[field]} »`)
    .join(' ; ');
}

export function buildMinutesSheet(result: DrawResult, meta: RecordMeta): SheetModel {
  const { prepared } = result;
  const { rules } = prepared;
  const fingerprint = prepared.canonical.fingerprint;
  const figures = drawFigures(result);
  const sheet = new SheetBuilder('minutes', meta.sheetNames.minutes, [30, 24, 23, 23], `Procès-verbal du tirage CLN — empreinte ${fingerprint}`);
  const lines = new DocumentLines(sheet, LAST_COLUMN);
  const { full, field, item, section } = lines;

  full('Ville de Roubaix — Conseil local du numérique', STYLES.subtitle);
  full('Procès-verbal du tirage au sort des membres habitants', STYLES.title);
  lines.gap();
  field('Date du tirage', longFrenchDate(prepared.referenceDate));
  field('Lieu', meta.place === '' ? BLANK_LINE : meta.place);
  if (meta.officials.length === 0) {
    field('Élus et personnes présents', BLANK_LINE);
    field('', BLANK_LINE);
  } else {
    meta.officials.forEach((name, i) => field(i === 0 ? 'Élus et personnes présents' : '', name));
  }
  // A draw in a workbook that already held one says why, as the journal does (issue 8).
  if (meta.laterDrawReason) field('Motif du nouveau tirage', meta.laterDrawReason);
  field('Cadre', 'Article 7 du règlement du Conseil local du numérique : tirage aléatoire numérique sur tableur, en séance publique.');
  field('Mandat des membres', mandateText(mandatePeriod(meta.mandateStart)));

  section('Règles appliquées');
  field('Critère 1 — territoire', `${rules.seatsPerSector} membres au plus par secteur (${rules.sectors.join(', ')}).`);
  field('Critère 2 — parité', 'Parité femmes-hommes à l’échelle de la ville, ajustée secteur par secteur selon les candidatures.');
  field(
    'Critère 3 — âges',
    `Priorité ${bandsText(rules.priorityBands)}, appliquée dans un secteur quand plus de ${rules.ageRuleAbove} candidatures d’un même sexe y sont reçues.`,
  );
  field('Âge minimum', `${rules.minimumAge} ans à la date du tirage.`);
  field('Méthode', `Algorithme ${prepared.algorithm}, règles ${rules.preset} (spécification publique docs/ALGORITHM.md).`);

  section('Empreinte et graine');
  field('Empreinte des candidatures', fingerprint, STYLES.fingerprint);
  field('Graine publique', result.publicSeed);
  field('Clé de tirage', result.seedKey, STYLES.fingerprint);
  full('L’empreinte, affichée avant le choix de la graine, doit être celle annoncée en séance.', STYLES.note);

  section('Candidatures');
  const sheetPart = meta.candidatureSheet === null ? '' : `, feuille « ${meta.candidatureSheet} »`;
  const headerPart = prepared.headerRow === null ? '' : `, en-tête en ligne ${prepared.headerRow}`;
  field('Tableau des candidatures', `${meta.sourceFile}${sheetPart}${headerPart}`);
  if (Object.keys(prepared.columnMapping).length > 0) field('Colonnes désignées', columnMappingText(prepared.columnMapping));
  field('Candidatures reçues', figures.received);
  field('Candidatures recevables', figures.eligible);
  field('Candidatures écartées', figures.excluded);
  const excluded = result.outcomes.filter((o) => o.status === 'ineligible');
  if (excluded.length === 0) {
    field('Motifs d’exclusion', 'Aucune candidature écartée.');
  } else {
    excluded.forEach((o, i) =>
      field(i === 0 ? 'Motifs d’exclusion' : '', `${displayName(o.candidature.lastName, o.candidature.firstName) || '(sans nom)'} — ${describeRowProblem(o.candidature.problems[0])}`),
    );
  }

  section(`Membres désignés : ${figures.members.F + figures.members.H} (${figures.members.F} femmes, ${figures.members.H} hommes)`);
  const person = (o: CandidateOutcome) =>
    `${displayName(o.candidature.lastName, o.candidature.firstName)} — tirage n° ${o.drawNumber}${o.priority ? ', priorité d’âge' : ''}`;
  const bySectorSex = (status: CandidateOutcome['status'], sector: string, sex: Sex) =>
    inCallOrder(result.outcomes.filter((o) => o.status === status && o.candidature.sector === sector && o.candidature.sex === sex));
  for (const sector of rules.sectors) {
    const members = SEXES.flatMap((sex) => bySectorSex('selected', sector, sex));
    if (members.length === 0) {
      field(sector, 'Aucun membre (aucune candidature recevable).');
      continue;
    }
    members.forEach((o, i) => item(i === 0 ? sector : '', `${o.candidature.sex === 'F' ? 'F' : 'H'} · ${person(o)}`));
  }

  section('Liste complémentaire (appelée dans l’ordre, par secteur et par sexe)');
  let anyReserve = false;
  for (const sector of rules.sectors) {
    for (const sex of SEXES) {
      const reserve = bySectorSex('reserve', sector, sex);
      reserve.forEach((o, i) => item(i === 0 ? `${sector}, ${SEX_PLURAL[sex]}` : '', `${o.reserveRank}. ${person(o)}`));
      anyReserve ||= reserve.length > 0;
    }
  }
  if (!anyReserve) field('', 'Aucune : toutes les candidatures recevables sont retenues.');

  section('Vérification');
  full(
    'Chacun peut vérifier ce résultat à partir de ce fichier seul : la feuille « ' +
      meta.sheetNames.data +
      ' » contient les candidatures et les paramètres. La commande « tirage-cln verify <fichier> » recalcule le tirage et compare chaque chiffre de ce registre ; l’option --fingerprint compare aussi l’empreinte à celle annoncée en séance.',
    withStyle(STYLES.text),
  );

  // The signatures are one block, never split by a page: a page that holds only some of them
  // (or only their title) would be signed apart from what it attests (paper.ts breaks before it).
  const signatures = lines.row + 1;
  section('Signatures');
  const signatories = meta.officials.length === 0 ? [NAME_LINE, NAME_LINE, NAME_LINE] : meta.officials;
  for (const name of signatories) {
    sheet.set(lines.row, 1, name, STYLES.text);
    sheet.merged(lines.row, 2, LAST_COLUMN, 'Signature :', STYLES.note);
    sheet.height(lines.row, SIGNING_ROOM);
    lines.row += 2;
  }
  sheet.keepTogether(signatures, lines.row - 2);
  return sheet.print({ orientation: 'portrait', legible: 'width' }).build();
}
