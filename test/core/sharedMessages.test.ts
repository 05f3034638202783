/**
 * Codes travel, sentences are made at the edge (issue 14): the sentences core makes are shown by
 * every front end — the task pane and the verifier page too, which have no command line — so no
 * option of the command line is named in core, in src/verification or in src/xlsx; the CLI adds
 * its flags as remedies (src/cli/remedies.ts). The record's own documents are not messages: the
 * procès-verbal tells the archivist which command checks the file, on purpose.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const SHARED = ['core', 'verification', 'xlsx', 'verifier'].map((dir) => join(SRC, dir));
/** The procès-verbal's « Vérification » section names the command line's check and its options. */
const RECORD_DOCUMENTS = new Set(['core/record/minutesSheet.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(path) ? [path] : [];
  });
}

const COMMENT = /^\s*(?:\/\/|\*|\/\*)/;
/** « --sheet », « --exclude-invalid »: an option of the command line, inside a string. */
const FLAG = /['"`][^'"`]*(?<![\w-])--[a-z][a-z-]*/;

describe('the sentences shared by every front end', () => {
  it('name no option of the command line', () => {
    const found = SHARED.flatMap(sourceFiles)
      .filter((file) => !RECORD_DOCUMENTS.has(relative(SRC, file)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
          .filter(({ line }) => !COMMENT.test(line) && FLAG.test(line.replace(/\/\/.*$/, '')))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
