/**
 * The sealing key of a `tirage-cln/2` draw (ALGORITHM.md §10), kept in a file between the
 * announcement of the fingerprint (`probabilities --seal-key`, which creates it) and the draw
 * (`draw --seal-key`, which needs the very same key: another key is another fingerprint). The file
 * holds the key as 64 hexadecimal digits, a final line break allowed, and nothing else.
 */
import { fileError } from '../core/fileMessages';
import { webcrypto } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { InputError, SEALING_KEY_BYTES, sealingKeyFromBytes, sealingKeyProblem } from '../core';

/** Far more than a key and its line break: a file this large was named by mistake (the table itself, say). */
const MAX_KEY_FILE_BYTES = 1_024;

/** The key of `--seal-key <file>` for `probabilities`: the file's, or a new one (`isNew`) not written yet. */
export interface SealingKeyChoice {
  key: string;
  isNew: boolean;
}

/** `probabilities --seal-key <file>`: the key of the file, or a new key when the file does not exist. */
export function existingOrNewSealingKey(path: string): SealingKeyChoice {
  if (exists(path)) return { key: readSealingKey(path), isNew: false };
  // ALGORITHM.md §10: K is 32 bytes from a cryptographically secure generator (Web Crypto's, as in the pane).
  return { key: sealingKeyFromBytes(webcrypto.getRandomValues(new Uint8Array(SEALING_KEY_BYTES))), isNew: true };
}

/**
 * Writes a new key, before the fingerprint it gives is shown: a fingerprint announced from a key
 * that was then lost could never be drawn.
 */
export function saveNewSealingKey(path: string, key: string): void {
  try {
    // 'wx': never over a file that appeared meanwhile; 0o600: the key is secret, readable and writable by its owner only.
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const fault = code === 'EEXIST' ? 'appeared' : code === 'ENOENT' ? 'no_folder' : code === 'EACCES' || code === 'EPERM' ? 'access_denied' : { code };
    throw fileError({ code: 'file_unwritable', reason: 'seal_key', path, fault });
  }
}

/** `draw --seal-key <file>`: the key must be there, as it was when the fingerprint was announced. */
export function readSealingKey(path: string): string {
  if (!exists(path)) {
    throw fileError({ code: 'seal_key_missing', path });
  }
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (stat.size > MAX_KEY_FILE_BYTES) throw new InputError({ code: 'bad_seal_key', reason: 'file_too_large', path });
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const fault = code === 'EISDIR' ? 'directory' : code === 'EACCES' || code === 'EPERM' ? 'access_denied' : { code };
    throw fileError({ code: 'file_unreadable', reason: 'seal_key_file', path, fault });
  }
  const text = bytes.toString('utf8');
  const key = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  const problem = sealingKeyProblem(key);
  if (problem !== null) {
    throw new InputError({ code: 'bad_seal_key', reason: 'file', path, problem });
  }
  return key;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // ENOTDIR, EACCES…: reading it will say why, in French.
    return true;
  }
}
