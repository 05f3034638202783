/**
 * The record's cell styles as a SpreadsheetML style sheet. The plan's styles are complete (font
 * name and size on every cell), so each becomes one cell format here; recordPackage then appends
 * these fonts, fills, borders, number formats and cell formats after the input workbook's own.
 * The sheet written alone is a valid style sheet too (for a package that has none): its first
 * fills are the two Excel reserves (none, gray125), its first cell format the default one.
 */
import { BASE_FONT, styleKey, type FontPlan, type PlannedStyle } from '../core/record/plan';
import { escapeXml } from './xmlText';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Excel's built-in number formats the record uses (ECMA-376 §18.8.30); others get custom ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT: FontPlan = { name: BASE_FONT.name, family: BASE_FONT.family, size: BASE_FONT.size, bold: false, italic: false, color: null };

function fontXml(font: FontPlan): string {
  return (
    '<font>' +
    (font.bold ? '<b/>' : '') +
    (font.italic ? '<i/>' : '') +
    `<sz val="${font.size}"/>` +
    (font.color ? `<color rgb="FF${font.color}"/>` : '') +
    `<name val="${escapeXml(font.name)}"/><family val="${font.family}"/></font>`
  );
}

function borderXml(color: string | null): string {
  if (color === null) return '<border><left/><right/><top/><bottom/><diagonal/></border>';
  const side = (name: string) => `<${name} style="thin"><color rgb="FF${color}"/></${name}>`;
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

/** Collects distinct styles and gives each its cell-format index in the style sheet it writes. */
export class RecordStyleSheet {
  private readonly fonts = new Index<string>([fontXml(DEFAULT_FONT)]);
  private readonly fills = new Index<string>(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Index<string>([borderXml(null)]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Index<string>(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly byStyle = new Map<string, number>();

  /** The cell-format index of a style, in this style sheet. */
  add(style: PlannedStyle): number {
    const key = styleKey(style);
    const known = this.byStyle.get(key);
    if (known !== undefined) return known;
    const fontId = this.fonts.of(fontXml(style.font));
    const fillId = style.fill === null ? 0 : this.fills.of(`<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
    const borderId = style.border === null ? 0 : this.borders.of(borderXml(style.border.color));
    const numFmtId = this.formatId(style.numberFormat);
    const alignment =
      style.horizontal !== null || style.vertical !== null || style.wrap
        ? '<alignment' +
          (style.horizontal !== null ? ` horizontal="${style.horizontal}"` : '') +
          (style.vertical !== null ? ` vertical="${style.vertical}"` : '') +
          (style.wrap ? ' wrapText="1"' : '') +
          '/>'
        : '';
    const apply =
      ' applyFont="1"' +
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : '') +
      (fillId !== 0 ? ' applyFill="1"' : '') +
      (borderId !== 0 ? ' applyBorder="1"' : '') +
      (alignment !== '' ? ' applyAlignment="1"' : '');
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}${alignment === '' ? '/>' : `>${alignment}</xf>`}`;
    const index = this.xfs.add(xf);
    this.byStyle.set(key, index);
    return index;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** A complete style sheet holding the collected styles. */
  xml(): string {
    const list = (name: string, items: readonly string[]) => `<${name} count="${items.length}">${items.join('')}</${name}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
      (formats.length > 0 ? list('numFmts', formats) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', this.xfs.items) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '</styleSheet>'
    );
  }
}

/** Distinct items, each with its position. */
class Index<T> {
  readonly items: T[] = [];
  private readonly positions = new Map<T, number>();

  constructor(initial: readonly T[]) {
    for (const item of initial) this.add(item);
  }

  add(item: T): number {
    this.items.push(item);
    this.positions.set(item, this.items.length - 1);
    return this.items.length - 1;
  }

  of(item: T): number {
    return this.positions.get(item) ?? this.add(item);
  }
}
