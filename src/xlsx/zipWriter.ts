/**
 * A zip package written as a stream, with fflate's streaming zip (`Zip`): each part is added whole
 * before the next, its bytes handed to `sink` as they come, so a large worksheet made chunk by chunk
 * is never held whole, compressed or not. Writing waits for the sink after each chunk: the producer
 * (the sheet's XML) cannot run ahead of the disk.
 *
 * A part taken from another package (the input workbook's own parts) is copied as it is stored,
 * deflated, with its CRC and size: fflate's `ZipInputFile` takes any compression method and
 * compressed data when the stream gives its CRC and size itself (see fflate's `ZipInputFile.size`,
 * `crc` and `compression`). Nothing is inflated or deflated again, and every byte of the part stays.
 *
 * fflate writes each entry with a data descriptor (general purpose flag bit 3) after its data, as a
 * streaming writer must — Office writes its own packages so too (cthackers/adm-zip#564) — and
 * without ZIP64, so a package stays under 4 GB (a record of 100,000 candidatures takes about 25 MB).
 * Browser-capable: no Node API.
 */

import { Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { concatBytes } from './concatBytes';
import type { RawEntry } from './zip';

/** Where the package's bytes go: a file, a list of chunks. May return a promise (a disk write). */
export type ZipSink = (chunk: Uint8Array) => void | Promise<void>;

/**
 * Level 1: a record's XML is large and repetitive; deflate's fastest level keeps most of the gain
 * (about 20 % larger than level 6) at a fraction of the time.
 */
const LEVEL = 1;

export class ZipWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;

  constructor(private readonly sink: ZipSink) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else this.pending.push(chunk);
    });
  }

  /** A part made of `chunks`, deflated as they are read. */
  async add(name: string, chunks: Iterable<Uint8Array>): Promise<void> {
    const file = new ZipDeflate(name, { level: LEVEL });
    this.zip.add(file);
    for (const chunk of chunks) {
      file.push(chunk);
      await this.flush();
    }
    file.push(new Uint8Array(0), true);
    await this.flush();
  }

  /**
   * A part of another package, copied compressed, as it is stored there. A stored (uncompressed)
   * part is deflated instead: every entry here is followed by a data descriptor, which some readers
   * refuse after stored data (Java's ZipInputStream: "only DEFLATED entries can have EXT descriptor").
   */
  async copy(entry: RawEntry): Promise<void> {
    if (entry.method === 0) return this.add(entry.name, [entry.data]);
    const file: ZipInputFile = { filename: entry.name, compression: entry.method, crc: entry.crc, size: entry.size };
    this.zip.add(file);
    (file.ondata as NonNullable<ZipInputFile['ondata']>)(null, entry.data, true);
    await this.flush();
  }

  /** Writes the central directory: the package is complete. */
  async end(): Promise<void> {
    this.zip.end();
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) await this.sink(chunk);
  }
}

/** A whole package in memory (small packages: a new workbook's first parts, tests). */
export async function zipParts(parts: Iterable<[name: string, content: string | Uint8Array]>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => void chunks.push(chunk));
  for (const [name, content] of parts) await writer.add(name, [typeof content === 'string' ? new TextEncoder().encode(content) : content]);
  await writer.end();
  return concatBytes(chunks);
}
