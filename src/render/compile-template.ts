import type { RuntimeOptions } from 'handlebars';
import type { ReportModel } from '../core/model/types.js';
import { inlinePartialNames } from './check-template-tree.js';
import { judgeReference } from './judge-reference.js';
import { createHandlebars, parseTemplate, precompileSource, specFromCode, type TemplateSpec, type TemplateTree } from './handlebars-env.js';
import { precompiledKey, precompiledTemplates, type PrecompiledSpecs } from './precompiled.js';
import { prepareTree } from './prepare-tree.js';
import { withFieldErrors } from './strict-lookup.js';
import { TemplateError, type TemplateBundle, type TextFormat } from './template-bundle.js';
import { toTemplateError, type Source, type TemplateContext } from './template-diagnostics.js';
import { findReferences } from './template-references.js';
import { translator, type Translator } from '../text/translator.js';

/** Values templates reach as `@css`, `@generator` and `@format`, kept apart from the report model. */
export interface RenderExtras {
  generator: string;
  /** The catalog's wording (English where not given). */
  translator?: Translator;
}

/** A template compiled once, ready to render any number of reports. */
export interface CompiledTemplate {
  name: string;
  formats: TextFormat[];
  render(format: TextFormat, model: ReportModel, extras: RenderExtras): string;
}

type Delegate = (context: unknown, options?: RuntimeOptions) => string;

/**
 * Compiles a template bundle with its own Handlebars instances, one per format (Markdown output is
 * escaped for Markdown, HTML output for HTML). Strict mode turns a misspelt field into an error that
 * names the template file and line, and the fields that exist there.
 *
 * Sources compiled at build time (the built-in templates) come from `precompiled`. Any other source
 * is parsed and checked now (syntax, helpers, partials, the URLs it loads), so that a mistake
 * surfaces before any case is rendered, and compiled for a format the first time that format uses
 * it (Markdown never compiles the HTML partials).
 */
export function compileTemplate(bundle: TemplateBundle, precompiled: PrecompiledSpecs = precompiledTemplates()): CompiledTemplate {
  const context: TemplateContext = { dir: bundle.dir, partials: Object.keys(bundle.partials) };
  const run = <T>(fn: () => T, source: Source): T => attempt(fn, source, context);
  const formats = Object.entries(bundle.formats) as [TextFormat, Source][];
  // The keys of the precompiled specs of each source (a spec itself is loaded when first used).
  const specs = new Map<Source, Partial<Record<TextFormat, string>>>();
  const trees = new Map<Source, TemplateTree>();
  const parse = (source: Source): TemplateTree => run(() => parseTemplate(source.source), source);
  for (const source of [...formats.map(([, main]) => main), ...Object.values(bundle.partials)]) {
    const found: Partial<Record<TextFormat, string>> = {};
    for (const [format] of formats) {
      const key = precompiledKey(format, source.source);
      if (precompiled.has(key)) found[format] = key;
    }
    specs.set(source, found);
    // A source the build compiled for some format is known to parse, and passed the checks.
    if (Object.keys(found).length === 0) trees.set(source, parse(source));
  }
  // Inline partials (`{{#*inline "name"}}`) can be called like the template's own.
  const inline = [...trees.values()].flatMap(inlinePartialNames);
  const checked: TemplateContext = { ...context, partials: [...context.partials, ...inline] };
  const prepare = (tree: TemplateTree, source: Source): TemplateTree => {
    prepareTree(tree, source, checked, bundle.assets ?? {});
    return tree;
  };
  for (const [source, tree] of trees) prepare(tree, source);
  const compiled = new Map<TextFormat, Delegate>();
  for (const [format, main] of formats) {
    const hbs = createHandlebars(format);
    const load = (source: Source): Delegate =>
      onFirstUse(source, context, () => {
        const key = specs.get(source)?.[format];
        const spec = key === undefined ? undefined : precompiled.get(key);
        // Each format compiles its own copy of the tree: compiling changes it (whitespace control).
        const compile = (tree: TemplateTree): TemplateSpec => specFromCode(precompileSource(format, structuredClone(tree)));
        return hbs.template(withFieldErrors(spec ?? compile(trees.get(source) ?? prepare(parse(source), source))));
      });
    for (const [name, partial] of Object.entries(bundle.partials)) hbs.registerPartial(name, load(partial));
    compiled.set(format, load(main));
  }
  return {
    name: bundle.name,
    formats: [...compiled.keys()],
    render(format, model, extras) {
      const template = compiled.get(format);
      if (!template) throw new TemplateError(`template \`${bundle.name}\` has no ${format} output`, bundle.dir);
      // The catalog's messages name a round as the case does (`report.round_term`), as the model's do
      // (a model made by hand, through the API, may have no input).
      const term = (model as Partial<ReportModel>).input?.report?.round_term;
      const messages = (extras.translator ?? translator()).withRoundTerm(term);
      return template(model, { data: { css: bundle.css, generator: extras.generator, format, translator: messages } });
    },
  };
}

