import { escapeXml as esc, fmt, niceTicks, textWidth, truncate, truncateToWidth } from './svg.js';

/** One measured value; `x` is a day (or a position, where days are unknown). */
export interface ChartPoint {
  x: number;
  y: number;
  /** What the point's label says, where not its y value (an AIS grade: "C"). */
  label?: string;
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
  /**
   * The y axis spans the instrument's whole range, so small changes look small; for a measure without
   * a fixed scale, a range that covers the data (see `dataDomain`).
   */
  yRange: [number, number];
  /** Labels of an ordinal y axis (the levels of a scale, at their positions); numeric ticks are chosen where absent. */
  yTicks?: { y: number; label: string }[];
  /** Draw the line as steps (an ordinal scale: a grade holds until the next assessment). */
  steps?: boolean;
  points: ChartPoint[];
  /** Labels for an ordinal x axis; numeric ticks are chosen where absent. */
  xTicks?: { x: number; label: string }[];
  bands?: ChartBand[];
  references?: ChartReference[];
  /** A text alternative, written into `<desc>`. */
  description?: string;
}

const W = 640;
const H = 300;
// The right margin holds the labels of the reference lines, clear of the data. The top of the plot
// moves down by a row for each row of round labels, which sit in a strip of their own above it.
const PLOT = { left: 64, right: 532, top: 56, bottom: 244 };
type Plot = typeof PLOT;
const COLOURS = {
  line: '#1f4e79',
  axis: '#333333',
  grid: '#e4e4e4',
  band: '#8a8a8a',
  baseline: '#555555',
  threshold: '#2e7d32',
  muted: '#555555',
};
/** Neighbouring bands alternate a light and a darker grey, told apart in print without colour. */
const BAND_OPACITY = [0.12, 0.3] as const;
const BAND_FONT = 11;
const VALUE_FONT = 12;
/** Height of a row of round labels above the plot; at most two rows. */
const ROW = 13;
/** Room either side of a label inside its band, and between two labels on one row. */
const PAD = 3;
const GAP = 6;
/** A band narrower than this (a round of a day, on a chart of a year) is widened to it, to be seen. */
const MIN_BAND = 3;
/** A band narrower than this has no room for two edges: it is drawn as a solid bar, this dark. */
const NARROW_BAND = 6;
const NARROW_OPACITY = 0.6;
/** How far a round's number may move aside from its band, to clear another label. */
const DRIFT = 24;

/**
 * Renders a self-contained SVG line chart: fixed viewBox, no scripts, no links, no font files. The
 * font is DejaVu Sans where installed: the generic sans-serif alone is Noto Sans CJK in a Chinese
 * or Japanese locale on Linux, which Chromium embeds in a PDF as a Type 3 font.
 */
