/**
 * The memory check of the command line, at small sizes (its figures at Excel's limit, through real
 * processes, are in excelLimits.stress.test.ts, run by `npm run test:stress`).
 */
import { checkMemory, heapNeeded } from '../../src/cli/memory';
import { InputError } from '../../src/core/errors';

const MB = 1024 * 1024;

function refusal(action: () => void): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

test('a table within the heap passes, before and after reading', () => {
  expect(() => checkMemory('petit.csv', null, 1 * MB, 100 * MB)).not.toThrow();
  expect(() => checkMemory('petit.csv', 20_000, 1 * MB, 100 * MB)).not.toThrow();
  expect(heapNeeded(20_000, 1 * MB)).toBe(20_000 * 1_000 + 8 * MB);
});

test('a file too large to read is refused before reading, with the value to give Node.js', () => {
  const error = refusal(() => checkMemory('un-million.csv', null, 50 * MB, 200 * MB));
  expect(error.code).toBe('table_too_large');
  expect(error.message).toBe(
    'Le fichier « un-million.csv » pèse 50 Mo : le lire demande à lui seul environ 400 Mo de mémoire, et Node.js n’en a que 200 Mo ici. ' +
      'Relancez en lui en donnant davantage (si l’ordinateur les a), en écrivant NODE_OPTIONS=--max-old-space-size=512 devant la commande, ' +
      'ou vérifiez que c’est bien le tableau des candidatures.',
  );
});

test('a table with too many rows for the draw is refused once read', () => {
  const error = refusal(() => checkMemory('quart.csv', 250_001, 12 * MB, 200 * MB));
  expect(error.code).toBe('table_too_large');
  expect(error.message).toMatch(/^Le tableau « quart\.csv » compte 250[\s\u202f]001 lignes : le tirer au sort demande environ 335 Mo de mémoire, et Node\.js n’en a que 200 Mo ici\. .*--max-old-space-size=512 /);
});
