/**
 * The workbook's file name the pane writes into the procès-verbal (« Fichier d’origine »), from
 * what Office gives as `Office.context.document.url`: a URL on the web and for cloud files, a
 * plain path for a file on disk (Windows or Mac), nothing for a workbook never saved.
 */
import { documentFileName } from '../../src/taskpane/officeEnvironment';

const globals = globalThis as unknown as { Office?: unknown };

function withDocumentUrl(url: string | undefined): string {
  globals.Office = { context: { document: url === undefined ? undefined : { url } } };
  try {
    return documentFileName();
  } finally {
    delete globals.Office;
  }
}

describe('documentFileName', () => {
  test.each([
    ['Excel on the web (SharePoint), encoded, with a query', 'https://contoso.sharepoint.com/sites/cln/Documents%20partages/Candidatures%20CLN%202025.xlsx?web=1', 'Candidatures CLN 2025.xlsx'],
    ['OneDrive', 'https://d.docs.live.net/1a2b3c/Documents/Tirage%20%C3%A9t%C3%A9.xlsx', 'Tirage été.xlsx'],
    ['a URL with a fragment', 'https://contoso.sharepoint.com/cln/Candidatures.xlsx?web=1#onglet', 'Candidatures.xlsx'],
    ['a Windows path', 'C:\\Users\\mairie\\Documents\\Candidatures.xlsx', 'Candidatures.xlsx'],
    ['a Mac path', '/Users/mairie/Documents/Candidatures.xlsx', 'Candidatures.xlsx'],
    // A file on disk is named as it is: a percent sign in its name is not an escape.
    ['a Windows path whose name holds « %20 »', 'C:\\CLN\\Liste%20candidatures.xlsx', 'Liste%20candidatures.xlsx'],
    ['a Windows path whose name holds « % »', 'C:\\CLN\\100% candidatures.xlsx', '100% candidatures.xlsx'],
    ['a Mac path whose name holds « ? »', '/Users/mairie/Qui ? Candidatures.xlsx', 'Qui ? Candidatures.xlsx'],
  ])('%s', (_case, url, name) => {
    expect(withDocumentUrl(url)).toBe(name);
  });

  test.each([
    ['no document', undefined],
    ['an empty URL (a workbook never saved)', ''],
    ['a URL ending with a slash', 'https://contoso.sharepoint.com/cln/'],
  ])('%s: « Classeur Excel »', (_case, url) => {
    expect(withDocumentUrl(url)).toBe('Classeur Excel');
  });

  test('outside Office (office.js not loaded): « Classeur Excel »', () => {
    expect(documentFileName()).toBe('Classeur Excel');
  });
});
