import { closeSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CaseIssue } from '../core/errors.js';
import { resolveFigures, type FigureLookup, type FigureProblem } from '../core/figures.js';
import type { CaseFile } from '../core/schema/case-schema.js';
import { locateIssues } from '../core/validate/validate-case.js';
import { MAX_IMAGE_BYTES, readAll, sniffRasterType } from './image-file.js';
import { NotARegularFileError, openRegularFile } from './open-regular-file.js';
import type { CaseSource } from './read-case.js';

/** Images larger than this are refused: a case report figure does not need more. */
export const MAX_FIGURE_BYTES = MAX_IMAGE_BYTES;

/** A figure ready for the report: inlined for HTML and PDF, linked for Markdown. */
export interface ResolvedFigure {
  data_uri: string;
  href: string;
}

/** A figure that passed every check, open for reading. */
interface OpenFigure {
  fd: number;
  size: number;
  path: string;
  type: string;
}

/**
 * Resolves figures relative to the case file (standard input: the working directory), only inside
 * that folder, only regular files that are real raster images (by their bytes, not their names),
 * and inlines them; the Markdown link is relative to the folder the Markdown output goes to.
 */
export function createFigureResolver(
  casePath: string | undefined,
  markdownDirFor: (caseId: string) => string,
): FigureLookup<ResolvedFigure> {
  const caseFolder = caseFolderOf(casePath);
  return (file, caseId) => {
    const figure = openFigure(caseFolder(), file);
    if ('message' in figure) return figure;
    try {
      const dataUri = `data:${figure.type};base64,${readAll(figure.fd, figure.size).toString('base64')}`;
      return {
        data_uri: dataUri,
        href: relative(resolve(markdownDirFor(caseId)), figure.path)
          .split(sep)
          .join('/'),
      };
    } finally {
      closeSync(figure.fd);
    }
  };
}

/** The same checks as createFigureResolver, without reading the images: for `validate`. */
export function createFigureChecker(casePath: string | undefined): FigureLookup<{ type: string }> {
  const caseFolder = caseFolderOf(casePath);
  return (file) => {
    const figure = openFigure(caseFolder(), file);
    if ('message' in figure) return figure;
    closeSync(figure.fd);
    return { type: figure.type };
  };
}

/** The case file's folder, worked out on the first figure only: most cases have none. */
function caseFolderOf(casePath: string | undefined): () => string {
  let known: string | undefined;
  return () => (known ??= realpathSync(casePath === undefined ? process.cwd() : dirname(resolve(casePath))));
}

/** Every check a figure must pass; the file is left open (never blocking: see openRegularFile). */
function openFigure(base: string, file: string): OpenFigure | FigureProblem {
  if (/^[a-z][a-z0-9+.-]+:/i.test(file)) {
    return {
      message: `figure \`${file}\` is a URL; figures must be files next to the case file`,
      hint: 'download the image and put it next to the case file (or in a folder below it)',
    };
  }
  if (isAbsolute(file)) {
    return {
      message: `figure \`${file}\` must be a path relative to the case file`,
      hint: 'put the image next to the case file (or in a folder below it)',
    };
  }
  const outside = {
    message: `figure \`${file}\` is outside the case file's folder`,
    hint: "figures must be in the case file's folder or below it",
  };
  const wanted = resolve(base, file);
  if (!isInside(base, wanted)) return outside;
  let path: string;
  try {
    path = realpathSync(wanted);
  } catch {
    return { message: `figure \`${file}\` not found next to the case file`, hint: `looked for ${wanted}` };
  }
  if (!isInside(base, path)) return outside; // a symbolic link out of the folder
  let opened: { fd: number; size: number };
  try {
    opened = openRegularFile(path);
  } catch (error) {
    return describeOpenError(file, error);
  }
  const { fd, size } = opened;
  let checked: string | FigureProblem;
  try {
    checked = checkImage(file, fd, size);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (typeof checked !== 'string') {
    closeSync(fd);
    return checked;
  }
  return { fd, size, path, type: checked };
}

/** The image type of an open figure, or why it is not one that a report can carry. */
function checkImage(file: string, fd: number, size: number): string | FigureProblem {
  if (size > MAX_FIGURE_BYTES)
    return { message: `figure \`${file}\` is ${Math.round(size / 1048576)} MiB; at most ${MAX_FIGURE_BYTES / 1048576} MiB` };
  return sniffImageType(fd) ?? { message: `figure \`${file}\` is not a PNG, JPEG, GIF or WebP image`, hint: 'convert it to PNG or JPEG' };
}

function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return !isAbsolute(rel) && !rel.split(sep).includes('..');
}

function describeOpenError(file: string, error: unknown): FigureProblem {
  if (error instanceof NotARegularFileError) {
    return error.kind === 'a folder'
      ? { message: `figure \`${file}\` is a folder, not an image file`, hint: 'name the image file itself' }
      : { message: `figure \`${file}\` is ${error.kind}, not a regular file`, hint: 'figures are read only from regular image files' };
  }
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === undefined) throw error; // not the file system's answer: a bug
  return { message: `figure \`${file}\` cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : message}` };
}

function sniffImageType(fd: number): string | undefined {
  const head = Buffer.alloc(12);
  readSync(fd, head, 0, 12, 0);
  return sniffRasterType(head);
}

/**
 * The problems `render` would find with a valid case's figures, located in its text: `validate`
 * reports them too, so that a case that validates also renders.
 */
export function checkCaseFigures(source: CaseSource, caseFile: Pick<CaseFile, 'id' | 'figures'>): CaseIssue[] {
  const files = (caseFile.figures ?? []).map((figure) => figure.file);
  if (files.length === 0) return [];
  const { issues } = resolveFigures(files, caseFile.id, createFigureChecker(source.path));
  return locateIssues(source.text, issues);
}
