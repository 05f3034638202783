/**
 * Arbitrary candidature tables for the property tests: a *scenario* holds the candidates as data
 * (already normalised, as the reference takes them) plus invalid and blank rows; `renderTable`
 * writes it as a Sheet with varied but equivalent cell spellings (date formats, sex words,
 * sector case, stray whitespace, decomposed accents), so that the engine has to normalise.
 */
import fc from 'fast-check';
import { CSV_SHEET_NAME, plainSheet, type CellValue, type Sheet } from '../../src/core';
import { refAge, refAgeIsPossible, refFold, refNorm, refSex, REF_MAXIMUM_AGE, type RefCandidate, type RefRules, type RefSex } from '../reference/naiveDraw';

// ---------------------------------------------------------------------------------------------
// Calendar helpers (plain UTC arithmetic, independent of the engine)

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function isoOf({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function ymdOf(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function utc({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): Ymd {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromUtc(utc(date) + days * DAY_MS);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Excel 1900 serial for a date after 1 March 1900: days since 1899-12-30. */
export function excelSerial(date: Ymd): number {
  return Math.round((utc(date) - Date.UTC(1899, 11, 30)) / DAY_MS);
}

/** A birth date giving (about) `age` at `ref`; `kind` picks edge days around the birthday. */
export function birthDateFor(ref: Ymd, age: number, kind: number, m: number, d: number): Ymd {
  let month = m;
  let day = d;
  if (kind === 1) [month, day] = [ref.m, ref.d]; // birthday today
  if (kind === 2) ({ m: month, d: day } = addDays(ref, 1)); // birthday tomorrow
  if (kind === 3) ({ m: month, d: day } = addDays(ref, -1)); // birthday yesterday
  if (kind === 4) [month, day] = [2, 29];
  const notYet = ref.m < month || (ref.m === month && ref.d < day);
  const y = ref.y - age - (notYet ? 1 : 0);
  return { y, m: month, d: Math.min(day, daysInMonth(y, month)) };
}

// ---------------------------------------------------------------------------------------------
// Scenario

export type BirthFormat = 'iso' | 'dmy' | 'dmyShort' | 'dash' | 'dot' | 'date' | 'serial';
const BIRTH_FORMATS: BirthFormat[] = ['iso', 'dmy', 'dmyShort', 'dash', 'dot', 'date', 'serial'];

export interface Spelling {
  sexWord: number;
  sectorCase: number;
  nameMess: number;
  birthFormat: BirthFormat;
  ageAsText: boolean;
}

export type InvalidKind =
  | 'missing_name'
  | 'unknown_sector'
  | 'invalid_sex'
  | 'invalid_birth_date'
  | 'under_age'
  | 'duplicate';

export interface InvalidRow {
  kind: InvalidKind;
  variant: number;
  /** For duplicates: index of the eligible candidate copied (modulo their number). */
  target: number;
  /** Position among the rows (a fraction of the length); duplicates go after their original. */
  place: number;
  age: number;
  spelling: Spelling;
}

export interface Scenario {
  rules: RefRules;
  referenceDate: string;
  seed: string;
  /** No birth-date column: the age column gives the age. */
  ageOnly: boolean;
  hasIdColumn: boolean;
  hasAgeColumn: boolean;
  hasExtraColumn: boolean;
  columnOrder: number[];
  candidates: RefCandidate[];
  spellings: Spelling[];
  /** Birth date of each candidate as data (null when ageOnly). */
  births: (Ymd | null)[];
  invalid: InvalidRow[];
  blanks: { place: number; style: number }[];
  /** A permutation of the candidates' row order (a seed for a shuffle). */
  shuffleSeed: number;
  shuffle: boolean;
}

const LAST_NAMES = [
  'Dupont', 'Lefèvre', "D'Almeida", 'Nguyễn', 'Ben Ahmed', 'Müller', 'Lefebvre', 'Ølsen', 'Martin',
  'Dubois', 'Œuvrard', 'Çelik', 'van der Berg', 'García', 'Kowalski', 'Durand-Leroy', 'Bernard',
  'Haddad', 'Leclercq', 'Deschamps', 'Ñúñez', 'Østergård', 'Smith', 'Diallo', 'Petit',
];
const FIRST_NAMES = [
  'Élise', 'Jean-Pierre', 'Zoé', 'Fatima', 'Noël', 'Anaïs', 'Mohamed', 'Chloé', 'Léa', 'Yasmine',
  'Marie Claire', 'Hélène', 'Kévin', 'Inès', 'Théo', 'Aïcha', 'Jérôme', 'Ève', 'Ibrahim', 'Lucas',
];
const NAME_CHARS = ['a', 'b', 'é', 'e\u0301', 'Z', 'ß', 'İ', 'ø', '-', "'", ' ', '\u00a0', '\u202f', '\t', 'ǅ', 'ﬁ', '日'];

const nameArb = (pool: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 8 })
        .map((cs) => refNorm(cs.join('')))
        .filter((s) => s !== ''),
    },
  );

const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  sexWord: fc.nat(99),
  sectorCase: fc.nat(5),
  nameMess: fc.nat(5),
  birthFormat: fc.constantFrom(...BIRTH_FORMATS),
  ageAsText: fc.boolean(),
});

