import { describe, expect, it } from 'vitest';
import { caseText, exampleText, modelOf } from '../../helpers/cases.js';

const withScores = (instrument: string, scores: number[], days = scores.map((_, i) => i * 90)) =>
  caseText((c) => {
    c.assessments = scores.map((score, i) => ({ id: `a${i}`, instrument, day: days[i], score }));
  });

describe('outcomes', () => {
  it('lists only measures assessed more than once, in time order, with baseline, latest and change', () => {
    const text = caseText((c) => {
      c.assessments = [
        { id: 'late', instrument: 'scim-iii', day: 180, score: 61 },
        { id: 'base', instrument: 'scim-iii', day: -3, score: 42 },
        { id: 'once', instrument: 'wisci-ii', day: 0, score: 3 },
      ];
    });
    const [scim, ...rest] = modelOf(text).outcomes;
    expect(rest).toHaveLength(0);
    expect(scim).toMatchObject({
      instrument: 'scim-iii',
      measure: 'score',
      higher_is_better: true,
      baseline: 42,
      latest: 61,
      change: 19,
      mcid: 4,
      meaningful: true,
      points: [
        { assessment: 'base', day: -3, value: 42 },
        { assessment: 'late', day: 180, value: 61 },
      ],
    });
    expect(scim?.mcid_source).toContain('Scivoletto');
    expect(scim?.text).toMatch(/^improved by 19 points \(rose from 42 to 61\); reaching the published MCID of 4 points/);
  });

  it('judges a change smaller than the MCID as not meaningful', () => {
    const [scim] = modelOf(withScores('scim-iii', [40, 42])).outcomes;
    expect(scim).toMatchObject({ change: 2, meaningful: false });
    expect(scim?.text).toContain('below the published MCID of 4 points');
  });

  it('reads direction: a falling score is an improvement where higher is worse', () => {
    const [nrs] = modelOf(withScores('nrs-pain', [7, 3])).outcomes;
    expect(nrs).toMatchObject({ higher_is_better: false, change: -4, meaningful: true });
    expect(nrs?.text).toMatch(/^improved by 4 points \(fell from 7 to 3\)/);
  });

  it('applies the EDSS rule: 1.0 from a baseline of 5.5 or less, 0.5 above', () => {
    expect(modelOf(withScores('edss', [4, 4.5])).outcomes[0]).toMatchObject({ mcid: 1, meaningful: false });
    expect(modelOf(withScores('edss', [6, 6.5])).outcomes[0]).toMatchObject({ mcid: 0.5, meaningful: true, change: 0.5 });
    const worse = modelOf(withScores('edss', [6, 6.5])).outcomes[0];
    expect(worse?.text).toMatch(/^worsened by 0.5 points/);
  });

  it('uses the separate worsening threshold of MDS-UPDRS III', () => {
    const [worse] = modelOf(withScores('mds-updrs-iii', [30, 34])).outcomes;
    expect(worse).toMatchObject({ mcid: 4.63, meaningful: false });
    const [better] = modelOf(withScores('mds-updrs-iii', [30, 26])).outcomes;
    expect(better).toMatchObject({ mcid: 3.25, meaningful: true });
  });

  it('says so where no MCID is established, and sets meaningful to null', () => {
    const [berg] = modelOf(withScores('berg', [30, 39])).outcomes;
    expect(berg).toMatchObject({ change: 9, meaningful: null });
    expect(berg?.mcid).toBeUndefined();
    expect(berg?.text).toContain('no minimal clinically important difference is established');
  });

  it('tracks subscores and ISNCSCI totals of the assessments example', () => {
    const outcomes = modelOf(exampleText('sci-assessments')).outcomes;
    const measures = outcomes.map((o) => `${o.instrument}/${o.measure}`);
    expect(measures).toEqual(
      expect.arrayContaining([
        'scim-iii/score',
        'scim-iii/self_care',
        'wisci-ii/score',
        'isncsci/uems',
        'isncsci/lems',
        'isncsci/motor_total',
      ]),
    );
    const uems = outcomes.find((o) => o.measure === 'uems');
    expect(uems?.meaningful).toBeNull();
    expect(uems?.text).toContain('ISNCSCI');
  });

  it('uses instruments defined in the case file', () => {
    const text = caseText((c) => {
      c.instruments = [
        { id: 'grip', name: 'Grip strength', range: [0, 80], higher_is_better: true, mcid: 5, mcid_source: 'Example 2020', unit: 'kg' },
      ];
      c.assessments = [
        { id: 'g0', instrument: 'grip', day: 0, score: 10 },
        { id: 'g1', instrument: 'grip', day: 30, score: 16 },
      ];
    });
    expect(modelOf(text).outcomes[0]).toMatchObject({
      instrument: 'grip',
      change: 6,
      mcid: 5,
      mcid_source: 'Example 2020',
      meaningful: true,
    });
  });
});
