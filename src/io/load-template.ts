import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TemplateError, type TemplateBundle } from '../render/template-bundle.js';

/** The folder of built-in templates shipped with the package (next to `dist/` and `src/`). */
export const BUILT_IN_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

const manifestSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  formats: z.strictObject({ md: z.string().optional(), html: z.string().optional() }),
  css: z.array(z.string()).default([]),
  partials: z.string().default('partials'),
});

/** Names and descriptions of the built-in templates. */
export function listBuiltInTemplates(): { name: string; description: string; dir: string }[] {
  return readdirSync(BUILT_IN_TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILT_IN_TEMPLATES_DIR, entry.name, 'template.json')))
    .map((entry) => {
      const bundle = loadTemplate(entry.name);
      return { name: bundle.name, description: bundle.description, dir: bundle.dir };
    });
}

/** Reads a template by built-in name or folder path: manifest, main templates, partials and CSS. */
export function loadTemplate(nameOrDir: string): TemplateBundle {
  const dir = resolveTemplateDir(nameOrDir);
  const manifestPath = join(dir, 'template.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new TemplateError(`cannot read the template manifest: ${(error as Error).message}`, manifestPath);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TemplateError(`invalid manifest: ${first?.path.join('.') || '(root)'}: ${first?.message}`, manifestPath);
  }
  const manifest = parsed.data;
  const read = (file: string): { file: string; source: string } => {
    const path = inside(dir, file, manifestPath);
    try {
      return { file: path, source: readFileSync(path, 'utf8') };
    } catch (error) {
      throw new TemplateError(`cannot read ${file}: ${(error as Error).message}`, manifestPath);
    }
  };
  const bundle: TemplateBundle = { name: manifest.name, description: manifest.description, dir, formats: {}, partials: {}, css: '' };
  if (manifest.formats.md) bundle.formats.md = read(manifest.formats.md);
  if (manifest.formats.html) bundle.formats.html = read(manifest.formats.html);
  bundle.css = manifest.css.map((file) => read(file).source).join('\n');
  const partialsDir = inside(dir, manifest.partials, manifestPath);
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort()) {
      bundle.partials[basename(file, '.hbs')] = read(join(manifest.partials, file));
    }
  }
  return bundle;
}

function resolveTemplateDir(nameOrDir: string): string {
  const builtIn = join(BUILT_IN_TEMPLATES_DIR, nameOrDir);
  if (/^[a-z0-9-]+$/.test(nameOrDir) && existsSync(join(builtIn, 'template.json'))) return builtIn;
  const dir = resolve(nameOrDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const names = readdirSync(BUILT_IN_TEMPLATES_DIR).join(', ');
    throw new TemplateError(`no built-in template or folder named \`${nameOrDir}\` (built-in: ${names})`, nameOrDir);
  }
  if (!existsSync(join(dir, 'template.json'))) {
    throw new TemplateError('a template folder needs a template.json manifest (try `casereport templates eject care DIR`)', dir);
  }
  return dir;
}

/** A path from the manifest, refused if it leaves the template folder. */
function inside(dir: string, file: string, manifestPath: string): string {
  const path = resolve(dir, file);
  const rel = relative(dir, path);
  if (rel.startsWith('..') || rel.startsWith(sep) || resolve(rel) === rel) {
    throw new TemplateError(`\`${file}\` is outside the template folder`, manifestPath);
  }
  return path;
}
