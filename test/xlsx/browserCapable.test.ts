/**
 * src/xlsx is meant to run in a browser as well (the in-browser verifier page): it may import the
 * pure engine, fflate and saxes, and nothing of Node.js. Checked on its import statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'src', 'xlsx');
const ALLOWED = /^(\.\/[\w]+|\.\.\/core\/[\w/]+|fflate|saxes)$/;

describe('src/xlsx', () => {
  it('imports only the engine, fflate and saxes', () => {
    const imports = readdirSync(DIR)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(DIR, file), 'utf8').matchAll(/^import\b[^;]*?from '([^']+)'/gm)].map((m) => `${file}: ${m[1]}`));
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((entry) => !ALLOWED.test(entry.split(': ')[1]))).toEqual([]);
  });
});
