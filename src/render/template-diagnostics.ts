import { didYouMean } from '../core/hints.js';
import { lineStarts, offsetAt } from '../core/text-position.js';
import { findBlockProblem } from './block-tags.js';
import { KNOWN_HELPERS } from './check-template-tree.js';
import { parseTemplate } from './handlebars-env.js';
import { MissingFieldError, type SourceSpan } from './strict-lookup.js';
import { TemplateError } from './template-bundle.js';

/** A template source: its file (for messages) and text. */
export interface Source {
  file: string;
  source: string;
}

/** What messages about one template can draw on: its folder and the names of its partials. */
export interface TemplateContext {
  dir: string;
  partials: readonly string[];
}

type Said = { message: string; line?: number; column?: number; hint?: string };

/**
 * Turns what Handlebars (or the strict lookup) threw while compiling or rendering a source into a
 * TemplateError in plain words, at the line and column of the mistake, with a hint drawn from what
 * exists there: the fields of the value, the partials of the template, casereport's helpers.
 */
export function toTemplateError(error: unknown, source: Source, context: TemplateContext): TemplateError {
  if (error instanceof TemplateError) return error;
  const said =
    error instanceof MissingFieldError
      ? missingField(error, source.source)
      : fromMessage(error instanceof Error ? error.message : String(error), source, context);
  const details = { dir: context.dir, ...(said.hint ? { hint: said.hint } : {}) };
  return new TemplateError(said.message, source.file, said.line, said.column, details);
}

function fromMessage(message: string, source: Source, context: TemplateContext): Said {
  const partial = /^The partial (.+) could not be found$/.exec(message);
  if (partial) return unknownPartial(partial[1] ?? '', source.source, context.partials);
  const helper = /^You specified knownHelpersOnly, but used the unknown helper (\S+) - (\d+):(\d+)$/.exec(message);
  if (helper) {
    const close = didYouMean(helper[1] ?? '', KNOWN_HELPERS);
    return {
      message: `unknown helper \`${helper[1]}\``,
      line: Number(helper[2]),
      column: Number(helper[3]) + 1,
      hint: `${close ? `${close} ` : ''}helpers: ${KNOWN_HELPERS.join(', ')}`,
    };
  }
  if (/^(Parse|Lexical) error on line \d+/.test(message) || / doesn't match .* - \d+:\d+$/.test(message))
    return syntaxError(message, source.source);
  const strict = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (strict) return { message: `unknown field \`${strict[1]}\``, line: Number(strict[2]), column: Number(strict[3]) + 1 };
  const located = /^([\s\S]*) - (\d+):(\d+)$/.exec(message);
  if (located) return { message: located[1] ?? message, line: Number(located[2]), column: Number(located[3]) + 1 };
  return { message };
}

/** "unknown field `titel`", with the fields that exist where it was looked for. */
function missingField(error: MissingFieldError, source: string): Said {
  const { field, holder, span } = error;
  const at = span ? { line: span.start.line, column: span.start.column + 1 } : {};
  const written = span ? textOf(source, span) : field;
  const parent = written.slice(0, Math.max(0, written.length - field.length)).replace(/[./]$/, '');
  const of = parent && parent !== 'this' ? ` of \`${parent}\`` : '';
  if (holder === null || holder === undefined) {
    if (!parent) return { message: `cannot read \`${field}\`: the value here is empty`, ...at };
    return {
      message: `cannot read \`${field}\`${of}: \`${parent}\` is empty or missing here`,
      hint: `check the spelling of \`${parent}\`, or test it first with {{#if ${parent}}}`,
      ...at,
    };
  }
  if (typeof holder !== 'object' && typeof holder !== 'function') {
    const value =
      typeof holder === 'string'
        ? `the text ${JSON.stringify(holder.length > 40 ? `${holder.slice(0, 40)}…` : holder)}`
        : `the ${typeof holder} ${String(holder)}`;
    return {
      message: `unknown field \`${field}\`${of}: the value here is ${value}, which has no fields`,
      hint: 'write {{this}} for the value itself',
      ...at,
    };
  }
  if (Array.isArray(holder)) {
    return {
      message: `unknown field \`${field}\`${of}: the value here is a list`,
      hint: 'a list has `length` and numbered items; go through it with {{#each}}',
      ...at,
    };
  }
  // A data frame (`@index`, `@root`, `@css`): its keys are data variables, less Handlebars' own.
  if (/^@[^./]+$/.test(written)) {
    const names = Object.keys(holder)
      .filter((key) => !key.startsWith('_'))
      .map((key) => `@${key}`);
    return {
      message: `unknown data variable \`${written}\``,
      hint: didYouMean(written, names) ?? `data variables here: ${names.join(', ')}`,
      ...at,
    };
  }
  const fields = Object.keys(holder);
  const hint = didYouMean(field, fields) ?? (fields.length ? `fields here: ${listOf(fields)}` : 'the value here has no fields');
  return { message: `unknown field \`${field}\`${of}`, hint, ...at };
}

/** "unknown partial `x`", at its call (found by reading the source again: Handlebars gives no place). */
function unknownPartial(name: string, source: string, partials: readonly string[]): Said {
  const close = didYouMean(name, partials);
  const hint = `${close ? `${close} ` : ''}${partials.length ? `partials: ${partials.join(', ')}` : 'the template has no partials'}`;
  let loc: { line: number; column: number } | undefined;
  try {
    loc = findPartialCall(parseTemplate(source), name);
  } catch {
    // Unparsable sources fail before they render; this is only for the message.
  }
  return { message: `unknown partial \`${name}\``, hint, ...(loc ? { line: loc.line, column: loc.column + 1 } : {}) };
}

function findPartialCall(node: unknown, name: string): { line: number; column: number } | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findPartialCall(child, name);
      if (found) return found;
    }
  } else if (node !== null && typeof node === 'object') {
    const { type, loc, name: called } = node as { type?: string; loc?: SourceSpan; name?: { original?: unknown; value?: unknown } };
    if (type === 'PartialStatement' && loc && (called?.original === name || called?.value === name)) return loc.start;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc') continue;
      const found = findPartialCall(child, name);
      if (found) return found;
    }
  }
  return undefined;
}

