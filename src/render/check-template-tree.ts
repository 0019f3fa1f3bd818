import { didYouMean } from '../core/hints.js';
import type { TemplateTree } from './handlebars-env.js';
import { TEMPLATE_HELPERS } from './helpers.js';

/** The helpers a template may call: casereport's and Handlebars' built-in block helpers. */
export const KNOWN_HELPERS: readonly string[] = [...Object.keys(TEMPLATE_HELPERS), 'if', 'unless', 'each', 'with', 'lookup', 'log'];

/** A mistake found by reading a template without running it; lines from 1, columns from 1. */
export interface TreeProblem {
  message: string;
  hint: string;
  line: number;
  column: number;
}

interface Node {
  type?: string;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}
interface PathNode extends Node {
  original?: unknown;
  parts?: string[];
  data?: boolean;
  value?: unknown;
}

/** Names of the inline partials (`{{#*inline "name"}}`) a template defines. */
export function inlinePartialNames(tree: TemplateTree): string[] {
  const names: string[] = [];
  visit(tree as unknown as Node, (node) => {
    const path = node.path as PathNode | undefined;
    const first = (node.params as PathNode[] | undefined)?.[0];
    if (node.type === 'DecoratorBlock' && path?.original === 'inline' && typeof first?.value === 'string') names.push(first.value);
  });
  return names;
}

/**
 * The first call of a helper casereport does not provide, or of a partial the template does not
 * have, in reading order. Handlebars would find the first when compiling (naming no alternatives)
 * and the second only when a report reaches it; a partial named by an expression, or a partial block
 * (`{{#> name}}`, which falls back to its own content), is not checked.
 */
export function findTreeProblem(tree: TemplateTree, partials: readonly string[]): TreeProblem | undefined {
  const blockParams = new Set<string>();
  visit(tree as unknown as Node, (node) => {
    for (const name of (node.program as { blockParams?: string[] } | undefined)?.blockParams ?? []) blockParams.add(name);
  });
  let problem: TreeProblem | undefined;
  visit(tree as unknown as Node, (node) => {
    if (problem) return;
    const at = { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
    if (isHelperCall(node)) {
      const path = node.path as PathNode;
      const name = path.parts?.[0] ?? String(path.original);
      if (path.type === 'PathExpression' && !KNOWN_HELPERS.includes(name) && !blockParams.has(name)) {
        const close = didYouMean(String(path.original), KNOWN_HELPERS);
        problem = {
          message: `unknown helper \`${String(path.original)}\``,
          hint: `${close ? `${close} ` : ''}helpers: ${KNOWN_HELPERS.join(', ')}`,
          ...at,
        };
      }
    }
    if (node.type === 'PartialStatement') {
      const name = partialName(node.name as PathNode);
      if (name !== undefined && !name.startsWith('@') && !partials.includes(name)) {
        const close = didYouMean(name, partials);
        const known = partials.length ? `partials: ${partials.join(', ')}` : 'the template has no partials';
        problem = { message: `unknown partial \`${name}\``, hint: `${close ? `${close} ` : ''}${known}`, ...at };
      }
    }
  });
  return problem;
}

/** As Handlebars decides: a sub-expression, or a mustache or block with parameters or a hash. */
function isHelperCall(node: Node): boolean {
  if (node.type === 'SubExpression') return true;
  if (node.type !== 'MustacheStatement' && node.type !== 'BlockStatement') return false;
  return ((node.params as unknown[] | undefined)?.length ?? 0) > 0 || node.hash !== undefined;
}

function partialName(name: PathNode): string | undefined {
  if (name.type === 'PathExpression') return String(name.original);
  if (name.type === 'StringLiteral' || name.type === 'NumberLiteral') return String(name.value);
  return undefined;
}

/** Calls `fn` on every node of a tree, in source order. */
function visit(node: unknown, fn: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, fn);
  } else if (node !== null && typeof node === 'object') {
    if (typeof (node as Node).type === 'string') fn(node as Node);
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child, fn);
  }
}
