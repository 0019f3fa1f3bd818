import type { ChalkInstance } from 'chalk';
import { formatPath, type CaseIssue } from '../core/errors.js';

/**
 * One issue as `file:line:column  path  message`, then the offending line with a caret under the
 * column, then the hint.
 */
export function formatIssue(file: string, issue: CaseIssue, lines: readonly string[], c: ChalkInstance): string {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  const message = issue.severity === 'error' ? c.red(issue.message) : c.yellow(`warning: ${issue.message}`);
  const out = [`${c.bold(where)}  ${c.cyan(formatPath(issue.path))}  ${message}  ${c.dim(`[${issue.code}]`)}`];
  const text = issue.line !== undefined ? lines[issue.line - 1] : undefined;
  if (text !== undefined && issue.line !== undefined) {
    const gutter = String(issue.line).padStart(5);
    const shown = text.replace(/\t/g, ' ');
    out.push(c.dim(`${gutter} | `) + (shown.length > 160 ? `${shown.slice(0, 160)}…` : shown));
    out.push(c.dim(`${' '.repeat(5)} | `) + ' '.repeat(Math.max(0, (issue.column ?? 1) - 1)) + c.red('^'));
  }
  if (issue.hint) out.push(`${' '.repeat(8)}${c.green('hint:')} ${issue.hint}`);
  return out.join('\n');
}

/** All issues of one file, then a count. */
export function formatIssues(file: string, issues: readonly CaseIssue[], text: string, c: ChalkInstance): string {
  const lines = text.split(/\r?\n/);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const body = issues.map((issue) => formatIssue(file, issue, lines, c)).join('\n\n');
  const counts = [errors > 0 || warnings === 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  return `${body}\n\n${errors > 0 ? c.red(`${file}: ${counts}`) : c.yellow(`${file}: ${counts}`)}\n`;
}
