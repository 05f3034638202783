/**
 * The staff's guide (docs/guide-seance.md, issue 13 §5): built into dist/guide-seance.html under
 * the add-in's policy, linked from the help page, and naming every message title the pane shows
 * when something goes wrong, so that what the operator reads on screen can be found in it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../src/core/errors';
import { ExcelAdapterError } from '../../src/excel/problems';
import { paneMessage } from '../../src/taskpane/messages';
import { describeFailure } from '../../src/taskpane/session/failures';
import { ROOT, distFile } from '../support/addinBuild';

const markdown = fs.readFileSync(path.join(ROOT, 'docs', 'guide-seance.md'), 'utf8');
const page = () => fs.readFileSync(distFile('guide-seance.html'), 'utf8');
const policyOf = (html: string) => /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html)?.[1];

test('the help page links to the guide, a page of its own with the same policy and no script', () => {
  const help = fs.readFileSync(distFile('aide.html'), 'utf8');
  expect(help).toMatch(/<a href="?guide-seance\.html"?>/);
  const guide = page();
  expect(policyOf(guide)).toBeDefined();
  expect(policyOf(guide)).toBe(policyOf(help));
  expect(guide).toMatch(/<html lang="?fr"?>/);
  expect(guide).not.toMatch(/<script/i);
  expect(guide).toMatch(/<a href="?aide\.html"?>/);
});

test('the page is the guide of docs/, every section rendered', () => {
  const sections = [...markdown.matchAll(/^(#{1,2}) (.+)$/gm)].map(([, level, title]) => [level.length, title] as const);
  expect(sections.map(([, title]) => title)).toEqual(['Guide de la séance de tirage au sort', 'Avant la séance', 'Pendant la séance', 'Après la séance', 'En cas de problème']);
  const guide = page();
  for (const [level, title] of sections) expect(guide).toContain(`<h${level}>${title}</h${level}>`);
});

test('names every title the pane shows when it cannot go on', () => {
  const titles = [
    ...(['office-unavailable', 'outside-office', 'excel-too-old'] as const).map((kind) => paneMessage({ kind }).title),
    paneMessage({ kind: 'other-host', host: 'Word' }).title,
    describeFailure(new ExcelAdapterError({ code: 'connection_lost' })).title,
    describeFailure(new InputError('fingerprint_mismatch', 'Empreinte différente', undefined, { fingerprints: { announced: 'a', actual: 'b' } })).title,
    describeFailure(new ExcelAdapterError({ code: 'read_only' })).title,
    describeFailure(new InputError('missing_columns', 'Colonnes manquantes')).title,
    describeFailure(new Error('imprévu')).title,
  ];
  expect(new Set(titles).size).toBe(titles.length);
  for (const title of titles) expect(markdown).toContain(`« ${title} »`);
});
