/**
 * Large deterministic candidature tables as CSV text, varied enough to go through every path of
 * row reading that speed work touches: accents precomposed and decomposed, runs of ordinary and
 * no-break spaces, sector and sex words in any case, the four date formats, duplicates that differ
 * only by case or accents, and ineligible rows of every kind. Used to pin the JSON output of the
 * draw, so that a faster engine cannot change a single byte of it.
 *
 * Nothing here depends on rules being settled elsewhere (ages stay between 10 and 100 years,
 * no control characters, no cell near Excel's length limit, no article before the sex).
 */
export function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const LAST = ['Martin', 'Lefèvre', 'Benali', 'Nguyen', 'Da Silva', 'Dubois', 'Vanderbeken', 'Öztürk', 'Ødegaard', "N'Diaye", 'Lê', 'Łukasz'];
const FIRST = ['Léa', 'Chloé', 'Inès', 'Zoé', 'Noé', 'Lucas', 'Raphaël', 'Jérôme', 'Hélène', 'François', 'Maëlle', 'Loïc', 'Amandine', 'Karim', 'Joël'];
const SECTORS = ['Centre', 'Est', 'Ouest', 'Nord', 'Sud', ' nord ', 'SUD', 'ÉST', 'centre', 'OUEST'];
const SEXES_F = ['F', 'f', 'Femme', 'FÉMININ', 'Mme', 'madame', 'Mlle'];
const SEXES_H = ['H', 'h', 'Homme', 'Masculin', 'M', 'M.', 'Mr', 'Monsieur'];
/** Spaces that norm() turns into one ordinary space. */
const GAPS = [' ', '  ', '\u00a0', '\u202f', ' \u00a0 '];

interface Person {
  last: string;
  first: string;
  birth: string;
}

export interface LargeTableOptions {
  /** Ages in an `Âge` column instead of birth dates. */
  agesOnly?: boolean;
}

/** `rows` data rows (blank ones included) under a French header, `;`-separated, CRLF, with a BOM. */
export function variedCsv(rows: number, seed: number, options: LargeTableOptions = {}): string {
  const random = xorshift(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const pad = (n: number) => String(n).padStart(2, '0');
  const people: Person[] = [];
  const header = ['N°', 'Nom', 'Prénom', 'Sexe', options.agesOnly ? 'Âge' : 'Date de naissance', 'Secteur', 'Commentaire'];
  const lines = [header.join(';')];
  for (let i = 1; i <= rows; i++) {
    const kind = random();
    if (kind < 0.004) {
      lines.push(';;;;;;');
      continue;
    }
    let person: Person;
    if (kind < 0.03 && people.length > 0) {
      // The same person again, typed differently: a duplicate once folded.
      const earlier = pick(people);
      person = {
        last: random() < 0.5 ? earlier.last.toUpperCase() : earlier.last.normalize('NFD'),
        first: random() < 0.5 ? ` ${earlier.first} ` : earlier.first.toLowerCase(),
        birth: earlier.birth,
      };
    } else {
      const year = 1926 + Math.floor(random() * 90);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const age = 2026 - year - 1;
      const birth = options.agesOnly
        ? String(age)
        : pick([
            `${pad(day)}/${pad(month)}/${year}`,
            `${year}-${pad(month)}-${pad(day)}`,
            `${day}.${month}.${year}`,
            `${day}-${month}-${year}`,
          ]);
      const suffix = String(Math.floor(random() * 1000));
      const last = `${pick(LAST)}${pick(GAPS)}${suffix}`;
      person = { last: random() < 0.2 ? last.normalize('NFD') : last, first: `${pick(FIRST)}${random() < 0.1 ? `${pick(GAPS)}${pick(FIRST)}` : ''}`, birth };
      people.push(person);
    }
    const sexRoll = random();
    const sex = sexRoll < 0.01 ? pick(['X', '', 'autre']) : sexRoll < 0.5 ? pick(SEXES_F) : pick(SEXES_H);
    const sector = random() < 0.01 ? pick(['Gare', '', 'Nord-Est']) : pick(SECTORS);
    const flaw = random();
    const last = flaw < 0.005 ? '' : person.last;
    const birth = options.agesOnly
      ? flaw > 0.995 ? 'quarante' : person.birth
      : flaw > 0.997 ? '31/02/1990' : flaw > 0.994 ? '01/01/2027' : person.birth;
    const id = random() < 0.05 ? '' : random() < 0.05 ? ` ${pad(i % 100)}-${i} ` : String(i);
    const comment = random() < 0.1 ? '"Dit ""bonjour""; merci"' : '';
    lines.push([id, last, person.first, sex, birth, sector, comment].join(';'));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
