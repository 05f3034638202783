/**
 * The add-in's boundaries, checked on the sources: only src/excel/office.ts calls `Excel.run`, and
 * what runs in the task pane (the adapter and the simulated Excel) imports no Node-only module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const NODE_ONLY = ['src/excel/simulated/xlsxFile.ts', 'src/excel/simulated/simulate.ts'];

describe('add-in boundaries', () => {
  it('only src/excel/office.ts calls Excel.run', () => {
    const callers = sources(join(ROOT, 'src'))
      .filter((file) => /\bExcel\.run\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(callers).toEqual(['src/excel/office.ts']);
  });

  it('the adapter and the simulated Excel import no Node-only module', () => {
    const offenders = sources(join(ROOT, 'src/excel'))
      .filter((file) => !NODE_ONLY.includes(relative(ROOT, file)))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
          .map((m) => m[1])
          .filter((module) => /^(node:|fs$|path$|os$|crypto$|exceljs$|jszip$|papaparse$|saxes$)/.test(module) || module.includes('/file/') || module.includes('/cli/'))
          .map((module) => `${relative(ROOT, file)} → ${module}`),
      );
    expect(offenders).toEqual([]);
  });
});
