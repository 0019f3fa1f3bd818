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
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300"')).toBe(true);
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
    expect(open).toMatch(/<g class="round">\n<line [^\n]*stroke-dasharray="5 3"\/>\n<text [^>]*>Round without an end<\/text>/);
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

const unescape = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

/** The rounds as drawn: each band's extent and fill, its label's estimated box, and its <title>. */
function roundsOf(svg: string) {
  return [...svg.matchAll(/<g class="round">\n([\s\S]*?)<\/g>/g)].map(([, body = '']) => {
    const rect = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill-opacity="([\d.]+)"/.exec(body);
    const text = /<text x="([\d.]+)" y="([\d.]+)" font-size="11"[^>]*>([^<]*)<\/text>/.exec(body);
    const label = text && unescape(text[3] ?? '');
    return {
      band: rect ? { x0: Number(rect[1]), x1: Number(rect[1]) + Number(rect[2]), opacity: rect[3] } : undefined,
      edges: (body.match(/<line [^>]*stroke-width="0.75"/g) ?? []).length,
      label:
        label === null
          ? undefined
          : { text: label, x0: Number(text?.[1]), x1: Number(text?.[1]) + textWidth(label, 11), y: Number(text?.[2]) },
      title: /<title>([^<]*)<\/title>/.exec(body)?.[1],
    };
  });
}

/** The top of the plot: where the y axis starts. */
const plotTop = (svg: string) => Number(/<line x1="64" y1="([\d.]+)" x2="64" y2="244"/.exec(svg)?.[1]);

/** No two labels on a row overlap, and every label lies within the plot (x 64 to 532), above it. */
function expectLabelsFit(svg: string) {
  const labels = roundsOf(svg).flatMap((r) => (r.label ? [r.label] : []));
  for (const [i, a] of labels.entries()) {
    expect(a.x0, a.text).toBeGreaterThanOrEqual(64);
    expect(a.x1, a.text).toBeLessThanOrEqual(532);
    expect(a.y, a.text).toBeLessThan(plotTop(svg));
    for (const b of labels.slice(i + 1)) if (a.y === b.y) expect(a.x1 <= b.x0 || b.x1 <= a.x0, `${a.text} overlaps ${b.text}`).toBe(true);
  }
}

