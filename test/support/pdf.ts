/**
 * What a printed page holds, read from LibreOffice's PDF: its orientation, and the size at which
 * each text is drawn (the font size of every text-showing operator, times the text and page
 * matrices' scale), so that a test can say « no text under 8 points » of a real print. The PDF
 * is LibreOffice's own (plain objects, Flate-compressed content streams); the page's text comes
 * from poppler's pdftotext.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { inflateSync } from 'zlib';

export interface PdfPage {
  /** 1-based. */
  number: number;
  landscape: boolean;
  /** Points, as drawn: one entry per text shown. */
  textSizes: number[];
  text: string;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const scaleOf = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

/** The text sizes drawn by one content stream. */
export function contentTextSizes(content: string): number[] {
  const sizes: number[] = [];
  const operands: (number | string)[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let size = 0;
  const token = /\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g;
  const numbers = (n: number) => operands.slice(-n).map(Number) as number[];
  for (const [t] of content.matchAll(token)) {
    if (/^[-+.\d]/.test(t)) operands.push(Number(t));
    else if (/^[A-Za-z'"*]/.test(t)) {
      if (t === 'q') stack.push(ctm);
      else if (t === 'Q') ctm = stack.pop() ?? IDENTITY;
      else if (t === 'cm') ctm = multiply(numbers(6) as Matrix, ctm);
      else if (t === 'BT') tm = IDENTITY;
      else if (t === 'Tm') tm = numbers(6) as Matrix;
      else if (t === 'Tf') size = numbers(1)[0];
      else if (t === 'Tj' || t === 'TJ' || t === "'" || t === '"') sizes.push(Math.round(size * scaleOf(multiply(tm, ctm)) * 1000) / 1000);
      operands.length = 0;
    } else operands.push(t);
  }
  return sizes;
}

export function pdfPages(pdfPath: string): PdfPage[] {
  const data = readFileSync(pdfPath).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of data.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
  const stream = (id: number): string => {
    const body = objects.get(id) ?? '';
    const m = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    if (!m) return '';
    const bytes = Buffer.from(m[1], 'latin1');
    return (/\/FlateDecode/.test(body) ? inflateSync(bytes) : bytes).toString('latin1');
  };
  const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const pages: number[] = [];
  const visit = (id: number) => {
    const body = objects.get(id) ?? '';
    if (/\/Type\s*\/Pages\b/.test(body)) for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '')) visit(kid);
    else if (/\/Type\s*\/Page\b/.test(body)) pages.push(id);
  };
  const root = refs(/\/Type\s*\/Catalog[\s\S]*?\/Pages (\d+ 0 R)/.exec(data)?.[1] ?? '')[0];
  if (root === undefined) throw new Error(`${pdfPath}: no page tree`);
  visit(root);
  return pages.map((id, i) => {
    const body = objects.get(id) ?? '';
    const box = (/\/MediaBox\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(body)?.[1] ?? '';
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdfPath, '-'], { encoding: 'utf8' });
    return { number: i + 1, landscape: box[2] - box[0] > box[3] - box[1], textSizes: refs(contents).flatMap((c) => contentTextSizes(stream(c))), text };
  });
}
