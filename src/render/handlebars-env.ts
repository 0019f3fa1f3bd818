import type FullHandlebars from 'handlebars';
import RuntimeModule from 'handlebars/runtime.js';
import { loadOnFirstUse } from '../core/load-on-first-use.js';
import { escapeMarkdownText } from './escape-markdown.js';
import { TEMPLATE_HELPERS } from './helpers.js';
import type { TextFormat } from './template-bundle.js';

type Handlebars = typeof FullHandlebars;
/** A compiled template as Handlebars' precompiler writes it. */
export type TemplateSpec = object;
/** A parsed template. */
export type TemplateTree = ReturnType<Handlebars['parseWithoutProcessing']>;

/**
 * Handlebars' runtime: all that rendering a compiled template needs. The compiler (parser and code
 * generator, three times the code) is loaded only when a template was not compiled at build time.
 */
export const Runtime = RuntimeModule as unknown as Handlebars;

/** The whole of Handlebars, compiler included, loaded the first time a template must be compiled. */
const fullHandlebars = loadOnFirstUse<Handlebars>('handlebars');

/**
 * Where Markdown templates find the function that escapes `{{value}}` (see markdownCompiler): in the
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

type CompileOptions = Parameters<Handlebars['compile']>[1] & object;

/**
 * A Handlebars runtime for one output format, with casereport's helpers and, for Markdown, the
 * function that escapes `{{value}}` for Markdown (see markdownCompiler).
 */
export function createHandlebars(format: TextFormat): Handlebars {
  const hbs = Runtime.create();
  hbs.registerHelper(TEMPLATE_HELPERS);
  if (format === 'md') (hbs.helpers as Record<string, unknown>)[MARKDOWN] = { escape: markdownText };
  return hbs;
}

/** Parses a template source (a syntax error is thrown with its line). */
export function parseTemplate(source: string): TemplateTree {
  return fullHandlebars().parseWithoutProcessing(source);
}

/**
 * Compiles a template source or tree for one format into the code of a template spec: what the
 * build writes into the precompiled file, and what `specFromCode` turns into a spec at run time.
 */
export function precompileSource(format: TextFormat, input: string | TemplateTree): string {
  return compilerFor(format).precompile(input, compileOptions()) as unknown as string;
}

/** The spec whose code `precompileSource` wrote. */
export function specFromCode(code: string): TemplateSpec {
  // The same evaluation of generated code that Handlebars' own `compile` does.
  return new Function(`return ${code};`)() as TemplateSpec;
}

const compilers = new Map<TextFormat, Handlebars>();
/** A Handlebars instance that compiles for one format: Markdown's escapes `{{value}}` for Markdown. */
function compilerFor(format: TextFormat): Handlebars {
  let hbs = compilers.get(format);
  if (!hbs) {
    hbs = fullHandlebars().create();
    if (format === 'md') (hbs as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = markdownCompiler(hbs);
    compilers.set(format, hbs);
  }
  return hbs;
}

/** What `{{value}}` prints in Markdown: the value as text that Markdown shows as written. */
function markdownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Runtime.SafeString) return value.toString();
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

function markdownCompiler(hbs: Handlebars): unknown {
  const Base = (hbs as unknown as { JavaScriptCompiler: new () => CodeGenerator }).JavaScriptCompiler;
  class MarkdownCompiler extends Base {
    appendEscaped(): void {
      this.pushSource(this.appendToBuffer([this.aliasable(`helpers.${MARKDOWN}.escape`), '(', this.popStack(), ')']));
    }
  }
  // Nested blocks are compiled by `new this.compiler()`: they must use the Markdown generator too.
  (MarkdownCompiler.prototype as unknown as { compiler: unknown }).compiler = MarkdownCompiler;
  return MarkdownCompiler;
}
