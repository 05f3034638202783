/**
 * A decompression bomb (a 2 MB .xlsx holding a 1 GB part of zeros) given to the real command, in
 * its own process, whose peak memory is measured: refused with a French message
 * and exit code 2, well under 700 MB. Both kinds of bomb: one that declares its size (refused from
 * the zip's directory) and one whose directory lies (refused while inflating, on the bytes counted).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ZipPackage } from '../../src/xlsx/zip';
import { runMeasured } from '../support/peakMemory';
import { zeroBomb, zipBytes, type ZipEntry } from '../support/zipWriter';

const REPO = join(__dirname, '..', '..');
const EXAMPLE = join(REPO, 'assets', 'exemple-candidatures.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'tirage-bomb-'));
const MEMORY_BOUND_KB = 700 * 1024;

/** The example workbook with a part of `mebibytes` MiB of zeros added as its image. */
function bombWorkbook(name: string, mebibytes: number, declaredSize?: number): string {
  const example = ZipPackage.open(readFileSync(EXAMPLE));
  const entries: ZipEntry[] = example.names().map((part) => ({ name: part, content: example.bytesOf(part) }));
  entries.push(zeroBomb('xl/media/image1.png', mebibytes, declaredSize));
  const file = join(dir, name);
  writeFileSync(file, zipBytes(entries));
  return file;
}

describe('a decompression bomb given to the command line', () => {
  const honest = bombWorkbook('bombe.xlsx', 1024);
  const lying = bombWorkbook('bombe-taille-fausse.xlsx', 1024, 4096);

  it('is a small file', () => {
    expect(readFileSync(honest).length).toBeLessThan(3 * 1024 * 1024);
  });

  it.each([
    ['draw', honest, ['--seed', 'x', '--date', '2025-06-13']],
    ['draw', lying, ['--seed', 'x', '--date', '2025-06-13', '--out', join(dir, 'registre.xlsx')]],
    ['probabilities', lying, ['--date', '2025-06-13']],
    ['verify', honest, []],
    ['verify', lying, []],
  ].map(([command, file, options]) => [command, basename(file as string), file, options]))('%s %s: refused with exit code 2 and a French message, in under 700 MB', (command, _name, file, options) => {
    const { status, stdout, stderr, maxRssKb } = runMeasured([command as string, file as string, ...(options as string[])]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('est refusé : sa partie « xl/media/image1.png » dépasse 512 Mo une fois décompressée');
    expect(maxRssKb).toBeLessThan(MEMORY_BOUND_KB);
    expect(existsSync(join(dir, 'registre.xlsx'))).toBe(false);
  });
});
