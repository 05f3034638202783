/** The *Tirage* sheet: every candidature row with its draw number, status and chance. */
import { compareCallOrder } from '../callOrder';
import type { CandidateOutcome, DrawResult } from '../draw';
import { toNumber, toText } from '../fraction';
import { formatFrenchDate } from '../candidatures';
import { parseIsoDate } from '../dates';
import { ageBandLabel, INELIGIBILITY_LABELS, SEX_LABELS, STATUS_WORDS, statusLabel } from './labels';
import type { CellStyle, SheetModel } from './model';
import type { RecordMeta } from './meta';
import { BASE_TABLE_NAMES, recordTableName } from './names';
import { COLOURS, SheetBuilder, STYLES, withStyle } from './sheetBuilder';

export const DRAW_HEADER = [
  'Secteur',
  'Sexe',
  'Statut',
  'N° de tirage',
  'Nom',
  'Prénom',
  'N°',
  'Ligne',
  'Tranche d’âge',
  'Priorité d’âge',
  'Chance avant tirage',
  'Fraction exacte',
  'Motif',
];
const HEADER_ROW = 5;

const STATUS_STYLE: Record<CandidateOutcome['status'], CellStyle> = {
  selected: { fill: COLOURS.selectedFill, color: COLOURS.selectedText, bold: true },
  reserve: { fill: COLOURS.reserveFill, color: COLOURS.reserveText },
  ineligible: { fill: COLOURS.ineligibleFill, color: COLOURS.ineligibleText, italic: true },
};

const STATUS_ORDER = { selected: 0, reserve: 1, ineligible: 2 };

/** A row's style and its percentage cell's, one object per status shared by every row (100,000 rows, not 200,000 objects). */
const ROW_STYLE = Object.fromEntries(
  Object.entries(STATUS_STYLE).map(([status, style]) => [status, { row: withStyle(style, { border: true }), percent: withStyle(style, { border: true }, STYLES.percent) }]),
) as Record<CandidateOutcome['status'], { row: CellStyle; percent: CellStyle }>;

/** Sector (rules order, unknown last), then status, then call order (sex, rank, draw number). */
export function drawSheetOrder(result: DrawResult): CandidateOutcome[] {
  const sectors = result.prepared.rules.sectors;
  const sectorRank = (o: CandidateOutcome) => (o.candidature.sector === null ? sectors.length : sectors.indexOf(o.candidature.sector));
  return [...result.outcomes].sort(
    (a, b) =>
      sectorRank(a) - sectorRank(b) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      compareCallOrder(a, b),
  );
}

export function buildDrawSheet(result: DrawResult, meta: RecordMeta): SheetModel {
  const { prepared } = result;
  const fingerprint = prepared.canonical.fingerprint;
  const date = parseIsoDate(prepared.referenceDate);
  const sheet = new SheetBuilder('draw', meta.sheetNames.draw, [10, 10, 26, 10, 22, 18, 9, 7, 15, 10, 12, 11, 34], `Tirage CLN — empreinte ${fingerprint}`);
  const last = DRAW_HEADER.length;

  sheet.merged(1, 1, last, 'Tirage au sort du Conseil local du numérique — résultat ligne par ligne', STYLES.title);
  sheet.merged(
    2,
    1,
    last,
    `Tirage du ${date ? formatFrenchDate(date) : prepared.referenceDate} · graine publique « ${result.publicSeed} » · algorithme ${prepared.algorithm}`,
    STYLES.subtitle,
  );
  sheet.set(3, 1, 'Légende :', STYLES.label);
  sheet.set(3, 2, STATUS_WORDS.selected, withStyle(STATUS_STYLE.selected, { border: true }));
  sheet.set(3, 3, STATUS_WORDS.reserve, withStyle(STATUS_STYLE.reserve, { border: true }));
  sheet.set(3, 4, STATUS_WORDS.ineligible, withStyle(STATUS_STYLE.ineligible, { border: true }));
  sheet.merged(3, 5, last, 'Le statut est écrit en toutes lettres : les couleurs ne sont qu’une aide, le tableau se lit aussi imprimé en noir et blanc.', STYLES.note);

  sheet.row(HEADER_ROW, DRAW_HEADER, STYLES.header);
  const rows = drawSheetOrder(result);
  rows.forEach((o, i) => {
    const c = o.candidature;
    const style = ROW_STYLE[o.status];
    sheet.row(
      HEADER_ROW + 1 + i,
      [
        c.sector ?? '',
        c.sex ? SEX_LABELS[c.sex] : '',
        statusLabel(o),
        o.drawNumber,
        c.lastName,
        c.firstName,
        c.id,
        c.row,
        ageBandLabel(prepared.rules, c.age),
        o.priority ? 'oui' : 'non',
        toNumber(o.probability),
        toText(o.probability),
        o.reason ? INELIGIBILITY_LABELS[o.reason] : '',
      ],
      style.row,
    );
    sheet.set(HEADER_ROW + 1 + i, 11, toNumber(o.probability), style.percent);
  });
  const lastRow = HEADER_ROW + Math.max(1, rows.length);
  return sheet
    .table({ name: recordTableName(BASE_TABLE_NAMES.draw, meta.sheetNames.draw), headerRow: HEADER_ROW, firstColumn: 1, lastColumn: last, lastRow })
    .freeze(HEADER_ROW)
    .print({ orientation: 'landscape', repeatRows: { from: HEADER_ROW, to: HEADER_ROW } })
    .build();
}
