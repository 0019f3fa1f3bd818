import { describe, expect, it } from 'vitest';
import { MAX_CASE_BYTES } from '../../../src/core/parse.js';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText, exampleText } from '../../helpers/cases.js';

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};

describe('validateCaseText', () => {
  it('accepts the bundled examples', () => {
    for (const name of ['minimal', 'steven-sci', 'sci-assessments']) expect(issuesOf(exampleText(name))).toEqual([]);
  });

  it('reports schema and cross-field problems of one file together, in line order', () => {
    const text = caseText((c) => {
      (c.patient as Record<string, unknown>).sex = 'mal';
      c.rounds = [
        { id: 'r1', day: 0, observations: [{ domain: 'motor', change: 'improved', finding: 'x', source: 'measured' }] },
        { id: 'r1', day: 10 },
      ];
    });
    const codes = issuesOf(text).map((i) => i.code);
    expect(codes).toEqual(['invalid-value', 'measured-without-evidence', 'duplicate-id']);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const issues = issuesOf(`casereport: 1\n# ${'x'.repeat(MAX_CASE_BYTES)}\n`);
    expect(issues.map((i) => i.code)).toEqual(['too-large']);
  });

  it('rejects a date that does not exist and a score off its step', () => {
    const text = caseText((c) => {
      c.rounds = [{ id: 'r1', start: '2023-02-30' }];
      c.assessments = [{ id: 'e', instrument: 'edss', day: 0, score: 4.25 }];
    });
    const found = issuesOf(text);
    expect(found.map((i) => i.code)).toEqual(['bad-date', 'off-step']);
    expect(found[1]?.message).toContain('steps of 0.5');
  });

  it('checks instruments, subscores and the results an assessment carries', () => {
    const text = caseText((c) => {
      c.assessments = [
        { id: 'a', instrument: 'scim-3', day: 0, score: 10 },
        { id: 'b', instrument: 'scim-iii', day: 0, subscores: { selfcare: 5 } },
        { id: 'c', instrument: 'wisci-ii', day: 0 },
        { id: 'd', instrument: 'isncsci', score: 3 },
      ];
    });
    const found = issuesOf(text);
    expect(found.map((i) => i.code)).toEqual([
      'unknown-instrument',
      'unknown-subscore',
      'no-result',
      'missing-when',
      'no-result',
      'isncsci-score',
    ]);
    expect(found[0]?.hint).toBe('did you mean `scim-iii`?');
    expect(found[1]?.hint).toBe('did you mean `self_care`?');
  });

  it('explains text that YAML read as a mapping because of ": "', () => {
    const found = issuesOf(
      'casereport: 1\nid: x\npatient:\n  label: P\n  concerns:\n    - pain: mostly at night\ncondition:\n  name: SCI\nrounds:\n  - id: r1\nadverse_events: []\n',
    );
    expect(found[0]).toMatchObject({ code: 'wrong-type', line: 6, column: 7 });
    expect(found[0]?.hint).toContain('put the text in quotes');
  });

  it('accepts a bare year, which YAML reads as a number', () => {
    expect(issuesOf(caseText((c) => (c.condition = { name: 'SCI', onset: 2019 })))).toEqual([]);
  });
});
