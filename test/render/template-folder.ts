import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { TemplateError } from '../../src/render/template-bundle.js';

/** The manifest of a test template with both formats, main files `report.{md,html}.hbs`. */
export const MANIFEST = {
  name: 'test',
  formats: { md: 'report.md.hbs', html: 'report.html.hbs' },
  css: ['style.css'],
  partials: 'partials',
};

/** Minimal main templates and CSS that a test overrides file by file. */
export const BASE_FILES: Record<string, string> = {
  'template.json': JSON.stringify(MANIFEST, null, 2),
  'report.md.hbs': '# {{title}}\n',
  'report.html.hbs': '<!doctype html>\n<html><head><style>{{{@css}}}</style></head><body><h1>{{title}}</h1></body></html>\n',
  'style.css': 'body { margin: 0; }\n',
};

const made: string[] = [];

/** Writes a template folder (paths relative to it, `null` to leave a base file out) and returns its path. */
export function makeTemplate(files: Record<string, string | Buffer | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'casereport-template-'));
  made.push(dir);
  mkdirSync(join(dir, 'partials'));
  for (const [file, content] of Object.entries({ ...BASE_FILES, ...files })) {
    if (content === null) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** Removes the folders makeTemplate wrote (call from afterAll). */
export function removeTemplates(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A real PNG of one colour (8-bit RGB), made here so that the tests need no image files. */
export function pngBytes(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The TemplateError a function throws (fails the test if it throws nothing or something else). */
export function templateErrorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError, nothing was thrown');
}
