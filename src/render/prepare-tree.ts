import { findTreeProblem } from './check-template-tree.js';
import type { TemplateTree } from './handlebars-env.js';
import { TemplateError } from './template-bundle.js';
import type { Source, TemplateContext } from './template-diagnostics.js';

/**
 * Checks a parsed template before it is compiled: unknown helpers and partials are TemplateErrors
 * at their line. `partials` lists every partial the template can call, inline ones included.
 */
export function prepareTree(tree: TemplateTree, source: Source, context: TemplateContext): void {
  const problem = findTreeProblem(tree, context.partials);
  if (problem) throw new TemplateError(problem.message, source.file, problem.line, problem.column, { dir: context.dir, hint: problem.hint });
}
