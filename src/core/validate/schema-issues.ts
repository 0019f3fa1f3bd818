import type { z } from 'zod';
import { caseIssue as make, shortText, type CaseIssue, type CasePath } from '../errors.js';
import { didYouMean } from '../hints.js';
import { MAX_DAYS } from '../schema/primitives.js';
import { knownKeysAt } from './schema-walk.js';
import { withHintLater } from './pending-hints.js';
import { hintForUnknownKey } from './trap-hints.js';

type ZodIssue = z.core.$ZodIssue;

/** Turns zod's issues into the user's words: one issue per problem, each with a path and a hint. */
export function translateSchemaIssues(issues: readonly ZodIssue[], data: unknown): CaseIssue[] {
  return issues.flatMap((issue) => translate(issue, data));
}

function translate(issue: ZodIssue, data: unknown): CaseIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const input = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(path);
      return issue.keys.map((key) =>
        withHintLater(
          make('unknown-key', `unknown key \`${shortText(key)}\``, [...path, key]),
          () => hintForUnknownKey(path, key) ?? didYouMean(key, known) ?? listHint(known),
        ),
      );
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (input === undefined) return [missing(path)];
      const hint = typeof input === 'string' ? didYouMean(input, values) : undefined;
      const shown = values.length === 1 ? `\`${values[0]}\`` : `one of ${values.join(', ')}`;
      return [make('invalid-value', `${quote(input)} is not allowed here; expected ${shown}`, path, hint)];
    }
    case 'invalid_type':
      if (input === undefined) return [missing(path)];
      return [
        make(
          'wrong-type',
          `expected ${describeExpected(issue.expected)}, found ${describeValue(input)}`,
          path,
          typeHint(issue.expected, input),
        ),
      ];
    case 'invalid_union':
      return translateUnion(issue, path, input, data);
    case 'too_small':
    case 'too_big': {
      const bounded = explainBound(issue, path, input);
      if (bounded) return [bounded];
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const what = issue.origin === 'array' ? `${word} ${bound} item${Number(bound) === 1 ? '' : 's'}` : `${word} ${bound}`;
      const message =
        issue.message.startsWith('Too') || issue.message.startsWith('Invalid')
          ? `expected ${what}, found ${describeValue(input)}`
          : issue.message;
      return [make('out-of-range', message, path)];
    }
    case 'invalid_format':
      return [make('bad-format', issue.message, path)];
    default:
      return [make('invalid', issue.message, path)];
  }
}

/** Bounds whose reason the author needs to hear: the case id's length, a day's distance. */
function explainBound(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, path: CasePath, input: unknown): CaseIssue | undefined {
  const key = path[path.length - 1];
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof input === 'string') {
    const hint =
      path.length === 1 && key === 'id' ? 'the id names the output files (ID.md, ID-chart-1.svg …): use a shorter one' : 'shorten it';
    return make('out-of-range', `this text has ${input.length} characters; at most ${String(issue.maximum)} fit here`, path, hint);
  }
  if ((key === 'day' || key === 'end_day') && typeof input === 'number') {
    return make(
      'out-of-range',
      `day ${input} is more than 100 years (${MAX_DAYS.toLocaleString('en-US')} days) from the start of the first round`,
      path,
      '`day` counts whole days since the first round started (negative before it); check the number, or give a `date`',
    );
  }
  return undefined;
}

function translateUnion(issue: z.core.$ZodIssueInvalidUnion, path: CasePath, input: unknown, data: unknown): CaseIssue[] {
  if (input === undefined) return [missing(path)];
  // A branch that got past the type check says more than "expected a or b": prefer it.
  const specific = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.code !== 'invalid_type' || i.path.length > 0));
  if (specific) {
    return specific.flatMap((i) => translate({ ...i, path: [...issue.path, ...i.path] } as ZodIssue, data));
  }
  const expected = [
    ...new Set(issue.errors.flat().map((i) => (i.code === 'invalid_type' ? describeExpected(i.expected) : 'a valid value'))),
  ];
  // Free text accepts numbers too, but "text" is what the author means.
  // A number that is not finite where a number comes first (a score, which may also be an ordinal level):
  // it is the number that is wrong.
  const words =
    typeof input === 'number' && expected[0] === 'a number'
      ? ['a number']
      : expected.includes('text')
        ? ['text', ...expected.filter((e) => e !== 'text' && e !== 'a number')]
        : expected;
  return [
    make(
      'wrong-type',
      `expected ${words.join(' or ')}, found ${describeValue(input)}`,
      path,
      typeHint(words[0] === 'text' ? 'string' : '', input),
    ),
  ];
}

function missing(path: CasePath): CaseIssue {
  const key = path[path.length - 1];
  const label = typeof key === 'number' ? `item ${key}` : `\`${String(key)}\``;
  return make('missing', `${label} is required`, path, `add \`${String(key)}:\` here`);
}

function listHint(known: readonly string[]): string | undefined {
  return known.length > 0 ? `allowed keys here: ${known.join(', ')}` : undefined;
}

function quote(value: unknown): string {
  if (typeof value === 'number') return describeNumber(value);
  return typeof value === 'string' ? `\`${shortText(value)}\`` : shortText(JSON.stringify(value) ?? String(value));
}

function describeExpected(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys',
    record: 'a mapping of keys',
    tuple: 'a list',
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${shortText(value)}\``;
  if (typeof value === 'number') return describeNumber(value);
  return `${typeof value} ${String(value)}`;
}

/** "number 5"; YAML's `.nan` and `.inf` by name, since "found number" would not say what is wrong. */
function describeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN (`.nan`, not a number)';
  if (!Number.isFinite(value)) return `${value > 0 ? '' : '-'}Infinity (\`${value > 0 ? '' : '-'}.inf\`)`;
  return `number ${value}`;
}

function typeHint(expected: string, input: unknown): string | undefined {
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return expected === 'string'
      ? 'put it in quotes if you mean the text'
      : 'write a finite number, or leave the field out where the value is not known';
  }
  if (expected === 'boolean' && typeof input === 'string') return 'write true or false (without quotes)';
  if ((expected === 'number' || expected === 'int') && typeof input === 'string') return numberTextHint(input);
  if (expected === 'array' && input !== null && typeof input !== 'object') return 'start each list item on its own line with "- "';
  if (expected === 'string' && input !== null && typeof input === 'object' && !Array.isArray(input)) {
    return 'a ": " inside text starts a mapping; put the text in quotes';
  }
  return undefined;
}

/** Why a number came out as text: quotes, or a notation YAML 1.2 does not read as a number. */
function numberTextHint(input: string): string | undefined {
  const text = input.trim();
  // JavaScript reads 0b101101 as 45, YAML 1.2 as text: say what the author most likely meant.
  if (/^[-+]?0b[01]+$/i.test(text)) {
    const value = Number(text.replace(/^[-+]/, '')) * (text.startsWith('-') ? -1 : 1);
    return `YAML reads \`${shortText(text)}\` as text, not as a binary number: write it in decimal (${value})`;
  }
  if (/^[-+]?\d[\d_]*(\.\d+)?$/.test(text) && text.includes('_')) return `write the number without underscores (${text.replace(/_/g, '')})`;
  return Number.isNaN(Number(text)) || text === '' ? undefined : 'write the number without quotes';
}

/** The value at a path of the plain data, or undefined. */
export function valueAt(data: unknown, path: CasePath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
