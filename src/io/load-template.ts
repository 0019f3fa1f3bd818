import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import type { TextPosition } from '../core/text-position.js';
import { inlineAssetsInText } from '../render/inline-assets.js';
import { ASSETS_FOLDER, judgeReference } from '../render/judge-reference.js';
import { TemplateError, type TemplateBundle } from '../render/template-bundle.js';
import { findReferences } from '../render/template-references.js';
import { loadTemplateAssets, type ScannedSource } from './template-assets.js';
import { readManifest } from './template-manifest.js';

/** The folder of built-in templates shipped with the package (next to `dist/` and `src/`). */
export const BUILT_IN_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Names and descriptions of the built-in templates. */
export function listBuiltInTemplates(): { name: string; description: string; dir: string; for: 'case' | 'series' }[] {
  return readdirSync(BUILT_IN_TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILT_IN_TEMPLATES_DIR, entry.name, 'template.json')))
    .map((entry) => {
      const bundle = loadTemplate(entry.name);
      return { name: bundle.name, description: bundle.description, dir: bundle.dir, for: bundle.for ?? 'case' };
    });
}

/**
 * Reads a template by built-in name or folder path: manifest, main templates, partials, CSS, and
 * the images in its `assets/` folder that these refer to. Every mistake a template folder can hold
 * (a manifest that is not JSON, a missing file, partial names that clash on macOS and Windows, a
 * URL to the network or the disk, a missing or unusable asset) is a TemplateError at its line.
 */
export function loadTemplate(nameOrDir: string): TemplateBundle {
  return loadTemplateDir(resolveTemplateDir(nameOrDir), 0);
}

/**
 * A manifest may name a built-in template it `extends`: this one starts from that template's main
 * templates, partials, CSS and assets, and its own files replace or add to them (a journal's section
 * order is a main template that calls the built-in partials).
 */
