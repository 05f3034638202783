/**
 * The limits of src/xlsx/zip where the file adapters open a package: a file too large to be read
 * at all, and a bomb in a part the record writer would copy without reading it.
 */
import { closeSync, existsSync, mkdtempSync, openSync, ftruncateSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRecordWorkbook } from '../../src/file/recordWriter';
import { readWorkbookSheets } from '../../src/file/recordReader';
import { MAX_FILE_BYTES, readXlsx } from '../../src/file/xlsx';
import { rejectionOf } from '../support/errors';
import { sampleModel } from '../support/recordModels';
import { newWorkbookBytes } from '../../src/xlsx/newWorkbook';
import { partText, zeroBomb, zipBytes } from '../support/zipWriter';

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

  it('stops a bomb in a part the record writer copies without reading it, and writes nothing', async () => {
    // A workbook the editor can extend, with a part that declares 10 bytes and inflates to 600 MiB.
    const empty = await newWorkbookBytes([]);
    const names = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
    const bomb = zipBytes([...names.map((name) => ({ name, content: partText(empty, name) })), zeroBomb('xl/media/image1.png', 600, 10)]);
    const input = join(dir, 'bombe.xlsx');
    writeFileSync(input, bomb);
    const out = join(dir, 'registre.xlsx');
    const error = await rejectionOf(writeRecordWorkbook({ input: { kind: 'xlsx', path: input }, model: sampleModel(), outPath: out }));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toContain('« bombe.xlsx » est refusé : sa partie « xl/media/image1.png » dépasse 512 Mo une fois décompressée');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