export const ageArb = (minimumAge: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: minimumAge, max: 90 }),
    fc.constantFrom(minimumAge, minimumAge + 1, 25, 26, 64, 65, 66, 90, REF_MAXIMUM_AGE),
  );

const idArb = fc.oneof(
  fc.integer({ min: 1, max: 999 }),
  fc.string({ minLength: 1, maxLength: 6 }).map((s) => `C-${s}`),
  fc.stringMatching(/^[A-Z]{1,2}[0-9]{1,3}$/),
);

const seedArb = fc
  .oneof(
    fc.constantFrom('4 2 6 1 5 3', 'dés: 3-3-6', '  1\u00a0 2  3 ', 'é'),
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  )
  .filter((s) => refNorm(s) !== '');

export const referenceDateArb = fc.oneof(
  fc.constantFrom('2025-06-13', '2024-02-29', '2025-02-28', '2025-03-01', '2023-12-31', '2026-01-01'),
  fc.integer({ min: 0, max: 365 * 40 }).map((n) => isoOf(addDays({ y: 2000, m: 1, d: 1 }, n))),
);

interface RawPick {
  sectorPick: number;
  sexPick: number;
  age: number;
  birthKind: number;
  month: number;
  day: number;
  last: string;
  first: string;
  id: number | string;
  spelling: Spelling;
}

export interface ScenarioOptions {
  rules: RefRules;
  maxCandidates: number;
  withInvalid: boolean;
  /** Upper bound on the number of feasible vectors (the reference enumerates them all). */
  maxVectors?: number;
  /** Sectors of one sex, or nearly: the tables where several allocations tie. */
  lopsided?: boolean;
}

// A one-sex sector unbalances the city; mixed sectors then absorb the difference, and since the
// balance cost |2f − seats| is linear, any split of it between them ties.
const lopsidedSector: fc.Arbitrary<[number, number]> = fc.oneof(
  fc.tuple(fc.integer({ min: 3, max: 6 }), fc.constant(0)),
  fc.tuple(fc.constant(0), fc.integer({ min: 3, max: 6 })),
  fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 })),
  fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 })),
  fc.tuple(fc.nat(3), fc.nat(3)),
);

