/** SHA-256 of text, as lower-case hex (pure JavaScript: the same code runs in Node and in Excel). */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * `sha256Hex(pieces.join(''))`, without the joined text or its UTF-8 bytes: a fingerprint over a
 * million candidates would otherwise hold both at once (hundreds of megabytes). Each piece must
 * end on a whole character (no lone surrogate at an edge), which is true of whole lines.
 */
export function sha256HexOfPieces(pieces: Iterable<string>): string {
  const hash = sha256.create();
  for (const piece of pieces) hash.update(utf8ToBytes(piece));
  return bytesToHex(hash.digest());
}
