/**
 * ALGORITHM.md §10 (`tirage-cln/2`): each eligible candidature is sealed with the city's secret
 * sealing key. Its receipt — an HMAC of its `/1` canonical line under the key, cut to 24 hex
 * digits — is sent to the candidate alone; its seal — the SHA-256 of the receipt — is published
 * with its sector, sex and priority flag, and nothing else. Anyone can then re-run the draw from
 * the published lines, a candidate can find their own line from their receipt, and only someone
 * holding the key (an auditor with the private record) can tie a seal to a candidature.
 *
 * Pure: the key is drawn at the edges (CLI, pane) from a secure generator and handed in as hex.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { InputError } from './errors';
import { sha256Hex } from './hash';
import { SEALED_ALGORITHM, type Sex } from './rules';
import { describeTypedCodeProblem, groupDigits, readTypedCode } from './typedCode';
import { showInvisible } from './visibleText';

/** §10: K is 32 bytes, written as 64 lower-case hexadecimal digits. */
export const SEALING_KEY_BYTES = 32;
export const SEALING_KEY_DIGITS = 2 * SEALING_KEY_BYTES;
/** §10: a receipt is the first 24 hex digits (96 bits) of the HMAC. */
export const RECEIPT_DIGITS = 24;

/** Why a text is not a sealing key as §10 writes one (64 lower-case hex digits, nothing else). */
export type SealingKeyProblem =
  | { problem: 'digit_count'; digits: number }
  | { problem: 'character'; character: string; position: number };

/**
 * A sealing key exactly as it is kept (a key file without its final line break, a record's data
 * sheet): strict, because a key is never typed — a changed character is another key and another
 * fingerprint, and an upper-case copy would be a second spelling of the same key.
 */
export function sealingKeyProblem(text: string): SealingKeyProblem | null {
  let position = 0;
  for (const character of text) {
    position++;
    if (!/^[0-9a-f]$/.test(character)) return { problem: 'character', character, position };
  }
  return text.length === SEALING_KEY_DIGITS ? null : { problem: 'digit_count', digits: text.length };
}

export function describeSealingKeyProblem(problem: SealingKeyProblem): string {
  if (problem.problem === 'digit_count') {
    return `${problem.digits} chiffre${problem.digits > 1 ? 's' : ''} hexadécima${problem.digits > 1 ? 'ux' : 'l'} au lieu de ${SEALING_KEY_DIGITS}`;
  }
  const character = problem.character;
  const what = /^[A-F]$/.test(character) ? 'une majuscule (la clé s’écrit en minuscules)' : 'un caractère qui n’est pas un chiffre hexadécimal (0 à 9, a à f)';
  return `${what}, « ${showInvisible(character)} », en position ${problem.position}`;
}

/** The key as §10 writes it, from the 32 bytes a secure generator gave (at the edges: `crypto.getRandomValues`). */
export function sealingKeyFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== SEALING_KEY_BYTES) throw new RangeError(`a sealing key is ${SEALING_KEY_BYTES} bytes, not ${bytes.length}`);
  return bytesToHex(bytes);
}

/** Refuses a key handed to the engine that is not one (the front ends read and check theirs before). */
export function checkSealingKey(key: string): void {
  const problem = sealingKeyProblem(key);
  if (problem !== null) {
    throw new InputError('bad_seal_key', `Clé de scellement illisible : ${describeSealingKeyProblem(problem)}. Une clé de scellement s’écrit avec ${SEALING_KEY_DIGITS} chiffres hexadécimaux en minuscules.`);
  }
}

/** A candidature's receipt and seal (§10). */
export interface Seal {
  receipt: string;
  seal: string;
}

/** Two lower-case hex digits for each byte value. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Seals lines with one key: receipt = the first 24 hex digits of HMAC-SHA-256(K, UTF-8(line)),
 * seal = SHA-256(UTF-8("tirage-cln/2\n" + receipt)). Sealing 100,000 candidatures is mostly SHA-256
 * in JavaScript (four compressions a line), so nothing else is done per line that can be done once:
 * the HMAC's keyed state is computed once and copied into one working state for each line
 * (noble's `_cloneInto`, which `clone` uses); each line is encoded into one reused buffer
 * (`TextEncoder.encodeInto`, the encoder `utf8ToBytes` uses, so the same bytes); only the 12 bytes
 * of the receipt are turned into hex, and written once as text and once as the seal's input, one
 * buffer whose last 24 bytes change. The test against Node's crypto keeps it honest.
 */
export function sealer(key: string): (line: string) => Seal {
  checkSealingKey(key);
  const keyed = hmac.create(sha256, hexToBytes(key));
  let working = keyed.clone();
  const mac = new Uint8Array(keyed.outputLen);
  const prefix = utf8ToBytes(`${SEALED_ALGORITHM}\n`);
  const sealInput = new Uint8Array(prefix.length + RECEIPT_DIGITS);
  sealInput.set(prefix);
  const emptyHash = sha256.create();
  let sealHash = emptyHash.clone();
  const sealBytes = new Uint8Array(sealHash.outputLen);
  const encoder = new TextEncoder();
  let lineBytes = new Uint8Array(1024);
  return (line) => {
    // UTF-8 takes at most 3 bytes for each UTF-16 code unit: a longer line grows the buffer once.
    if (lineBytes.length < line.length * 3) lineBytes = new Uint8Array(line.length * 3);
    const { written } = encoder.encodeInto(line, lineBytes);
    working = keyed._cloneInto(working);
    working.update(lineBytes.subarray(0, written)).digestInto(mac);
    let receipt = '';
    for (let i = 0; i < RECEIPT_DIGITS / 2; i++) receipt += HEX_PAIRS[mac[i]];
    // The receipt's hex digits are ASCII: one UTF-8 byte each.
    for (let i = 0; i < RECEIPT_DIGITS; i++) sealInput[prefix.length + i] = receipt.charCodeAt(i);
    sealHash = emptyHash._cloneInto(sealHash);
    sealHash.update(sealInput).digestInto(sealBytes);
    return { receipt, seal: bytesToHex(sealBytes) };
  };
}

/** The seal a receipt gives: what a candidate computes to find their own line in the published table. */
export function sealOfReceipt(receipt: string): string {
  return sha256Hex(`${SEALED_ALGORITHM}\n${receipt}`);
}

/** public(c) of §10: what the fingerprint of `/2` covers, and what is published, for one candidature. */
export function publicLine(seal: string, sector: string, sex: Sex, priority: boolean): string {
  return JSON.stringify([seal, sector, sex, priority]);
}

/** A receipt as people are shown it, in six groups of four (`3f9a-0c1e-77b2-d4e8-91aa-5c03`). */
export function formatReceipt(receipt: string): string {
  return groupDigits(receipt, 4, '-');
}

/** A receipt as a candidate types it: hyphens, spaces and case ignored (§10). */
export function parseReceipt(text: string): string {
  const read = readTypedCode(text, RECEIPT_DIGITS);
  if (!read.ok) {
    throw new InputError(
      'bad_receipt',
      `Reçu illisible : ${describeTypedCodeProblem(read)}. Recopiez les ${RECEIPT_DIGITS} chiffres hexadécimaux (0 à 9, a à f) du reçu, ` +
        'par exemple 3f9a-0c1e-77b2-d4e8-91aa-5c03 ; les tirets, les espaces et les majuscules ne comptent pas.',
    );
  }
  return read.hex;
}
