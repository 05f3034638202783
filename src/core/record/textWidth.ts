/**
 * How wide a text prints in Calibri, the record’s font, to estimate where wrapped text breaks
 * (rowHeights.ts). Advance widths in 1/2048 em of Carlito, metric-compatible with Calibri (SIL Open
 * Font License; Debian fonts-crosextra-carlito 20220224), for ASCII, Latin-1 and the punctuation
 * of French text: regular (the wider of upright and italic) and bold (the wider of bold and bold
 * italic). Any other character counts as one em, wider than all of these, so that an estimate errs
 * on the side of room. Consolas, the fingerprints’ font, is monospaced at 1126/2048 em, and the
 * fonts that stand in for it where it is missing (DejaVu Sans Mono, Liberation Mono) at 1233: the
 * wider is counted.
 */

const CHARACTERS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff\u0152\u0153\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac\u2212\u2009\u202f";
// prettier-ignore
const REGULAR = [
  463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 794, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831, 1185,
  1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112,
  941, 998, 1314, 1162, 1823, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 1053, 1076, 866,
  1076, 1019, 625, 1053, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801, 686,
  1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020, 463, 667, 1020, 1038, 1020, 1038, 1020,
  1020, 804, 1709, 882, 1049, 1020, 0, 1038, 807, 694, 1020, 688, 685, 598, 1126, 1200, 517, 629,
  504, 865, 1049, 1303, 1375, 1383, 949, 1185, 1185, 1185, 1185, 1185, 1185, 1563, 1092, 1000,
  1000, 1000, 1000, 516, 516, 516, 516, 1279, 1322, 1356, 1356, 1356, 1356, 1356, 1020, 1359, 1314,
  1314, 1314, 1314, 998, 1058, 1080, 1053, 1053, 1053, 1053, 1053, 1053, 1583, 866, 1019, 1019,
  1019, 1019, 470, 470, 470, 470, 1076, 1076, 1080, 1080, 1080, 1080, 1080, 1020, 1084, 1076, 1076,
  1076, 1076, 927, 1076, 927, 1775, 1740, 511, 511, 857, 857, 1020, 1854, 1414, 1020, 1038, 1020,
  409, 463,
];
// prettier-ignore
const BOLD = [
  463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 889, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949, 1840, 1241,
  1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385, 1090, 1405, 1153,
  968, 1014, 1337, 1211, 1857, 1128, 1064, 979, 665, 880, 665, 1020, 1020, 615, 1081, 1099, 857,
  1099, 1031, 648, 1081, 1099, 503, 523, 983, 503, 1666, 1099, 1101, 1099, 1099, 728, 817, 710,
  1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020, 463, 667, 1020, 1038, 1020, 1038, 1020,
  1020, 849, 1709, 903, 1103, 1020, 0, 1038, 799, 701, 1020, 692, 688, 616, 1154, 1224, 548, 621,
  517, 891, 1103, 1347, 1415, 1437, 949, 1241, 1241, 1241, 1241, 1241, 1241, 1588, 1084, 999, 999,
  999, 999, 546, 546, 546, 546, 1309, 1349, 1385, 1385, 1385, 1385, 1385, 1020, 1394, 1337, 1337,
  1337, 1337, 1064, 1090, 1136, 1081, 1081, 1081, 1081, 1081, 1081, 1587, 857, 1031, 1031, 1031,
  1031, 503, 503, 503, 503, 1099, 1099, 1101, 1101, 1101, 1101, 1101, 1020, 1114, 1099, 1099, 1099,
  1099, 970, 1099, 970, 1790, 1726, 528, 528, 891, 891, 1020, 1854, 1457, 1020, 1038, 1020, 409,
  463,
];
const UNITS_PER_EM = 2048;
const MONOSPACE = 1233;
const UNKNOWN = UNITS_PER_EM;

/** Widths by UTF-16 code unit below U+2100 (the table's last character is U+202F); any other unit counts as one em. */
const TABLE_END = 0x2100;
const regular = new Uint16Array(TABLE_END).fill(UNKNOWN);
const bold = new Uint16Array(TABLE_END).fill(UNKNOWN);
[...CHARACTERS].forEach((character, i) => {
  regular[character.charCodeAt(0)] = REGULAR[i];
  bold[character.charCodeAt(0)] = BOLD[i];
});

export interface TextFont {
  /** Points. */
  size: number;
  bold?: boolean;
  monospace?: boolean;
}

/** Points: the advance width of `text` in Calibri (or Consolas) at the font’s size; a character outside the table (or half of a surrogate pair) counts as one em. */
export function textWidth(text: string, font: TextFont): number {
  let units = 0;
  if (font.monospace) {
    units = text.length * MONOSPACE;
  } else {
    const widths = font.bold ? bold : regular;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      units += unit < TABLE_END ? widths[unit] : UNKNOWN;
    }
  }
  return (units * font.size) / UNITS_PER_EM;
}
