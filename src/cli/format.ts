/** The French text the command line prints for people (the JSON output is in core/json.ts). */
import {
  describeRowProblem,
  drawFigures,
  explainDraw,
  formatFrenchDate,
  formatReceipt,
  sealsByCandidature,
  inCallOrder,
  parseIsoDate,
  toNumber,
  toText,
  type CandidateOutcome,
  type Candidature,
  type DrawResult,
  type Fraction,
  type PreparedDraw,
} from '../core';

/** « LEMAIRE Jean-Baptiste (ligne 12, n° 7, »: the row first, the number `replace --row` asks for. */
function personName(o: { lastName: string; firstName: string; id: string; row: number }): string {
  const id = o.id === '' ? '' : `n° ${o.id}, `;
  return `${o.lastName.toLocaleUpperCase('fr-FR')} ${o.firstName} (ligne ${o.row}, ${id}`;
}

function frenchDate(iso: string): string {
  const date = parseIsoDate(iso);
  return date ? formatFrenchDate(date) : iso;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export function percent(f: Fraction): string {
  return `${(toNumber(f) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}

/**
 * Columns padded to their widest cell. Widths are found by a loop: a table has as many rows as
 * candidatures, and spreading them into Math.max overflowed the call stack from about 130,000.
 */
function table(rows: readonly string[][]): string[] {
  const widths = rows[0].map(() => 0);
  for (const r of rows) r.forEach((cell, c) => (widths[c] = Math.max(widths[c], cell.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('   ').trimEnd());
}

/** `lines.push(...more)` without passing every line as an argument (too many for the stack). */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function preparationLines(prepared: PreparedDraw, source: string): string[] {
  const eligible = prepared.canonical.order.length;
  const all = prepared.candidatures.length;
  return [
    `Tirage au sort du Conseil local du numérique — algorithme ${prepared.algorithm}, règles ${prepared.rules.preset}`,
    `Tableau : ${source}${prepared.headerRow === null ? '' : ` (en-tête ligne ${prepared.headerRow})`}, ${plural(all, 'candidature', 'candidatures')}, ` +
      `${plural(eligible, 'recevable', 'recevables')}`,
    `Date du tirage : ${frenchDate(prepared.referenceDate)}`,
    `Empreinte des candidatures : ${prepared.canonical.fingerprint}`,
  ];
}

function excludedLines(prepared: PreparedDraw): string[] {
  const excluded = prepared.candidatures.filter((c) => c.problems.length > 0);
  if (excluded.length === 0) return [];
  return ['', `Candidatures écartées (${excluded.length}) :`, ...excluded.map((c) => `  ${describeRowProblem(c.problems[0])}`)];
}

/**
 * Each eligible candidature's receipt, as people are shown it (§10: six groups of four), in a sealed
 * draw; none in a `/1` draw.
 */
function receiptsOf(prepared: PreparedDraw): Map<Candidature, string> {
  const receipts = new Map<Candidature, string>();
  const seals = sealsByCandidature(prepared);
  if (seals === null) return receipts;
  prepared.candidatures.forEach((c, i) => {
    const seal = seals[i];
    if (seal !== null) receipts.set(c, formatReceipt(seal.receipt));
  });
  return receipts;
}

/** The draw's report, line by line (the CLI writes a million lines in pieces, never as one string). */
export function formatDraw(result: DrawResult, source: string): string[] {
  const { prepared } = result;
  const lines = preparationLines(prepared, source);
  const count = prepared.space.count;
  lines.push(
    `Graine publique : « ${result.publicSeed} »`,
    `Clé de tirage : ${result.seedKey}`,
    `Répartitions femmes/hommes optimales : ${count} (répartition retenue : n° ${result.allocationIndex + 1n})`,
    '',
  );

  const figures = drawFigures(result);
  const { F: women, H: men } = figures.members;
  const rows = [['Secteur', 'Femmes', 'Hommes', 'Membres', 'Candidatures']];
  for (const s of figures.sectors) {
    rows.push([s.sector, String(s.members.F), String(s.members.H), String(s.members.F + s.members.H), String(s.candidates.F + s.candidates.H)]);
  }
  rows.push(['Total', String(women), String(men), String(women + men), String(figures.eligible)]);
  append(lines, table(rows));
  lines.push('');

  const bySector = (status: CandidateOutcome['status']) =>
    prepared.rules.sectors.map((sector) => ({
      sector,
      outcomes: inCallOrder(result.outcomes.filter((o) => o.status === status && o.candidature.sector === sector)),
    }));
  const receipts = receiptsOf(prepared);
  const receipt = (o: CandidateOutcome) => (receipts.has(o.candidature) ? `, reçu ${receipts.get(o.candidature)}` : '');
  const describe = (o: CandidateOutcome) =>
    `${personName(o.candidature)}tirage n° ${o.drawNumber}${o.priority ? ', priorité d’âge' : ''}${receipt(o)})`;

  lines.push(`Membres retenus (${women + men}, dont ${plural(women, 'femme', 'femmes')} et ${plural(men, 'homme', 'hommes')}) :`);
  for (const { sector, outcomes } of bySector('selected')) {
    if (outcomes.length === 0) continue;
    lines.push(`  ${sector}`);
    for (const o of outcomes) lines.push(`    ${o.candidature.sex === 'F' ? 'F' : 'H'}  ${describe(o)}`);
  }
  const reserve = bySector('reserve');
  if (reserve.some((r) => r.outcomes.length > 0)) {
    lines.push('', 'Liste complémentaire (par secteur et par sexe, dans l’ordre d’appel) :');
    for (const { sector, outcomes } of reserve) {
      if (outcomes.length === 0) continue;
      lines.push(`  ${sector}`);
      for (const o of outcomes) lines.push(`    ${o.candidature.sex === 'F' ? 'F' : 'H'}  ${o.reserveRank}. ${describe(o)}`);
    }
  }
  append(lines, excludedLines(prepared));
  const why = explainDraw(result);
  lines.push('', 'Pourquoi :', `  ${why.city}`, ...why.sectors.map((s) => `  ${s.text}`));
  return lines;
}

/** The chances before the seed, line by line. */
export function formatProbabilities(prepared: PreparedDraw, source: string): string[] {
  const lines = preparationLines(prepared, source);
  lines.push(
    `Sièges à pourvoir : ${prepared.space.totalSeats} ; répartitions femmes/hommes optimales : ${prepared.space.count}`,
    '',
    'Chances d’être retenu·e, avant le choix de la graine :',
  );
  const receipts = receiptsOf(prepared);
  const sealed = receipts.size > 0;
  const rows = [['Ligne', 'Candidat·e', 'Secteur', 'Sexe', 'Âge', 'Priorité', 'Chance', 'Fraction exacte', ...(sealed ? ['Reçu'] : [])]];
  // Candidates share a few fractions (one per group and priority); formatting a number in French
  // costs tens of microseconds, a minute and a half for a million rows if done for each.
  const shown = new Map<Fraction, [string, string]>();
  const show = (f: Fraction): [string, string] => {
    let texts = shown.get(f);
    if (texts === undefined) {
      texts = [percent(f), toText(f)];
      shown.set(f, texts);
    }
    return texts;
  };
  prepared.candidatures.forEach((c, i) => {
    if (c.problems.length > 0) return;
    const [chance, exact] = show(prepared.chances[i]);
    rows.push([
      String(c.row),
      `${c.lastName.toLocaleUpperCase('fr-FR')} ${c.firstName}`,
      c.sector ?? '',
      c.sex ?? '',
      String(c.age),
      prepared.priorities[i] ? 'oui' : '',
      chance,
      exact,
      ...(sealed ? [receipts.get(c) as string] : []),
    ]);
  });
  append(lines, table(rows).map((l) => `  ${l}`));
  append(lines, excludedLines(prepared));
  return lines;
}
