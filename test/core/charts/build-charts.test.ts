import { describe, expect, it } from 'vitest';
import { caseText, exampleText, modelOf } from '../../helpers/cases.js';

const decode = (data_uri: string) => Buffer.from(data_uri.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');

describe('charts in the report model', () => {
  const model = modelOf(exampleText('sci-assessments'));

  it('draw every whole measure assessed more than once: total scores, UEMS and LEMS where they moved (the AIS grade did not), and the ISNCSCI motor and sensory totals', () => {
    expect(model.charts.map((c) => c.key)).toEqual([
      'isncsci/uems',
      'isncsci/lems',
      'isncsci/motor_total',
      'isncsci/lt_total',
      'isncsci/pp_total',
      'scim-iii/score',
      'wisci-ii/score',
    ]);
    expect(model.charts.map((c) => c.file)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `sci-assessments-chart-${n}.svg`));
  });

  it('embed the same SVG as a base64 data: URI', () => {
    for (const chart of model.charts) {
      expect(chart.data_uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
      expect(decode(chart.data_uri)).toBe(chart.svg);
    }
  });

  it('draw SCIM III over the whole 0-100 scale, with both rounds, the baseline and the MCID line', () => {
    const scim = model.charts.find((c) => c.key === 'scim-iii/score');
    const svg = scim?.svg ?? '';
    expect(scim?.title).toBe('Spinal Cord Independence Measure III (SCIM III)');
    expect(/<polyline points="([^"]+)"/.exec(svg)?.[1]?.split(' ')).toHaveLength(3);
    expect(svg).toContain('>First round</text>');
    expect(svg).toContain('>Second round</text>');
    expect(svg).toContain('>baseline 32</text>');
    expect(svg).toContain('>MCID +4 (36)</text>');
    expect(svg).toContain('>100</text>');
    expect(scim?.alt).toContain('Values: 32 (day -5), 37 (day 175), 41 (day 364)');
    expect(scim?.alt).toContain('First round (day 0 to 81)');
  });

  it('draw the threshold below the baseline where lower is better, and none where no MCID exists', () => {
    const text = caseText((c) => {
      c.assessments = [
        { id: 'p0', instrument: 'nrs-pain', day: 0, score: 7 },
        { id: 'p1', instrument: 'nrs-pain', day: 30, score: 4 },
      ];
    });
    const [pain] = modelOf(text).charts;
    expect(pain?.svg).toContain('>MCID −2 (5)</text>');
    const motor = model.charts.find((c) => c.key === 'isncsci/motor_total');
    expect(motor?.svg).not.toContain('stroke-dasharray="2 3"');
    expect(motor?.svg).toContain('no MCID established');
  });

  it('fall back to assessment order where days are unknown, and say the rounds are not drawn', () => {
    const text = caseText((c) => {
      const rounds = c.rounds as Record<string, unknown>[];
      delete rounds[0]?.start;
      c.assessments = [
        { id: 's0', instrument: 'scim-iii', date: '2023-01', label: 'Before', score: 20 },
        { id: 's1', instrument: 'scim-iii', date: '2023-06', label: 'After', score: 30 },
      ];
    });
    const [chart] = modelOf(text).charts;
    expect(chart?.svg).toContain('>Before</text>');
    expect(chart?.svg).toContain('Assessment, in time order (days not known)');
    expect(chart?.alt).toContain('The rounds are not drawn');
  });

  it('escape hostile round labels', () => {
    const text = caseText((c) => {
      const rounds = c.rounds as Record<string, unknown>[];
      rounds[0] = { ...rounds[0], label: '<script>alert(1)</script>', start: '2023-01-01' };
      c.assessments = [
        { id: 's0', instrument: 'scim-iii', day: 0, score: 20 },
        { id: 's1', instrument: 'scim-iii', day: 90, score: 30 },
      ];
    });
    const [chart] = modelOf(text).charts;
    expect(chart?.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(chart?.svg).not.toMatch(/<script|href/);
  });

  it('are none without a measure assessed twice', () => {
    expect(modelOf(exampleText('minimal')).charts).toEqual([]);
    expect(modelOf(exampleText('steven-sci')).charts).toEqual([]);
  });
});
