import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseMessage, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { ENGLISH, ROUND_TERM_ARGUMENTS, translator } from '../../src/text/translator.js';
import { ROOT } from '../helpers/cases.js';

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

/** The arguments a message takes (a plural's `#` is its own argument). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if ('value' in element && typeof element.value === 'string') found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
  }
  return found;
}

interface Call {
  file: string;
  line: number;
  key: string;
  hash: string[];
}

/** Every `{{t "key" name=value}}` and `(t "key" …)` of the built-in templates. */
function templateCalls(): Call[] {
  const calls: Call[] = [];
  for (const file of filesUnder(join(ROOT, 'templates'), '.hbs')) {
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      const n = node as {
        type?: string;
        path?: { original?: unknown };
        params?: { type: string; value?: unknown }[];
        hash?: { pairs: { key: string }[] };
        loc?: { start: { line: number } };
      };
      if ((n.type === 'MustacheStatement' || n.type === 'SubExpression') && n.path?.original === 't') {
        const first = n.params?.[0];
        calls.push({
          file: relative(ROOT, file),
          line: n.loc?.start.line ?? 0,
          key: first?.type === 'StringLiteral' ? String(first.value) : '(not a literal)',
          hash: (n.hash?.pairs ?? []).map((p) => p.key).sort(),
        });
      }
      for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child);
    };
    visit(Handlebars.parseWithoutProcessing(readFileSync(file, 'utf8')));
  }
  return calls;
}

/** Keys the source names in calls of `t(…)` (the text layer). */
function sourceKeys(): string[] {
  return filesUnder(join(ROOT, 'src'), '.ts').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z0-9_.]+)'/g)].map((m) => m[1] ?? ''),
  );
}

const messages = ENGLISH.messages;
/** Arguments the translator fills in itself: the case's word for a round. */
const SUPPLIED = new Set<string>(ROUND_TERM_ARGUMENTS);

describe('the English catalog', () => {
  it('holds messages that parse as ICU MessageFormat and format without arguments missing', () => {
    for (const [key, message] of Object.entries(messages)) {
      const args = argumentsOf(parseMessage(message, { ignoreTag: true }));
      const values = Object.fromEntries([...args].filter((name) => !SUPPLIED.has(name)).map((name) => [name, 1]));
      expect(() => translator().t(key, values), key).not.toThrow();
    }
  });

  it('has every key the templates use, called with exactly the arguments the message takes (but the round term)', () => {
    const problems = templateCalls().flatMap(({ file, line, key, hash }) => {
      const message = messages[key];
      if (message === undefined) return [`${file}:${line}: no message \`${key}\``];
      const args = [...argumentsOf(parseMessage(message, { ignoreTag: true }))].filter((name) => !SUPPLIED.has(name)).sort();
      return JSON.stringify(args) === JSON.stringify(hash)
        ? []
        : [`${file}:${line}: \`${key}\` takes ${args.join(', ') || 'nothing'}, given ${hash.join(', ') || 'nothing'}`];
    });
    expect(problems).toEqual([]);
  });

  it('has no message that nothing uses', () => {
    const used = new Set([...templateCalls().map((c) => c.key), ...sourceKeys()]);
    expect(Object.keys(messages).filter((key) => !used.has(key))).toEqual([]);
  });

  it('names a round only by the case’s word ({term}, {terms}, {Term}, {Terms}), but where it gives the default', () => {
    const literals = (elements: MessageFormatElement[]): string[] =>
      elements.flatMap((element) =>
        element.type === TYPE.literal
          ? [element.value]
          : element.type === TYPE.plural || element.type === TYPE.select
            ? Object.values(element.options).flatMap((option) => literals(option.value))
            : [],
      );
    const naming = Object.entries(messages).filter(
      ([key, message]) =>
        !key.startsWith('model.round.term') &&
        literals(parseMessage(message, { ignoreTag: true })).some((text) => /\brounds?\b/i.test(text)),
    );
    expect(naming.map(([key]) => key)).toEqual([]);
  });

  it('names keys by where they are used, in order', () => {
    const keys = Object.keys(messages);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
    expect(keys).toEqual([...keys].sort());
  });
});
