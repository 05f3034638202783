import { paneMessage } from '../../src/taskpane/messages';
import { choosePaneView, type PaneView } from '../../src/taskpane/paneView';
import { REQUIRED_EXCEL_API } from '../../src/taskpane/officeEnvironment';

describe('choosePaneView: the one decision of which start-up view the pane shows', () => {
  test.each<[string, Parameters<typeof choosePaneView>[0], PaneView]>([
    ['office.js not loaded', { officeLoaded: false, host: null, excelApiSupported: false }, { kind: 'office-unavailable' }],
    // A host reported while office.js is missing cannot happen; the missing library still wins.
    ['office.js not loaded wins', { officeLoaded: false, host: 'Excel', excelApiSupported: true }, { kind: 'office-unavailable' }],
    ['a browser, outside Office', { officeLoaded: true, host: null, excelApiSupported: false }, { kind: 'outside-office' }],
    ['Word', { officeLoaded: true, host: 'Word', excelApiSupported: false }, { kind: 'other-host', host: 'Word' }],
    ['Excel without ExcelApi 1.9', { officeLoaded: true, host: 'Excel', excelApiSupported: false }, { kind: 'excel-too-old' }],
    ['Excel with ExcelApi 1.9', { officeLoaded: true, host: 'Excel', excelApiSupported: true }, { kind: 'ready' }],
  ])('%s', (_name, environment, view) => {
    expect(choosePaneView(environment)).toEqual(view);
  });
});

describe('the start-up messages', () => {
  const views: PaneView[] = [
    { kind: 'office-unavailable' },
    { kind: 'outside-office' },
    { kind: 'other-host', host: 'Word' },
    { kind: 'excel-too-old' },
    { kind: 'ready' },
  ];

  test.each(views)('$kind: French, typographic apostrophes, a title and what to do', (view) => {
    const message = paneMessage(view);
    expect(message.title.length).toBeGreaterThan(0);
    expect(message.body.length).toBeGreaterThan(0);
    for (const text of [message.title, ...message.body]) expect(text).not.toContain("'");
  });

  test('every view that blocks the draw is announced as an alert and says to open the pane from Excel or which Excel', () => {
    for (const view of views.filter((v) => v.kind !== 'ready')) {
      const message = paneMessage(view);
      expect(message.role).toBe('alert');
      expect(message.body.join(' ')).toMatch(/onglet Accueil|Excel pour Microsoft 365/);
    }
    expect(paneMessage({ kind: 'ready' }).role).toBe('status');
  });

  test('too old names the API set and the versions that have it', () => {
    const text = paneMessage({ kind: 'excel-too-old' }).body.join(' ');
    expect(text).toContain(`ExcelApi ${REQUIRED_EXCEL_API}`);
    expect(text).toContain('Excel 2021');
    expect(text).toContain('Excel sur le web');
  });

  test('another host is named', () => {
    expect(paneMessage({ kind: 'other-host', host: 'PowerPoint' }).body[0]).toContain('PowerPoint');
  });
});
