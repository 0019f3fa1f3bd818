import { describe, expect, it } from 'vitest';
import { MAX_ISSUES } from '../../../src/core/validate/cap-issues.js';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { exampleText } from '../../helpers/cases.js';

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};

describe('a file with a great many problems', () => {
  it('reports the first ones in line order, then how many more there are', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `unknown_${i}: ${i}`);
    const text = `${exampleText('minimal')}${keys.join('\n')}\n`;
    const issues = issuesOf(text);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    const shown = issues.slice(0, MAX_ISSUES);
    expect(shown.every((i) => i.code === 'unknown-key')).toBe(true);
    expect(shown.map((i) => i.path[0])).toEqual(keys.slice(0, MAX_ISSUES).map((k) => k.split(':')[0]));
    expect(shown.map((i) => i.line)).toEqual(shown.map((_, n) => 11 + n));
    const more = issues[MAX_ISSUES];
    expect(more).toMatchObject({ code: 'too-many-issues', severity: 'error', line: 11 + MAX_ISSUES, column: 1 });
    expect(more?.message).toBe('49,900 more problems (49,900 errors) from here on are not shown');
  });

  it('caps errors the YAML parser finds, too', () => {
    const text = `casereport: 1\n${Array.from({ length: 500 }, (_, i) => `k${i}: 1\nk${i}: 2`).join('\n')}\n`;
    const issues = issuesOf(text);
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[MAX_ISSUES]?.message).toContain('400 more problems');
  });

  it('lists every problem when there are no more than the limit', () => {
    const keys = Array.from({ length: MAX_ISSUES }, (_, i) => `unknown_${i}: ${i}`);
    const issues = issuesOf(`${exampleText('minimal')}${keys.join('\n')}\n`);
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(issues.some((i) => i.code === 'too-many-issues')).toBe(false);
  });
});
