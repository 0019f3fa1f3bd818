import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText, exampleText } from '../../helpers/cases.js';

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};

describe('instrument ranges and steps', () => {
  const withInstrument = (definition: Record<string, unknown>, score?: number) =>
    caseText((c) => {
      c.instruments = [{ id: 'grip', name: 'Grip strength', higher_is_better: true, ...definition }];
      if (score !== undefined) c.assessments = [{ id: 'a', instrument: 'grip', day: 0, score }];
    });
  const codes = (text: string) => issuesOf(text).map((i) => [i.code, i.path.join('.')]);

  it('refuses a range whose steps cannot be told apart in floating point', () => {
    const text = withInstrument({ range: [1e16, 1e16 + 2] }, 1e16);
    expect(codes(text)).toEqual([['bad-range', 'instruments.0.range']]);
  });

  it('refuses a range that is not a whole number of steps, or has too many', () => {
    expect(codes(withInstrument({ range: [0, 10], step: 3 }))).toEqual([['bad-step', 'instruments.0.step']]);
    expect(codes(withInstrument({ range: [0, 1e7], step: 0.001 }))).toEqual([['bad-step', 'instruments.0.step']]);
  });

  it('refuses values beyond a billion, and reversed ranges, also of subscores', () => {
    expect(codes(withInstrument({ range: [0, 1e12] }))).toEqual([['bad-range', 'instruments.0.range']]);
    expect(codes(withInstrument({ range: [10, 0] }))).toEqual([['bad-range', 'instruments.0.range']]);
    expect(codes(withInstrument({ range: [0, 10], subscores: { left: [5, 1] } }))).toEqual([['bad-range', 'instruments.0.subscores.left']]);
  });

  it('does not also report the scores of an instrument whose definition is wrong', () => {
    expect(codes(withInstrument({ range: [10, 0] }, 5))).toEqual([['bad-range', 'instruments.0.range']]);
  });

  it('accepts ordinary ranges and steps', () => {
    expect(issuesOf(withInstrument({ range: [0, 100], step: 0.1, subscores: { left: [0, 50] } }, 42.3))).toEqual([]);
    expect(issuesOf(exampleText('sci-assessments'))).toEqual([]);
  });
});
