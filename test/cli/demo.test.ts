/**
 * `npm run demo` as the README tells it (a sealed session, tirage-cln/2): its commands, taken from
 * package.json after the build step (the tests' build has run), in a folder of their own holding
 * the repository's bin/ and assets/; run twice, the key file is created then kept.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookSheetsFromBytes } from '../../src/xlsx/open';

const REPO = join(__dirname, '..', '..');
const BUILD = 'npm run --silent build:node && ';

describe('npm run demo', () => {
  const script = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['demo'];
  const dir = mkdtempSync(join(tmpdir(), 'tirage-demo-'));
  for (const name of ['bin', 'assets']) symlinkSync(join(REPO, name), join(dir, name));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the sealing key, publishes the sealed table, draws, writes both records and verifies them; a second run keeps the key', () => {
    expect(script.startsWith(BUILD)).toBe(true);
    const commands = script.slice(BUILD.length);
    const first = execSync(commands, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const keyFile = join(dir, 'demo', 'cle-de-scellement.txt');
    const key = readFileSync(keyFile, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}\n?$/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    for (const file of ['table-scellee-exemple.xlsx', 'registre-exemple.xlsx', 'registre-public-exemple.xlsx']) expect(existsSync(join(dir, 'demo', file))).toBe(true);
    expect(first).toContain('Registre public écrit : demo/registre-public-exemple.xlsx');
    expect(first).toContain('Registre conforme');
    expect(first).toContain('Registre public conforme');
    const sheets = readWorkbookSheetsFromBytes(readFileSync(join(dir, 'demo', 'registre-public-exemple.xlsx')), 'registre-public-exemple.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Registre public', 'Publication']);

    const fingerprint = (out: string) => /Empreinte des candidatures : ([0-9a-f]{64})/.exec(out)?.[1];
    const second = execSync(commands, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    expect(fingerprint(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(second)).toBe(fingerprint(first));
  });
});
