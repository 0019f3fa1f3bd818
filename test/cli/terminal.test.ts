import { describe, expect, it } from 'vitest';
import { jsonForTerminal, safeForTerminal } from '../../src/cli/terminal.js';

describe('safeForTerminal', () => {
  it('shows escape sequences instead of sending them to the terminal', () => {
    expect(safeForTerminal('\x1b]0;PWNED\x07\x1b[2J')).toBe('\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(safeForTerminal('a\x9b2Jb\x7f\x00')).toBe('a\\x9b2Jb\\x7f\\x00');
    expect(safeForTerminal('line\r\nnext\tcell')).toBe('line\\r\\nnext\\tcell');
  });

  it('shows bidi controls and line separators', () => {
    expect(safeForTerminal('\u202eRTL-override\u2066x\u2069\u200f\u061c')).toBe('\\u202eRTL-override\\u2066x\\u2069\\u200f\\u061c');
    expect(safeForTerminal('a\u2028b\u2029c\u0085')).toBe('a\\u2028b\\u2029c\\x85');
  });

  it('leaves other text as it is', () => {
    for (const text of ['', 'rounds[0].start', 'Zürich — 東京 שלום', 'C:\\cases\\x.yaml']) expect(safeForTerminal(text)).toBe(text);
  });
});

describe('jsonForTerminal', () => {
  it('writes the same JSON, with no character a terminal acts on', () => {
    const value = { text: '\x1b]0;PWNED\x07 \x9b2J \u202e \u2028 \x7f', list: [1, 'ok'] };
    const json = jsonForTerminal(value);
    expect(JSON.parse(json)).toEqual(value);
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(json.replaceAll('\n', '')).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e\u2028]/);
  });
});
