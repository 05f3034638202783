/**
 * The limits of src/xlsx/zip where the file adapters open a package: a file too large to be read
 * at all, and a bomb reaching the record writer's own loading of the input package (jszip).
 */
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageSheetNames } from '../../src/file/recordPackage';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { MAX_FILE_BYTES, readXlsx } from '../../src/file/xlsx';
import { rejectionOf } from '../support/errors';
import { zeroBomb, zipBytes } from '../support/zipWriter';

const dir = mkdtempSync(join(tmpdir(), 'tirage-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('package limits in the file adapters', () => {
  it('refuses a file larger than the limit before reading it', async () => {
    const file = join(dir, 'enorme.xlsx');
    // A sparse file: its size is there at once, without writing 300 MB.
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    for (const attempt of [readXlsx(file, {}, 'enorme.xlsx'), readWorkbookSheets(file)]) {
      const error = await rejectionOf(attempt);
      expect(error.code).toBe('file_too_large');
      expect(error.message).toContain('« enorme.xlsx » est refusé : il pèse 257 Mo, au-delà de la limite de 256 Mo');
    }
  });

  it('stops a bomb where the record writer loads the input package', async () => {
    const bomb = zipBytes([{ name: 'xl/workbook.xml', content: '<workbook/>' }, zeroBomb('xl/media/image1.png', 600, 10)]);
    const error = await rejectionOf(packageSheetNames(bomb, 'bombe.xlsx'));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toContain('sa partie « xl/media/image1.png » dépasse 512 Mo une fois décompressée');
  });
});
