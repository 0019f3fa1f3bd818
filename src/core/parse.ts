import jsyaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { CaseIssue } from './errors.js';
import { yamlLib } from './yaml-lib.js';

/** Case files are small documents; anything larger is a mistake or an attack. */
export const MAX_CASE_BYTES = 2 * 1024 * 1024;
/** YAML aliases may be used, but not to multiply a small file into a huge value. */
export const MAX_ALIAS_COUNT = 100;

/** The YAML document of a case file, which knows the line and column of every value. */
export interface Positions {
  doc: Document;
  counter: LineCounter;
}

/** A parsed case file: its plain value, and its positions (computed on demand: only errors need them). */
export interface ParsedCase {
  data: unknown;
  positions(): Positions;
}

/**
 * Whether the text may hold YAML anchors, aliases or tags, which go to the careful parser (it bounds
 * alias expansion): a `&`, `*` or `!` at the start of a line or after a space, `[`, `{` or `,`, and
 * followed by a name. Loose on purpose: a false alarm only costs speed. Written as a search for each
 * mark, which is several times faster than one regular expression over the whole text.
 */
export function mayUseYamlReferences(text: string): boolean {
  for (const mark of ['&', '*', '!']) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
      const before = at === 0 ? '\n' : (text[at - 1] as string);
      const after = text[at + 1];
      if (after !== undefined && /[\s[{,]/.test(before) && !/[\s,\]}]/.test(after)) return true;
    }
  }
  return false;
}

/**
 * Parses the text of a case file; syntax and shape problems come back located, never thrown.
 * A valid file takes the fast path (js-yaml, about ten times faster); anything unusual, and every
 * file whose problems must be located, goes through `yaml`, which keeps positions.
 */
export function parseCaseText(text: string): { parsed?: ParsedCase; issues: CaseIssue[] } {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CASE_BYTES) return { issues: [tooLargeIssue()] };
  if (!mayUseYamlReferences(text)) {
    const data = loadQuickly(text);
    if (data !== undefined) {
      let positions: Positions | undefined;
      return { parsed: { data, positions: () => (positions ??= parseWithPositions(text).positions ?? emptyPositions()) }, issues: [] };
    }
  }
  const { parsed, issues } = parseWithPositions(text);
  return parsed ? { parsed, issues } : { issues };
}

/** The plain value of a mapping document, or undefined for anything the careful parser should see. */
function loadQuickly(text: string): Record<string, unknown> | undefined {
  try {
    const data = jsyaml.load(text.replace(/^\uFEFF/, ''), { schema: jsyaml.CORE_SCHEMA });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function emptyPositions(): Positions {
  const { parseDocument, LineCounter } = yamlLib();
  return { doc: parseDocument(''), counter: new LineCounter() };
}

function parseWithPositions(text: string): { parsed?: ParsedCase; positions?: Positions; issues: CaseIssue[] } {
  const { isMap, LineCounter, parseDocument } = yamlLib();
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error): CaseIssue => {
      const pos = counter.linePos(error.pos[0]);
      return {
        code: 'yaml-syntax',
        message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        path: [],
        line: pos.line,
        column: pos.col,
        severity: 'error',
        hint: hintForYamlError(error.code, error.message),
      };
    });
    return { issues };
  }
  if (doc.contents === null) {
    return fail('empty', 'the file is empty', 1, 1, 'run `casereport init FILE` to start from a template');
  }
  if (!isMap(doc.contents)) {
    const pos = counter.linePos(doc.contents.range?.[0] ?? 0);
    return fail('not-a-mapping', 'a case file must be a mapping of keys (casereport:, id:, patient: …)', pos.line, pos.col,
      'run `casereport init FILE` to see the expected shape');
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
      return fail('alias-bomb', `YAML aliases expand this file beyond a safe size (${error.message})`, 1, 1,
        'write the repeated values out, or use fewer aliases');
    }
    throw error;
  }
  const positions: Positions = { doc, counter };
  return { parsed: { data, positions: () => positions }, positions, issues: [] };
}

/** The issue for a file over the size limit (whose reader may have stopped at the limit). */
function tooLargeIssue(): CaseIssue {
  return {
    code: 'too-large',
    message: `the file is larger than ${MAX_CASE_BYTES / 1024} KiB, the most a case file may be`,
    path: [],
    line: 1,
    column: 1,
    severity: 'error',
    hint: 'split the case, or move images out of the file and reference them',
  };
}

function fail(code: string, message: string, line: number, column: number, hint?: string): { issues: CaseIssue[] } {
  return { issues: [{ code, message, path: [], line, column, severity: 'error', ...(hint ? { hint } : {}) }] };
}

function hintForYamlError(code: string, message: string): string | undefined {
  if (/closing .*quote/i.test(message)) return 'a quoted text must end with the same quote it starts with';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; merge the two entries';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys need more spaces than their parent, and lists start with "- "';
    case 'TAB_AS_INDENT':
      return 'YAML indentation uses spaces, not tabs';
    case 'MULTIPLE_DOCS':
      return 'a case file holds one document: remove the extra "---"';
    default:
      return undefined;
  }
}
