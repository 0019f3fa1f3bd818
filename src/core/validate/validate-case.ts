import { caseIssue, type CaseIssue } from '../errors.js';
import type { Instrument } from '../instruments/registry.js';
import { locatePath } from '../locate.js';
import { parseCaseText, type ParsedCase } from '../parse.js';
import { caseSchema, type CaseFile } from '../schema/case-schema.js';
import { checkCrossFieldsBestEffort } from './best-effort.js';
import { capIssues } from './cap-issues.js';
import { checkCrossFields } from './cross-checks.js';
import { collectCaseInstruments } from './instrument-checks.js';
import { hintOf } from './pending-hints.js';
import { translateSchemaIssues } from './schema-issues.js';
import { flowCommaHint } from './trap-hints.js';

/** A case file that passed every check, with what later steps need. */
export interface ValidCase {
  caseFile: CaseFile;
  instruments: Map<string, Instrument>;
  warnings: CaseIssue[];
}

export type ValidationResult = { ok: true; value: ValidCase } | { ok: false; issues: CaseIssue[] };

/** Parses and validates the text of a case file: every problem at once (up to a limit), each with its line and column. */
export function validateCaseText(text: string): ValidationResult {
  const { parsed, issues } = parseCaseText(text);
  if (!parsed) return { ok: false, issues: capIssues(issues) };
  const data = parsed.data;
  if (data !== null && typeof data === 'object' && 'casereport_series' in data) {
    const issue = caseIssue(
      'series-file',
      'this is a series file, not a case file',
      ['casereport_series'],
      'render it with `casereport series FILE`',
    );
    return { ok: false, issues: locateAll([issue], parsed) };
  }
  const result = caseSchema.safeParse(parsed.data);
  const instruments = collectCaseInstruments(parsed.data);
  if (!result.success) {
    const schemaIssues = translateSchemaIssues(result.error.issues, parsed.data);
    const more = checkCrossFieldsBestEffort(parsed.data, schemaIssues, instruments);
    return { ok: false, issues: locateAll([...schemaIssues, ...more], parsed) };
  }
  const found = locateAll(checkCrossFields(result.data, instruments), parsed);
  const errors = found.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: found };
  return { ok: true, value: { caseFile: result.data, instruments: instruments.table, warnings: found } };
}

/**
 * Lines and columns, line order, at most MAX_ISSUES issues, and their hints. Works on the issue
 * objects it is given (each validation makes its own), so each step stays linear in their number.
 */
export function locateAll(issues: CaseIssue[], parsed: ParsedCase): CaseIssue[] {
  const { doc, counter, text } = parsed.positions();
  for (const issue of issues) {
    const at = locatePath(
      doc,
      counter,
      issue.path,
      issue.code === 'unknown-key',
      issue.needle === undefined ? undefined : { text, needle: issue.needle },
    );
    if (at) Object.assign(issue, at);
    delete issue.needle;
  }
  const shown = capIssues(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  for (const issue of shown) {
    const hint = flowCommaHint(doc, issue.path, issue.code) ?? hintOf(issue);
    if (hint) issue.hint = hint;
  }
  return shown;
}

/** Adds line and column to issues found after validation (for example, a figure that cannot be read). */
export function locateIssues(text: string, issues: CaseIssue[]): CaseIssue[] {
  const { parsed } = parseCaseText(text);
  return parsed
    ? locateAll(
        issues.map((issue) => ({ ...issue })),
        parsed,
      )
    : issues;
}
