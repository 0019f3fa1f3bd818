import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ReportModel } from '../../src/core/model/types.js';
import { validateCaseText } from '../../src/core/validate/validate-case.js';
import { buildReportModel } from '../../src/core/model/build-model.js';
import { EXAMPLES, EXAMPLES_DIR, FIXTURES_DIR } from './render-case.js';

/** Text after a line-start sample: markup that counts anywhere in a line. */
const TAIL =
  ' *a* _b_ `c` ~~d~~ ~e~ &lt;b&gt; &#x41; &amp; <script>alert(1)</script> <b>x</b> [x](javascript:alert(1)) ![x](http://e/x.png)' +
  ' [y][] [^1] [ ] www.example.com https://example.com foo@example.com <http://e.com> a | b \\* # h ## > q = - + <!-- c --> x!';

/** What starts a block, a list item, a table, a link definition... when it opens a line. */
const STARTS = [
  '1. ',
  '1) ',
  '- ',
  '+ ',
  '* ',
  '- [ ] ',
  '[ ] ',
  '[x] ',
  '# ',
  '###### ',
  '> ',
  '    ',
  '\t',
  '```',
  '~~~',
  '<div>',
  '<!-- ',
  '[x]: http://e.com ',
  '[^1]: ',
  '| a | ',
  '= ',
  '![x](y) ',
  'www.example.com ',
  'https://example.com ',
  'foo@example.com ',
  '&lt;b&gt; ',
  '\\',
  '~~x~~ ',
  '<script>',
  '_',
  '`',
  '2024. ',
  '<http://e.com> ',
];

/** Texts that are markup only as a whole line, or only at the end of one. */
const WHOLE = [
  '---',
  '***',
  '___',
  '- - -',
  '=====',
  '-',
  '+',
  '1.',
  '1)',
  '#',
  '>',
  '|',
  '```',
  '~~~',
  ' ',
  '   ',
  'x  ',
  'x\\',
  'x!',
  'x #',
  'x ##',
  '\u00a0x\u00a0',
  '[^1]',
  '[ ]',
  '<!-- c -->',
];

/** Line breaks of every kind, each followed by what would start a block on a new line. */
const BREAKS = [
  'fall\r| injected | row |',
  'fall\r\n---',
  'a\n# h',
  'a\u0085# h',
  'a\u2028- b',
  'a\u2029> b',
  'a\r=====',
  'a\n\n    code',
  'a\v- b',
  'a\f1. b',
  'a\r\n|---|---|',
];

/** Right-to-left text and bidi controls (which escaping removes: see isolateBidi). */
const BIDI = ['שלום עולם 12', 'مرحبا ١٢', 'abc \u202edef', 'x\u2066y', 'a\u2069b \u202b', '\u202eRTL-override'];

/** Every hostile sample, each different and none a part of another (so each can be counted). */
export const HOSTILE_SAMPLES: readonly string[] = [...STARTS.map((s) => `${s}${TAIL}`), ...WHOLE, ...BREAKS, ...BIDI];

/** How a sample reads once printed: one line, trimmed, without bidi controls, white space collapsed. */
export function readableText(sample: string): string {
  return sample
    .replace(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain letters as long as the sample: its plain-text twin. `code` makes it unique to one field. */
export function plainTwin(sample: string, code = ''): string {
  const length = [...sample].length;
  return length > code.length + 1 ? `q${code}`.padEnd(length, 'z') : 'z'.repeat(length);
}

type Path = (string | number)[];

/** The string values of a parsed case, with their paths. */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withValues(data: unknown, values: Map<Path, string>): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const [path, text] of values) {
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path.at(-1) as string | number] = text;
  }
  return copy;
}

/** A case's data as text; fails when the YAML would not give back the same strings. */
function caseText(data: unknown): string {
  const text = stringify(data, { lineWidth: 0 });
  if (JSON.stringify(parse(text)) !== JSON.stringify(data)) throw new Error('the YAML of a hostile case does not read back the same');
  return text;
}

function modelOrThrow(text: string): ReportModel {
  const result = validateCaseText(text);
  if (!result.ok) throw new Error(`invalid case: ${JSON.stringify(result.issues, null, 2)}`);
  return buildReportModel(result.value.caseFile, result.value.instruments);
}

/** A case with hostile text in every free-text field, its plain-text twin, and which sample went where. */
export interface HostileCase {
  hostile: ReportModel;
  twin: ReportModel;
  /** Per field: the sample it holds and its twin. */
  fields: { sample: string; twin: string }[];
}

/**
 * An example (or the every-field fixture) with every free-text field holding a hostile sample:
 * field i gets sample i + shift. A field is free text when any text there leaves the case valid
 * (identifiers, references, enumerations and dates do not).
 */
export function hostileCase(name: string, shift: number, samples: readonly string[] = HOSTILE_SAMPLES): HostileCase {
  const dir = (EXAMPLES as readonly string[]).includes(name) ? EXAMPLES_DIR : FIXTURES_DIR;
  const data: unknown = parse(readFileSync(join(dir, `${name}.yaml`), 'utf8'));
  const free = freeText.get(name) ?? freeTextPaths(data);
  freeText.set(name, free);
  const fields = free.map((_, i) => {
    const sample = samples[(i + shift) % samples.length] ?? '';
    return { sample, twin: plainTwin(sample, fieldCode(i)) };
  });
  const hostile = new Map(free.map((path, i) => [path, fields[i]?.sample ?? '']));
  const twin = new Map(free.map((path, i) => [path, fields[i]?.twin ?? '']));
  return { hostile: modelOrThrow(caseText(withValues(data, hostile))), twin: modelOrThrow(caseText(withValues(data, twin))), fields };
}

const freeText = new Map<string, Path[]>();

/**
 * The paths of the free-text strings of a case: put a probe in every string at once, and drop the
 * ones the validator complains about (with every string of the same value: an identifier and the
 * references to it) until the case is valid.
 */
function freeTextPaths(data: unknown): Path[] {
  const probe = `${STARTS[0]}${TAIL}\r\u2028`;
  let candidates = stringLeaves(data);
  for (;;) {
    // A different probe in each: an identifier and a reference to it must not stay equal.
    const result = validateCaseText(caseText(withValues(data, new Map(candidates.map((path, i) => [path, `${probe}${i}`])))));
    if (result.ok) return candidates;
    const bad = candidates.filter(
      (path) =>
        path.at(-1) === 'id' ||
        result.issues.some((issue) => issue.path.length > 0 && (startsWith(path, issue.path) || startsWith(issue.path, path))),
    );
    if (bad.length === 0) throw new Error(`cannot tell which strings are free text: ${JSON.stringify(result.issues)}`);
    const values = new Set(bad.map((path) => valueAt(data, path)));
    candidates = candidates.filter((path) => !bad.includes(path) && !values.has(valueAt(data, path)));
  }
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => key === path[i]);
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], data);
}

/** Two letters that no English word puts after a q, different for each field up to 225 fields. */
function fieldCode(i: number): string {
  const letters = 'bcdfghjkmnpvwxy';
  return `${letters[Math.floor(i / letters.length) % letters.length]}${letters[i % letters.length]}`;
}
