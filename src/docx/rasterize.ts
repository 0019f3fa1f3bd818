import { execFileSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';

/** Width of the text column of an A4 page with 2 cm margins, in pixels at 96 dpi (Word sizes images so). */
export const COLUMN_PX = 642;
/** Rasterized figures: 300 dots per inch at the width they are shown. */
export const DPI = 300;
// eslint-disable-next-line no-control-regex -- any text up to Cyrillic, and punctuation and symbols
const LATIN_GREEK_CYRILLIC = /^[\u0000-\u052f\u2000-\u22ff]*$/;

/** An SVG as a PNG of 300 dpi at the column's width, with the fonts the PDF uses (DejaVu first). */
export function rasterize(svg: Uint8Array): { data: Uint8Array; width: number; height: number } {
  const text = Buffer.from(svg).toString('utf8');
  // Loading every system font (the CJK ones are tens of megabytes) took 0.4 s a chart: DejaVu Sans
  // alone serves Latin, Greek and Cyrillic text, the system's fonts the rest.
  const dejavu = LATIN_GREEK_CYRILLIC.test(text) ? dejavuFiles() : undefined;
  const resvg = new Resvg(Buffer.from(svg), {
    fitTo: { mode: 'width', value: Math.round((COLUMN_PX * DPI) / 96) },
    font: {
      ...(dejavu ? { loadSystemFonts: false, fontFiles: dejavu } : { loadSystemFonts: true }),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  const rendered = resvg.render();
  return { data: rendered.asPng(), width: rendered.width, height: rendered.height };
}

let dejavu: string[] | null | undefined;

/** The files of DejaVu Sans and DejaVu Sans Bold (the charts' fonts), as fontconfig knows them; undefined where it does not. */
function dejavuFiles(): string[] | undefined {
  if (dejavu === undefined) {
    try {
      const files = ['DejaVu Sans', 'DejaVu Sans:bold'].map((font) =>
        execFileSync('fc-match', ['-f', '%{file}', font], { encoding: 'utf8', timeout: 5000 }),
      );
      dejavu = files.every((file) => /DejaVu/i.test(file)) ? files : null;
    } catch {
      dejavu = null;
    }
  }
  return dejavu ?? undefined;
}

/** A chart as a PNG file of 300 dpi at the column's width, its resolution written in the file. */
export function chartPng(svg: string): Uint8Array {
  return withResolution(rasterize(Buffer.from(svg, 'utf8')).data, DPI);
}

/** A PNG with a pHYs chunk (pixels per metre) after its header, so viewers and journals read its dpi. */
export function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(4 + 9);
  body.write('pHYs', 0, 'latin1');
  body.writeUInt32BE(perMetre, 4);
  body.writeUInt32BE(perMetre, 8);
  body.writeUInt8(1, 12); // unit: the metre
  const chunk = Buffer.alloc(4 + body.length + 4);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 4 + body.length);
  const headerEnd = 8 + 4 + 4 + 13 + 4; // signature, then IHDR: length, type, data, CRC
  return Buffer.concat([png.subarray(0, headerEnd), chunk, png.subarray(headerEnd)]);
}