export function renderLineChart(spec: LineChartSpec): string {
  const [yMin, yMax] = yDomain(spec.yRange);
  const [xMin, xMax] = xDomain(spec);
  const sx = (x: number) => PLOT.left + ((x - xMin) / (xMax - xMin)) * (PLOT.right - PLOT.left);
  const bands = layoutBands(spec.bands ?? [], sx, xMin, xMax);
  const rows = Math.max(0, ...bands.map((b) => (b.label ? b.label.row + 1 : 0)));
  const plot: Plot = { ...PLOT, top: PLOT.top + rows * ROW };
  const sy = (y: number) => plot.bottom - ((Math.min(Math.max(y, yMin), yMax) - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="'DejaVu Sans', sans-serif" font-size="12">`,
    `<title>${esc(spec.title)}</title>`,
  ];
  if (spec.description) out.push(`<desc>${esc(spec.description)}</desc>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(
    `<text x="${plot.left}" y="22" font-size="15" font-weight="bold" fill="${COLOURS.axis}">${esc(truncate(spec.title, 70))}</text>`,
  );
  if (spec.subtitle)
    out.push(`<text x="${plot.left}" y="40" font-size="11" fill="${COLOURS.muted}">${esc(truncate(spec.subtitle, 100))}</text>`);
  const yLabels = spec.yTicks ?? yTicks(yMin, yMax).map((y) => ({ y, label: String(y) }));
  for (const tick of yLabels) {
    const y = fmt(sy(tick.y));
    out.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="${COLOURS.grid}"/>`);
    out.push(`<text x="${plot.left - 6}" y="${y}" dy="4" text-anchor="end" fill="${COLOURS.axis}">${esc(truncate(tick.label, 8))}</text>`);
  }
  out.push(...drawBands(bands, plot));
  out.push(...drawReferences(spec.references ?? [], sy, yMin, yMax, plot));
  out.push(`<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${COLOURS.axis}"/>`);
  out.push(`<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="${COLOURS.axis}"/>`);
  const xTicks = spec.xTicks ?? niceTicks(xMin, xMax, 6).map((x) => ({ x, label: String(x) }));
  for (const tick of xTicks) {
    const x = fmt(sx(tick.x));
    out.push(`<line x1="${x}" y1="${plot.bottom}" x2="${x}" y2="${plot.bottom + 5}" stroke="${COLOURS.axis}"/>`);
    out.push(`<text x="${x}" y="${plot.bottom + 18}" text-anchor="middle" fill="${COLOURS.axis}">${esc(truncate(tick.label, 16))}</text>`);
  }
  out.push(
    `<text x="${fmt((plot.left + plot.right) / 2)}" y="${H - 12}" text-anchor="middle" fill="${COLOURS.axis}">${esc(spec.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(18 ${fmt((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${COLOURS.axis}">${esc(truncate(spec.yLabel, 40))}</text>`,
  );
  const coords = spec.points.flatMap((p, i) => {
    const here = `${fmt(sx(p.x))},${fmt(sy(p.y))}`;
    const before = spec.points[i - 1];
    // A step: the previous value holds until this assessment, then changes.
    return spec.steps && before ? [`${fmt(sx(p.x))},${fmt(sy(before.y))}`, here] : [here];
  });
  out.push(`<polyline points="${coords.join(' ')}" fill="none" stroke="${COLOURS.line}" stroke-width="2"/>`);
  const markers = spec.points.map((p) => ({ x: sx(p.x), y: sy(p.y), text: p.label ?? String(p.y) }));
  const places = valueLabelPlaces(markers, plot);
  for (const [i, m] of markers.entries()) {
    const { dx, dy, anchor } = places[i] ?? VALUE_PLACES[0];
    const [x, y] = [fmt(m.x), fmt(m.y)];
    out.push(`<circle cx="${x}" cy="${y}" r="4" fill="${COLOURS.line}"/>`);
    out.push(
      `<text x="${fmt(m.x + dx)}" y="${y}" dy="${dy}" text-anchor="${anchor}" font-weight="bold" fill="${COLOURS.line}">${esc(m.text)}</text>`,
    );
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

/** A band as drawn: its extent in pixels, its fill, and its label (absent where none fits). */
export interface BandLayout {
  band: ChartBand;
  x0: number;
  x1: number;
  /** A round without an end (or of no length) is a dashed line at its start. */
  line: boolean;
  /** Index into BAND_OPACITY: neighbouring bands alternate. */
  shade: number;
  /** The text shown (the label, shortened, or the round's number), its box, and its row above the plot (0 nearest). */
  label?: { text: string; x: number; width: number; row: number };
}

/**
 * Where each band and its label go. Bands are taken in time order; neighbours alternate shades. A
 * label goes in the strip above the plot, within its band's width where it fits there: whole, else
 * shortened with an ellipsis (only where the part kept still tells the rounds apart), else as the
 * round's number. Else the number is centred over the band, else moved a little aside. Each tries the
 * row nearest the plot, then the one above. Labels on a row never overlap, and none goes outside the
 * plot; one with no room is left out. A band whose label is not shown whole keeps its full name in a
 * <title>, and the chart's description names every round.
 */
export function layoutBands(bands: readonly ChartBand[], sx: (x: number) => number, xMin: number, xMax: number): BandLayout[] {
  const sorted = bands
    .map((band, i) => ({ band, i }))
    .sort((a, b) => a.band.from - b.band.from || (a.band.to ?? a.band.from) - (b.band.to ?? b.band.from) || a.i - b.i)
    .map((s) => s.band);
  const short = shortLabels(sorted);
  const rows: [number, number][][] = [[], []];
  const free = (row: number, x: number, width: number) => (rows[row] ?? []).every(([a, b]) => x + width + GAP <= a || x >= b + GAP);
  let shade = 0;
  return sorted.map((band, i) => {
    const line = band.to === undefined || band.to <= band.from;
    let x0 = sx(Math.max(band.from, xMin));
    let x1 = line ? x0 : sx(Math.min(band.to ?? band.from, xMax));
    if (!line && x1 - x0 < MIN_BAND) {
      const centre = Math.min(Math.max((x0 + x1) / 2, PLOT.left + MIN_BAND / 2), PLOT.right - MIN_BAND / 2);
      [x0, x1] = [centre - MIN_BAND / 2, centre + MIN_BAND / 2];
    }
    const layout: BandLayout = { band, x0, x1, line, shade: line ? 0 : shade++ % BAND_OPACITY.length };
    // A band's label is centred over it; a round without an end has the room up to the next round's start.
    const next = sorted.slice(i + 1).find((b) => b.from > band.from);
    const room = line ? (next ? sx(Math.max(next.from, xMin)) : PLOT.right) - x0 : x1 - x0;
    const texts = [band.label, shortened(band.label, sorted, room - 2 * PAD), short[i] ?? String(i + 1)];
    // Inside: within the band's room. Over: centred over the band, else moved aside (by DRIFT at most)
    // to the nearest place free on the row.
    const place = (text: string, row: number, how: 'inside' | 'over' | 'aside'): boolean => {
      const width = textWidth(text, BAND_FONT);
      if (how === 'inside' ? width > room - 2 * PAD : width > PLOT.right - PLOT.left) return false;
      const wanted = line && how === 'inside' ? x0 + PAD : (x0 + x1) / 2 - width / 2;
      const clamp = (x: number) => Math.min(Math.max(x, PLOT.left), PLOT.right - width);
      const candidates = how === 'aside' ? (rows[row] ?? []).flatMap(([a, b]) => [a - GAP - width, b + GAP]).map(clamp) : [clamp(wanted)];
      const x = candidates
        .filter((c) => Math.abs(c - clamp(wanted)) <= DRIFT && free(row, c, width))
        .sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || a - b)[0];
      if (x === undefined) return false;
      rows[row]?.push([x, x + width]);
      layout.label = { text, x, width, row };
      return true;
    };
    if (band.label.trim() === '') return layout;
    const unique = [...new Set(texts.filter((t): t is string => t !== undefined))];
    const number = texts[2] ?? '';
    const attempts = [
      ...unique.flatMap((t) => [() => place(t, 0, 'inside'), () => place(t, 1, 'inside')]),
      ...(['over', 'aside'] as const).flatMap((how) => [() => place(number, 0, how), () => place(number, 1, how)]),
    ];
    attempts.some((attempt) => attempt());
    return layout;
  });
}

/** The label cut to `width`, where the part kept (six characters or more) begins no other round's label. */
function shortened(label: string, bands: readonly ChartBand[], width: number): string | undefined {
  const cut = truncateToWidth(label, width, BAND_FONT, 6);
  if (cut === undefined || cut === label) return undefined;
  const kept = cut.slice(0, -1);
  return bands.some((b) => b.label !== label && b.label.startsWith(kept)) ? undefined : cut;
}

/** Each round's number: the number in its label ("Round 2" → "2") where every label has a different one, else its place in time. */
function shortLabels(bands: readonly ChartBand[]): string[] {
  const numbers = bands.map((b) => /\d+/.exec(b.label)?.[0]);
  const distinct = numbers.every((n) => n !== undefined) && new Set(numbers).size === numbers.length;
  return bands.map((_, i) => (distinct ? (numbers[i] ?? '') : String(i + 1)));
}

function drawBands(bands: readonly BandLayout[], plot: Plot): string[] {
  return bands.flatMap(({ band, x0, x1, line, shade, label }) => {
    const out = [`<g class="round">`];
    if (label?.text !== band.label) out.push(`<title>${esc(band.label)}</title>`);
    if (line) {
      out.push(
        `<line x1="${fmt(x0)}" y1="${plot.top}" x2="${fmt(x0)}" y2="${plot.bottom}" stroke="${COLOURS.band}" stroke-dasharray="5 3"/>`,
      );
    } else {
      // A band too narrow for two edges (a round of a few days) is a solid bar of the darker shade.
      const narrow = x1 - x0 < NARROW_BAND;
      const opacity = narrow ? NARROW_OPACITY : (BAND_OPACITY[shade] ?? BAND_OPACITY[0]);
      out.push(
        `<rect x="${fmt(x0)}" y="${plot.top}" width="${fmt(x1 - x0)}" height="${plot.bottom - plot.top}" fill="${COLOURS.band}" fill-opacity="${opacity}"/>`,
      );
      // A thin edge on both sides: rounds back to back stay two bands, whatever the shades.
      if (!narrow)
        for (const x of [x0, x1])
          out.push(
            `<line x1="${fmt(x)}" y1="${plot.top}" x2="${fmt(x)}" y2="${plot.bottom}" stroke="${COLOURS.band}" stroke-width="0.75"/>`,
          );
    }
    if (label)
      out.push(
        `<text x="${fmt(label.x)}" y="${plot.top - 4 - label.row * ROW}" font-size="${BAND_FONT}" fill="${COLOURS.muted}">${esc(label.text)}</text>`,
      );
    out.push('</g>');
    return out;
  });
}

/**
 * Where a point's value may go, in order: above its marker, below it, to its right, to its left. Beside
 * the marker, the value moves up or down as far as keeps it inside the plot.
 */
const VALUE_PLACES = [
  { dx: 0, dy: -9, anchor: 'middle' },
  { dx: 0, dy: 18, anchor: 'middle' },
  { dx: 7, dy: 4, anchor: 'start' },
  { dx: -7, dy: 4, anchor: 'end' },
] as const;
interface ValuePlace {
  dx: number;
  dy: number;
  anchor: 'middle' | 'start' | 'end';
}

/**
 * Where each point's value goes: the first of VALUE_PLACES inside the plot (so clear of the round
 * labels above it) and clear of every marker and of the values placed before it. Where none is, the
 * first inside the plot; where none is, above.
 */
function valueLabelPlaces(markers: readonly { x: number; y: number; text: string }[], plot: Plot): ValuePlace[] {
  // The box of a value: its baseline is at dy from the marker; it rises 9.5 above that and falls 2.5 below.
  const boxOf = (m: { x: number; y: number; text: string }, p: ValuePlace): Box => {
    const width = textWidth(m.text, VALUE_FONT) * 1.1; // bold is a little wider
    const left = m.x + p.dx - (p.anchor === 'middle' ? width / 2 : p.anchor === 'end' ? width : 0);
    return { left, right: left + width, top: m.y + p.dy - 9.5, bottom: m.y + p.dy + 2.5 };
  };
  const hits = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const taken: Box[] = markers.map((m) => ({ left: m.x - 4, right: m.x + 4, top: m.y - 4, bottom: m.y + 4 }));
  return markers.map((m) => {
    const places: ValuePlace[] = VALUE_PLACES.map((p) =>
      p.anchor === 'middle'
        ? p
        : { ...p, dy: Math.min(Math.max(p.dy, Math.ceil(plot.top + 9.5 - m.y)), Math.floor(plot.bottom - 2.5 - m.y)) },
    );
    const inside = (p: ValuePlace) => {
      const b = boxOf(m, p);
      return b.top >= plot.top && b.bottom <= plot.bottom && b.left >= plot.left && b.right <= plot.right;
    };
    const place = places.find((p) => inside(p) && !taken.some((t) => hits(boxOf(m, p), t))) ?? places.find(inside) ?? VALUE_PLACES[0];
    taken.push(boxOf(m, place));
    return place;
  });
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function drawReferences(refs: ChartReference[], sy: (y: number) => number, yMin: number, yMax: number, plot: Plot): string[] {
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
      `<line x1="${plot.left}" y1="${fmt(y)}" x2="${plot.right}" y2="${fmt(y)}" stroke="${colour}" stroke-dasharray="${ref.kind === 'baseline' ? '6 4' : '2 3'}" stroke-width="1.5"/>`,
      `<text x="${plot.right + 6}" y="${fmt(labelY)}" font-size="11" fill="${colour}">${esc(truncate(ref.label, 17))}</text>`,
    ];
  });
}
