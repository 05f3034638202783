/** The *Synthèse* sheet: the slide's table, sectors × women/men, candidatures and members. */
import type { DrawResult } from '../draw';
import type { SheetModel } from './model';
import type { RecordMeta } from './meta';
import { drawFigures } from '../figures';
import { longFrenchDate } from './labels';
import { SheetBuilder, STYLES, withStyle } from './sheetBuilder';

const TABLE_TOP = 4;

export function buildSummarySheet(result: DrawResult, meta: RecordMeta): SheetModel {
  const { prepared } = result;
  const rules = prepared.rules;
  const figures = drawFigures(result);
  const sheet = new SheetBuilder('summary', meta.sheetNames.summary, [24, 11, 11, 11, 11, 11, 11], `Tirage CLN — empreinte ${prepared.canonical.fingerprint}`);
  const cellStyle = { border: true, horizontal: 'center' as const };
  const totalStyle = withStyle(cellStyle, { bold: true });

  sheet.merged(1, 1, 7, 'Synthèse du tirage au sort', STYLES.title);
  sheet.merged(2, 1, 7, `Conseil local du numérique — tirage du ${longFrenchDate(prepared.referenceDate)}`, STYLES.subtitle);

  sheet.set(TABLE_TOP, 1, 'Secteur', STYLES.header);
  sheet.merged(TABLE_TOP, 2, 4, 'Candidatures recevables', withStyle(STYLES.header, { horizontal: 'center' }));
  sheet.merged(TABLE_TOP, 5, 7, 'Membres retenus', withStyle(STYLES.header, { horizontal: 'center' }));
  sheet.set(TABLE_TOP + 1, 1, '', STYLES.header);
  sheet.row(TABLE_TOP + 1, ['Femmes', 'Hommes', 'Total', 'Femmes', 'Hommes', 'Total'], withStyle(STYLES.header, { horizontal: 'center' }), 2);
  // The header cells under the merges must exist for borders and fills.
  [3, 4, 6, 7].forEach((column) => sheet.set(TABLE_TOP, column, null, STYLES.header));

  figures.sectors.forEach((s, i) => {
    const row = TABLE_TOP + 2 + i;
    sheet.set(row, 1, s.sector, withStyle(cellStyle, { horizontal: 'left' }));
    sheet.row(row, [s.candidates.F, s.candidates.H, s.candidates.F + s.candidates.H, s.members.F, s.members.H, s.members.F + s.members.H], cellStyle, 2);
  });
  const totalRow = TABLE_TOP + 2 + figures.sectors.length;
  const { candidates: c, members: m } = figures;
  sheet.set(totalRow, 1, 'Total', withStyle(totalStyle, { horizontal: 'left' }));
  sheet.row(totalRow, [c.F, c.H, c.F + c.H, m.F, m.H, m.F + m.H], totalStyle, 2);

  const seats = rules.seatsPerSector * rules.sectors.length;
  const members = m.F + m.H;
  let row = totalRow + 2;
  const line = (label: string, value: string | number, style = STYLES.text) => {
    sheet.set(row, 1, label, STYLES.label);
    sheet.merged(row, 2, 7, value, withStyle(style, { horizontal: 'left' }));
    row++;
  };
  line('Parité', `${m.F} femme${m.F > 1 ? 's' : ''} et ${m.H} homme${m.H > 1 ? 's' : ''} retenus sur ${members} membres`);
  sheet.set(row, 1, 'Part des femmes', STYLES.label);
  sheet.set(row, 2, members === 0 ? 0 : m.F / members, withStyle(STYLES.percent, { horizontal: 'left' }));
  row++;
  line('Objectif du règlement', `${seats / 2} femmes / ${seats / 2} hommes à l’échelle de la ville (${rules.seatsPerSector} membres au plus par secteur)`);
  line('Candidatures reçues', figures.received);
  line('Candidatures recevables', figures.eligible);
  line('Candidatures écartées', figures.excluded);
  line('Répartitions optimales', `${prepared.space.count} (retenue par la graine : n° ${result.allocationIndex + 1n})`);
  return sheet.build();
}
