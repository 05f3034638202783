/**
 * The built manifest (dist/manifest.xml): what Microsoft's own parser reads from it offline, and
 * what issue 7 §2 demands of it. `office-addin-manifest validate` needs Microsoft's online
 * service, unreachable here: these checks are what can be proved offline.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEV_URL, manifestForUrl } from '../../scripts/addinUrl';
import { REQUIRED_EXCEL_API } from '../../src/taskpane/officeEnvironment';
import { DIST, ROOT, distFile, pngSize } from '../support/addinBuild';
import { attribute, child, descendants, parseXmlTree, type XmlNode } from '../support/xmlTree';

const APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** <OfficeApp>'s children in the order of OfficeAppManifestV1_1.xsd (OfficeApp, then TaskPaneApp's extension). */
const SCHEMA_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];

/** Runs `office-addin-manifest info` (offline) and returns its "Key: value" lines. Its exit code says nothing. */
function manifestInfo(file: string): Map<string, string> {
  const cli = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'info', file], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const fields = new Map<string, string>();
  for (const line of run.stdout.split('\n')) {
    const match = /^\s*([A-Za-z ]+):\s?(.*)$/.exec(line);
    if (match) fields.set(match[1].trim(), match[2].trim());
  }
  if (!fields.has('Id')) throw new Error(`office-addin-manifest info n’a rien lu :\n${run.stdout}\n${run.stderr}`);
  return fields;
}

/** Every URL the manifest gives (DefaultValue and Override values of URL-typed elements). */
function manifestUrls(root: XmlNode): string[] {
  const urlElements = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url']);
  const urls: string[] = [];
  for (const node of descendants(root)) {
    if (!urlElements.has(node.local)) continue;
    const value = attribute(node, 'DefaultValue');
    if (value !== undefined) urls.push(value);
    for (const override of node.children.filter((c) => c.local === 'Override')) urls.push(attribute(override, 'Value') ?? '');
  }
  return urls;
}

