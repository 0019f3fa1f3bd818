import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileOptions, Runtime, type TemplateSpec } from './handlebars-env.js';
import type { TextFormat } from './template-bundle.js';

/**
 * Templates compiled ahead of time. Compiling a template (Handlebars' parser and code generator)
 * costs more than a hundred renders, and every process and render thread would pay it at start;
 * `npm run build` compiles the built-in templates once into this file instead. Entries are found by
 * a hash of everything the compiled code depends on, so an edited or unknown template simply
 * misses and is compiled as before.
 */
export const PRECOMPILED_FILE = new URL('./precompiled-templates.cjs', import.meta.url);

/** The key of one template source compiled for one format. */
const COMPILER = `${Runtime.VERSION}\0${JSON.stringify(compileOptions())}`;

export function precompiledKey(format: TextFormat, source: string): string {
  return createHash('sha256').update(`${COMPILER}\0${format}\0${source}`).digest('base64url');
}

let loaded: Map<string, TemplateSpec> | undefined;

/** The templates compiled at build time (none when running from the TypeScript sources). */
export function precompiledTemplates(): Map<string, TemplateSpec> {
  if (!loaded) {
    loaded = new Map();
    if (existsSync(PRECOMPILED_FILE)) {
      const specs = createRequire(import.meta.url)(fileURLToPath(PRECOMPILED_FILE)) as Record<string, TemplateSpec>;
      for (const [key, spec] of Object.entries(specs)) loaded.set(key, spec);
    }
  }
  return loaded;
}
