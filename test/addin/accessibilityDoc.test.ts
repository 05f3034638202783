/**
 * docs/accessibilite.md says which test checks each RGAA criterion: every test file and support
 * module it names exists, so that the document cannot outlive the tests it relies on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('docs/accessibilite.md', () => {
  const text = readFileSync(join(ROOT, 'docs', 'accessibilite.md'), 'utf8');

  it('names only test files that exist', () => {
    const cited = [...new Set([...text.matchAll(/`(test\/[\w/.-]+\.ts)`/g)].map((m) => m[1]))];
    expect(cited.length).toBeGreaterThan(4);
    expect(cited.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it('covers the criteria the issue names: reflow at 320 px (10.11), status messages (7.5), and what is not tested', () => {
    for (const words of ['**10.11**', '**7.5**', 'Lecteurs d’écran', 'Projet de déclaration d’accessibilité']) expect(text).toContain(words);
  });
});
