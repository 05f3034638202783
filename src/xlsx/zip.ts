/**
 * The zip container of an OOXML package, read with limits. A zip's central directory declares each
 * entry's size, but nothing obliges the compressed data to agree: a "decompression bomb" declares a
 * few bytes and inflates to gigabytes. So entries are inflated here in small slices (fflate's
 * streaming raw-DEFLATE inflater), the bytes actually produced are counted per part and for the
 * whole package, and reading stops with a PackageError as soon as a limit is passed — before the
 * memory they would take is ever allocated. Declared sizes are only used to refuse early.
 *
 * Browser-capable: Uint8Array in, Uint8Array chunks out, no Node API.
 */

import { Inflate } from 'fflate';
import { concatBytes } from './concatBytes';

export interface PackageLimits {
  /** Inflated bytes allowed for one part. */
  maxPartBytes: number;
  /** Inflated bytes allowed for all the parts together. */
  maxTotalBytes: number;
}

const MIB = 1024 * 1024;

/**
 * Large enough for a worksheet at Excel's own limit (1,048,576 rows of a candidature table take
 * about 300 MB of sheet XML), small enough that a bomb is stopped well before memory runs out.
 */
export const DEFAULT_LIMITS: PackageLimits = { maxPartBytes: 512 * MIB, maxTotalBytes: 768 * MIB };

export type PackageErrorKind =
  | 'not_zip'
  | 'not_workbook'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported_compression'
  | 'part_too_large'
  | 'package_too_large'
  // Read, but not extended by the package editor (./workbookEditor): strict OOXML, or a workbook part in no known namespace.
  | 'strict_workbook'
  | 'unusual_workbook'
  // A cell past row 1,048,576 or column XFD: another program wrote it, Excel would not open it whole.
  | 'beyond_grid';

