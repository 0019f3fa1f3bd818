import { closeSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { NotARegularFileError, openRegularFile } from './open-regular-file.js';
import { sniffSvg } from './sniff-svg.js';

/** Images larger than this are refused (case figures and template assets alike): a report does not need more. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: [string, (head: Buffer) => boolean][] = [
  ['image/png', (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff],
  ['image/gif', (h) => h.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP'],
];

/** The raster image type of some bytes, by their signature (never by a file name). */
export function sniffRasterType(bytes: Buffer): string | undefined {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0];
}

/** Why an image was not read; `detail` says more where there is more to say. */
export type ImageProblem = 'missing' | 'outside' | 'not-a-file' | 'unreadable' | 'too-large' | 'not-an-image' | 'unsafe-svg';

export type ImageRead = { ok: true; type: string; dataUri: string; path: string } | { ok: false; problem: ImageProblem; detail?: string };

/**
 * Reads an image that must lie inside `folder` (after following symbolic links: no `..`, no link
 * out), be a regular file (not a folder, a FIFO or a device: see openRegularFile), be at most
 * `MAX_IMAGE_BYTES`, and be a PNG, JPEG, GIF or WebP by its bytes (or a self-contained SVG when
 * `svg` is set), as a data: URI.
 */
export function readImageInside(folder: string, file: string, options: { svg?: boolean } = {}): ImageRead {
  let base: string;
  let path: string;
  try {
    base = realpathSync(folder);
    path = realpathSync(resolve(folder, file));
  } catch {
    return { ok: false, problem: 'missing' };
  }
  const rel = relative(base, path);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return { ok: false, problem: 'outside' };
  let opened: { fd: number; size: number };
  try {
    opened = openRegularFile(path);
  } catch (error) {
    if (error instanceof NotARegularFileError) return { ok: false, problem: 'not-a-file', detail: error.kind };
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error; // not the file system's answer: a bug
    return { ok: false, problem: 'unreadable', detail: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : message };
  }
  let bytes: Buffer;
  try {
    if (opened.size > MAX_IMAGE_BYTES) return { ok: false, problem: 'too-large', detail: `${(opened.size / 1048576).toFixed(1)} MiB` };
    bytes = readAll(opened.fd, opened.size);
  } finally {
    closeSync(opened.fd);
  }
  let type = sniffRasterType(bytes);
  if (!type && options.svg) {
    const svg = sniffSvg(bytes);
    if (svg.svg && svg.unsafe) return { ok: false, problem: 'unsafe-svg', detail: svg.unsafe };
    if (svg.svg) type = 'image/svg+xml';
  }
  if (!type) return { ok: false, problem: 'not-an-image' };
  return { ok: true, type, dataUri: `data:${type};base64,${bytes.toString('base64')}`, path };
}

/** The whole file from its first byte (a file that shrank since fstat gives less). */
export function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, bytes, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return bytes.subarray(0, done);
}
