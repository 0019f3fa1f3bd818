import { describe, expect, it } from 'vitest';
import { caseText } from '../helpers/cases.js';
import { modelFromText, render } from './render-case.js';

/** A case with one round from day 0 to day 60, and one from 2023-09-01 to 2023-10-31 (also 60 days). */
const text = caseText((c) => {
  c.rounds = [
    { id: 'r1', start: '2023-06-01', end_day: 60 },
    { id: 'r2', start: '2023-09-01', end: '2023-10-31' },
  ];
});

describe('round durations in the rendered report', () => {
  const model = modelFromText(text);

  it.each(['md', 'html'] as const)('says "60 days" for day 0 to day 60 and for two dates 60 days apart (care, %s)', (format) => {
    const out = render('care', format, model);
    expect(out).toContain('2023-06-01 (day 0) to day 60 (60 days)');
    expect(out).toContain('2023-09-01 (day 92) to 2023-10-31 (day 152) (60 days)');
    expect(out).not.toContain('61 days');
  });
});
