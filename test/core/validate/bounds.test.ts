import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText } from '../../helpers/cases.js';

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};
const at = (text: string, path: string) => issuesOf(text).filter((i) => i.path.join('.') === path);

describe('case id length', () => {
  it('refuses an id too long to name the output files, where it is written', () => {
    const issues = at(
      caseText((c) => (c.id = 'a'.repeat(230))),
      'id',
    );
    expect(issues).toMatchObject([{ code: 'out-of-range', line: 2, column: 5 }]);
    expect(issues[0]?.message).toContain('230 characters');
    expect(issues[0]?.message).toContain('64');
    expect(issues[0]?.hint).toContain('output files');
  });

  it('accepts an id of 64 characters', () => {
    expect(issuesOf(caseText((c) => (c.id = 'a'.repeat(64))))).toEqual([]);
  });
});

describe('day offsets', () => {
  it('refuses a day more than 100 years from the first round, wherever a day is given', () => {
    const text = caseText((c) => {
      c.rounds = [
        { id: 'r1', day: 0 },
        { id: 'r2', day: 40, end_day: 9007199254740991 },
      ];
      c.follow_up = { day: -40_000 };
      c.assessments = [{ id: 'a', instrument: 'nrs-pain', day: 9007199254740991, score: 3 }];
    });
    const found = issuesOf(text).map((i) => `${i.code} ${i.path.join('.')}`);
    expect(found.sort()).toEqual(['out-of-range assessments.0.day', 'out-of-range follow_up.day', 'out-of-range rounds.1.end_day']);
    const issue = at(text, 'assessments.0.day')[0];
    expect(issue?.message).toContain('100 years');
    expect(issue?.line).toBeGreaterThan(1);
  });

  it('accepts days up to 100 years either side', () => {
    const text = caseText((c) => {
      c.rounds = [{ id: 'r1', day: 0 }];
      c.events = [{ day: -36_525, event: 'birth' }];
      c.follow_up = { day: 36_525 };
    });
    expect(issuesOf(text)).toEqual([]);
  });
});

describe('.nan and .inf', () => {
  it('says what was found wherever a number is expected', () => {
    const text = caseText((c) => {
      (c.patient as Record<string, unknown>).age = Infinity;
      c.assessments = [
        { id: 'a', instrument: 'nrs-pain', day: 0, score: NaN },
        { id: 'b', instrument: 'scim-iii', day: 0, subscores: { mobility: -Infinity } },
      ];
    });
    expect(text).toContain('.nan');
    const message = (path: string) => at(text, path)[0]?.message;
    expect(message('patient.age')).toBe('expected a number, found Infinity (`.inf`)');
    expect(message('assessments.0.score')).toBe('expected a number, found NaN (`.nan`, not a number)');
    expect(message('assessments.1.subscores.mobility')).toBe('expected a number, found -Infinity (`-.inf`)');
    expect(at(text, 'assessments.0.score')[0]?.hint).toContain('finite number');
  });

  it('refuses them in free text, ISNCSCI totals and instrument definitions', () => {
    const text = caseText((c) => {
      (c.patient as Record<string, unknown>).label = NaN;
      c.instruments = [{ id: 'grip', name: 'Grip', range: [0, Infinity], higher_is_better: true }];
      c.assessments = [{ id: 'i', instrument: 'isncsci', day: 0, totals: { uems: NaN } }];
    });
    expect(at(text, 'patient.label')[0]).toMatchObject({ message: 'expected text, found NaN (`.nan`, not a number)' });
    expect(at(text, 'patient.label')[0]?.hint).toContain('quotes');
    expect(at(text, 'instruments.0.range.1')[0]?.message).toContain('Infinity');
    expect(at(text, 'assessments.0.totals.uems')[0]?.message).toContain('NaN');
  });
});
