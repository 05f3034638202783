/**
 * Column widths: the plan (like the .xlsx file) counts them in characters of the default font;
 * office.js sets `format.columnWidth` in points. With Calibri 11, a character (the widest digit)
 * is 7 pixels and Excel adds 5 pixels of padding; a pixel is 0.75 point at 96 dpi. The same two
 * formulas serve writing and saving the simulated workbook, so a width survives the round trip;
 * what Excel itself shows for a given point width could only be checked in Excel.
 */
const DIGIT_PIXELS = 7;
const PADDING_PIXELS = 5;
const POINTS_PER_PIXEL = 0.75;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function charactersToPoints(characters: number): number {
  return round2((characters * DIGIT_PIXELS + PADDING_PIXELS) * POINTS_PER_PIXEL);
}

export function pointsToCharacters(points: number): number {
  return round2((points / POINTS_PER_PIXEL - PADDING_PIXELS) / DIGIT_PIXELS);
}
