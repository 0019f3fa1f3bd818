/** The output formats a template can provide text for. */
export type TextFormat = 'md' | 'html';

/** A template read from disk: its manifest and its sources, no code. */
export interface TemplateBundle {
  name: string;
  description: string;
  /** Folder it came from, for messages. */
  dir: string;
  /** Main template per format: file name (for messages) and source. */
  formats: Partial<Record<TextFormat, { file: string; source: string }>>;
  /** Partials by name (file name without `.hbs`), with file names for messages. */
  partials: Record<string, { file: string; source: string }>;
  /** CSS inlined into HTML output, in manifest order. */
  css: string;
}

/** A mistake in a template: which file, where, and what. */
export class TemplateError extends Error {
  readonly code = 'TEMPLATE_ERROR';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }

  /** `templates/care/report.md.hbs:12:4  "titel" not defined`. */
  describe(): string {
    const at = this.line !== undefined ? `:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : '';
    return `${this.file}${at}  ${this.message}`;
  }
}