describe('dist/manifest.xml', () => {
  const file = distFile('manifest.xml');
  const xml = fs.readFileSync(file, 'utf8');
  const root = parseXmlTree(xml);

  test('office-addin-manifest info parses it offline: a Workbook task pane, French by default', () => {
    const info = manifestInfo(file);
    expect(info.get('Id')).toBe(child(parseXmlTree(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')), 'Id').text);
    expect(info.get('Type')).toBe('TaskPaneApp');
    expect(info.get('Name')).toBe('Tirage au sort CLN');
    expect(info.get('Provider')).toBe('Ville de Roubaix');
    expect(info.get('Default Locale')).toBe('fr-FR');
    expect(info.get('Hosts')).toBe('Workbook');
    expect(info.get('Permissions')).toBe('ReadWriteDocument');
    expect(info.get('Source Location')).toBe(`${DEV_URL}taskpane.html`);
    expect(info.get('Icon Url')).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(info.get('High Resolution Icon Url')).toBe(`${DEV_URL}assets/icon-64.png`);
  });

  test('a stable GUID identifies the add-in', () => {
    expect(child(root, 'Id').text).toBe('a0abcadd-657a-4ecf-98f0-7fd7f98d6833');
  });

  test('top-level elements come in the schema’s order', () => {
    expect(root.uri).toBe(APP_NS);
    expect(attribute(root, 'type', XSI_NS)).toBe('TaskPaneApp');
    const names = root.children.map((node) => node.local);
    const positions = names.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
  });

  test('ExcelApi is required at the top level, at the version the pane checks, and nowhere inside VersionOverrides', () => {
    const sets = child(child(root, 'Requirements'), 'Sets');
    const excel = sets.children.filter((set) => attribute(set, 'Name') === 'ExcelApi');
    expect(excel.map((set) => attribute(set, 'MinVersion'))).toEqual([REQUIRED_EXCEL_API]);
    const overrides = child(root, 'VersionOverrides');
    expect(overrides.uri).toBe(OVERRIDES_NS);
    expect(descendants(overrides).filter((node) => node.local === 'Requirements')).toEqual([]);
    expect(child(child(root, 'Hosts'), 'Host').attributes.get('Name')?.value).toBe('Workbook');
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
  });

  test('French by default, every displayed string also in English', () => {
    expect(child(root, 'DefaultLocale').text).toBe('fr-FR');
    const localised = [
      child(root, 'DisplayName'),
      child(root, 'Description'),
      ...descendants(root).filter((node) => node.local === 'String' && node.uri === BT_NS),
    ];
    expect(localised.length).toBeGreaterThan(4);
    for (const node of localised) {
      const overrides = node.children.filter((c) => c.local === 'Override');
      expect({ id: attribute(node, 'id'), locales: overrides.map((o) => attribute(o, 'Locale')) }).toEqual({
        id: attribute(node, 'id'),
        locales: ['en-US'],
      });
      // French text uses the typographic apostrophe.
      expect(attribute(node, 'DefaultValue')).not.toContain("'");
    }
  });

  test('a “Tirage au sort” button on the Home tab opens the task pane', () => {
    const overrides = child(root, 'VersionOverrides');
    const resources = child(overrides, 'Resources');
    const resource = (id: string): string => {
      const found = descendants(resources).find((node) => attribute(node, 'id') === id);
      if (!found) throw new Error(`resid ${id} has no resource`);
      return attribute(found, 'DefaultValue') ?? '';
    };
    // Every resid resolves.
    for (const node of descendants(overrides)) {
      const resid = attribute(node, 'resid');
      if (resid !== undefined) expect(resource(resid)).not.toBe('');
    }
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(attribute(host, 'type', XSI_NS)).toBe('Workbook');
    const form = child(host, 'DesktopFormFactor');
    expect(form.children.map((node) => node.local)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const tab = child(child(form, 'ExtensionPoint'), 'OfficeTab');
    expect(attribute(tab, 'id')).toBe('TabHome');
    const button = child(child(tab, 'Group'), 'Control');
    expect(attribute(button, 'type', XSI_NS)).toBe('Button');
    expect(resource(attribute(child(button, 'Label'), 'resid') ?? '')).toBe('Tirage au sort');
    const action = child(button, 'Action');
    expect(attribute(action, 'type', XSI_NS)).toBe('ShowTaskpane');
    expect(resource(attribute(child(action, 'SourceLocation'), 'resid') ?? '')).toBe(`${DEV_URL}taskpane.html`);
  });

  test('icons of 16, 32, 64 and 80 px exist in dist/ at the size their name and size attribute say', () => {
    const iconUrls = manifestUrls(root).filter((url) => url.endsWith('.png'));
    const sizes = new Set<number>();
    for (const url of iconUrls) {
      const name = url.slice(DEV_URL.length);
      const declared = Number(/icon-(\d+)\.png$/.exec(name)?.[1]);
      expect(pngSize(path.join(DIST, name))).toEqual({ width: declared, height: declared });
      sizes.add(declared);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const image of descendants(root).filter((node) => node.local === 'Image' && attribute(node, 'size') !== undefined)) {
      const id = attribute(image, 'resid') ?? '';
      expect(id).toBe(`Icon.${attribute(image, 'size')}x${attribute(image, 'size')}`);
    }
  });

  test('every URL is https, under the add-in’s address, and names a file the build wrote', () => {
    const urls = manifestUrls(root);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(new URL(url).protocol).toBe('https:');
      expect(url.startsWith(DEV_URL)).toBe(true);
      expect(fs.existsSync(path.join(DIST, url.slice(DEV_URL.length)))).toBe(true);
    }
  });

  test('built for another ADDIN_URL, every URL moves under it and Microsoft’s parser reads it', () => {
    const production = 'https://tirage.exemple.fr/cln/';
    const moved = manifestForUrl(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), production);
    const urls = manifestUrls(parseXmlTree(moved));
    expect(urls.length).toBe(manifestUrls(root).length);
    for (const url of urls) expect(url.startsWith(production)).toBe(true);
    expect(moved).not.toContain('localhost');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-manifest-'));
    try {
      const movedFile = path.join(dir, 'manifest.xml');
      fs.writeFileSync(movedFile, moved);
      expect(manifestInfo(movedFile).get('Source Location')).toBe(`${production}taskpane.html`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
