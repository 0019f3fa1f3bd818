import { lineStarts, positionAt, type TextPosition } from '../core/text-position.js';

/** A block's opening or closing tag: `{{#if x}}` is `#if`, `{{/if}}` is `/if`. */
export interface BlockTag extends TextPosition {
  /** As it opens (`{{#if}}`, `{{#> layout}}`, `{{^items}}`) or closes (`{{/if}}`). */
  text: string;
  name: string;
}

/** The first block that is closed by the wrong tag, or never closed. */
export type BlockProblem = { kind: 'unclosed'; open: BlockTag } | { kind: 'mismatch'; open?: BlockTag; close: BlockTag };

/**
 * Pairs the block tags of a template to find what Handlebars' parser reports only at the end of the
 * file ("got 'EOF'"): which block was never closed, and where it opened. Comments and raw blocks are
 * skipped; `{{else}}` and `{{^}}` do not open anything.
 */
export function findBlockProblem(source: string): BlockProblem | undefined {
  const starts = lineStarts(source);
  const stack: BlockTag[] = [];
  const tags =
    /\\\{\{|\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}|\{\{\{\{([^\s}]+)[\s\S]*?\{\{\{\{\/\1\}\}\}\}|\{\{~?\s*([#^/])\s*([*>]?)\s*("[^"]*"|'[^']*'|[^\s}~()]+)?/g;
  for (const m of source.matchAll(tags)) {
    const [, , sigil, kind = '', rawName] = m;
    if (sigil === undefined || (sigil === '^' && rawName === undefined)) continue;
    const name = (rawName ?? '').replace(/^["']|["']$/g, '');
    const tag: BlockTag = {
      ...positionAt(starts, m.index),
      name,
      text: sigil === '/' ? `{{/${name}}}` : `{{${sigil}${kind ? `${kind} ` : ''}${name}}}`,
    };
    if (sigil !== '/') stack.push(tag);
    else {
      const open = stack.pop();
      if (open?.name !== name) return open ? { kind: 'mismatch', open, close: tag } : { kind: 'mismatch', close: tag };
    }
  }
  const open = stack.pop();
  return open ? { kind: 'unclosed', open } : undefined;
}
