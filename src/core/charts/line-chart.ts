import { escapeXml as esc, fmt, niceTicks, truncate } from './svg.js';

/** One measured value; `x` is a day (or a position, where days are unknown). */
export interface ChartPoint {
  x: number;
  y: number;
}

/** A period drawn as a shaded band (or a line, without `to`), such as a treatment round. */
export interface ChartBand {
  from: number;
  to?: number;
  label: string;
}

/** A horizontal reference line: the baseline, or the threshold a change must reach. */
export interface ChartReference {
  y: number;
  label: string;
  kind: 'baseline' | 'threshold';
}

/** Everything one line chart shows; the chart adds nothing that is not here. */
export interface LineChartSpec {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  /** The y axis always spans the instrument's whole range, so small changes look small. */
  yRange: [number, number];
  points: ChartPoint[];
  /** Labels for an ordinal x axis; numeric ticks are chosen where absent. */
  xTicks?: { x: number; label: string }[];
  bands?: ChartBand[];
  references?: ChartReference[];
  /** A text alternative, written into `<desc>`. */
  description?: string;
}

const W = 640;
const H = 340;
// The right margin holds the labels of the reference lines, clear of the data.
const PLOT = { left: 64, right: 532, top: 56, bottom: 284 };
const COLOURS = {
  line: '#1f4e79',
  axis: '#333333',
  grid: '#e4e4e4',
  band: '#8a8a8a',
  baseline: '#555555',
  threshold: '#2e7d32',
  muted: '#555555',
};

/**
 * Renders a self-contained SVG line chart: fixed viewBox, no scripts, no links, no font files. The
 * font is DejaVu Sans where installed: the generic sans-serif alone is Noto Sans CJK in a Chinese
 * or Japanese locale on Linux, which Chromium embeds in a PDF as a Type 3 font.
 */
