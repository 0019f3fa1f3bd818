import { isAbsolute, relative, sep } from 'node:path';

/** The output formats a template can provide text for. */
export type TextFormat = 'md' | 'html';

/** A template read from disk: its manifest and its sources, no code. */
export interface TemplateBundle {
  name: string;
  description: string;
  /** Folder it came from, for messages. */
  dir: string;
  /** The built-in template it extends (its manifest's `extends`). */
  extends?: string;
  /** What it renders: one case's report, or a case series' (`template.json`'s `for`). */
  for?: 'case' | 'series';
  /** The `word/styles.xml` of the manifest's `reference_docx`: Word output takes its styles. */
  docxStyles?: string;
  /** Main template per format: file name (for messages) and source. */
  formats: Partial<Record<TextFormat, { file: string; source: string }>>;
  /** Partials by name (file name without `.hbs`), with file names for messages. */
  partials: Record<string, { file: string; source: string }>;
  /** CSS inlined into HTML output, in manifest order, its asset references already inlined. */
  css: string;
  /**
   * The images in the template's `assets/` folder that its templates refer to, as data: URIs by
   * path as written (`assets/logo.png`); compiling puts them in place of the references.
   */
  assets?: Record<string, string>;
}

/** What a TemplateError may add to its message and place. */
export interface TemplateErrorDetails {
  /** How to fix it: "did you mean `title`?", or the names that exist. */
  hint?: string;
  /** The template folder: messages name files relative to it (`partials/x.hbs:3:1`). */
  dir?: string;
}

/** A mistake in a template: which file, where, and what. */
export class TemplateError extends Error {
  readonly code = 'TEMPLATE_ERROR';
  readonly hint?: string;
  readonly dir?: string;
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
    details: TemplateErrorDetails = {},
  ) {
    super(message);
    this.name = 'TemplateError';
    if (details.hint !== undefined) this.hint = details.hint;
    if (details.dir !== undefined) this.dir = details.dir;
  }

  /** `report.html.hbs:20:7`: the file relative to the template folder, with line and column. */
  location(): string {
    const rel = this.dir === undefined ? '' : relative(this.dir, this.file);
    const file = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? this.file : rel.split(sep).join('/');
    return `${file}${this.line !== undefined ? `:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : ''}`;
  }

  /** "unknown field `titel` (report.html.hbs:20:7); did you mean `title`?" */
  describe(): string {
    return `${this.message} (${this.location()})${this.hint ? `; ${this.hint}` : ''}`;
  }
}
