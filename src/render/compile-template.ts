import Handlebars from 'handlebars';
import type { ReportModel } from '../core/model/types.js';
import { escapeMarkdownDeep } from './escape-markdown.js';
import { TEMPLATE_HELPERS } from './helpers.js';
import { TemplateError, type TemplateBundle, type TextFormat } from './template-bundle.js';

/** Values templates reach as `@css`, `@generator` and `@format`, kept apart from the report model. */
export interface RenderExtras {
  generator: string;
}

/** A template compiled once, ready to render any number of reports. */
export interface CompiledTemplate {
  name: string;
  formats: TextFormat[];
  render(format: TextFormat, model: ReportModel, extras: RenderExtras): string;
}

/**
 * Compiles a template bundle with its own Handlebars instances (one per format: Markdown output is
 * not HTML-escaped but built from a Markdown-escaped model). Strict mode turns a misspelt field into
 * an error that names the template file and line.
 */
export function compileTemplate(bundle: TemplateBundle): CompiledTemplate {
  const compiled = new Map<TextFormat, (model: ReportModel, extras: RenderExtras) => string>();
  for (const [format, main] of Object.entries(bundle.formats) as [TextFormat, { file: string; source: string }][]) {
    const isMarkdown = format === 'md';
    const hbs = Handlebars.create();
    hbs.registerHelper(TEMPLATE_HELPERS);
    for (const [name, partial] of Object.entries(bundle.partials)) {
      hbs.registerPartial(name, compileOne(hbs, partial.source, partial.file, isMarkdown));
    }
    const template = compileOne(hbs, main.source, main.file, isMarkdown);
    compiled.set(format, (model, extras) => {
      const context = isMarkdown ? escapeMarkdownDeep(model) : model;
      return run(() => template(context, { data: { css: bundle.css, generator: extras.generator, format } }), main.file);
    });
  }
  return {
    name: bundle.name,
    formats: [...compiled.keys()],
    render(format, model, extras) {
      const fn = compiled.get(format);
      if (!fn) throw new TemplateError(`template \`${bundle.name}\` has no ${format} output`, bundle.dir);
      return fn(model, extras);
    },
  };
}

function compileOne(hbs: typeof Handlebars, source: string, file: string, noEscape: boolean): HandlebarsTemplateDelegate {
  // Handlebars compiles lazily on first use; parsing now makes syntax errors surface before any
  // case is rendered, at a fraction of the cost of compiling.
  run(() => hbs.parse(source), file);
  const template = run(() => hbs.compile(source, { strict: true, noEscape, preventIndent: true }), file);
  return (context: unknown, options?: Handlebars.RuntimeOptions) => run(() => template(context, options), file);
}

/** Runs template code, turning Handlebars' errors into a TemplateError with the file and line. */
function run<T>(fn: () => T, file: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const parse = /Parse error on line (\d+):/.exec(message);
    if (parse) throw new TemplateError(message.split('\n').slice(-1)[0] ?? message, file, Number(parse[1]));
    const strict = /^(.*) - (\d+):(\d+)$/.exec(message);
    if (strict) throw new TemplateError(strict[1] ?? message, file, Number(strict[2]), Number(strict[3]) + 1);
    throw new TemplateError(message, file);
  }
}
