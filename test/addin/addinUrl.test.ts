import { DEV_URL, addinUrlFrom, manifestForUrl } from '../../scripts/addinUrl';

describe('ADDIN_URL', () => {
  test('unset or blank: the dev server’s address', () => {
    expect(addinUrlFrom(undefined)).toBe('https://localhost:3000/');
    expect(addinUrlFrom('  ')).toBe(DEV_URL);
  });

  test('normalised to a folder address ending with a slash', () => {
    expect(addinUrlFrom('https://tirage.exemple.fr/cln')).toBe('https://tirage.exemple.fr/cln/');
    expect(addinUrlFrom(' https://Tirage.Exemple.fr/cln/ ')).toBe('https://tirage.exemple.fr/cln/');
    expect(addinUrlFrom('https://tirage.exemple.fr')).toBe('https://tirage.exemple.fr/');
  });

  test.each([
    ['http://tirage.exemple.fr/', /doit commencer par https:\/\//],
    ['tirage.exemple.fr/cln/', /n’est pas une adresse web/],
    ['https://tirage.exemple.fr/cln/?v=2', /ni « \? »/],
    ['https://tirage.exemple.fr/cln/#x', /ni « # »/],
    ['https://agent:secret@tirage.exemple.fr/', /ni identifiant/],
  ])('%s is refused with a French message saying what to do', (value, reason) => {
    expect(() => addinUrlFrom(value)).toThrow(reason);
    expect(() => addinUrlFrom(value)).toThrow(/ADDIN_URL=https:\/\/tirage\.exemple\.fr\/cln\/ npm run build/);
  });

  test('the manifest’s every dev URL is replaced, XML-escaped', () => {
    const template = `<a x="${DEV_URL}taskpane.html"/><b y="${DEV_URL}assets/icon-16.png"/>`;
    expect(manifestForUrl(template, 'https://exemple.fr/a&b/')).toBe(
      '<a x="https://exemple.fr/a&amp;b/taskpane.html"/><b y="https://exemple.fr/a&amp;b/assets/icon-16.png"/>',
    );
  });

  test('a manifest without the dev URL is an error, not a manifest left pointing nowhere', () => {
    expect(() => manifestForUrl('<OfficeApp/>', 'https://exemple.fr/')).toThrow(/aucune adresse https:\/\/localhost:3000\//);
  });
});
