import { describe, expect, it } from 'vitest';
import { formatCitationNumbers, parseInline, parseProse } from '../../src/core/prose.js';

const words = (runs: ReturnType<typeof parseInline>) => runs.map((r) => [r.kind, r.text, r.space_after, r.keys]);

describe('the author prose subset of Markdown', () => {
  it('reads paragraphs (blank lines between them), bullet and numbered lists, and joins wrapped lines', () => {
    const blocks = parseProse('First line\nwraps here.\n\n- one\n- two\n  goes on\n\n1. a\n2) b\n\nLast.');
    expect(blocks.map((b) => [b.kind, b.ordered])).toEqual([
      ['paragraph', false],
      ['list', false],
      ['list', true],
      ['paragraph', false],
    ]);
    expect(blocks[0]?.runs.map((r) => r.text)).toEqual(['First line wraps here.']);
    expect(blocks[1]?.items.map((item) => item.map((r) => r.text).join(' '))).toEqual(['one', 'two goes on']);
  });

  it('reads emphasis, strong emphasis and citations, keeping the spaces between them', () => {
    expect(words(parseInline('A *short* and **bold** claim [@b] then [@a; @c].'))).toEqual([
      ['text', 'A', true, []],
      ['em', 'short', true, []],
      ['text', 'and', true, []],
      ['strong', 'bold', true, []],
      ['text', 'claim', true, []],
      ['cite', '', true, ['b']],
      ['text', 'then', true, []],
      ['cite', '', false, ['a', 'c']],
      ['text', '.', false, []],
    ]);
  });

  it('keeps everything else as text: raw HTML, links, underscores inside words, a lone asterisk', () => {
    const text = 'a <b>tag</b> [link](http://x) snake_case_name 2 * 3 [not @a cite]';
    expect(parseInline(text).map((r) => [r.kind, r.text])).toEqual([['text', text]]);
  });
});

describe('citation numbers', () => {
  it('prints runs of three or more as ranges, Vancouver style', () => {
    expect(formatCitationNumbers([3, 1, 2, 5])).toBe('1\u20133, 5');
    expect(formatCitationNumbers([2, 1])).toBe('1, 2');
    expect(formatCitationNumbers([4, 4])).toBe('4');
  });
});
