import { describe, expect, it } from 'vitest';
import { caseText, exampleText, modelOf } from '../../helpers/cases.js';

/** A minimal case with one instrument scored at the given values, 90 days apart. */
const withScores = (instrument: string, scores: number[], extra: (c: Record<string, unknown>) => void = () => {}) =>
  caseText((c) => {
    c.assessments = scores.map((score, i) => ({ id: `a${i}`, instrument, day: i * 90, score }));
    extra(c);
  });

const textOf = (instrument: string, scores: number[], extra?: (c: Record<string, unknown>) => void) =>
  modelOf(withScores(instrument, scores, extra)).outcomes[0]?.text ?? '';

describe('outcome wording', () => {
  it('says that no MCID is established where none is, and how far the score moved', () => {
    expect(textOf('berg', [30, 39])).toMatch(
      /^improved by 9 points \(rose from 30 to 39\); no minimal clinically important difference is established across conditions for the Berg Balance Scale/,
    );
  });

  it('names the published MCID, its source and the "substantial" size where a change reaches it', () => {
    const text = textOf('scim-iii', [42, 61]);
    expect(text).toMatch(
      /^improved by 19 points \(rose from 42 to 61\); reaching the published MCID of 4 points \(Scivoletto G et al\. 2013/,
    );
    expect(text).toContain('and the 10 points the same source calls substantial');
    expect(text).toContain('anchor-based estimates are larger');
    expect(textOf('scim-iii', [42, 45])).toMatch(/^improved by 3 points \(rose from 42 to 45\); below the published MCID of 4 points/);
    expect(textOf('scim-iii', [42, 45])).not.toContain('substantial');
  });

  it('reads direction: where higher is worse a rise is a worsening and a fall an improvement', () => {
    expect(textOf('nrs-pain', [3, 7])).toMatch(/^worsened by 4 points \(rose from 3 to 7\); reaching the published MCID of 2 points/);
    expect(textOf('nrs-pain', [7, 6])).toMatch(/^improved by 1 point \(fell from 7 to 6\); below the published MCID of 2 points/);
    expect(textOf('scim-iii', [50, 40])).toMatch(/^worsened by 10 points \(fell from 50 to 40\)/);
    expect(textOf('scim-iii', [50, 40])).not.toContain('substantial');
  });

  it('uses the separate worsening threshold of MDS-UPDRS III, and says so', () => {
    expect(textOf('mds-updrs-iii', [30, 34])).toMatch(
      /^worsened by 4 points \(rose from 30 to 34\); below the published MCID for worsening of 4\.63 points \(Horváth/,
    );
    expect(textOf('mds-updrs-iii', [30, 26])).toMatch(
      /^improved by 4 points \(fell from 30 to 26\); reaching the published MCID of 3\.25 points/,
    );
  });

  it('says which EDSS threshold applies to the baseline', () => {
    expect(textOf('edss', [6, 6.5])).toMatch(
      /^worsened by 0\.5 points \(rose from 6 to 6\.5\); reaching the published MCID of 0\.5 points for a baseline above 5\.5 \(Kragt/,
    );
    expect(textOf('edss', [4, 3.5])).toMatch(/below the published MCID of 1 point for a baseline of 5\.5 or less/);
  });

  it('calls a minimal detectable change what it is: larger than measurement error, not proof that it matters', () => {
    const text = textOf('wisci-ii', [3, 4]);
    expect(text).toMatch(
      /^improved by 1 level \(rose from 3 to 4\); reaching the published minimal detectable change of 1 level \(Burns AS et al\. 2011/,
    );
    expect(text).toContain('so larger than measurement error; no minimal clinically important difference is established');
    const outcome = modelOf(withScores('wisci-ii', [3, 4])).outcomes[0];
    expect(outcome).toMatchObject({ mcid: 1, mcid_kind: 'mdc', meaningful: true });
  });

  it('does not call a threshold from the case file "published"', () => {
    const text = textOf('grip', [10, 16], (c) => {
      c.instruments = [
        { id: 'grip', name: 'Grip strength', range: [0, 80], higher_is_better: true, mcid: 5, mcid_source: 'Example 2020', unit: 'kg' },
      ];
    });
    expect(text).toMatch(/^improved by 6 kg \(rose from 10 to 16\); reaching the MCID of 5 kg given in the case file \(Example 2020\)/);
    expect(text).not.toContain('published');
  });

  it('reports no net change honestly, and says where the values strayed in between', () => {
    expect(textOf('scim-iii', [40, 52, 40])).toMatch(
      /^no net change \(40 at baseline and at the latest assessment\); 3 assessments over 6 months; in between it ranged from 40 to 52$/,
    );
    expect(textOf('scim-iii', [40, 30, 45])).toContain('in between it ranged from 30 to 45');
    expect(textOf('scim-iii', [40, 42, 45])).not.toContain('in between');
  });

  it('gives each point its time since onset, and the span in words', () => {
    const model = modelOf(
      withScores('scim-iii', [40, 45], (c) => {
        (c.condition as Record<string, unknown>).onset = '2022-01-01';
        (c.rounds as Record<string, unknown>[])[0] = { ...(c.rounds as Record<string, unknown>[])[0], start: '2022-07-01' };
      }),
    );
    const [scim] = model.outcomes;
    expect(scim?.points.map((p) => p.since_onset_days)).toEqual([181, 271]);
    expect(scim?.text).toMatch(/; 2 assessments over 3 months \(6 months to 9 months after onset\)$/);
  });

  it("judges subscores without the total's MCID, and names them readably", () => {
    const outcomes = modelOf(exampleText('sci-assessments')).outcomes;
    const selfCare = outcomes.find((o) => o.measure === 'self_care');
    expect(selfCare?.label).toBe('Spinal Cord Independence Measure III (SCIM III): self-care');
    expect(selfCare).toMatchObject({ meaningful: null, baseline: 6, latest: 9 });
    expect(selfCare?.mcid).toBeUndefined();
    expect(selfCare?.text).toContain('no single minimal clinically important difference is established for the SCIM III subscores');
    const motor = outcomes.find((o) => o.measure === 'motor_total');
    expect(motor).toMatchObject({ baseline: 27, latest: 40, change: 13, meaningful: null });
    expect(motor?.text).toMatch(
      /^improved by 13 points \(rose from 27 to 40\); no minimal clinically important difference is established for the ISNCSCI motor or sensory totals/,
    );
  });
});