export function scenarioArb(opts: ScenarioOptions): fc.Arbitrary<Scenario> {
  const { rules } = opts;
  const nSectors = rules.sectors.length;
  const pick: fc.Arbitrary<RawPick> = fc.record({
    sectorPick: fc.nat(9999),
    sexPick: fc.nat(3),
    age: ageArb(rules.minimumAge),
    birthKind: fc.nat(6),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    last: nameArb(LAST_NAMES),
    first: nameArb(FIRST_NAMES),
    id: idArb,
    spelling: spellingArb,
  });
  const invalidArb: fc.Arbitrary<InvalidRow> = fc.record({
    kind: fc.constantFrom<InvalidKind>(
      'missing_name',
      'unknown_sector',
      'invalid_sex',
      'invalid_birth_date',
      'under_age',
      'duplicate',
    ),
    variant: fc.nat(99),
    target: fc.nat(999),
    place: fc.double({ min: 0, max: 1, noNaN: true }),
    age: fc.integer({ min: 0, max: rules.minimumAge - 1 }),
    spelling: spellingArb,
  });
  return fc
    .record({
      referenceDate: referenceDateArb,
      seed: seedArb,
      ageOnlyBias: fc.nat(4),
      hasIdColumn: fc.nat(5).map((n) => n !== 0),
      hasAgeColumn: fc.boolean(),
      hasExtraColumn: fc.boolean(),
      columnOrder: fc.array(fc.nat(9999), { minLength: 9, maxLength: 9 }),
      // Sector weights: zeros make skewed tables (everyone in one sector, empty sectors).
      weights: fc.oneof(
        fc.array(fc.nat(4), { minLength: nSectors, maxLength: nSectors }),
        fc.nat(nSectors - 1).map((s): number[] => rules.sectors.map((_, i) => (i === s ? 1 : 0))),
      ) as fc.Arbitrary<number[]>,
      // Women out of 4 (0 = men only, 4 = women only), for the whole table or per sector (sectors
      // of opposite skews are what makes several allocations tie).
      womenShares: fc.oneof(
        fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, 4)).map((w) => rules.sectors.map(() => w)),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: nSectors, maxLength: nSectors }),
      ),
      // fast-check's default size keeps arrays short: mix short tables with full-size ones.
      // Or the exact (women, men) of each sector: small, lopsided sectors are where ties happen.
      composition: opts.lopsided
        ? fc.array(lopsidedSector, { minLength: nSectors, maxLength: nSectors })
        : fc.option(fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { minLength: nSectors, maxLength: nSectors }), {
            freq: 2,
          }),
      picks: opts.lopsided
        ? fc.array(pick, { minLength: opts.maxCandidates, maxLength: opts.maxCandidates })
        : fc.oneof(
            fc.array(pick, { maxLength: opts.maxCandidates, size: 'max' }),
            fc.array(pick, { maxLength: Math.min(10, opts.maxCandidates) }),
          ),
      invalid: fc.array(invalidArb, { maxLength: opts.withInvalid ? 6 : 0 }),
      blanks: fc.array(fc.record({ place: fc.double({ min: 0, max: 1, noNaN: true }), style: fc.nat(2) }), {
        maxLength: opts.withInvalid ? 3 : 0,
      }),
      shuffleSeed: fc.nat(),
      shuffle: fc.boolean(),
    })
    .map((g) => {
      const ref = ymdOf(g.referenceDate);
      const ageOnly = g.ageOnlyBias === 0; // one table in five has only an age column
      const weights = g.weights.some((w) => w > 0) ? g.weights : g.weights.map(() => 1);
      const totalWeight = weights.reduce((t, w) => t + w, 0);
      const sectorOf = (p: number): number => {
        let x = p % totalWeight;
        for (let s = 0; s < nSectors; s++) {
          if (x < weights[s]!) return s;
          x -= weights[s]!;
        }
        throw new Error('unreachable');
      };
      const candidates: RefCandidate[] = [];
      const spellings: Spelling[] = [];
      const births: (Ymd | null)[] = [];
      const slots: { sector: number; sex: RefSex }[] | null =
        g.composition === null
          ? null
          : g.composition.flatMap(([w, m], sector) => [
              ...Array.from({ length: w }, () => ({ sector, sex: 'F' as const })),
              ...Array.from({ length: m }, () => ({ sector, sex: 'H' as const })),
            ]);
      const keys = new Set<string>();
      const ids = new Set<string>();
      for (const [n, p] of g.picks.entries()) {
        if (slots !== null && n >= slots.length) break;
        const birth = birthDateFor(ref, p.age, p.birthKind, p.month, p.day);
        const birthIso = isoOf(birth);
        const age = refAge(birthIso, g.referenceDate);
        // Cannot happen (but around 29 February the oldest age could shift by one), kept as a guard.
        if (age < rules.minimumAge || !refAgeIsPossible(age)) continue;
        const sector = slots !== null ? slots[n]!.sector : sectorOf(p.sectorPick);
        const key = `${refFold(p.last)}\u0000${refFold(p.first)}\u0000${ageOnly ? String(p.age) : birthIso}`;
        const id = g.hasIdColumn ? refNorm(String(p.id)) : '';
        if (keys.has(key) || (g.hasIdColumn && (id === '' || ids.has(id)))) continue;
        keys.add(key);
        ids.add(id);
        candidates.push({
          row: 0, // set when rendered
          id,
          lastName: p.last,
          firstName: p.first,
          sex: slots !== null ? slots[n]!.sex : p.sexPick < g.womenShares[sector]! ? 'F' : 'H',
          sector: rules.sectors[sector]!,
          birthDate: ageOnly ? '' : birthIso,
          age: ageOnly ? p.age : age,
        });
        spellings.push(p.spelling);
        births.push(ageOnly ? null : birth);
      }
      return {
        rules,
        referenceDate: g.referenceDate,
        seed: g.seed,
        ageOnly,
        hasIdColumn: g.hasIdColumn,
        hasAgeColumn: ageOnly || g.hasAgeColumn,
        hasExtraColumn: g.hasExtraColumn,
        columnOrder: g.columnOrder,
        candidates,
        spellings,
        births,
        invalid: g.invalid,
        blanks: g.blanks,
        shuffleSeed: g.shuffleSeed,
        shuffle: g.shuffle,
      } satisfies Scenario;
    })
    .filter((s) => opts.maxVectors === undefined || feasibleVectorCount(s) <= opts.maxVectors);
}

