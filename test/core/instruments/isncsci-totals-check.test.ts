import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { exampleText } from '../../helpers/cases.js';

/** The assessments example with `totals` written beside the raw exam of the baseline ISNCSCI (derived: AIS C, NLI C5*, UEMS 18, LEMS 9, LT 63, PP 25). */
function withBaselineTotals(totals: Record<string, unknown>, edit: (exam: Record<string, unknown>) => void = () => {}): string {
  const c = parse(exampleText('sci-assessments')) as { assessments: Record<string, unknown>[] };
  const baseline = c.assessments.find((a) => a.id === 'isncsci-baseline');
  if (!baseline) throw new Error('no isncsci-baseline in the example');
  baseline.totals = totals;
  edit(baseline.exam as Record<string, unknown>);
  return stringify(c);
}

const warningsOf = (text: string) => {
  const result = validateCaseText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value.warnings.filter((w) => w.code === 'isncsci-totals-mismatch');
};

describe('ISNCSCI totals beside a raw exam', () => {
  it('are accepted without a warning where they agree (a starred NLI agrees with the plain level)', () => {
    expect(warningsOf(withBaselineTotals({ uems: 18, lems: 9, lt_total: 63, pp_total: 25, ais: 'C', nli: 'C5' }))).toEqual([]);
  });

  it('are flagged as warnings where they disagree, each at its own totals field with its line', () => {
    const warnings = warningsOf(withBaselineTotals({ uems: 20, lems: 9, ais: 'D', nli: 'C6' }));
    expect(warnings.map((w) => [w.severity, w.path.join('.')])).toEqual([
      ['warning', 'assessments.0.totals.uems'],
      ['warning', 'assessments.0.totals.ais'],
      ['warning', 'assessments.0.totals.nli'],
    ]);
    expect(warnings[0]?.message).toBe('totals give UEMS 20, but the exam gives 18');
    expect(warnings[1]?.message).toBe('totals give AIS D, but the exam classifies as AIS C');
    expect(warnings[0]?.line).toBeGreaterThan(0);
    expect(warnings[0]?.hint).toContain('computed from the exam');
  });

  it('are not compared with an exam whose grid has errors (those are reported instead)', () => {
    const text = withBaselineTotals({ uems: 20 }, (exam) => {
      ((exam.right as Record<string, unknown>).motor as Record<string, unknown>).C5 = 7;
    });
    const result = validateCaseText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code)).toContain('isncsci-grid');
    expect(result.issues.map((i) => i.code)).not.toContain('isncsci-totals-mismatch');
  });
});
