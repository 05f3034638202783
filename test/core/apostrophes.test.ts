/**
 * One apostrophe in what a person reads: the typographic ’, never the straight ' (issue 6 §7).
 * Scans the French text of every source file (TypeScript, and the pane’s plain start-up guard)
 * outside comments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|js)$/.test(path) ? [path] : [];
  });
}

// An elided French word: d'en-tête, l'âge, n'est, qu'un, aujourd'hui…
const STRAIGHT_ELISION = /(?<![A-Za-z])(?:d|l|n|s|j|c|m|t|qu|jusqu|lorsqu|puisqu|aujourd)'[a-zà-ÿh]/i;
const COMMENT = /^\s*(?:\/\/|\*|\/\*)/;

describe('messages and record text', () => {
  it('use the typographic apostrophe everywhere', () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => !COMMENT.test(line) && STRAIGHT_ELISION.test(line.replace(/\/\/.*$/, '')))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
