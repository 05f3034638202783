/**
 * Zip packages built by hand in tests, byte by byte: parts stored or deflated, and entries whose
 * compressed data is given as is — how a decompression bomb, or a zip whose declared sizes lie,
 * is made without a gigabyte ever being held in memory.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';
import { ZipPackage } from '../../src/xlsx/zip';

export interface ZipEntry {
  name: string;
  /** Stored or deflated by the writer. */
  content?: Uint8Array | string;
  /** Already deflated (raw DEFLATE), with the size and CRC the entry declares. */
  deflated?: { data: Uint8Array; size: number; crc: number };
}

function le(bytes: number, value: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  if (bytes === 2) buffer.writeUInt16LE(value);
  else buffer.writeUInt32LE(value >>> 0);
  return buffer;
}

export function zipBytes(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let data: Uint8Array;
    let size: number;
    let crc: number;
    if (entry.deflated) {
      ({ data, size, crc } = entry.deflated);
    } else {
      const raw = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : Buffer.from(entry.content ?? new Uint8Array());
      data = deflateRawSync(raw);
      size = raw.length;
      crc = crc32(raw);
    }
    const common = Buffer.concat([le(2, 20), le(2, 0x0800), le(2, 8), le(2, 0), le(2, 0x21), le(4, crc), le(4, data.length), le(4, size), le(2, name.length), le(2, 0)]);
    const local = Buffer.concat([le(4, 0x04034b50), common, name, Buffer.from(data)]);
    centrals.push(Buffer.concat([le(4, 0x02014b50), le(2, 20), common, le(2, 0), le(2, 0), le(2, 0), le(4, 0), le(4, offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([le(4, 0x06054b50), le(2, 0), le(2, 0), le(2, entries.length), le(2, entries.length), le(4, central.length), le(4, offset), le(2, 0)]);
  return new Uint8Array(Buffer.concat([...locals, central, end]));
}

/**
 * `mebibytes` MiB of zeros as one raw DEFLATE stream, built from one compressed MiB repeated
 * (each copy ends on a full flush, byte-aligned, and a zero byte's back-references stay valid),
 * closed by an empty final block. `declaredSize` is what the entry claims (the truth by default).
 */
export function zeroBomb(name: string, mebibytes: number, declaredSize = mebibytes * 1024 * 1024): ZipEntry {
  const mebibyte = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(mebibyte, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const data = Buffer.concat([...new Array<Buffer>(mebibytes).fill(block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mebibyte, crc);
  return { name, deflated: { data, size: declaredSize, crc } };
}

/**
 * A package with some parts changed (a string or bytes), added, or left out (null); the others as
 * they were, in their order, re-deflated. Read with the project's own reader (src/xlsx/zip).
 */
export function rezip(bytes: Uint8Array, changes: Record<string, string | Uint8Array | null>): Uint8Array {
  const pkg = ZipPackage.open(bytes);
  const names = [...pkg.names(), ...Object.keys(changes).filter((name) => !pkg.has(name))];
  const entries: ZipEntry[] = [];
  for (const name of names) {
    const change = changes[name];
    if (change === null) continue;
    entries.push({ name, content: change ?? pkg.bytesOf(name) });
  }
  return zipBytes(entries);
}

/** A part of a package as text. */
export function partText(bytes: Uint8Array, name: string): string {
  return new TextDecoder().decode(ZipPackage.open(bytes).bytesOf(name));
}
