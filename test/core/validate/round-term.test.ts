import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText } from '../../helpers/cases.js';

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};

/** The minimal case with `report.round_term` set, and the line and column its value starts at. */
function withTerm(term: unknown): { text: string; line: number; column: number } {
  const text = caseText((c) => (c.report = { round_term: term }));
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.trimStart().startsWith('round_term:'));
  const line = lines[index] ?? '';
  const after = line.slice(line.indexOf('round_term:') + 'round_term:'.length);
  // A mapping starts on the next line; any other value (a block scalar at its `|`) after the key.
  return after.trim() === ''
    ? { text, line: index + 2, column: (lines[index + 1] ?? '').search(/\S/) + 1 }
    : { text, line: index + 1, column: line.length - after.trimStart().length + 1 };
}

describe('report.round_term', () => {
  it.each([['phase'], ['treatment cycle'], ['étape'], [{ one: 'cycle', other: 'cycles' }], ['x'.repeat(40)]])('accepts %j', (term) => {
    expect(issuesOf(withTerm(term).text)).toEqual([]);
  });

  it.each([
    ['an empty text', '', 'bad-format', 'expected a word'],
    ['only spaces', '   ', 'bad-format', 'expected a word'],
    ['a line break', 'treatment\nphase', 'bad-format', 'one line'],
    ['a tab', 'treatment\tphase', 'bad-format', 'one line'],
    ['41 characters', 'x'.repeat(41), 'out-of-range', 'at most 40'],
    ['a number', 3, 'wrong-type', 'expected text or a mapping'],
    ['a list', ['phase'], 'wrong-type', 'expected text or a mapping'],
  ])('refuses %s, where it is written', (_, term, code, message) => {
    const { text, line, column } = withTerm(term);
    const issues = issuesOf(text);
    expect(issues).toMatchObject([{ code, path: ['report', 'round_term'], line, column }]);
    expect(issues[0]?.message).toContain(message);
  });

  it('refuses forms missing, empty or unknown, at the form', () => {
    const missing = issuesOf(withTerm({ one: 'cycle' }).text);
    expect(missing).toMatchObject([{ code: 'missing', path: ['report', 'round_term', 'other'] }]);
    const empty = withTerm({ one: 'cycle', other: '' }).text;
    const line = empty.split('\n').findIndex((l) => l.trimStart().startsWith('other:')) + 1;
    expect(issuesOf(empty)).toMatchObject([{ code: 'bad-format', path: ['report', 'round_term', 'other'], line }]);
    const unknown = issuesOf(withTerm({ one: 'cycle', other: 'cycles', few: 'cycles' }).text);
    expect(unknown).toMatchObject([{ code: 'unknown-key', path: ['report', 'round_term', 'few'] }]);
    expect(unknown[0]?.hint).toContain('one, other');
  });
});
