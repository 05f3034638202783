import { PackageError, ZipPackage } from '../../src/xlsx/zip';
import { zeroBomb, zipBytes } from '../support/zipWriter';

const MIB = 1024 * 1024;
const limits = { maxPartBytes: 4 * MIB, maxTotalBytes: 6 * MIB };

function thrown(action: () => unknown): PackageError {
  try {
    action();
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error('no PackageError');
}

function textOf(pkg: ZipPackage, part: string): string {
  return new TextDecoder().decode(pkg.bytesOf(part));
}

describe('ZipPackage', () => {
  it('reads parts by name, whatever their case, deflated or not', () => {
    const big = 'x'.repeat(100_000) + 'fin';
    const pkg = ZipPackage.open(zipBytes([{ name: 'xl/workbook.xml', content: '<workbook/>' }, { name: 'docs/Long.txt', content: big }]), limits);
    expect(pkg.names()).toEqual(['xl/workbook.xml', 'docs/Long.txt']);
    expect(textOf(pkg, 'XL/Workbook.xml')).toBe('<workbook/>');
    expect(textOf(pkg, 'docs/long.txt')).toBe(big);
    expect(pkg.has('docs/absent.txt')).toBe(false);
  });

  it('refuses at once a part whose declared size passes the limit, before inflating anything', () => {
    const error = thrown(() => ZipPackage.open(zipBytes([{ name: 'a.xml', content: '<a/>' }, zeroBomb('xl/media/image1.png', 5)]), limits));
    expect([error.kind, error.part, error.limit]).toEqual(['part_too_large', 'xl/media/image1.png', 4 * MIB]);
  });

  it('counts the bytes actually inflated when the declared size lies', () => {
    // Declares 100 bytes, inflates to 5 MiB.
    const pkg = ZipPackage.open(zipBytes([{ name: 'a.xml', content: '<a/>' }, zeroBomb('xl/media/image1.png', 5, 100)]), limits);
    let received = 0;
    const error = thrown(() => pkg.read('xl/media/image1.png', (chunk) => (received += chunk.length)));
    expect([error.kind, error.part]).toEqual(['part_too_large', 'xl/media/image1.png']);
    // Nothing past the limit was handed on.
    expect(received).toBeLessThanOrEqual(4 * MIB);
  });

  it('holds a limit for the whole package, over parts that each pass', () => {
    const entries = [zeroBomb('one.bin', 3, 10), zeroBomb('two.bin', 3, 10), { name: 'a.xml', content: '<a/>' }];
    const error = thrown(() => ZipPackage.open(zipBytes(entries), limits).checkAll());
    expect([error.kind, error.limit]).toEqual(['package_too_large', 6 * MIB]);
    // Read twice, a part counts once.
    const pkg = ZipPackage.open(zipBytes(entries.slice(0, 1)), limits);
    pkg.read('one.bin', () => undefined);
    pkg.read('one.bin', () => undefined);
    expect(() => pkg.checkAll()).not.toThrow();
  });

  it('checkAll inflates the parts nobody reads, so a bomb among the images is found', () => {
    const pkg = ZipPackage.open(zipBytes([{ name: 'xl/workbook.xml', content: '<workbook/>' }, zeroBomb('xl/media/image1.png', 5, 1000)]), limits);
    expect(textOf(pkg, 'xl/workbook.xml')).toBe('<workbook/>');
    expect(thrown(() => pkg.checkAll()).kind).toBe('part_too_large');
  });

  it('tells a file that is no zip from a damaged or truncated one', () => {
    expect(thrown(() => ZipPackage.open(new TextEncoder().encode('Nom;Prénom\nMartin;Hélène\n'))).kind).toBe('not_zip');
    expect(thrown(() => ZipPackage.open(new Uint8Array(0))).kind).toBe('not_zip');
    const whole = zipBytes([{ name: 'a.xml', content: 'a'.repeat(5000) }]);
    expect(thrown(() => ZipPackage.open(whole.subarray(0, whole.length - 30))).kind).toBe('corrupt');
    // Compressed data damaged in the middle: the inflater's failure is a damaged package.
    const damaged = zipBytes([{ name: 'a.xml', content: 'abc'.repeat(3000) }]);
    // The first block header (after the 30-byte local header and the name) set to the reserved block type 3.
    damaged[30 + 'a.xml'.length] = 0xff;
    expect(thrown(() => ZipPackage.open(damaged).read('a.xml', () => undefined)).kind).toBe('corrupt');
  });

  it('refuses an encrypted entry', () => {
    const bytes = zipBytes([{ name: 'a.xml', content: '<a/>' }]);
    const view = Buffer.from(bytes.buffer);
    const central = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt16LE(view.readUInt16LE(central + 8) | 1, central + 8);
    expect(thrown(() => ZipPackage.open(bytes)).kind).toBe('encrypted');
  });
});
