import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { didYouMean } from '../core/hints.js';
import type { TextPosition } from '../core/text-position.js';
import { TemplateError } from '../render/template-bundle.js';
import { parseJsonLocated } from './parse-json-located.js';

const formatsSchema = z.strictObject({ md: z.string().optional(), html: z.string().optional() });

const manifestSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  /** A built-in template whose main templates, partials and CSS this one starts from. */
  extends: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'the name of a built-in template')
    .optional(),
  formats: formatsSchema.default({}),
  css: z.array(z.string()).default([]),
  partials: z.string().default('partials'),
  /** A Word document whose styles (fonts, heading styles) Word output takes, e.g. a journal's template. */
  reference_docx: z.string().optional(),
  /** What the template renders: one case (`render`), or a case series (`series`). Inherited through `extends`. */
  for: z.enum(['case', 'series']).optional(),
});

/** A template's `template.json`. */
export type TemplateManifest = z.infer<typeof manifestSchema>;

/** The manifest, and where in its text each member was written (for messages about the files it names). */
export interface ReadManifest {
  manifest: TemplateManifest;
  path: string;
  locate(path: readonly PropertyKey[]): TextPosition;
}

/** Reads and checks `template.json`; every mistake is a TemplateError at its line and column. */
export function readManifest(dir: string): ReadManifest {
  const path = join(dir, 'template.json');
  const fail = (message: string, at?: TextPosition, hint?: string): never => {
    throw new TemplateError(message, path, at?.line, at?.column, { dir, ...(hint ? { hint } : {}) });
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read the template manifest: ${(error as Error).message}`);
  }
  // JSON.parse first: it is native and fast; the locating reader runs only to explain a mistake.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const json = parseJsonLocated(text);
    if (!json.ok) return fail(`template.json is not valid JSON: ${json.message}`, json.at);
    value = json.value; // a byte order mark, which JSON.parse refuses
  }
  let located: ((path: readonly PropertyKey[]) => TextPosition) | undefined;
  const locate = (at: readonly PropertyKey[]): TextPosition => {
    located ??= (() => {
      const json = parseJsonLocated(text);
      return json.ok ? json.locate : () => ({ line: 1, column: 1 });
    })();
    return located(at);
  };
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path ?? [];
    if (issue?.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const known = Object.keys(where[0] === 'formats' ? formatsSchema.shape : manifestSchema.shape);
      return fail(
        `unknown key \`${key}\`${where.length ? ` in \`${where.join('.')}\`` : ''}`,
        locate([...where, key]),
        didYouMean(key, known) ?? `keys: ${known.join(', ')}`,
      );
    }
    return fail(`invalid manifest: ${where.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, locate(where));
  }
  return { manifest: parsed.data, path, locate };
}