export function renderLineChart(spec: LineChartSpec): string {
  const [yMin, yMax] = yDomain(spec.yRange);
  const [xMin, xMax] = xDomain(spec);
  const sx = (x: number) => PLOT.left + ((x - xMin) / (xMax - xMin)) * (PLOT.right - PLOT.left);
  const sy = (y: number) => PLOT.bottom - ((Math.min(Math.max(y, yMin), yMax) - yMin) / (yMax - yMin)) * (PLOT.bottom - PLOT.top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="'DejaVu Sans', sans-serif" font-size="12">`,
    `<title>${esc(spec.title)}</title>`,
  ];
  if (spec.description) out.push(`<desc>${esc(spec.description)}</desc>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(
    `<text x="${PLOT.left}" y="22" font-size="15" font-weight="bold" fill="${COLOURS.axis}">${esc(truncate(spec.title, 70))}</text>`,
  );
  if (spec.subtitle)
    out.push(`<text x="${PLOT.left}" y="40" font-size="11" fill="${COLOURS.muted}">${esc(truncate(spec.subtitle, 100))}</text>`);
  for (const tick of yTicks(yMin, yMax)) {
    const y = fmt(sy(tick));
    out.push(`<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="${COLOURS.grid}"/>`);
    out.push(`<text x="${PLOT.left - 6}" y="${y}" dy="4" text-anchor="end" fill="${COLOURS.axis}">${esc(String(tick))}</text>`);
  }
  out.push(...drawBands(spec.bands ?? [], sx, xMin, xMax));
  out.push(...drawReferences(spec.references ?? [], sy, yMin, yMax));
  out.push(`<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="${COLOURS.axis}"/>`);
  out.push(`<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="${COLOURS.axis}"/>`);
  const xTicks = spec.xTicks ?? niceTicks(xMin, xMax, 6).map((x) => ({ x, label: String(x) }));
  for (const tick of xTicks) {
    const x = fmt(sx(tick.x));
    out.push(`<line x1="${x}" y1="${PLOT.bottom}" x2="${x}" y2="${PLOT.bottom + 5}" stroke="${COLOURS.axis}"/>`);
    out.push(`<text x="${x}" y="${PLOT.bottom + 18}" text-anchor="middle" fill="${COLOURS.axis}">${esc(truncate(tick.label, 16))}</text>`);
  }
  out.push(
    `<text x="${fmt((PLOT.left + PLOT.right) / 2)}" y="${H - 12}" text-anchor="middle" fill="${COLOURS.axis}">${esc(spec.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(18 ${fmt((PLOT.top + PLOT.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${COLOURS.axis}">${esc(truncate(spec.yLabel, 40))}</text>`,
  );
  const coords = spec.points.map((p) => `${fmt(sx(p.x))},${fmt(sy(p.y))}`);
  out.push(`<polyline points="${coords.join(' ')}" fill="none" stroke="${COLOURS.line}" stroke-width="2"/>`);
  for (const p of spec.points) {
    const [x, y] = [fmt(sx(p.x)), fmt(sy(p.y))];
    out.push(`<circle cx="${x}" cy="${y}" r="4" fill="${COLOURS.line}"/>`);
    out.push(`<text x="${x}" y="${y}" dy="-9" text-anchor="middle" font-weight="bold" fill="${COLOURS.line}">${esc(String(p.y))}</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Nice ticks, plus the top of the scale where it falls between them (ISNCSCI sensory totals: 112). */
function yTicks(min: number, max: number): number[] {
  const ticks = niceTicks(min, max);
  const last = ticks[ticks.length - 1] ?? min;
  const step = ticks.length > 1 ? last - (ticks[ticks.length - 2] ?? min) : max - min;
  return max - last > step * 0.4 ? [...ticks, max] : ticks;
}

/** The y range drawn; a range that is empty or not finite (never a validated instrument's) still draws. */
function yDomain([min, max]: [number, number]): [number, number] {
  if (!Number.isFinite(min)) return [0, 1];
  return Number.isFinite(max) && max > min ? [min, max] : [min, min + 1];
}

function xDomain(spec: LineChartSpec): [number, number] {
  const xs = [...spec.points.map((p) => p.x), ...(spec.xTicks ?? []).map((t) => t.x)];
  for (const band of spec.bands ?? []) xs.push(band.from, ...(band.to === undefined ? [] : [band.to]));
  if (xs.length === 0) return [0, 1];
  const [min, max] = [Math.min(...xs), Math.max(...xs)];
  // A margin on both sides keeps the first and last points (and their labels) off the axes.
  const pad = max > min ? (max - min) * 0.05 : 1;
  return [min - pad, max + pad];
}

function drawBands(bands: ChartBand[], sx: (x: number) => number, xMin: number, xMax: number): string[] {
  return bands.flatMap((band, i) => {
    const from = sx(Math.max(band.from, xMin));
    const labelY = PLOT.top + 12 + (i % 2) * 13; // alternate rows, so neighbouring labels do not collide
    const out = [`<g class="round">`];
    if (band.to === undefined || band.to <= band.from) {
      out.push(
        `<line x1="${fmt(from)}" y1="${PLOT.top}" x2="${fmt(from)}" y2="${PLOT.bottom}" stroke="${COLOURS.band}" stroke-dasharray="5 3"/>`,
      );
    } else {
      const width = sx(Math.min(band.to, xMax)) - from;
      out.push(
        `<rect x="${fmt(from)}" y="${PLOT.top}" width="${fmt(width)}" height="${PLOT.bottom - PLOT.top}" fill="${COLOURS.band}" fill-opacity="0.16"/>`,
      );
    }
    out.push(
      `<text x="${fmt(from + 4)}" y="${labelY}" font-size="11" fill="${COLOURS.muted}">${esc(truncate(band.label, 28))}</text>`,
      '</g>',
    );
    return out;
  });
}

function drawReferences(refs: ChartReference[], sy: (y: number) => number, yMin: number, yMax: number): string[] {
  const shown = refs.filter((r) => r.y >= yMin && r.y <= yMax).map((ref) => ({ ref, y: sy(ref.y), labelY: sy(ref.y) + 4 }));
  // Labels sit in the right margin at their line's height, nudged apart where lines are close.
  shown.sort((a, b) => a.y - b.y);
  for (let i = 1; i < shown.length; i++) {
    const [above, below] = [shown[i - 1], shown[i]];
    if (above && below && below.labelY - above.labelY < 13) {
      const middle = (above.labelY + below.labelY) / 2;
      above.labelY = middle - 6.5;
      below.labelY = middle + 6.5;
    }
  }
  return shown.flatMap(({ ref, y, labelY }) => {
    const colour = ref.kind === 'baseline' ? COLOURS.baseline : COLOURS.threshold;
    return [
      `<line x1="${PLOT.left}" y1="${fmt(y)}" x2="${PLOT.right}" y2="${fmt(y)}" stroke="${colour}" stroke-dasharray="${ref.kind === 'baseline' ? '6 4' : '2 3'}" stroke-width="1.5"/>`,
      `<text x="${PLOT.right + 6}" y="${fmt(labelY)}" font-size="11" fill="${colour}">${esc(truncate(ref.label, 17))}</text>`,
    ];
  });
}
