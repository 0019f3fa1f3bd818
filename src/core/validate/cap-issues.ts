import type { CaseIssue } from '../errors.js';

/** The most issues one file reports; past that, one more issue says how many were left out. */
export const MAX_ISSUES = 100;

/**
 * The first {@link MAX_ISSUES} issues (in the order given, which is line order), then one that counts
 * the rest and points at the first of them. Nobody reads 50,000 messages, and printing them is slow.
 */
export function capIssues(issues: CaseIssue[]): CaseIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.slice(MAX_ISSUES);
  const first = rest[0] as CaseIssue;
  const errors = rest.filter((i) => i.severity === 'error').length;
  const more: CaseIssue = {
    code: 'too-many-issues',
    message: `${rest.length.toLocaleString('en-US')} more problem${rest.length === 1 ? '' : 's'} (${errors.toLocaleString('en-US')} error${errors === 1 ? '' : 's'}) from here on ${rest.length === 1 ? 'is' : 'are'} not shown`,
    path: [],
    severity: errors > 0 ? 'error' : 'warning',
    hint: `only the first ${MAX_ISSUES} problems of a file are listed; fix them and validate again`,
    ...(first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
  };
  return [...issues.slice(0, MAX_ISSUES), more];
}
