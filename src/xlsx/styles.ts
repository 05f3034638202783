/**
 * The style sheet of a workbook (ECMA-376 part 1, §18.8), read for what decides how a cell's value
 * is shown: its number format (a date? a format that could show something else?) and, for
 * `verify`, its look — font size, font colour and fill — resolved the way a spreadsheet draws them,
 * whatever the writer's habits: an RGB colour, a colour of the theme with a tint (LibreOffice and
 * Excel may write either for the same colour), an indexed colour of the legacy palette, or the
 * automatic colour. Compared so, a record re-saved by another program still shows what it showed.
 */

import { builtInFormat, isDateFormatId } from '../core/numberFormats';
import type { CellLook } from '../core/sheet';
import { parsePart } from './xmlStream';
import type { ZipPackage } from './zip';

/** A cell format (an entry of <cellXfs>, indexed by a cell's s attribute). */
export interface CellFormat {
  /** The number format's code; undefined for General. */
  format: string | undefined;
  date: boolean;
  look: CellLook;
}

/** Excel's defaults when a workbook has no style sheet, or a cell format names nothing: Calibri 11, automatic colour, no fill. */
export const DEFAULT_LOOK: CellLook = Object.freeze({ fontSize: 11, fontColor: '000000', fill: null });
export const GENERAL: CellFormat = Object.freeze({ format: undefined, date: false, look: DEFAULT_LOOK });

/** The legacy palette (ECMA-376 §18.8.27), used unless the style sheet gives its own <indexedColors>. 64 and 65 are the system's text and window colours. */
const INDEXED_COLORS = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
  '000000', 'FFFFFF',
];

/**
 * The theme's colours in the order a <color theme="n"> counts them: SpreadsheetML swaps the first
 * two pairs of the theme's <clrScheme> (dk1, lt1, dk2, lt2…), so theme 0 is lt1 (the window, white)
 * and theme 1 dk1 (the text, black).
 */
const THEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** Office's default theme, for a workbook that has none. */
const DEFAULT_THEME: Record<string, string> = {
  dk1: '000000', lt1: 'FFFFFF', dk2: '44546A', lt2: 'E7E6E6',
  accent1: '4472C4', accent2: 'ED7D31', accent3: 'A5A5A5', accent4: 'FFC000', accent5: '5B9BD5', accent6: '70AD47',
  hlink: '0563C1', folHlink: '954F72',
};

/** The theme's colour scheme, RRGGBB by name (dk1, lt1…). */
export function readThemeColors(pkg: ZipPackage, part: string | undefined): Record<string, string> {
  const colors: Record<string, string> = { ...DEFAULT_THEME };
  if (part === undefined) return colors;
  let inScheme = false;
  let current: string | null = null;
  parsePart(pkg, part, {
    open(local, attributes) {
      if (local === 'clrScheme') inScheme = true;
      else if (inScheme && local in DEFAULT_THEME) current = local;
      else if (inScheme && current !== null) {
        // A system colour keeps its last value for files read elsewhere (windowText → 000000).
        const value = local === 'srgbClr' ? attributes.val : local === 'sysClr' ? attributes.lastClr : undefined;
        if (value !== undefined && /^[0-9A-Fa-f]{6}$/.test(value)) colors[current] = value.toUpperCase();
      }
    },
    close(local) {
      if (local === 'clrScheme') inScheme = false;
      else if (local === current) current = null;
    },
  });
  return colors;
}

/**
 * A <color> element's colour as shown, RRGGBB; null for the automatic colour. ECMA-376 §18.8.19: a
 * tint lightens (> 0) or darkens (< 0) the colour's luminance in HLS.
 */
function resolveColor(attributes: Record<string, string>, theme: Record<string, string>, indexed: readonly string[]): string | null {
  let rgb: string | null = null;
  if (attributes.auto === '1' || attributes.auto === 'true') return null;
  if (attributes.rgb !== undefined && /^[0-9A-Fa-f]{6,8}$/.test(attributes.rgb)) rgb = attributes.rgb.slice(-6).toUpperCase();
  else if (attributes.theme !== undefined) rgb = theme[THEME_ORDER[Number(attributes.theme)] ?? ''] ?? null;
  else if (attributes.indexed !== undefined) {
    const index = Number(attributes.indexed);
    // 64: the system's text colour, the automatic one.
    rgb = index === 64 ? null : (indexed[index] ?? null);
  }
  if (rgb === null) return null;
  const tint = Number(attributes.tint ?? 0);
  return tint === 0 || !Number.isFinite(tint) ? rgb : tinted(rgb, tint);
}

