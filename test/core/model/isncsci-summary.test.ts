import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareIsncsciExams, summarizeIsncsciExams } from '../../../src/core/model/isncsci-summary.js';
import { exampleText, modelOf, ROOT } from '../../helpers/cases.js';

describe('ISNCSCI summary per exam (sci-assessments)', () => {
  const model = modelOf(exampleText('sci-assessments'));

  it('summarizes both raw exams with the classification the standard gives', () => {
    expect(model.isncsci_exams.map((e) => e.assessment)).toEqual(['isncsci-baseline', 'isncsci-follow-up']);
    const [baseline, follow_up] = model.isncsci_exams;
    expect(baseline).toMatchObject({
      source: 'exam',
      label: 'Baseline',
      ais: 'C',
      nli: 'C5*',
      complete: 'I',
      sensory_level: { right: 'C5', left: 'C5*' },
      motor_level: { right: 'C5', left: 'C6*' },
      uems: 18,
      lems: 9,
      motor_total: 27,
      lt_total: 63,
      pp_total: 25,
      zpp: { sensory_right: 'NA', sensory_left: 'NA', motor_right: 'L5', motor_left: 'S1' },
    });
    expect(baseline?.when?.since_onset_days).toBe(262);
    expect(baseline?.text).toBe('AIS C, NLI C5*; UEMS 18/50, LEMS 9/50, motor total 27/100; light touch 63/112, pin prick 25/112');
    expect(follow_up).toMatchObject({ ais: 'C', nli: 'C5*', uems: 24, lems: 16, motor_total: 40, lt_total: 64, pp_total: 33 });
  });

  it('gives the change between the exams: AIS and NLI from and to, and the totals deltas (motor 27 to 40)', () => {
    expect(model.isncsci_changes).toHaveLength(1);
    const [change] = model.isncsci_changes;
    expect(change).toMatchObject({
      from: 'isncsci-baseline',
      to: 'isncsci-follow-up',
      from_label: 'Baseline',
      to_label: 'Follow-up',
      days: 369,
      ais: { from: 'C', to: 'C', changed: false },
      nli: { from: 'C5*', to: 'C5*', changed: false },
    });
    expect(change?.totals.map((t) => [t.measure, t.from, t.to, t.change])).toEqual([
      ['uems', 18, 24, 6],
      ['lems', 9, 16, 7],
      ['motor_total', 27, 40, 13],
      ['lt_total', 63, 64, 1],
      ['pp_total', 25, 33, 8],
    ]);
    expect(change?.text).toBe(
      'AIS C to C (unchanged); NLI C5* to C5* (unchanged); UEMS 18 to 24 (+6); LEMS 9 to 16 (+7); motor total 27 to 40 (+13); light touch 63 to 64 (+1); pin prick 25 to 33 (+8)',
    );
  });

  it('leaves other instruments out', () => {
    expect(summarizeIsncsciExams(model.assessments.filter((a) => a.instrument !== 'isncsci'))).toEqual([]);
  });
});

describe('ISNCSCI totals-only exams (every-field fixture)', () => {
  const model = modelOf(readFileSync(join(ROOT, 'test', 'render', 'fixtures', 'every-field.yaml'), 'utf8'));

  it('are summarized from the totals written, with the motor total added up', () => {
    const [first, second] = model.isncsci_exams;
    expect(first).toMatchObject({ source: 'totals', ais: 'B', nli: 'T4', uems: 10, lems: 5, motor_total: 15 });
    expect(first?.lt_total).toBeUndefined();
    expect(first?.text).toBe('AIS B, NLI T4; UEMS 10/50, LEMS 5/50, motor total 15/100');
    expect(second).toMatchObject({ source: 'totals', uems: 12, lems: 5, motor_total: 17 });
  });

  it('compare what both exams give, and say what one of them lacks', () => {
    const [change] = model.isncsci_changes;
    expect(change).toMatchObject({ from_label: 'exam 1', to_label: 'exam 2' });
    expect(change?.ais).toBeUndefined();
    expect(change?.days).toBe(39);
    expect(change?.text).toBe(
      'AIS B to not recorded; NLI T4 to not recorded; UEMS 10 to 12 (+2); LEMS 5 to 5 (no change); motor total 15 to 17 (+2)',
    );
  });
});

describe('compareIsncsciExams', () => {
  it('skips totals that are not determinable (ND) and reports a changed grade', () => {
    const [change] = compareIsncsciExams([
      { assessment: 'a', source: 'exam', ais: 'B', nli: 'T4', uems: 'ND', lems: 0, text: '' },
      { assessment: 'b', source: 'exam', ais: 'C', nli: 'T6', uems: 10, lems: 2, text: '' },
    ]);
    expect(change?.ais).toEqual({ from: 'B', to: 'C', changed: true });
    expect(change?.totals.map((t) => t.measure)).toEqual(['lems']);
    expect(change?.text).toBe('AIS B to C; NLI T4 to T6; LEMS 0 to 2 (+2)');
    expect(change?.days).toBeUndefined();
    expect(compareIsncsciExams([])).toEqual([]);
  });
});
