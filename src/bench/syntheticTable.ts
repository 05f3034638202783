/** Made-up candidature tables of any size, as CSV text like a city's export, for the benchmark. */
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Benali', 'Nguyen', 'Da Silva'];
const FIRST = ['Léa', 'Chloé', 'Inès', 'Zoé', 'Noé', 'Lucas', 'Raphaël', 'Jérôme', 'Hélène', 'François', 'Maëlle', 'Loïc'];
const SECTORS = ['Centre', 'Est', 'Ouest', 'Nord', 'Sud'];

/** A small deterministic generator (xorshift), so every run measures the same table. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

export function syntheticCsv(candidates: number, seed = 2025): string {
  const random = xorshift(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const lines = ['N°;Nom;Prénom;Sexe;Date de naissance;Secteur'];
  for (let i = 1; i <= candidates; i++) {
    const year = 1930 + Math.floor(random() * 78);
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    // The number in the last name keeps every candidature distinct (no duplicates).
    lines.push(`${i};${pick(LAST)}-${i};${pick(FIRST)};${random() < 0.5 ? 'F' : 'H'};${day}/${month}/${year};${pick(SECTORS)}`);
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