/** Number of vectors the reference enumerates (product of the women's ranges). */
export function feasibleVectorCount(s: Pick<Scenario, 'rules' | 'candidates'>): number {
  let n = 1;
  for (const sector of s.rules.sectors) {
    const women = s.candidates.filter((c) => c.sector === sector && c.sex === 'F').length;
    const men = s.candidates.filter((c) => c.sector === sector && c.sex === 'H').length;
    const seats = Math.min(s.rules.seatsPerSector, women + men);
    n *= Math.min(women, seats) - Math.max(0, seats - men) + 1;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const F_WORDS = ['F', 'f', 'Femme', 'FEMME', 'Mme', 'Madame', 'Mlle', 'Mademoiselle', 'Féminin', 'feminin', ' F ', 'Une femme'];
const H_WORDS = ['H', 'h', 'Homme', 'M', 'M.', 'Mr', 'Monsieur', 'Masculin', 'MASCULIN', 'homme ', 'Un homme'];

function sexCell(sex: RefSex, w: number): string {
  const word = sex === 'F' ? F_WORDS[w % F_WORDS.length]! : H_WORDS[w % H_WORDS.length]!;
  if (refSex(word) !== sex) throw new Error(`the generator spells ${sex} as « ${word} », which §2 does not read so`);
  return word;
}

function sectorCell(sector: string, style: number): string {
  switch (style % 6) {
    case 1:
      return sector.toUpperCase();
    case 2:
      return sector.toLowerCase();
    case 3:
      return `  ${sector} `;
    case 4:
      return sector.normalize('NFD').toUpperCase();
    default:
      return sector;
  }
}

/** A spelling of a normalised name that normalises back to it. */
function messName(name: string, style: number): string {
  switch (style % 6) {
    case 1:
      return ` ${name}  `;
    case 2:
      return name.normalize('NFD');
    case 3:
      return name.replace(/ /g, ' \u00a0 ');
    case 4:
      return `\u202f${name.replace(/ /g, '\t')}`;
    default:
      return name;
  }
}

function birthCell(b: Ymd, format: BirthFormat): CellValue {
  const dd = String(b.d).padStart(2, '0');
  const mm = String(b.m).padStart(2, '0');
  switch (format) {
    case 'iso':
      return isoOf(b);
    case 'dmy':
      return `${dd}/${mm}/${b.y}`;
    case 'dmyShort':
      return `${b.d}/${b.m}/${b.y}`;
    case 'dash':
      return `${b.d}-${b.m}-${b.y}`;
    case 'dot':
      return `${dd}.${mm}.${b.y}`;
    case 'date':
      return new Date(utc(b));
    case 'serial':
      // Serials start in 1900: an older date (a 120-year-old at a reference date before 2020) is written as text.
      return b.y < 1901 ? isoOf(b) : excelSerial(b);
  }
}

type Field = 'id' | 'lastName' | 'firstName' | 'sex' | 'birthDate' | 'age' | 'sector' | 'extra';
const HEADER: Record<Field, string> = {
  id: 'N°',
  lastName: 'Nom',
  firstName: 'Prénom',
  sex: 'Sexe',
  birthDate: 'Date de naissance',
  age: 'Âge',
  sector: 'Secteur',
  extra: 'Commentaire',
};

/** The cells of one row, by field. */
type RowFields = Partial<Record<Field, CellValue>>;

function candidateFields(c: RefCandidate, sp: Spelling, birth: Ymd | null): RowFields {
  const idCell: CellValue = /^[1-9][0-9]*$/.test(c.id) && sp.sexWord % 2 === 0 ? Number(c.id) : c.id;
  return {
    id: idCell,
    lastName: messName(c.lastName, sp.nameMess),
    firstName: messName(c.firstName, sp.nameMess + 1),
    sex: sexCell(c.sex, sp.sexWord),
    sector: sectorCell(c.sector, sp.sectorCase),
    birthDate: birth === null ? null : birthCell(birth, sp.birthFormat),
    age: sp.ageAsText ? String(c.age) : c.age,
    extra: sp.sexWord % 3 === 0 ? 'vu en réunion' : null,
  };
}

/** What the engine should say about an invalid row, and its cells. */
function invalidFields(s: Scenario, r: InvalidRow, index: number): { fields: RowFields; code: InvalidKind } {
  const ref = ymdOf(s.referenceDate);
  const base: RefCandidate = {
    row: 0,
    id: `INV${index}`,
    lastName: `Invalide${index}`,
    firstName: 'Test',
    sex: r.variant % 2 === 0 ? 'F' : 'H',
    sector: s.rules.sectors[r.variant % s.rules.sectors.length]!,
    birthDate: '',
    age: 40,
  };
  const fortyYears = birthDateFor(ref, 40, 0, 5, 10);
  const fields = candidateFields(base, r.spelling, s.ageOnly ? null : fortyYears);
  // A defect checked later than the main one may be added: the first failure must win.
  const alsoLater = r.variant % 3 === 0;
  const v = Math.floor(r.variant / 2);
  switch (r.kind) {
    case 'missing_name':
      if (v % 2 === 0) fields.lastName = ['', '   ', null, '\u00a0'][v % 4]!;
      else fields.firstName = ['', '  ', null][v % 3]!;
      if (alsoLater) fields.sector = 'Lille';
      break;
    case 'unknown_sector':
      fields.sector = ['Lille', '', 'Centre-Ville', 'Nord Est', null, 'Secteur 99'][v % 6]!;
      if (alsoLater) fields.sex = 'X';
      break;
    case 'invalid_sex':
      fields.sex = ['X', '', 'Autre', 'FH', 'Mme.', null, '?'][v % 7]!;
      if (alsoLater && !s.ageOnly) fields.birthDate = '31/02/1990';
      if (alsoLater && s.ageOnly) fields.age = 3;
      break;
    case 'invalid_birth_date': {
      if (s.ageOnly) {
        // §2: an age above 120 is a typing mistake.
        fields.age = [REF_MAXIMUM_AGE + 1, 150, 999, String(REF_MAXIMUM_AGE + 1 + (v % 30))][v % 4]!;
        break;
      }
      const future = addDays(ref, 1 + (v % 400));
      const tooOld = birthDateFor(ref, REF_MAXIMUM_AGE + 1 + (v % 10), r.variant % 4, 7, 14);
      fields.birthDate = [
        birthCell(tooOld, r.spelling.birthFormat),
        `01/02/00${String(10 + (v % 90))}`,
        '31/02/1990',
        '1990-02-30',
        `29/02/2023`,
        'hier',
        null,
        '13/13/1990',
        '1990/01/02',
        '1/2/90',
        birthCell(future, r.spelling.birthFormat),
      ][v % 11]!;
      break;
    }
    case 'under_age':
      if (!s.ageOnly) {
        let birth = birthDateFor(ref, r.age, r.variant % 4, 7, 14);
        // Around 29 February the edge days can shift the age by one: fall back to "birthday today".
        if (refAge(isoOf(birth), s.referenceDate) !== r.age) birth = birthDateFor(ref, r.age, 1, 1, 1);
        fields.birthDate = birthCell(birth, r.spelling.birthFormat);
      }
      fields.age = r.age;
      break;
    case 'duplicate':
      break; // filled by the caller, which knows the original
  }
  return { fields, code: r.kind };
}

/** Deterministic shuffle (mulberry32), so a scenario renders the same way every time. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface RenderedRow {
  rowNumber: number;
  kind: 'candidate' | 'invalid' | 'blank';
  /** For 'candidate': index into scenario.candidates. */
  candidate?: number;
  /** For 'invalid': the expected code. */
  code?: InvalidKind;
}

export interface Rendered {
  table: Sheet;
  rows: RenderedRow[];
  /** The candidates with their row numbers in this rendering. */
  candidates: RefCandidate[];
}

export interface RenderOptions {
  withInvalid: boolean;
  shuffle: boolean;
  shuffleSeed: number;
  /** Replace every spelling (for re-renderings that must not change the result). */
  respell?: (sp: Spelling, i: number) => Spelling;
}

export function renderTable(s: Scenario, o: RenderOptions): Rendered {
  // Columns
  const fields: Field[] = ['lastName', 'firstName', 'sex', 'sector'];
  if (s.hasIdColumn) fields.push('id');
  if (!s.ageOnly) fields.push('birthDate');
  if (s.hasAgeColumn) fields.push('age');
  if (s.hasExtraColumn) fields.push('extra');
  const order = fields
    .map((f, i) => ({ f, k: s.columnOrder[i] ?? i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.f);

  // Row plan: candidates (optionally shuffled), then invalid rows and blanks inserted.
  const candidateOrder = s.candidates.map((_, i) => i);
  type Plan = { kind: 'candidate'; i: number } | { kind: 'invalid'; r: InvalidRow; n: number } | { kind: 'blank'; style: number };
  const plan: Plan[] = (o.shuffle ? shuffled(candidateOrder, o.shuffleSeed) : candidateOrder).map((i) => ({
    kind: 'candidate' as const,
    i,
  }));
  if (o.withInvalid) {
    s.invalid.forEach((r, n) => {
      if (r.kind === 'duplicate') {
        if (s.candidates.length === 0) return;
        const target = r.target % s.candidates.length;
        const at = plan.findIndex((p) => p.kind === 'candidate' && p.i === target);
        const pos = at + 1 + Math.floor(r.place * (plan.length - at));
        plan.splice(pos, 0, { kind: 'invalid', r, n });
      } else {
        plan.splice(Math.floor(r.place * (plan.length + 1)), 0, { kind: 'invalid', r, n });
      }
    });
    for (const b of s.blanks) plan.splice(Math.floor(b.place * (plan.length + 1)), 0, { kind: 'blank', style: b.style });
  }

  const header = order.map((f) => HEADER[f]);
  const tableRows: { rowNumber: number; cells: CellValue[] }[] = [{ rowNumber: 1, cells: header }];
  const rows: RenderedRow[] = [];
  const candidates = s.candidates.map((c) => ({ ...c }));
  plan.forEach((p, n) => {
    const rowNumber = n + 2;
    let f: RowFields;
    if (p.kind === 'blank') {
      const cells: CellValue[] = p.style === 0 ? order.map(() => null) : p.style === 1 ? order.map(() => '') : [];
      tableRows.push({ rowNumber, cells });
      rows.push({ rowNumber, kind: 'blank' });
      return;
    }
    if (p.kind === 'candidate') {
      const sp = o.respell ? o.respell(s.spellings[p.i]!, p.i) : s.spellings[p.i]!;
      f = candidateFields(s.candidates[p.i]!, sp, s.births[p.i]!);
      candidates[p.i]!.row = rowNumber;
      rows.push({ rowNumber, kind: 'candidate', candidate: p.i });
    } else if (p.r.kind === 'duplicate') {
      const target = p.r.target % s.candidates.length;
      const c = s.candidates[target]!;
      // Same folded names and birth date, spelt differently, with a different id.
      const twin: RefCandidate = {
        ...c,
        id: `DUP${p.n}`,
        lastName: p.r.variant % 2 === 0 ? c.lastName.toUpperCase() : c.lastName.toLowerCase(),
        firstName: p.r.variant % 3 === 0 ? c.firstName.normalize('NFD') : c.firstName,
      };
      f = candidateFields(twin, p.r.spelling, s.births[target]!);
      if (refFold(twin.lastName) !== refFold(c.lastName)) f.lastName = c.lastName; // ß, İ… upper-case differently
      rows.push({ rowNumber, kind: 'invalid', code: 'duplicate' });
    } else {
      const inv = invalidFields(s, p.r, p.n);
      f = inv.fields;
      rows.push({ rowNumber, kind: 'invalid', code: inv.code });
    }
    tableRows.push({ rowNumber, cells: order.map((field) => (field in f ? f[field]! : null)) });
  });
  return { table: plainSheet(CSV_SHEET_NAME, 'generated', tableRows.map((r) => r.cells)), rows, candidates };
}
