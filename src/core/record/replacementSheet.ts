/**
 * The *Remplacement* sheets ("Remplacement", "Remplacement (2)"…): one per departure during the
 * mandate. Its top block holds what the operator stated — the draw it belongs to, the date, the
 * reason, the leaving member's row, the choice when one was needed — and the rest is what the
 * replacement rule gives from those facts. Written and read here, in one place; `verify` reads the
 * stated facts back, applies the rule again and compares every cell, like the other sheets.
 */
import { mandateText, type MandatePeriod } from '../mandate';
import { personLabel, RULE_LABELS, type Replacement, type ReplacementRequest } from '../replacement';
import type { CellValue } from '../sheet';
import { displayName, longFrenchDate } from './labels';
import type { SheetModel } from './model';
import { SheetBuilder, STYLES, withStyle } from './sheetBuilder';
import { DocumentLines } from './documentLines';

export const REPLACEMENT_TITLE = 'Remplacement d’un membre pendant le mandat';

/** Labels of the stated facts, read back by `verify`. */
const STATED = {
  dataSheet: 'Feuille des données du tirage',
  fingerprint: 'Empreinte du tirage',
  date: 'Date du départ (AAAA-MM-JJ)',
  reason: 'Motif',
  leavingRow: 'Ligne du membre sortant',
  chosenRow: 'Ligne choisie (si la liste du même secteur et du même sexe est épuisée)',
} as const;
type Stated = keyof typeof STATED;

const LAST_COLUMN = 4;
const STATED_TOP = 4;

/** Which draw a replacement belongs to: its data sheet, and that draw's fingerprint for the reader. */
export interface ReplacementContext {
  dataSheet: string;
  fingerprint: string;
  drawDate: string;
  mandate: MandatePeriod;
}

/** The label of the replacement fingerprint's line (ALGORITHM.md §11), on the sheets written since it exists. */
export const REPLACEMENT_FINGERPRINT_LABEL = 'Empreinte du remplacement (à publier avec l’avis de remplacement)';

/**
 * Whether a found sheet has the replacement fingerprint's line: sheets written before §11 do not,
 * and stay verifiable without it (`verify --replacement-fingerprint` compares the fingerprint it
 * recomputes, never the one a sheet shows).
 */
export function hasReplacementFingerprintLine(rows: readonly (readonly CellValue[])[]): boolean {
  return rows.some((r) => text(r[0]) === REPLACEMENT_FINGERPRINT_LABEL);
}

/** `fingerprint`: chain_k of §11, shown on the sheet; null for the layout of sheets written before it. */
export function buildReplacementSheet(name: string, context: ReplacementContext, replacement: Replacement, fingerprint: string | null): SheetModel {
  const { request, leaving, joining, rule, offered, membersAfter } = replacement;
  const sheet = new SheetBuilder('replacement', name, [34, 24, 22, 22], `Remplacement — tirage CLN, empreinte ${context.fingerprint}`);
  const lines = new DocumentLines(sheet, LAST_COLUMN, withStyle(STYLES.label, { wrap: true }));
  const { full, field, item, section } = lines;

  full('Ville de Roubaix — Conseil local du numérique', STYLES.subtitle);
  full(REPLACEMENT_TITLE, STYLES.title);
  lines.row = STATED_TOP;
  const stated: Record<Stated, string | number> = {
    dataSheet: context.dataSheet,
    fingerprint: context.fingerprint,
    date: request.date,
    reason: request.reason,
    leavingRow: request.leavingRow,
    chosenRow: request.chosenRow ?? '',
  };
  for (const key of Object.keys(STATED) as Stated[]) field(STATED[key], stated[key], key === 'fingerprint' ? STYLES.fingerprint : STYLES.text);

  section('Ce que la règle donne');
  field('Tirage', `du ${longFrenchDate(context.drawDate)}`);
  field('Mandat', mandateText(context.mandate));
  field('Départ', `${personLabel(leaving)}, le ${longFrenchDate(request.date)}`);
  field('Remplaçant·e', joining === null ? 'Personne : le siège reste vacant.' : `${personLabel(joining)}, liste complémentaire n° ${joining.reserveRank}`);
  field('Règle appliquée', RULE_LABELS[rule]);
  offered.forEach((o, i) => item(i === 0 ? 'Personnes proposées (ordre d’appel)' : '', `${i + 1}. ${personLabel(o)}, liste complémentaire n° ${o.reserveRank}`));
  if (fingerprint !== null) field(REPLACEMENT_FINGERPRINT_LABEL, fingerprint, STYLES.fingerprint);

  const women = membersAfter.filter((o) => o.candidature.sex === 'F').length;
  section(`Membres au ${longFrenchDate(request.date)} : ${membersAfter.length} (${women} femmes, ${membersAfter.length - women} hommes)`);
  let sector: string | null = null;
  for (const o of membersAfter) {
    const c = o.candidature;
    item(c.sector === sector ? '' : (c.sector ?? ''), `${displayName(c.lastName, c.firstName)} (${c.sex === 'F' ? 'femme' : 'homme'})`);
    sector = c.sector;
  }
  lines.row++;
  full(
    'Ne pas modifier : « tirage-cln verify » refait ce remplacement à partir du tirage et des faits consignés en haut de la feuille (date, motif, ligne du membre sortant, choix), et compare chaque cellule.',
    STYLES.note,
  );
  return sheet.print({ orientation: 'portrait' }).build();
}

/** The facts stated in a replacement sheet, or why they cannot be read. */
export type StatedReplacement = { dataSheet: string; fingerprint: string; request: ReplacementRequest } | { problem: string };

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

export function isReplacementSheet(rows: readonly (readonly CellValue[])[]): boolean {
  return text(rows[1]?.[0]) === REPLACEMENT_TITLE;
}

/** Reads the stated facts back, where the builder wrote them. */
export function readReplacementSheet(name: string, rows: readonly (readonly CellValue[])[]): StatedReplacement {
  const found: Partial<Record<Stated, CellValue>> = {};
  (Object.keys(STATED) as Stated[]).forEach((key, i) => {
    const r = rows[STATED_TOP - 1 + i];
    if (text(r?.[0]) === STATED[key]) found[key] = r?.[1] ?? null;
  });
  const missing = (Object.keys(STATED) as Stated[]).filter((key) => !(key in found));
  if (missing.length > 0) return { problem: `Feuille « ${name} » : « ${STATED[missing[0]]} » introuvable à sa place ; la feuille a été modifiée.` };
  const row = (value: CellValue | undefined) => (typeof value === 'number' && Number.isInteger(value) ? value : Number.NaN);
  const leavingRow = row(found.leavingRow);
  if (Number.isNaN(leavingRow)) return { problem: `Feuille « ${name} » : ligne du membre sortant illisible « ${text(found.leavingRow)} ».` };
  const chosenText = text(found.chosenRow);
  const chosenRow = chosenText === '' ? null : row(found.chosenRow);
  if (chosenRow !== null && Number.isNaN(chosenRow)) return { problem: `Feuille « ${name} » : ligne choisie illisible « ${chosenText} ».` };
  return {
    dataSheet: text(found.dataSheet),
    fingerprint: text(found.fingerprint),
    request: { date: text(found.date), reason: text(found.reason), leavingRow, chosenRow },
  };
}
