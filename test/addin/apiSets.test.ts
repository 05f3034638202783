/**
 * Every office.js member the adapter and the task pane use belongs to ExcelApi 1.9 or older, the
 * set manifest.xml requires (issue 13 §4): read from the `[Api set: ExcelApi x.y]` annotations of
 * @types/office-js, for the members found by test/support/officeApiSets.ts (the adapter's slice,
 * src/excel/officeApi.ts, and what the pane calls directly, src/taskpane/officeEnvironment.ts).
 * A member without annotation is the Common API's base (`Office.onReady`, `Office.context…`) or
 * the object model's plumbing (`load`, `items`, `sync`), present wherever add-ins run.
 */
import * as path from 'path';
import { REQUIRED_EXCEL_API } from '../../src/taskpane/officeEnvironment';
import { ROOT } from '../support/addinBuild';
import { officeMembersUsed, withinExcelApi, type OfficeMember } from '../support/officeApiSets';

const FIXTURE = path.join('test', 'addin', 'fixtures', 'newerOfficeApi.ts');

/** The add-in's two entries (everything they import comes along) and the deliberately newer fixture, read in one program. */
let addIn: OfficeMember[];
let fixture: OfficeMember[];

beforeAll(() => {
  const used = officeMembersUsed(
    [path.join(ROOT, 'src', 'taskpane', 'taskpane.ts'), path.join(ROOT, 'src', 'commands', 'commands.ts'), path.join(ROOT, FIXTURE)],
    ROOT,
  );
  addIn = used.filter((member) => !member.usedAt.startsWith(FIXTURE));
  fixture = used.filter((member) => member.usedAt.startsWith(FIXTURE));
}, 120_000);

const tooNew = (members: OfficeMember[]) => members.filter((member) => !withinExcelApi(member.apiSet, REQUIRED_EXCEL_API)).map(({ name, apiSet }) => `${name} (${apiSet})`);

test(`every office.js member the adapter and the pane use is in ExcelApi ${REQUIRED_EXCEL_API} or older`, () => {
  expect(REQUIRED_EXCEL_API).toBe('1.9');
  expect(tooNew(addIn)).toEqual([]);
});

test('the members found are those of the adapter’s slice and of the pane’s own Office calls', () => {
  const found = (name: string, file = '') => addIn.find((member) => member.name === name && member.usedAt.startsWith(file));
  expect(found('Excel.run')).toMatchObject({ apiSet: null, usedAt: expect.stringMatching(/^src\/excel\/office\.ts:/) });
  // Through the slice: the newest ones the record needs (page layout, several areas at once), and protection.
  expect(found('Excel.Worksheet.getRanges')).toMatchObject({ apiSet: 'ExcelApi 1.9', usedAt: expect.stringMatching(/^src\/excel\/officeApi\.ts:/) });
  expect(found('Excel.PageLayoutZoomOptions.verticalFitToPages')).toMatchObject({ apiSet: 'ExcelApi 1.9' });
  expect(found('Excel.HeaderFooter.centerFooter')).toMatchObject({ apiSet: 'ExcelApi 1.9' });
  expect(found('Excel.WorksheetProtectionOptions.selectionMode')).toMatchObject({ apiSet: 'ExcelApi 1.7' });
  expect(found('Excel.WorkbookProtection.protected')).toMatchObject({ apiSet: 'ExcelApi 1.7' });
  expect(found('Excel.Workbook.readOnly')).toMatchObject({ apiSet: 'ExcelApi 1.8' });
  // The pane's own calls (officeEnvironment.ts): the Common API's base, without annotation.
  for (const name of ['Office.onReady', 'Office.context', 'Office.RequirementSetSupport.isSetSupported', 'Office.Document.url']) {
    expect(found(name, 'src/taskpane/officeEnvironment.ts')).toMatchObject({ name, apiSet: null });
  }
  expect(addIn.length).toBeGreaterThan(100);
});

test('a member newer than 1.9 is caught, whichever way the code uses it', () => {
  expect(tooNew(fixture)).toEqual([
    'Excel.Range.getMergedAreasOrNullObject (ExcelApi 1.13)',
    'Excel.RunOptions.mergeUndoGroup (ExcelApi 1.20)',
    'Excel.Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13)',
  ]);
});

test('the annotations’ forms: versions compared as numbers, the highest one counts, other sets and previews refused', () => {
  const cases: [string | null, boolean][] = [
    [null, true],
    ['ExcelApi 1.1', true],
    ['ExcelApi 1.9', true],
    ['ExcelApi 1.10', false],
    ['ExcelApi 2.0', false],
    ['ExcelApi 1.2 for options; 1.7 for password', true],
    ['ExcelApi 1.1 for get, 1.13 for set', false],
    ['ExcelApiOnline 1.1', false],
    ['ExcelApiDesktop 1.1', false],
    ['DialogApi 1.1', false],
    ['ExcelApi BETA (PREVIEW ONLY)', false],
  ];
  expect(cases.map(([apiSet]) => [apiSet, withinExcelApi(apiSet, '1.9')])).toEqual(cases);
});
