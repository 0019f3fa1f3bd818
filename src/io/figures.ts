import { closeSync, openSync, readSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FigureResolver } from '../generate.js';

/** Images larger than this are refused: a case report figure does not need more. */
export const MAX_FIGURE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: [string, (head: Buffer) => boolean][] = [
  ['image/png', (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff],
  ['image/gif', (h) => h.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP'],
];

/**
 * Resolves figures relative to the case file (standard input: the working directory), only inside
 * that folder, only real raster images (by their bytes, not their names), and inlines them; the
 * Markdown link is relative to the folder the Markdown output goes to.
 */
export function createFigureResolver(casePath: string | undefined, markdownDirFor: (caseId: string) => string): FigureResolver {
  let known: string | undefined;
  // Worked out on the first figure only: most cases have none, and this runs for every case.
  const caseFolder = (): string => (known ??= realpathSync(casePath === undefined ? process.cwd() : dirname(resolve(casePath))));
  return (file, caseId) => {
    const base = caseFolder();
    if (isAbsolute(file) || /^[a-z]+:/i.test(file)) {
      return { message: `figure \`${file}\` must be a path relative to the case file`, hint: 'put the image next to the case file (or in a folder below it)' };
    }
    let path: string;
    try {
      path = realpathSync(resolve(base, file));
    } catch {
      return { message: `figure \`${file}\` not found next to the case file`, hint: `looked for ${resolve(base, file)}` };
    }
    const rel = relative(base, path);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      return { message: `figure \`${file}\` is outside the case file's folder`, hint: 'figures must be in the case file\'s folder or below it' };
    }
    const size = statSync(path).size;
    if (size > MAX_FIGURE_BYTES) return { message: `figure \`${file}\` is ${Math.round(size / 1048576)} MiB; at most ${MAX_FIGURE_BYTES / 1048576} MiB` };
    const type = sniffImageType(path);
    if (!type) return { message: `figure \`${file}\` is not a PNG, JPEG, GIF or WebP image`, hint: 'convert it to PNG or JPEG' };
    const dataUri = `data:${type};base64,${readFileSync(path).toString('base64')}`;
    return { dataUri, href: relative(resolve(markdownDirFor(caseId)), path).split(sep).join('/') };
  };
}

function sniffImageType(path: string): string | undefined {
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  return SIGNATURES.find(([, test]) => test(head))?.[0];
}
