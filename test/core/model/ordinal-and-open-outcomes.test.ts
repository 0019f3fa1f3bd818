import { describe, expect, it } from 'vitest';
import { validateCaseText } from '../../../src/core/validate/validate-case.js';
import { caseText, modelOf } from '../../helpers/cases.js';

/** A case assessed on days 0, 60 and 180 with one instrument, defined in the case file. */
function withInstrument(definition: Record<string, unknown>, scores: unknown[]): string {
  return caseText((c) => {
    c.instruments = [{ id: 'walk-distance', name: 'Walking distance', higher_is_better: true, ...definition }];
    c.assessments = scores.map((score, i) => ({ id: `w${i}`, instrument: 'walk-distance', day: [0, 60, 180][i], score }));
  });
}

/** A case with ISNCSCI totals on days 0, 90 and 180. */
function withIsncsci(totals: Record<string, unknown>[]): string {
  return caseText((c) => {
    c.assessments = totals.map((t, i) => ({ id: `i${i}`, instrument: 'isncsci', day: [0, 90, 180][i], totals: t }));
  });
}

const svgOf = (model: ReturnType<typeof modelOf>, key: string) => model.charts.find((c) => c.key === key)?.svg ?? '';
const yTicks = (svg: string) => [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1]);

describe('a measure without a fixed scale', () => {
  it('validates with a unit and no range, prints the unit, and its chart ends near the largest value', () => {
    const model = modelOf(withInstrument({ unit: 'm' }, [0, 40, 150]));
    const outcome = model.outcomes.find((o) => o.instrument === 'walk-distance');
    expect(outcome).toMatchObject({ kind: 'number', unit: 'm', baseline: 0, latest: 150, change: 150, label: 'Walking distance (m)' });
    expect(outcome?.text).toContain('improved by 150 m');
    expect(model.results.rows.find((r) => r.instrument === 'walk-distance')?.label).toBe('Walking distance (m)');
    const svg = svgOf(model, 'walk-distance/score');
    expect(yTicks(svg)).toEqual(['0', '50', '100', '150']);
    expect(svg).toContain('in m, no fixed maximum');
  });

  it('scales a speed to its values from zero: 0.4 to 0.93 m/s is drawn up to 1', () => {
    const svg = svgOf(modelOf(withInstrument({ unit: 'm/s', min: 0, step: 0.01 }, [0.4, 0.62, 0.93])), 'walk-distance/score');
    const ticks = yTicks(svg).map(Number);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBe(1);
  });

  it('refuses a value below `min`, and a definition with no scale at all, at their lines', () => {
    const below = validateCaseText(withInstrument({ unit: 'm', min: 0 }, [0, -5]));
    expect(below.ok).toBe(false);
    if (!below.ok) expect(below.issues.map((i) => i.message)).toContain('-5 is below the lowest possible value of Walking distance (0)');
    const none = validateCaseText(withInstrument({}, [1, 2]));
    expect(none.ok).toBe(false);
    if (!none.ok) {
      const issue = none.issues.find((i) => i.code === 'no-scale');
      expect(issue?.message).toContain('needs a `range`, a `unit`');
      expect(issue?.line).toBeGreaterThan(0);
    }
  });
});

describe('an ordinal instrument defined by its levels', () => {
  const levels = ['0', '1', '1+', '2', '3', '4'];

  it('takes a level as its score, counts the change in levels and draws a step chart labelled by level', () => {
    const model = modelOf(withInstrument({ levels, higher_is_better: false }, ['2', '1+', 1]));
    const outcome = model.outcomes.find((o) => o.instrument === 'walk-distance');
    expect(outcome).toMatchObject({ kind: 'ordinal', levels, baseline: '2', latest: '1', change: -2 });
    expect(outcome?.text).toMatch(/^improved by 2 levels \(from 2 to 1\)/);
    const svg = svgOf(model, 'walk-distance/score');
    expect(yTicks(svg)).toEqual(levels);
    expect(svg).toContain('Step chart of');
  });

  it('refuses a score that is not one of its levels, naming them', () => {
    const result = validateCaseText(withInstrument({ levels }, ['2', '1-']));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.message).toBe('1- is not a level of Walking distance');
      expect(result.issues[0]?.hint).toContain('0, 1, 1+, 2, 3, 4');
    }
  });
});

describe('the AIS grade and the neurological level as outcomes', () => {
  const model = modelOf(
    withIsncsci([
      { ais: 'A', nli: 'T9', uems: 50, lems: 0 },
      { ais: 'B', nli: 'T10', uems: 50, lems: 0 },
      { ais: 'C', nli: 'T10', uems: 50, lems: 12 },
    ]),
  );

  it('gives the AIS grade an ordinal outcome A → C, improved by 2 grades', () => {
    const ais = model.outcomes.find((o) => o.measure === 'ais');
    expect(ais).toMatchObject({ instrument: 'isncsci', kind: 'ordinal', baseline: 'A', latest: 'C', change: 2 });
    expect(ais?.text).toMatch(/^improved by 2 grades \(from A to C\)/);
    const nli = model.outcomes.find((o) => o.measure === 'nli');
    expect(nli).toMatchObject({ baseline: 'T9', latest: 'T10', change: 1 });
    expect(nli?.text).toMatch(/^moved 1 segment caudally \(from T9 to T10\)/);
  });

  it('says so in the abstract and charts the grade as steps, and LEMS (which moved) but not UEMS or the motor total', () => {
    expect(model.abstract).toContain('the AIS grade improved from A to C');
    expect(model.charts.map((c) => c.key)).toEqual(['isncsci/ais', 'isncsci/lems']);
    expect(yTicks(svgOf(model, 'isncsci/ais'))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(model.results.rows.find((r) => r.measure === 'nli')?.change).toBe(1);
  });

  it('leaves out a level the exam could not determine, never comparing it', () => {
    const m = modelOf(withIsncsci([{ nli: 'UND' }, { nli: 'C5' }, { nli: 'C6' }]));
    expect(m.outcomes.find((o) => o.measure === 'nli')).toMatchObject({ baseline: 'C5', latest: 'C6', change: 1 });
  });
});
