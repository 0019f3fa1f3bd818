import { execFileSync } from 'node:child_process';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One word as poppler places it, in PDF points from the top left of its page. */
export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A page's size in points and the words on it, in the order they were painted. */
export interface PageWords {
  width: number;
  height: number;
  words: WordBox[];
}

/** Page margins in points. */
export interface MarginsPt {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const POINTS_PER_MM = 72 / 25.4;

/** Margins given to the CLI in millimetres, as points. */
export function marginsInPoints(mm: MarginsPt): MarginsPt {
  return { top: mm.top * POINTS_PER_MM, right: mm.right * POINTS_PER_MM, bottom: mm.bottom * POINTS_PER_MM, left: mm.left * POINTS_PER_MM };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

/** Every page's size and word boxes, from `pdftotext -bbox` (the positions any PDF tool would read). */
export function readWordBoxes(file: string): PageWords[] {
  // -raw: in the order they were painted, so that the lines of one table cell stay together.
  const xhtml = execFileSync('pdftotext', ['-raw', '-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PageWords[] = [];
  for (const line of xhtml.split('\n')) {
    const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (page) {
      pages.push({ width: Number(page[1]), height: Number(page[2]), words: [] });
      continue;
    }
    const word = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(line);
    if (!word) continue;
    const [, xMin, yMin, xMax, yMax, text] = word;
    pages.at(-1)?.words.push({
      text: (text ?? '').replace(/&(amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity),
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      yMax: Number(yMax),
    });
  }
  return pages;
}

/** An image as painted: its size in pixels, and its box in points from the top left of its page. */
export interface ImagePlacement {
  page: number;
  pixelWidth: number;
  pixelHeight: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Every image painted in a PDF and where, exactly: pdfjs's operator list, following the transforms
 * (pdfimages rounds the resolution to whole pixels per inch, too coarse to see a page shrunk by 0.4%).
 */
export async function readImagePlacements(pdf: Uint8Array): Promise<ImagePlacement[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const images: ImagePlacement[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const pageHeight = page.view[3] ?? 0;
      const { fnArray, argsArray } = await page.getOperatorList();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const saved: Matrix[] = [];
      fnArray.forEach((fn, index) => {
        const args = argsArray[index] as unknown[];
        if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push(ctm);
        if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
        if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
        if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
        // An image fills the unit square of its transform.
        const corners = [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ].map(([u = 0, v = 0]) => [ctm[0] * u + ctm[2] * v + ctm[4], ctm[1] * u + ctm[3] * v + ctm[5]]);
        const xs = corners.map(([x = 0]) => x);
        const ys = corners.map(([, y = 0]) => pageHeight - y);
        // paintImageXObject takes (id, width, height); an inline image comes as one object.
        const inline = args[0] as { width?: number; height?: number };
        const [pixelWidth, pixelHeight] =
          fn === OPS.paintImageXObject ? [Number(args[1]), Number(args[2])] : [Number(inline.width), Number(inline.height)];
        images.push({
          page: number,
          pixelWidth,
          pixelHeight,
          xMin: Math.min(...xs),
          xMax: Math.max(...xs),
          yMin: Math.min(...ys),
          yMax: Math.max(...ys),
        });
      });
    }
    return images;
  } finally {
    await doc.destroy();
  }
}

/** The words of an HTML report's body as a reader sees them (markup gone, entities decoded). */
export function readHtmlWords(html: string): string[] {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (entity) => (entity === '&nbsp;' ? ' ' : (ENTITIES[entity] ?? entity)));
  return text.split(/\s+/).filter(Boolean);
}
