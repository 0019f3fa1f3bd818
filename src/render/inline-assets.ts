import { lineStarts, offsetAt } from '../core/text-position.js';
import type { TemplateTree } from './handlebars-env.js';

/** Where an asset is referred to in a source (offsets of the URL as written) and what replaces it. */
export interface AssetUse {
  start: number;
  end: number;
  dataUri: string;
}

/** A text (a CSS file: not a template) with each asset reference replaced by its data: URI. */
export function inlineAssetsInText(text: string, uses: readonly AssetUse[]): string {
  let out = text;
  for (const use of [...uses].sort((a, b) => b.start - a.start)) out = out.slice(0, use.start) + use.dataUri + out.slice(use.end);
  return out;
}

interface Content {
  type: 'ContentStatement';
  value: string;
  original: string;
  loc: { start: { line: number; column: number } };
}

/**
 * Replaces asset references inside the text parts of a parsed template, which is what gets
 * compiled. Rewriting the tree rather than the source keeps every other node's line and column as
 * written, so errors still point at the template file as its author sees it. References are
 * never inside `{{…}}`, so each lies within one text part. Returns the uses it could not place
 * (none, unless the parser changed a text part, as it does for `\{{`).
 */
export function inlineAssetsInTree(tree: TemplateTree, source: string, uses: readonly AssetUse[]): AssetUse[] {
  if (uses.length === 0) return [];
  const starts = lineStarts(source);
  const placed = new Set<AssetUse>();
  const contents: Content[] = [];
  collectContents(tree, contents);
  for (const node of contents) {
    const start = offsetAt(starts, node.loc.start.line, node.loc.start.column);
    const end = start + node.original.length;
    const inside = uses.filter((use) => use.start >= start && use.end <= end);
    // Parsing keeps a text part as written (whitespace control applies when compiling), so offsets match.
    if (inside.length === 0 || source.slice(start, end) !== node.original) continue;
    node.original = inlineAssetsInText(
      node.original,
      inside.map((use) => ({ ...use, start: use.start - start, end: use.end - start })),
    );
    node.value = node.original;
    for (const use of inside) placed.add(use);
  }
  return uses.filter((use) => !placed.has(use));
}

function collectContents(node: unknown, out: Content[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectContents(child, out);
  } else if (node !== null && typeof node === 'object') {
    if ((node as { type?: unknown }).type === 'ContentStatement') out.push(node as Content);
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') collectContents(child, out);
  }
}