/**
 * Compiles the sources of a bundle as the build does for the built-in templates: each format's main
 * template and the partials it can reach (all of them if it names a partial by an expression).
 */
export function precompileBundle(bundle: TemplateBundle): Map<string, string> {
  const specs = new Map<string, string>();
  const context: TemplateContext = { dir: bundle.dir, partials: Object.keys(bundle.partials) };
  for (const [format, main] of Object.entries(bundle.formats) as [TextFormat, Source][]) {
    for (const source of [main, ...reachablePartials(main, bundle.partials)]) {
      // A spec is found by its source alone: one that inlines assets would keep today's images.
      if (usesAssets(source)) continue;
      specs.set(
        precompiledKey(format, source.source),
        attempt(() => precompileSource(format, source.source), source, context),
      );
    }
  }
  return specs;
}

function usesAssets(source: Source): boolean {
  return findReferences(source.source, 'hbs').some((ref) => judgeReference(ref).kind === 'asset');
}

/** The partials a template uses, directly or through other partials. */
function reachablePartials(main: Source, partials: Record<string, Source>): Source[] {
  const found = new Set<string>();
  const visit = (source: Source): boolean => {
    for (const name of partialNames(parseTemplate(source.source))) {
      if (name === undefined) return false;
      const partial = partials[name];
      if (partial && !found.has(name)) {
        found.add(name);
        if (!visit(partial)) return false;
      }
    }
    return true;
  };
  return visit(main) ? [...found].map((name) => partials[name] as Source) : Object.values(partials);
}

/** Names of the partials a tree calls; undefined for one named by an expression. */
function partialNames(node: unknown, names: (string | undefined)[] = []): (string | undefined)[] {
  if (Array.isArray(node)) node.forEach((child) => partialNames(child, names));
  else if (node !== null && typeof node === 'object') {
    const { type, name } = node as { type?: string; name?: { type: string; original?: unknown; value?: unknown } };
    if ((type === 'PartialStatement' || type === 'PartialBlockStatement') && name) {
      names.push(name.type === 'PathExpression' ? String(name.original) : name.type.endsWith('Literal') ? String(name.value) : undefined);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') partialNames(child, names);
  }
  return names;
}

/** A template function made the first time it is called; its errors name its file. */
function onFirstUse(source: Source, context: TemplateContext, make: () => HandlebarsTemplateDelegate): Delegate {
  let template: HandlebarsTemplateDelegate | undefined;
  return (data, options) => attempt(() => (template ??= make())(data, options), source, context);
}

/** Runs template code, turning what Handlebars throws into a TemplateError at the source's line. */
function attempt<T>(fn: () => T, source: Source, context: TemplateContext): T {
  try {
    return fn();
  } catch (error) {
    throw toTemplateError(error, source, context);
  }
}
