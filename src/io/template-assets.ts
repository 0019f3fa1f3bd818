import { readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { didYouMean } from '../core/hints.js';
import { ASSETS_FOLDER, judgeReference } from '../render/judge-reference.js';
import { TemplateError } from '../render/template-bundle.js';
import { findReferences, type TemplateReference } from '../render/template-references.js';
import { MAX_IMAGE_BYTES, readImageInside, type ImageRead } from './image-file.js';

/** A text of a template to look through for references. */
export interface ScannedSource {
  file: string;
  source: string;
  kind: 'hbs' | 'css';
}

/**
 * Checks every URL a template's sources would load and reads the assets they name, each once, as
 * data: URIs by path (`assets/logo.png`). The first bad reference (to the network, the disk, a
 * missing or unreadable asset, or one that is not an image) is a TemplateError at its line.
 */
export function loadTemplateAssets(dir: string, sources: readonly ScannedSource[]): Record<string, string> {
  const assets: Record<string, string> = {};
  for (const { file, source, kind } of sources) {
    for (const ref of findReferences(source, kind)) {
      const verdict = judgeReference(ref);
      const fail = (message: string, hint?: string): never => {
        throw new TemplateError(message, file, ref.line, ref.column, { dir, ...(hint ? { hint } : {}) });
      };
      if (verdict.kind === 'refused') fail(verdict.message, verdict.hint);
      if (verdict.kind !== 'asset' || Object.hasOwn(assets, verdict.path)) continue;
      const read = readAsset(dir, verdict.path);
      if (!read.ok) return fail(...describeProblem(read, ref, dir));
      assets[verdict.path] = read.dataUri;
    }
  }
  return assets;
}

/** An asset, read only from a real `assets/` folder of the template: the folder itself may not link out. */
function readAsset(dir: string, path: string): ImageRead {
  const folder = join(dir, ASSETS_FOLDER);
  try {
    if (realpathSync(folder) !== join(realpathSync(dir), ASSETS_FOLDER)) return { ok: false, problem: 'outside' };
  } catch {
    return { ok: false, problem: 'missing' };
  }
  const name = path.slice(ASSETS_FOLDER.length + 1);
  const read = readImageInside(folder, name, { svg: true });
  if (read.ok) {
    // A case-insensitive disk (macOS, Windows) finds `Logo.png` for `logo.png`; Linux would not.
    const actual = relative(realpathSync(folder), read.path).split(sep).join('/');
    if (actual !== name && actual.toLowerCase() === name.toLowerCase())
      return { ok: false, problem: 'missing', detail: `${ASSETS_FOLDER}/${actual}` };
  }
  return read;
}

function describeProblem(read: Extract<ImageRead, { ok: false }>, ref: TemplateReference, dir: string): [string, string?] {
  const name = `\`${ref.url}\``;
  switch (read.problem) {
    case 'missing': {
      if (read.detail)
        return [
          `asset ${name} is named \`${read.detail}\` on disk`,
          'write its name with the same capitals: other systems tell them apart',
        ];
      const existing = listAssets(join(dir, ASSETS_FOLDER));
      const hint =
        existing.length === 0
          ? `the template has no files in ${ASSETS_FOLDER}/`
          : (didYouMean(ref.url, existing) ?? `assets: ${existing.join(', ')}`);
      return [`asset ${name} not found`, hint];
    }
    case 'outside':
      return [
        `asset ${name} leads outside the template's ${ASSETS_FOLDER}/ folder (a symbolic link?)`,
        `keep the file itself in ${ASSETS_FOLDER}/`,
      ];
    case 'not-a-file':
      return read.detail === 'a folder'
        ? [`asset ${name} is a folder, not an image file`]
        : [`asset ${name} is ${read.detail ?? 'not a regular file'}, not a regular file`];
    case 'unreadable':
      return [`asset ${name} cannot be read: ${read.detail ?? 'unknown error'}`];
    case 'too-large':
      return [`asset ${name} is ${read.detail ?? 'too large'}; at most ${MAX_IMAGE_BYTES / 1048576} MiB`, 'make the image smaller'];
    case 'not-an-image':
      return [`asset ${name} is not a PNG, JPEG, GIF, WebP or SVG image`, 'the type is read from the bytes, not the file name'];
    case 'unsafe-svg':
      return [
        `asset ${name} is an SVG with ${read.detail ?? 'active content'}`,
        "a template's SVG must be self-contained and inert; or convert it to PNG",
      ];
  }
}

/** The files under a template's assets/ folder, as `assets/…` paths (at most 50, for a hint). */
function listAssets(folder: string, under = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(folder, under), { withFileTypes: true });
  } catch {
    return [];
  }
  const files = entries.flatMap((entry) => {
    const rel = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listAssets(folder, rel).map((file) => file.slice(ASSETS_FOLDER.length + 1));
    return entry.isFile() ? [rel] : [];
  });
  return files
    .sort()
    .slice(0, 50)
    .map((file) => `${ASSETS_FOLDER}/${file}`);
}
