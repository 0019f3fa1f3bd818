import { isMap, type Document, type LineCounter } from 'yaml';
import type { CaseIssue } from './errors.js';
import { documentToData } from './yaml-data.js';
import { MAX_NESTING, readYamlDocument } from './yaml-document.js';

/** Case files are small documents; anything larger is a mistake or an attack. */
export const MAX_CASE_BYTES = 2 * 1024 * 1024;

/** The YAML document of a case file, which knows the line and column of every value. */
export interface Positions {
  doc: Document;
  counter: LineCounter;
  /** The text the document was read from (offsets in `doc` are into it). */
  text: string;
}

/** A parsed case file: its plain value, and the positions of its values (for locating problems). */
export interface ParsedCase {
  data: unknown;
  positions(): Positions;
}

/**
 * Parses the text of a case file with `yaml` (YAML 1.2, core schema): one parser for every file, so a
 * value means the same whatever else the file holds. Syntax and shape problems come back located,
 * never thrown.
 */
export function parseCaseText(text: string): { parsed?: ParsedCase; issues: CaseIssue[] } {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CASE_BYTES) return { issues: [tooLargeIssue()] };
  const source = text.replace(/^\uFEFF/, '');
  const read = readYamlDocument(source);
  const { counter } = read;
  const at = (offset: number): { line: number; column: number } => {
    const pos = counter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if ('tooDeepAt' in read) {
    return fail(
      'too-deep',
      `lists and mappings are nested more than ${MAX_NESTING} levels deep here`,
      at(read.tooDeepAt),
      'a case file needs only a few levels; check the brackets and the indentation',
    );
  }
  const { doc } = read;
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error): CaseIssue => ({
      code: 'yaml-syntax',
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
      path: [],
      ...at(error.pos[0]),
      severity: 'error',
      hint: hintForYamlError(error.code, error.message),
    }));
    return { issues };
  }
  if (doc.contents === null) {
    return fail('empty', 'the file is empty', { line: 1, column: 1 }, 'run `casereport init FILE` to start from a template');
  }
  if (!isMap(doc.contents)) {
    return fail(
      'not-a-mapping',
      'a case file must be a mapping of keys (casereport:, id:, patient: …)',
      at(doc.contents.range[0]),
      'run `casereport init FILE` to see the expected shape',
    );
  }
  const converted = documentToData(doc, (offset) => counter.linePos(offset).line);
  if ('problems' in converted) {
    const issues = converted.problems.map(({ code, message, path, offset, hint }): CaseIssue => ({
      code,
      message,
      path,
      ...at(offset),
      severity: 'error',
      ...(hint ? { hint } : {}),
    }));
    return { issues };
  }
  const positions: Positions = { doc, counter, text: source };
  return { parsed: { data: converted.data, positions: () => positions }, issues: [] };
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

function fail(code: string, message: string, where: { line: number; column: number }, hint?: string): { issues: CaseIssue[] } {
  return { issues: [{ code, message, path: [], ...where, severity: 'error', ...(hint ? { hint } : {}) }] };
}

function hintForYamlError(code: string, message: string): string | undefined {
  if (/closing .*quote/i.test(message)) return 'a quoted text must end with the same quote it starts with';
  switch (code) {
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
