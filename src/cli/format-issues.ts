import type { ChalkInstance } from 'chalk';
import { formatPath, type CaseIssue } from '../core/errors.js';
import { safeForTerminal } from './terminal.js';

/**
 * One issue as `file:line:column  path  message`, then the offending line with a caret under the
 * column, then the hint. Everything that can quote the case (the file name, keys in the path, the
 * message, the line, the hint) goes through safeForTerminal.
 */
export function formatIssue(file: string, issue: CaseIssue, lines: readonly string[], c: ChalkInstance): string {
  const name = safeForTerminal(file);
  const where = issue.line !== undefined ? `${name}:${issue.line}:${issue.column ?? 1}` : name;
  const said = safeForTerminal(issue.message);
  const message = issue.severity === 'error' ? c.red(said) : c.yellow(`warning: ${said}`);
  const out = [
    `${c.bold(where)}  ${c.cyan(safeForTerminal(formatPath(issue.path)))}  ${message}  ${c.dim(`[${safeForTerminal(issue.code)}]`)}`,
  ];
  const text = issue.line !== undefined ? lines[issue.line - 1] : undefined;
  if (text !== undefined && issue.line !== undefined) {
    const gutter = String(issue.line).padStart(5);
    const tabless = text.replace(/\t/g, ' ');
    const shown = safeForTerminal(tabless);
    out.push(c.dim(`${gutter} | `) + (shown.length > 160 ? `${shown.slice(0, 160)}…` : shown));
    // The caret stays under its character when escapes before it widened the line.
    const before = Math.max(0, (issue.column ?? 1) - 1);
    const caret = safeForTerminal(tabless.slice(0, before)).length + Math.max(0, before - tabless.length);
    out.push(c.dim(`${' '.repeat(5)} | `) + ' '.repeat(caret) + c.red('^'));
  }
  if (issue.hint) out.push(`${' '.repeat(8)}${c.green('hint:')} ${safeForTerminal(issue.hint)}`);
  return out.join('\n');
}

/** All issues of one file, then a count. */
export function formatIssues(file: string, issues: readonly CaseIssue[], text: string, c: ChalkInstance): string {
  const lines = text.split(/\r?\n/);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const body = issues.map((issue) => formatIssue(file, issue, lines, c)).join('\n\n');
  const counts = [
    errors > 0 || warnings === 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const name = safeForTerminal(file);
  return `${body}\n\n${errors > 0 ? c.red(`${name}: ${counts}`) : c.yellow(`${name}: ${counts}`)}\n`;
}
