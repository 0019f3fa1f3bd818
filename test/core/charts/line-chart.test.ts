import { describe, expect, it } from 'vitest';
import { renderLineChart, type LineChartSpec } from '../../../src/core/charts/line-chart.js';
import { escapeXml, niceTicks, textWidth, toBase64, truncate, truncateToWidth } from '../../../src/core/charts/svg.js';

const HOSTILE = `<script>alert("x")</script> & 'quotes' <a href="https://evil.example/">`;

const spec = (over: Partial<LineChartSpec> = {}): LineChartSpec => ({
  title: 'SCIM III total',
  xLabel: 'Days since the start of the first round',
  yLabel: 'SCIM III',
  yRange: [0, 100],
  points: [
    { x: -5, y: 32 },
    { x: 175, y: 37 },
    { x: 364, y: 41 },
  ],
  bands: [
    { from: 0, to: 81, label: 'First round' },
    { from: 182, to: 263, label: 'Second round' },
  ],
  references: [
    { y: 32, label: 'baseline 32', kind: 'baseline' },
    { y: 36, label: 'MCID +4 (36)', kind: 'threshold' },
  ],
  ...over,
});

/** Elements open and close in order: a small well-formedness check, enough for the SVG we write. */
function checkTags(svg: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, close, name = '', , selfClose] = m;
    if (selfClose) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) problems.push(`unexpected </${name}>`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  // Every `<` left in text must have been escaped: strip the tags and look for one.
  if (/</.test(svg.replace(/<\/?[a-zA-Z][\w-]*(?:\s+[\w:-]+="[^"<]*")*\s*\/?>/g, ''))) problems.push('stray <');
  return problems;
}

describe('renderLineChart', () => {
  const svg = renderLineChart(spec());

  it('is one well-formed <svg> root with a fixed viewBox, a title and DejaVu before the generic font family', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 340"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg\b/g)).toHaveLength(1);
    expect(checkTags(svg)).toEqual([]);
    expect(svg).toContain('<title>SCIM III total</title>');
    expect(svg).toContain(`font-family="'DejaVu Sans', sans-serif"`);
    expect(svg).not.toMatch(/<script|href=|url\(/);
  });

  it('draws one line through as many points as the series has, with a marker and value for each', () => {
    const polyline = /<polyline points="([^"]+)"/.exec(svg);
    expect(polyline?.[1]?.split(' ')).toHaveLength(3);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    for (const value of ['32', '37', '41']) expect(svg).toContain(`>${value}</text>`);
  });

  it('places points by day and values within the scale: later is further right, higher is further up', () => {
    const coords = (/<polyline points="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map((c) => c.split(',').map(Number));
    const xs = coords.map((c) => c[0] ?? 0);
    const ys = coords.map((c) => c[1] ?? 0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
    expect(svg).toContain('>0</text>');
    expect(svg).toContain('>100</text>');
  });

  it('marks the rounds as shaded bands with their labels, and the baseline and threshold lines', () => {
    expect(svg.match(/<g class="round">/g)).toHaveLength(2);
    expect(svg).toContain('>First round</text>');
    expect(svg).toContain('>Second round</text>');
    expect(svg).toContain('>baseline 32</text>');
    expect(svg).toContain('>MCID +4 (36)</text>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('stroke-dasharray="2 3"');
    const open = renderLineChart(spec({ bands: [{ from: 10, label: 'Round without an end' }] }));
    expect(open).toMatch(/<g class="round">\n<line /);
  });

  it('leaves out a reference line outside the scale', () => {
    const out = renderLineChart(
      spec({
        yRange: [0, 20],
        points: [
          { x: 0, y: 19 },
          { x: 1, y: 20 },
        ],
        references: [{ y: 23, label: 'MCID +4 (23)', kind: 'threshold' }],
      }),
    );
    expect(out).not.toContain('MCID');
  });

  it('escapes every label, and contains no script, link or external reference', () => {
    const hostile = renderLineChart(
      spec({
        title: HOSTILE,
        subtitle: HOSTILE,
        xLabel: HOSTILE,
        yLabel: HOSTILE,
        bands: [{ from: 0, to: 81, label: HOSTILE }],
        references: [{ y: 32, label: HOSTILE, kind: 'baseline' }],
        description: HOSTILE,
        xTicks: [{ x: -5, label: HOSTILE }],
      }),
    );
    expect(checkTags(hostile)).toEqual([]);
    // The words survive as text; no tag carries them: no script, no link, nothing to fetch.
    expect(hostile).not.toMatch(/<script|<a\b|<[^>]*\s(xlink:)?href=|url\(|@import|<foreignObject|<image|<[^>]*\son\w+=/i);
    expect(hostile).toContain(`<title>${escapeXml(HOSTILE)}</title>`);
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile.match(/<svg\b/g)).toHaveLength(1);
  });

  it('puts assessments in order where days are unknown, labelled on the x axis', () => {
    const out = renderLineChart(
      spec({
        points: [
          { x: 1, y: 10 },
          { x: 2, y: 12 },
        ],
        bands: [],
        xTicks: [
          { x: 1, label: 'Baseline' },
          { x: 2, label: 'Follow-up' },
        ],
      }),
    );
    expect(out).toContain('>Baseline</text>');
    expect(out).toContain('>Follow-up</text>');
  });
});

describe('SVG helpers', () => {
  it('choose round ticks, and add the top of an odd scale', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 20)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(renderLineChart(spec({ yRange: [0, 112] }))).toContain('>112</text>');
  });

  it('finish on any range, however large, small, reversed or not finite', () => {
    const absurd: [number, number][] = [
      [1e16, 1e16 + 2],
      [-1e308, 1e308],
      [0, Number.MAX_VALUE],
      [0, 5e-324],
      [1e300, 1e300 * (1 + 2 ** -50)],
      [0, Infinity],
      [-Infinity, Infinity],
      [NaN, 5],
      [5, 1],
    ];
    for (const [min, max] of absurd) {
      const ticks = niceTicks(min, max);
      expect(ticks.length, `${min}..${max}`).toBeLessThanOrEqual(12);
      expect(
        ticks.every((t) => Number.isFinite(t)),
        `${min}..${max}`,
      ).toBe(true);
      const svg = renderLineChart(
        spec({
          yRange: [min, max],
          points: [
            { x: 1e16, y: min },
            { x: 1e16 + 2, y: max },
          ],
          bands: [],
        }),
      );
      expect(svg).toContain('</svg>');
    }
  });

  it('escape XML, shorten long labels and encode UTF-8 as base64', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(truncate('Second round of stem cell treatment', 12)).toBe('Second roun…');
    expect(truncate('short', 12)).toBe('short');
    expect(textWidth('Round 1', 11)).toBeGreaterThan(textWidth('1', 11) * 5);
    expect(textWidth('mmm', 10)).toBeGreaterThan(textWidth('iii', 10));
    const cut = truncateToWidth('Second round of stem cell treatment', 60, 11);
    expect(cut?.endsWith('…')).toBe(true);
    expect(textWidth(cut ?? '', 11)).toBeLessThanOrEqual(60);
    expect(truncateToWidth('Second round', 20, 11, 6)).toBeUndefined();
    expect(truncateToWidth('short', 200, 11)).toBe('short');
    expect(Buffer.from(toBase64('Sørensen – ≥ 4'), 'base64').toString('utf8')).toBe('Sørensen – ≥ 4');
  });
});
