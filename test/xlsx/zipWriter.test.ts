/**
 * The streaming zip writer: parts made of chunks and parts copied compressed from another package,
 * read back by src/xlsx's own reader and by Python's zipfile (which checks every CRC), and a
 * producer that never runs ahead of a slow sink.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { ZipPackage } from '../../src/xlsx/zip';
import { ZipWriter } from '../../src/xlsx/zipWriter';
import { python } from '../support/openpyxl';
import { zeroBomb, zipBytes } from '../support/zipWriter';

const encoder = new TextEncoder();
const dir = mkdtempSync(join(tmpdir(), 'tirage-zipwriter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(build: (writer: ZipWriter) => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => void chunks.push(chunk));
  await build(writer);
  await writer.end();
  return Buffer.concat(chunks);
}

const text = (pkg: ZipPackage, part: string) => new TextDecoder().decode(pkg.bytesOf(part));
const rows = (n: number) => Array.from({ length: n }, (_, i) => encoder.encode(`<row r="${i + 1}"><c><v>${i * 7}</v></c></row>`));

describe('ZipWriter', () => {
  // A source package with a deflated part and a stored one (fflate's level 0 stores).
  const source = ZipPackage.open(zipSync({ 'docs/deflated.txt': [encoder.encode('compressé '.repeat(500)), { level: 6 }], 'media/stored.bin': [new Uint8Array([0, 1, 2, 250]), { level: 0 }] }));

  it('writes parts from chunks, copies deflated parts of another package byte for byte, deflates stored ones', async () => {
    const bytes = await written(async (writer) => {
      await writer.add('xl/worksheets/sheet1.xml', rows(5000));
      await writer.copy(source.raw('docs/deflated.txt'));
      await writer.add('xl/vide.xml', []);
      await writer.copy(source.raw('media/stored.bin'));
      await writer.add('xl/médias/é.xml', [encoder.encode('<a>é</a>')]);
    });
    const pkg = ZipPackage.open(bytes);
    expect(pkg.names()).toEqual(['xl/worksheets/sheet1.xml', 'docs/deflated.txt', 'xl/vide.xml', 'media/stored.bin', 'xl/médias/é.xml']);
    expect(text(pkg, 'xl/worksheets/sheet1.xml')).toBe(rows(5000).map((r) => new TextDecoder().decode(r)).join(''));
    expect(text(pkg, 'xl/vide.xml')).toBe('');
    expect(text(pkg, 'xl/médias/é.xml')).toBe('<a>é</a>');
    const [copy, original] = [pkg.raw('docs/deflated.txt'), source.raw('docs/deflated.txt')];
    expect([copy.method, copy.crc, copy.size, Buffer.from(copy.data).equals(Buffer.from(original.data))]).toEqual([8, original.crc, original.size, true]);
    expect([source.raw('media/stored.bin').method, pkg.raw('media/stored.bin').method]).toEqual([0, 8]);
    expect(pkg.bytesOf('media/stored.bin')).toEqual(new Uint8Array([0, 1, 2, 250]));
  });

  it('gives a zip that Python’s zipfile reads, every CRC checked', async () => {
    const bytes = await written(async (writer) => {
      await writer.add('xl/worksheets/sheet1.xml', rows(3000));
      await writer.copy(source.raw('docs/deflated.txt'));
      await writer.copy(source.raw('media/stored.bin'));
      await writer.add('xl/médias/é.xml', [encoder.encode('<a>é</a>')]);
    });
    const file = join(dir, 'paquet.zip');
    writeFileSync(file, bytes);
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(json.dumps({"bad": z.testzip(), "names": z.namelist(), "stored": list(z.read("media/stored.bin")), "sheet": len(z.read("xl/worksheets/sheet1.xml"))}))',
    ].join('\n');
    expect(JSON.parse(python(script, file))).toEqual({
      bad: null,
      names: ['xl/worksheets/sheet1.xml', 'docs/deflated.txt', 'media/stored.bin', 'xl/médias/é.xml'],
      stored: [0, 1, 2, 250],
      sheet: rows(3000).reduce((n, r) => n + r.length, 0),
    });
  });

  it('asks for the next chunk only once the sink has taken what the last one gave', async () => {
    let writing = 0;
    let written = 0;
    let maxWritingWhenAsked = 0;
    const sink = async (): Promise<void> => {
      written++;
      writing++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      writing--;
    };
    function* produced(): Generator<Uint8Array> {
      for (let i = 0; i < 40; i++) {
        maxWritingWhenAsked = Math.max(maxWritingWhenAsked, writing);
        // Random bytes do not compress: the deflater gives output every few chunks.
        yield crypto.getRandomValues(new Uint8Array(40_000));
      }
    }
    const writer = new ZipWriter(sink);
    await writer.add('xl/worksheets/sheet1.xml', produced());
    await writer.end();
    expect([written, maxWritingWhenAsked]).toEqual([expect.any(Number), 0]);
    expect(written).toBeGreaterThan(10);
  });

  it('copies a part only once it has been inflated under the limits: a bomb is not passed on', async () => {
    const bomb = ZipPackage.open(zipBytes([{ name: 'a.xml', content: '<a/>' }, zeroBomb('xl/media/image1.png', 5, 100)]), { maxPartBytes: 4 << 20, maxTotalBytes: 6 << 20 });
    expect(() => bomb.raw('xl/media/image1.png')).toThrow(expect.objectContaining({ kind: 'part_too_large', part: 'xl/media/image1.png' }));
  });

  it('copies with the size the data really inflates to, whatever size the source declares', () => {
    const lying = ZipPackage.open(zipBytes([zeroBomb('x.bin', 1, 100)]));
    expect(lying.raw('x.bin').size).toBe(1024 * 1024);
  });
});
