import type FullHandlebars from 'handlebars';
import RuntimeModule from 'handlebars/runtime.js';
import { loadOnFirstUse } from '../core/load-on-first-use.js';
import { escapeMarkdownText } from './escape-markdown.js';
import { TEMPLATE_HELPERS } from './helpers.js';
import { locationKey, plainTextLocations } from './html-context.js';
import { hasBidi, isolateBidi, withoutBidiControls } from './isolate-bidi.js';
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
 * Where templates find the functions that escape `{{value}}` for their format, `text` and, where
 * HTML markup is not read, `plain` (see escapingCompiler): in the helpers, as an object, because
 * Handlebars wraps every helper function for helper calls.
 */
const ESCAPE = '__escape';

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
 * A Handlebars runtime for one output format, with casereport's helpers and the functions that
 * escape `{{value}}` for that format (see escapingCompiler).
 */
export function createHandlebars(format: TextFormat): Handlebars {
  const hbs = Runtime.create();
  hbs.registerHelper(TEMPLATE_HELPERS);
  const escape = format === 'md' ? { text: markdownText, plain: markdownText } : { text: htmlText, plain: htmlPlainText };
  (hbs.helpers as Record<string, unknown>)[ESCAPE] = escape;
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
  const tree = typeof input === 'string' ? parseTemplate(input) : input;
  plainLocations = format === 'html' ? plainTextLocations(tree) : new Set();
  try {
    return escapingHandlebars().precompile(tree, compileOptions()) as unknown as string;
  } finally {
    plainLocations = new Set();
  }
}

/** While a template is compiled: where its `{{value}}`s stand outside HTML markup (see html-context). */
let plainLocations = new Set<string>();

/** The spec whose code `precompileSource` wrote. */
export function specFromCode(code: string): TemplateSpec {
  // The same evaluation of generated code that Handlebars' own `compile` does.
  return new Function(`return ${code};`)() as TemplateSpec;
}

let compiler: Handlebars | undefined;
/**
 * The Handlebars instance that compiles templates: its code calls the escape functions that
 * createHandlebars gives each format, so one compiler serves both.
 */
function escapingHandlebars(): Handlebars {
  if (!compiler) {
    compiler = fullHandlebars().create();
    (compiler as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = escapingCompiler(compiler);
  }
  return compiler;
}

/** What `{{value}}` prints in Markdown: the value as text that Markdown shows as written. */
function markdownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Runtime.SafeString) return value.toString();
  return escapeMarkdownText(typeof value === 'string' ? value : String(value));
}

/** What `{{value}}` prints in HTML text: Handlebars' escaping, bidi text in <bdi dir="ltr"> (see isolateBidi). */
function htmlText(value: unknown): string {
  const text = textOf(value);
  if (text === undefined) return Runtime.escapeExpression(value as string);
  return hasBidi(text) ? `<bdi dir="ltr">${Runtime.escapeExpression(withoutBidiControls(text))}</bdi>` : Runtime.escapeExpression(text);
}

/** What `{{value}}` prints in an attribute or a title, where a tag is not read: bidi text between LRI and PDI. */
function htmlPlainText(value: unknown): string {
  const text = textOf(value);
  return Runtime.escapeExpression(text === undefined ? (value as string) : isolateBidi(text));
}

/** A value as text; undefined for those Handlebars prints its own way (SafeStrings, null, undefined, false, 0). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return value === null || value === undefined || !value || value instanceof Runtime.SafeString ? undefined : String(value);
}

// Handlebars' code generator, whose one documented way to change is a subclass. Templates get a
// generator whose `{{value}}` calls the escape functions of their format (see createHandlebars)
// instead of Handlebars' own HTML escaping: `plain` where HTML markup is not read, `text`
// elsewhere. `{{{value}}}` stays raw.
interface CodeGenerator {
  source: { currentLocation?: unknown };
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

function escapingCompiler(hbs: Handlebars): unknown {
  const Base = (hbs as unknown as { JavaScriptCompiler: new () => CodeGenerator }).JavaScriptCompiler;
  class EscapingCompiler extends Base {
    appendEscaped(): void {
      const escape = plainLocations.has(locationKey(this.source.currentLocation)) ? 'plain' : 'text';
      this.pushSource(this.appendToBuffer([this.aliasable(`helpers.${ESCAPE}.${escape}`), '(', this.popStack(), ')']));
    }
  }
  // Nested blocks are compiled by `new this.compiler()`: they must use this generator too.
  (EscapingCompiler.prototype as unknown as { compiler: unknown }).compiler = EscapingCompiler;
  return EscapingCompiler;
}