/** What went wrong with the container; the adapters say it in French (see ./messages). */
export class PackageError extends Error {
  constructor(
    readonly kind: PackageErrorKind,
    /** The part concerned, when there is one. */
    readonly part: string | null = null,
    /** The limit passed, in bytes, for the two limit kinds. */
    readonly limit: number | null = null,
    /** For `beyond_grid`: the sheet (once known) and where, in French (« cellule XFE1 », « ligne 1048577 »). */
    readonly cell: { sheet: string | null; reference: string } | null = null,
  ) {
    super(`${kind}${part === null ? '' : ` (${part})`}`);
    this.name = 'PackageError';
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** A part as the zip holds it, compressed: what a package writer copies without inflating it (zipWriter.ts). */
export interface RawEntry {
  name: string;
  /** 0 (stored) or 8 (deflated). */
  method: number;
  crc: number;
  /** The inflated size. */
  size: number;
  /** The compressed bytes, a view on the package's bytes. */
  data: Uint8Array;
}

/** Compressed bytes handed to the inflater at a time: at most ~1,032 times as many come out. */
const SLICE = 16 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

export class ZipPackage {
  /** Lower-cased name → entry: OPC part names compare without case (ECMA-376 part 2, §9.1.1.1.2). */
  private readonly entries = new Map<string, Entry>();
  /** Lower-cased name → the bytes its inflating actually gave. */
  private readonly inflated = new Map<string, number>();
  private total = 0;

  private constructor(
    /** The file's bytes, for messages about them (./messages). */
    readonly bytes: Uint8Array,
    readonly limits: PackageLimits,
    list: Entry[],
  ) {
    for (const entry of list) if (!entry.name.endsWith('/')) this.entries.set(entry.name.toLowerCase(), entry);
  }

  /** Reads the central directory; refuses a package whose declared sizes already pass a limit. */
  static open(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): ZipPackage {
    const list = readCentralDirectory(bytes);
    let declared = 0;
    for (const entry of list) {
      if (entry.flags & 1) throw new PackageError('encrypted', entry.name);
      if (entry.declaredSize > limits.maxPartBytes) throw new PackageError('part_too_large', entry.name, limits.maxPartBytes);
      declared += entry.declaredSize;
      if (declared > limits.maxTotalBytes) throw new PackageError('package_too_large', null, limits.maxTotalBytes);
    }
    return new ZipPackage(bytes, limits, list);
  }

  /** Part names as stored (folder entries left out). */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Inflates a part slice by slice into `sink`; throws PackageError past a limit. */
  read(part: string, sink: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(part.toLowerCase());
    if (entry === undefined) throw new PackageError('corrupt', part);
    const key = entry.name.toLowerCase();
    // A part read twice is counted once: the limit is about what the package holds.
    const counted = !this.inflated.has(key);
    if (counted) this.inflated.set(key, 0);
    let partBytes = 0;
    const take = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      partBytes += chunk.length;
      if (partBytes > this.limits.maxPartBytes) throw new PackageError('part_too_large', entry.name, this.limits.maxPartBytes);
      if (counted) {
        this.total += chunk.length;
        if (this.total > this.limits.maxTotalBytes) throw new PackageError('package_too_large', null, this.limits.maxTotalBytes);
      }
      sink(chunk);
    };
    const data = this.dataOf(entry);
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += SLICE) take(data.subarray(at, at + SLICE));
      this.inflated.set(key, partBytes);
      return;
    }
    if (entry.method !== 8) throw new PackageError('unsupported_compression', entry.name);
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      if (final) ended = true;
    });
    try {
      for (let at = 0; at < data.length; at += SLICE) {
        const end = Math.min(at + SLICE, data.length);
        inflater.push(data.subarray(at, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof PackageError) throw error;
      throw new PackageError('corrupt', entry.name);
    }
    if (!ended) throw new PackageError('corrupt', entry.name);
    this.inflated.set(key, partBytes);
  }

  /**
   * A part as it is stored, compressed. A part passed on as is must not carry a bomb: one never
   * inflated yet is inflated first under the limits (keeping nothing), as checkAll does.
   */
  raw(part: string): RawEntry {
    const entry = this.entries.get(part.toLowerCase());
    if (entry === undefined) throw new PackageError('corrupt', part);
    if (!this.inflated.has(entry.name.toLowerCase())) this.read(entry.name, () => undefined);
    // The size the data really inflates to (a zip may declare another one; the CRC is copied as declared).
    const size = this.inflated.get(entry.name.toLowerCase()) as number;
    return { name: entry.name, method: entry.method, crc: entry.crc, size, data: this.dataOf(entry) };
  }

  /** A part's bytes; for the small parts (workbook, relationships, styles). */
  bytesOf(part: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    this.read(part, (chunk) => chunks.push(chunk.slice()));
    return concatBytes(chunks);
  }

  /**
   * Inflates every part not read yet, keeping nothing: the limits then hold for the whole package,
   * parts nobody reads (an image) included, so that a package passed on (the record is grafted onto
   * the input workbook) carries no bomb either.
   */
  checkAll(): void {
    for (const entry of this.entries.values()) {
      if (!this.inflated.has(entry.name.toLowerCase())) this.read(entry.name, () => undefined);
    }
  }

  private dataOf(entry: Entry): Uint8Array {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || u32(this.bytes, at) !== SIG_LOCAL) throw new PackageError('corrupt', entry.name);
    const start = at + 30 + u16(this.bytes, at + 26) + u16(this.bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new PackageError('corrupt', entry.name);
    return this.bytes.subarray(start, end);
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes. */
function findEnd(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === SIG_END) return at;
  }
  throw new PackageError(bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL ? 'corrupt' : 'not_zip');
}

function readCentralDirectory(bytes: Uint8Array): Entry[] {
  const end = findEnd(bytes);
  let count = u16(bytes, end + 10);
  let size = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the real figures are in the ZIP64 end record, found through its locator.
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== SIG_ZIP64_LOCATOR) throw new PackageError('corrupt');
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== SIG_ZIP64_END) throw new PackageError('corrupt');
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    offset = u64(bytes, record + 48);
  }
  if (offset + size > bytes.length) throw new PackageError('corrupt');
  const decoder = new TextDecoder('utf-8');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw new PackageError('corrupt');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const entry: Entry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    };
    readZip64Extra(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extra field (id 1): the 64-bit values of the fields saturated at 0xFFFFFFFF, in this order. */
function readZip64Extra(entry: Entry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(extra, at);
    const length = u16(extra, at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (entry.declaredSize === 0xffffffff) entry.declaredSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}