describe('rounds back to back', () => {
  const phases = (names: string[], days: [number, number][]) =>
    spec({
      points: [
        { x: 0, y: 40 },
        { x: 45, y: 55 },
        { x: 90, y: 70 },
      ],
      bands: days.map(([from, to], i) => ({ from, to, label: names[i] ?? '' })),
    });
  const LONG = [
    'Phase 1: intrathecal mesenchymal stromal cells',
    'Phase 2: intensive outpatient rehabilitation',
    'Phase 3: home exercise programme & <review>',
  ];
  const ADJACENT: [number, number][] = [
    [0, 30],
    [30, 60],
    [60, 90],
  ];

  it('label three adjacent phases with long names within their bands, without overlap, and keep the full names', () => {
    const svg = renderLineChart(phases(LONG, ADJACENT));
    const rounds = roundsOf(svg);
    expect(rounds).toHaveLength(3);
    expectLabelsFit(svg);
    for (const [i, r] of rounds.entries()) {
      expect(r.label, LONG[i]).toBeDefined();
      expect(r.label?.x0).toBeGreaterThanOrEqual(r.band?.x0 ?? Infinity);
      expect(r.label?.x1).toBeLessThanOrEqual(r.band?.x1 ?? -Infinity);
      // Shortened, so the full name is kept (escaped) in a <title>.
      expect(r.label?.text).not.toBe(LONG[i]);
      expect(r.title).toBe(escapeXml(LONG[i] ?? ''));
    }
    expect(checkTags(svg)).toEqual([]);
  });

  it('shorten a label with an ellipsis only where the part kept tells the rounds apart, else show the number', () => {
    const distinct = roundsOf(renderLineChart(phases(LONG, ADJACENT))).map((r) => r.label?.text);
    expect(distinct.every((t) => t?.startsWith('Phase ') && t.endsWith('…'))).toBe(true);
    const narrow = renderLineChart(
      phases(
        ['Round 1 of intrathecal cells', 'Round 2 of intrathecal cells', 'Round 3 of intrathecal cells'],
        [
          [0, 10],
          [10, 20],
          [20, 30],
        ],
      ),
    );
    expect(roundsOf(narrow).map((r) => r.label?.text)).toEqual(['1', '2', '3']);
    expectLabelsFit(narrow);
    const unnumbered = renderLineChart(
      phases(
        ['Induction with cells', 'Induction with rehabilitation'],
        [
          [0, 10],
          [10, 20],
        ],
      ),
    );
    expect(roundsOf(unnumbered).map((r) => r.label?.text)).toEqual(['1', '2']);
  });

  it('give adjacent bands different fills and a separating edge', () => {
    const rounds = roundsOf(renderLineChart(phases(LONG, ADJACENT)));
    const fills = rounds.map((r) => r.band?.opacity);
    expect(fills.every((f) => f !== undefined)).toBe(true);
    for (let i = 1; i < fills.length; i++) expect(fills[i]).not.toBe(fills[i - 1]);
    expect(rounds.map((r) => r.edges)).toEqual([2, 2, 2]);
  });

  it('still label a round of one day, between two others, readably and without overlap', () => {
    const svg = renderLineChart(
      spec({
        points: [
          { x: 0, y: 40 },
          { x: 90, y: 70 },
        ],
        bands: [
          { from: 0, to: 30, label: 'Round 1: cells' },
          { from: 30, to: 31, label: 'Round 2: a booster injection' },
          { from: 31, to: 60, label: 'Round 3: again' },
          { from: 75, label: 'Round 4' },
        ],
      }),
    );
    const rounds = roundsOf(svg);
    expect(rounds.map((r) => r.label?.text)).toEqual(['Round 1: cells', '2', 'Round 3: again', 'Round 4']);
    expect(rounds[1]?.title).toBe('Round 2: a booster injection');
    expect((rounds[1]?.band?.x1 ?? 0) - (rounds[1]?.band?.x0 ?? 0)).toBeGreaterThanOrEqual(3);
    expectLabelsFit(svg);
  });

  it('stack labels on a second row, or leave them out, so none overlaps or leaves the plot, however crowded', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 60; n++) {
      const count = 1 + Math.floor(random() * 8);
      const bands = Array.from({ length: count }, (_, i) => {
        const from = Math.floor(random() * 360);
        const to = random() < 0.2 ? undefined : from + Math.floor(random() * (random() < 0.5 ? 3 : 90));
        return {
          from,
          ...(to === undefined ? {} : { to }),
          label: `Round ${i + 1}: ${'treatment '.repeat(Math.floor(random() * 4))}`.trim(),
        };
      });
      const svg = renderLineChart(spec({ bands }));
      expectLabelsFit(svg);
      for (const r of roundsOf(svg))
        if (r.label?.text !== undefined && r.title === undefined) expect(bands.map((b) => b.label)).toContain(r.label.text);
      expect(
        new Set(
          roundsOf(svg)
            .map((r) => r.label?.y)
            .filter((y) => y !== undefined),
        ).size,
      ).toBeLessThanOrEqual(2);
    }
  });

  it('keep values inside the plot, clear of the round labels above it and of each other', () => {
    const svg = renderLineChart(
      spec({
        points: [
          { x: 0, y: 100 },
          { x: 2, y: 99 },
          { x: 90, y: 50 },
        ],
        bands: [{ from: 0, to: 30, label: 'First round' }],
      }),
    );
    const top = plotTop(svg);
    const values = [
      ...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" dy="(-?\d+)" text-anchor="(\w+)" font-weight="bold"[^>]*>([^<]*)</g),
    ].map(([, x, y, dy, anchor, text = '']) => {
      const width = textWidth(text, 12) * 1.1;
      const left = Number(x) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
      const base = Number(y) + Number(dy);
      return { x0: left, x1: left + width, top: base - 9.5, bottom: base + 2.5 };
    });
    expect(values).toHaveLength(3);
    for (const v of values) expect(v.top).toBeGreaterThanOrEqual(top);
    const [a, b] = values;
    if (a && b) expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    expect(roundsOf(svg)[0]?.label?.y).toBeLessThan(top);
  });

  it('are drawn the same way every time', () => {
    expect(renderLineChart(phases(LONG, ADJACENT))).toBe(renderLineChart(phases(LONG, ADJACENT)));
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
