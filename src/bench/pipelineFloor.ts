/**
 * The work the specification cannot avoid, done as plainly as possible for the benchmark's own
 * table: decode the bytes, read each cell once, build the canonical lines (ALGORITHM.md §3), sort
 * them, join, UTF-8, SHA-256, then one rng() per candidate (§4–§6). No checks, no messages, no
 * objects per candidate. It gives the engine's exact fingerprint (the bench checks it), so the
 * engine's time divided by this one is what the engine spends beyond the unavoidable.
 *
 * It reads only what `syntheticCsv` writes (a BOM, CRLF, `;`, `DD/MM/YYYY`, sex `F`/`H`, sector
 * names as the rules spell them, text already normalised): a floor, not a second engine.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import seedrandom from 'seedrandom';
import { headerLine, PLAIN_ALGORITHM, ROUBAIX_CLN_2025 } from '../core';

export interface FloorRun {
  fingerprint: string;
  /** The sum of the rng() outputs, so the calls cannot be optimised away. */
  rngSum: number;
}

export function pipelineFloor(bytes: Uint8Array, referenceDate: string, publicSeed: string): FloorRun {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  const [refYear, refMonth, refDay] = referenceDate.split('-').map(Number);
  const rows = text.split('\r\n');
  const lines: string[] = [];
  // Row 0 is the header; the text ends with a line break, so the last piece is empty.
  for (let r = 1; r < rows.length - 1; r++) {
    const [id, lastName, firstName, sex, date, sector] = rows[r].split(';');
    const day = Number(date.slice(0, 2));
    const month = Number(date.slice(3, 5));
    const year = Number(date.slice(6, 10));
    const age = refYear - year - (refMonth < month || (refMonth === month && refDay < day) ? 1 : 0);
    const iso = `${date.slice(6, 10)}-${date.slice(3, 5)}-${date.slice(0, 2)}`;
    lines.push(JSON.stringify([sector, sex, lastName, firstName, iso, age, id]));
  }
  lines.sort();
  const fingerprint = bytesToHex(sha256(utf8ToBytes(`${headerLine(ROUBAIX_CLN_2025, referenceDate, PLAIN_ALGORITHM)}\n${lines.join('\n')}`)));
  const rng = seedrandom(bytesToHex(sha256(utf8ToBytes(`${fingerprint}\n${publicSeed}`))));
  let rngSum = 0;
  for (let i = 0; i < lines.length; i++) rngSum += rng();
  return { fingerprint, rngSum };
}
