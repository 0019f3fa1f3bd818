import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';

const issuesOf = (text: string) => {
  const result = validateCaseText(text);
  return result.ok ? [] : result.issues;
};
const summary = (text: string) => issuesOf(text).map((i) => `${i.line}:${i.column} ${i.code} ${i.path.join('.')}`);

/** A case that defines its own instrument and uses it in every assessment; `round` adds to the round. */
function caseWithOwnInstrument({ top = '', round = '', observation = '' } = {}): string {
  const assessments = Array.from({ length: 6 }, (_, i) => `  - { id: fim-${i}, instrument: fim-motor, day: ${i * 30}, score: ${40 + i} }`);
  return `casereport: 1
id: cascade
${top}patient:
  label: P
condition:
  name: Spinal cord injury
rounds:
  - id: r1
    day: 0
${round}    observations:
      - { domain: motor, change: improved, finding: ${observation || 'can lift the arm'}, source: patient }
instruments:
  - { id: fim-motor, name: FIM motor, range: [13, 91], higher_is_better: true }
assessments:
${assessments.join('\n')}
adverse_events: []
`;
}

describe('one mistake is one error', () => {
  it('the base case is valid', () => {
    expect(issuesOf(caseWithOwnInstrument())).toEqual([]);
  });

  it('a comma in unquoted text inside { } is one error, with a hint about the comma', () => {
    const issues = issuesOf(caseWithOwnInstrument({ observation: 'can lift the arm, slowly' }));
    expect(issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.path.join('.')}`)).toEqual([
      '11:71 unknown-key rounds.0.observations.0.slowly',
    ]);
    expect(issues[0]?.hint).toContain('put the text in quotes (`finding: "can lift the arm, slowly"`) or use block style');
  });

  it("an unknown key, a language the format lacks, or a date on a round leaves the case's instruments known", () => {
    expect(summary(caseWithOwnInstrument({ top: 'colour: blue\n' }))).toEqual(['3:1 unknown-key colour']);
    expect(summary(caseWithOwnInstrument({ top: 'language: ja\n' }))).toEqual(['3:11 invalid-value language']);
    const dated = issuesOf(caseWithOwnInstrument({ round: '    date: 2023-03-01\n' }));
    expect(dated.map((i) => `${i.line}:${i.column} ${i.code} ${i.path.join('.')}`)).toEqual(['10:5 unknown-key rounds.0.date']);
    expect(dated[0]?.hint).toBe('rounds take `start` and `end` (dates), or `day` and `end_day`, not `date`');
  });

  it('still checks scores against a case-defined instrument when something else is wrong', () => {
    const text = caseWithOwnInstrument({ top: 'language: ja\n' }).replace('score: 45', 'score: 450');
    expect(summary(text)).toEqual(['3:11 invalid-value language', '21:58 out-of-range assessments.5.score']);
  });

  it('an instrument defined wrongly is reported once, where it is defined, not as unknown in every assessment', () => {
    const text = caseWithOwnInstrument().replace('name: FIM motor, ', '');
    expect(summary(text)).toEqual(['13:5 missing instruments.0.name']);
  });

  it('a reference to an entry whose id is wrong is not reported as unknown as well', () => {
    const text = caseWithOwnInstrument({ observation: 'stronger' })
      .replace('source: patient }', 'source: measured, evidence: [fim-9] }')
      .replace('  - { id: fim-5,', '  - { id: [fim-9],');
    expect(summary(text)).toEqual(['20:11 wrong-type assessments.5.id']);
  });
});

describe('the comma hint', () => {
  it('is given for a key without a value after unquoted text, also where the key is known', () => {
    const text = caseWithOwnInstrument({ observation: 'hands, site' });
    const issue = issuesOf(text).find((i) => i.path.join('.') === 'rounds.0.observations.0.site');
    expect(issue?.hint).toContain('put the text in quotes (`finding: "hands, site"`)');
  });

  it('is not given for a quoted text, nor in block style', () => {
    const quoted = issuesOf(caseWithOwnInstrument({ observation: '"can lift", slowly' }));
    expect(quoted[0]?.hint).not.toContain('comma');
    const block = caseWithOwnInstrument().replace(
      'observations:\n      - { domain: motor, change: improved, finding: can lift the arm, source: patient }',
      'observations:\n      - domain: motor\n        change: improved\n        finding: can lift the arm\n        slowly:\n        source: patient',
    );
    const issues = issuesOf(block);
    expect(issues.map((i) => i.code)).toEqual(['unknown-key']);
    expect(issues[0]?.hint).not.toContain('comma');
  });
});