const TOKENS: Record<string, string> = {
  EOF: 'the end of the file',
  CLOSE: '`}}`',
  CLOSE_UNESCAPED: '`}}}`',
  CLOSE_SEXPR: '`)`',
  OPEN_SEXPR: '`(`',
  OPEN_ENDBLOCK: 'a closing tag `{{/…}}`',
  ID: 'a name',
  STRING: 'a string',
  NUMBER: 'a number',
  EQUALS: '`=`',
  SEP: '`.` or `/`',
  DATA: '`@`',
  INVALID: 'text Handlebars cannot read',
  CONTENT: 'text',
  OPEN_BLOCK_PARAMS: '`as |…|`',
  CLOSE_BLOCK_PARAMS: '`|`',
};

/** A syntax error: an unclosed or wrongly closed block is named at its tag; others say what was expected. */
function syntaxError(message: string, source: string): Said {
  const eof = /got 'EOF'/.test(message);
  if (eof || / doesn't match /.test(message)) {
    const problem = findBlockProblem(source);
    if (problem?.kind === 'unclosed') {
      return {
        message: `\`${problem.open.text}\` is never closed`,
        line: problem.open.line,
        column: problem.open.column,
        hint: `add \`{{/${problem.open.name}}}\` where the block ends`,
      };
    }
    if (problem?.kind === 'mismatch') {
      const { open, close } = problem;
      if (!open) return { message: `\`${close.text}\` closes a block that was never opened`, line: close.line, column: close.column };
      return {
        message: `\`${close.text}\` closes \`${open.text}\`, which opened at line ${open.line}`,
        line: close.line,
        column: close.column,
        hint: `close \`${open.text}\` with \`{{/${open.name}}}\` first`,
      };
    }
  }
  const line = Number(/on line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+$/.exec(message)?.[1] ?? 1);
  const expecting = /Expecting (.*), got '(\w+)'/.exec(message);
  if (!expecting) return { message: `syntax error: ${message.split('\n')[0]?.replace(/ on line \d+[.:]?$/, '') ?? message}`, line };
  const wanted = [...(expecting[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1] ?? '');
  const named = wanted.includes('CLOSE')
    ? [TOKENS.CLOSE]
    : wanted.includes('CLOSE_SEXPR')
      ? [TOKENS.CLOSE_SEXPR]
      : [...new Set(wanted.map((t) => TOKENS[t] ?? t))].slice(0, 4);
  const got = TOKENS[expecting[2] ?? ''] ?? `\`${expecting[2]}\``;
  return { message: `syntax error: found ${got} where Handlebars expects ${named.join(' or ')}`, line };
}

/** The text a span covers (the path as written: `../titel`, `input.patient.sexx`). */
function textOf(source: string, span: SourceSpan): string {
  const starts = lineStarts(source);
  return source.slice(offsetAt(starts, span.start.line, span.start.column), offsetAt(starts, span.end.line, span.end.column)).trim();
}

/** Names for a hint: all of them when few, else the first ones and how many more. */
function listOf(names: readonly string[], max = 30): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
