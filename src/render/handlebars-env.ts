import Handlebars from 'handlebars';
import { escapeMarkdownText } from './escape-markdown.js';
import { TEMPLATE_HELPERS } from './helpers.js';
import type { TextFormat } from './template-bundle.js';

/**
 * Where Markdown templates find the function that escapes `{{value}}` (see MarkdownCompiler): in the
 * helpers, as an object, because Handlebars wraps every helper function for helper calls.
 */
const MARKDOWN = '__markdown';

/**
 * How every template is compiled. Strict: a misspelt field is an error naming the file and line.
 * Known helpers only: templates may use the helpers casereport provides and no others, which also
 * lets Handlebars call them directly instead of looking each name up at render time.
 */
export function compileOptions(): CompileOptions {
  // A new object each time: Handlebars writes into the options it is given.
  return {
    strict: true,
    preventIndent: true,
    knownHelpers: Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((name) => [name, true])),
    knownHelpersOnly: true,
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1] & object;

/**
 * A Handlebars instance for one output format, with casereport's helpers and escaping: HTML's for
 * HTML, Markdown's for Markdown (see MarkdownCompiler).
 */
export function createHandlebars(format: TextFormat): typeof Handlebars {
  const hbs = Handlebars.create();
  hbs.registerHelper(TEMPLATE_HELPERS);
  if (format === 'md') {
    (hbs.helpers as Record<string, unknown>)[MARKDOWN] = { escape: markdownText };
    (hbs as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = MarkdownCompiler;
  }
  return hbs;
}

/** What `{{value}}` prints in Markdown: the value as text that Markdown shows as written. */
function markdownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Handlebars.SafeString) return value.toString();
  return escapeMarkdownText(typeof value === 'string' ? value : String(value));
}

// Handlebars' code generator, whose one documented way to change is a subclass. Markdown templates
// get a generator that escapes `{{value}}` for Markdown instead of for HTML; `{{{value}}}` stays raw.
interface CodeGenerator {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}
const BaseCompiler = (Handlebars as unknown as { JavaScriptCompiler: new () => CodeGenerator }).JavaScriptCompiler;

class MarkdownCompiler extends BaseCompiler {
  appendEscaped(): void {
    this.pushSource(this.appendToBuffer([this.aliasable(`helpers.${MARKDOWN}.escape`), '(', this.popStack(), ')']));
  }
}
// Nested blocks are compiled by `new this.compiler()`: they must use the Markdown generator too.
(MarkdownCompiler.prototype as unknown as { compiler: unknown }).compiler = MarkdownCompiler;
