import { describe, expect, it } from 'vitest';
import { mayUseYamlReferences } from '../../../src/core/parse.js';
import { exampleText } from '../../helpers/cases.js';

/** The rule as one regular expression: a mark at a line start or after a space, `[`, `{` or `,`, then a name. */
const RULE = /(?:^|[\s[{,])[&*!][^\s,\]}]/m;

describe('mayUseYamlReferences', () => {
  it('finds anchors, aliases and tags, and lets plain text through', () => {
    for (const text of ['base: &b\n  x: 1', 'copy: *b', '- *b', 'tag: !!str 5', '[*a, b]', '{a: *b}', '&start: 1', 'x:\r\n*b']) {
      expect(mayUseYamlReferences(text), text).toBe(true);
    }
    for (const text of ['finding: improved!', 'note: 5 * 3 = 15', 'a & b', 'ends with *', 'x: a*b', '* ', '', '!']) {
      expect(mayUseYamlReferences(text), text).toBe(false);
    }
    for (const name of ['steven-sci', 'minimal', 'sci-assessments']) expect(mayUseYamlReferences(exampleText(name)), name).toBe(false);
  });

  it('agrees with the rule written as one regular expression, on random texts', () => {
    const alphabet = ['&', '*', '!', ' ', '\n', '\r', '\t', '[', ']', '{', '}', ',', 'a', ':', '-', '\u2028'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + random(12) }, () => alphabet[random(alphabet.length)]).join('');
      expect(mayUseYamlReferences(text), JSON.stringify(text)).toBe(RULE.test(text));
    }
  });
});
