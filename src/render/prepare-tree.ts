import { didYouMean } from '../core/hints.js';
import { findTreeProblem } from './check-template-tree.js';
import type { TemplateTree } from './handlebars-env.js';
import { inlineAssetsInTree, type AssetUse } from './inline-assets.js';
import { ASSETS_FOLDER, judgeReference } from './judge-reference.js';
import { TemplateError } from './template-bundle.js';
import type { Source, TemplateContext } from './template-diagnostics.js';
import { findReferences } from './template-references.js';

/**
 * Checks a parsed template before it is compiled, and inlines its assets: unknown helpers and
 * partials, and URLs it may not load, are TemplateErrors at their line; references to the
 * template's assets become the data: URIs in `assets` (which loadTemplate read from its folder).
 * `partials` lists every partial the template can call, inline ones included.
 */
export function prepareTree(tree: TemplateTree, source: Source, context: TemplateContext, assets: Readonly<Record<string, string>>): void {
  const fail = (message: string, at: { line?: number; column?: number }, hint?: string): never => {
    throw new TemplateError(message, source.file, at.line, at.column, { dir: context.dir, ...(hint ? { hint } : {}) });
  };
  const problem = findTreeProblem(tree, context.partials);
  if (problem) fail(problem.message, problem, problem.hint);
  const uses: AssetUse[] = [];
  for (const ref of findReferences(source.source, 'hbs')) {
    const verdict = judgeReference(ref);
    if (verdict.kind === 'refused') fail(verdict.message, ref, verdict.hint);
    if (verdict.kind !== 'asset') continue;
    const dataUri = Object.hasOwn(assets, verdict.path) ? assets[verdict.path] : undefined;
    if (dataUri === undefined) {
      const known = Object.keys(assets);
      return fail(
        `asset \`${ref.url}\` not found`,
        ref,
        known.length ? (didYouMean(ref.url, known) ?? `assets: ${known.join(', ')}`) : `the template has no files in ${ASSETS_FOLDER}/`,
      );
    }
    uses.push({ start: ref.start, end: ref.end, dataUri });
  }
  const unplaced = inlineAssetsInTree(tree, source.source, uses)[0];
  if (unplaced) {
    const ref = findReferences(source.source, 'hbs').find((r) => r.start === unplaced.start);
    fail('cannot inline this asset reference here', ref ?? {}, 'write it as a plain attribute value, e.g. src="assets/logo.png"');
  }
}