/** The colour with its HLS luminance tinted as ECMA-376 §18.8.19 says. */
function tinted(rgb: string, tint: number): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d + (g < b ? 6 : 0)) / 6 : max === g ? ((b - r) / d + 2) / 6 : ((r - g) / d + 4) / 6;
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    return x < 1 / 6 ? p + (q - p) * 6 * x : x < 1 / 2 ? q : x < 2 / 3 ? p + (q - p) * (2 / 3 - x) * 6 : p;
  };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channels = s === 0 ? [l, l, l] : [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  return channels.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0').toUpperCase()).join('');
}

interface Font {
  size: number;
  color: string | null;
}

/** Cell formats (<cellXfs>) with their number formats and looks. */
export function readCellFormats(pkg: ZipPackage, part: string, theme: Record<string, string>): CellFormat[] {
  const codes = new Map<number, string>();
  const customIndexed: string[] = [];
  const fontsRaw: { size: number; color: Record<string, string> | null }[] = [];
  const fillsRaw: { pattern: string | null; fg: Record<string, string> | null; gradient: boolean }[] = [];
  const fonts: Font[] = [];
  // A fill as shown: solid → its foreground colour; none → null; a pattern or a gradient by its kind.
  const fills: (string | null)[] = [];
  const xfs: { numFmtId: number; fontId: number; fillId: number }[] = [];
  let section: 'fonts' | 'fills' | 'cellXfs' | 'indexedColors' | null = null;
  let font: { size: number; color: Record<string, string> | null } | null = null;
  let fill: { pattern: string | null; fg: Record<string, string> | null; gradient: boolean } | null = null;
  parsePart(pkg, part, {
    open(local, attributes) {
      switch (local) {
        case 'numFmt':
          codes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
          return;
        case 'fonts':
        case 'fills':
        case 'cellXfs':
        case 'indexedColors':
          section = local as typeof section;
          return;
        case 'rgbColor':
          if (section === 'indexedColors' && attributes.rgb !== undefined) customIndexed.push(attributes.rgb.slice(-6).toUpperCase());
          return;
        case 'font':
          if (section === 'fonts') font = { size: DEFAULT_LOOK.fontSize, color: null };
          return;
        case 'sz':
          if (font !== null) font.size = Number(attributes.val ?? DEFAULT_LOOK.fontSize);
          return;
        case 'color':
          if (font !== null) font.color = attributes;
          return;
        case 'fill':
          if (section === 'fills') fill = { pattern: null, fg: null, gradient: false };
          return;
        case 'patternFill':
          if (fill !== null) fill.pattern = attributes.patternType ?? 'none';
          return;
        case 'fgColor':
          if (fill !== null) fill.fg = attributes;
          return;
        case 'gradientFill':
          if (fill !== null) fill.gradient = true;
          return;
        case 'xf':
          if (section === 'cellXfs') xfs.push({ numFmtId: Number(attributes.numFmtId ?? 0), fontId: Number(attributes.fontId ?? 0), fillId: Number(attributes.fillId ?? 0) });
          return;
      }
    },
    close(local) {
      if (local === section) section = null;
      else if (local === 'font' && font !== null) {
        fontsRaw.push(font);
        font = null;
      } else if (local === 'fill' && fill !== null) {
        fillsRaw.push(fill);
        fill = null;
      }
    },
  });
  const indexed = customIndexed.length > 0 ? [...customIndexed, ...INDEXED_COLORS.slice(customIndexed.length)] : INDEXED_COLORS;
  for (const raw of fontsRaw) fonts.push({ size: Number.isFinite(raw.size) ? raw.size : DEFAULT_LOOK.fontSize, color: raw.color === null ? null : resolveColor(raw.color, theme, indexed) });
  for (const raw of fillsRaw) {
    if (raw.gradient) fills.push('gradient');
    else if (raw.pattern === null || raw.pattern === 'none') fills.push(null);
    else {
      // A pattern's foreground defaults to the system's text colour (black).
      const fg = (raw.fg === null ? null : resolveColor(raw.fg, theme, indexed)) ?? '000000';
      fills.push(raw.pattern === 'solid' ? fg : `${raw.pattern}:${fg}`);
    }
  }
  const looks = new Map<string, CellLook>();
  return xfs.map(({ numFmtId, fontId, fillId }) => {
    const f = fonts[fontId] ?? { size: DEFAULT_LOOK.fontSize, color: null };
    const look: CellLook = { fontSize: f.size, fontColor: f.color ?? DEFAULT_LOOK.fontColor, fill: fills[fillId] ?? null };
    // One object per distinct look: `verify` compares thousands of cells by a handful of looks.
    const key = `${look.fontSize}|${look.fontColor}|${look.fill}`;
    const shared = looks.get(key) ?? look;
    looks.set(key, shared);
    const custom = codes.get(numFmtId);
    const code = custom ?? builtInFormat(numFmtId);
    if (code === 'General' || (numFmtId === 0 && custom === undefined)) return { format: undefined, date: false, look: shared };
    return { format: code ?? `#${numFmtId}`, date: isDateFormatId(numFmtId, custom), look: shared };
  });
}