function loadTemplateDir(dir: string, depth: number): TemplateBundle {
  const { manifest, path: manifestPath, locate } = readManifest(dir);
  const fail = (message: string, file: string, at?: TextPosition, hint?: string): never => {
    throw new TemplateError(message, file, at?.line, at?.column, { dir, ...(hint ? { hint } : {}) });
  };
  const readDocxStyles = (file: string): string => {
    const path = inside(dir, file) ?? fail(`\`${file}\` is outside the template folder`, manifestPath, locate(['reference_docx']));
    let styles: Uint8Array | undefined;
    try {
      styles = unzipSync(readFileSync(path), { filter: (entry) => entry.name === 'word/styles.xml' })['word/styles.xml'];
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      fail(
        missing ? `\`${file}\` does not exist` : `\`${file}\` is not a Word document: ${(error as Error).message}`,
        manifestPath,
        locate(['reference_docx']),
      );
    }
    if (!styles) return fail(`\`${file}\` holds no word/styles.xml: is it a Word document?`, manifestPath, locate(['reference_docx']));
    return strFromU8(styles);
  };
  const read = (file: string, key: (string | number)[]): { file: string; source: string } => {
    const path = inside(dir, file) ?? fail(`\`${file}\` is outside the template folder`, manifestPath, locate(key));
    try {
      return { file: path, source: readFileSync(path, 'utf8') };
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return fail(
        missing ? `\`${file}\` does not exist` : `cannot read \`${file}\`: ${(error as Error).message}`,
        manifestPath,
        locate(key),
      );
    }
  };
  const bundle: TemplateBundle = {
    name: manifest.name,
    description: manifest.description,
    dir,
    for: manifest.for ?? 'case',
    formats: {},
    partials: {},
    css: '',
  };
  let parent: TemplateBundle | undefined;
  if (manifest.extends !== undefined) {
    const parentDir = join(BUILT_IN_TEMPLATES_DIR, manifest.extends);
    if (!existsSync(join(parentDir, 'template.json')) || parentDir === dir || depth >= 4) {
      fail(
        `\`extends\` names no built-in template other than this one: \`${manifest.extends}\``,
        manifestPath,
        locate(['extends']),
        `built-in: ${builtInNames().join(', ')}`,
      );
    }
    parent = loadTemplateDir(parentDir, depth + 1);
    bundle.extends = manifest.extends;
    bundle.for = manifest.for ?? parent.for;
    bundle.formats = { ...parent.formats };
    bundle.partials = { ...parent.partials };
  }
  if (manifest.formats.md) bundle.formats.md = read(manifest.formats.md, ['formats', 'md']);
  if (manifest.formats.html) bundle.formats.html = read(manifest.formats.html, ['formats', 'html']);
  const css = manifest.css.map((file, i) => read(file, ['css', i]));
  if (manifest.reference_docx !== undefined) bundle.docxStyles = readDocxStyles(manifest.reference_docx);
  else if (parent?.docxStyles !== undefined) bundle.docxStyles = parent.docxStyles;
  const partialsDir =
    inside(dir, manifest.partials) ?? fail(`\`${manifest.partials}\` is outside the template folder`, manifestPath, locate(['partials']));
  if (existsSync(partialsDir)) {
    const byName = new Map<string, string>();
    for (const file of readdirSync(partialsDir)
      .filter((f) => f.endsWith('.hbs'))
      .sort()) {
      const name = basename(file, '.hbs');
      // A case-insensitive disk (macOS, Windows) holds only one of the two files: the template would break there.
      const clash = byName.get(name.toLowerCase());
      if (clash !== undefined) {
        fail(
          `partials \`${clash}\` and \`${name}\` differ only by case`,
          join(partialsDir, file),
          undefined,
          'macOS and Windows see one file for both names: rename one',
        );
      }
      byName.set(name.toLowerCase(), name);
      bundle.partials[name] = read(join(manifest.partials, file), ['partials']);
    }
  }
  // compileTemplate checks the references of every template source it parses; they are read here
  // too when there are assets to resolve (sparing the built-in templates, which have none, the scan).
  const own = [...Object.values(bundle.formats), ...Object.values(bundle.partials)].filter((source) => inside(dir, source.file));
  const templates = existsSync(join(dir, ASSETS_FOLDER)) ? own : [];
  const scanned: ScannedSource[] = [
    ...templates.map((source) => ({ ...source, kind: 'hbs' as const })),
    ...css.map((source) => ({ ...source, kind: 'css' as const })),
  ];
  bundle.assets = { ...parent?.assets, ...loadTemplateAssets(dir, scanned) };
  bundle.css = [...(parent ? [parent.css] : []), ...css.map(({ source }) => inlineCssAssets(source, bundle.assets ?? {}))].join('\n');
  if (!bundle.formats.md && !bundle.formats.html)
    fail(
      'the template has no main template: give `formats` (md, html) or `extends` a built-in template',
      manifestPath,
      locate(['formats']),
    );
  return bundle;
}

/** CSS with `url(assets/…)` replaced by the asset's data: URI (loadTemplateAssets checked every reference). */
function inlineCssAssets(css: string, assets: Record<string, string>): string {
  const uses = findReferences(css, 'css').flatMap((ref) => {
    const verdict = judgeReference(ref);
    const dataUri = verdict.kind === 'asset' ? assets[verdict.path] : undefined;
    return dataUri === undefined ? [] : [{ start: ref.start, end: ref.end, dataUri }];
  });
  return inlineAssetsInText(css, uses);
}

function resolveTemplateDir(nameOrDir: string): string {
  const builtIn = join(BUILT_IN_TEMPLATES_DIR, nameOrDir);
  if (/^[a-z0-9-]+$/.test(nameOrDir) && existsSync(join(builtIn, 'template.json'))) return builtIn;
  const dir = resolve(nameOrDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const names = builtInNames().join(', ');
    throw new TemplateError(`no built-in template or folder named \`${nameOrDir}\` (built-in: ${names})`, nameOrDir);
  }
  if (!existsSync(join(dir, 'template.json'))) {
    throw new TemplateError('a template folder needs a template.json manifest (try `casereport templates eject care DIR`)', dir);
  }
  return dir;
}

function builtInNames(): string[] {
  return readdirSync(BUILT_IN_TEMPLATES_DIR)
    .filter((name) => existsSync(join(BUILT_IN_TEMPLATES_DIR, name, 'template.json')))
    .sort();
}

/** A path from the manifest inside the template folder, or undefined if it leaves it. */
function inside(dir: string, file: string): string | undefined {
  const path = resolve(dir, file);
  const rel = relative(dir, path);
  if (rel.startsWith('..') || rel.startsWith(sep) || resolve(rel) === rel) return undefined;
  return path;
}
