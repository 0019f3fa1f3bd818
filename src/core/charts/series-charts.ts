import type { Translator } from '../../text/translator.js';
import type { CaseSummary } from '../series/case-summary.js';
import type { SeriesOutcome } from '../series/types.js';
import { escapeXml as esc, fmt, niceTicks, truncate } from './svg.js';

const W = 640;
const COLOURS = {
  line: '#1f4e79',
  muted: '#8a8a8a',
  axis: '#333333',
  grid: '#e4e4e4',
  threshold: '#2e7d32',
  serious: '#8b1a1a',
  round: '#555555',
};
/** More lines or bars than this would be unreadable (and heavy): the first ones by case id are drawn, and the text says so. */
export const MAX_DRAWN = 60;

function frame(height: number, title: string, subtitle: string, description: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" font-family="'DejaVu Sans', sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<desc>${esc(description)}</desc>`,
    `<rect x="0" y="0" width="${W}" height="${height}" fill="#ffffff"/>`,
    `<text x="64" y="22" font-size="15" font-weight="bold" fill="${COLOURS.axis}">${esc(truncate(title, 70))}</text>`,
    `<text x="64" y="40" font-size="11" fill="#555555">${esc(truncate(subtitle, 100))}</text>`,
  ];
}

/**
 * Change from baseline over time, one line per case (a spaghetti plot), with zero and the responder
 * threshold marked. Lines start at the baseline (day of the baseline assessment, change 0).
 */
export function spaghettiChart(
  outcome: SeriesOutcome,
  short: string,
  summaries: readonly CaseSummary[],
  key: string,
  threshold: number | undefined,
  higherIsBetter: boolean,
  tr: Translator,
): { svg: string; title: string; alt: string } {
  const drawn = [...summaries].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, MAX_DRAWN);
  const lines = drawn.flatMap((c) => {
    const points = c.values[key] ?? [];
    const base = points.filter((p) => p.day <= 0).at(-1);
    if (!base) return [];
    const after = points.filter((p) => p.day > 0);
    if (after.length === 0) return [];
    return [{ id: c.id, label: c.label, points: [base, ...after].map((p) => ({ x: p.day, y: p.value - base.value })) }];
  });
  const xs = lines.flatMap((l) => l.points.map((p) => p.x));
  const ys = [
    0,
    ...lines.flatMap((l) => l.points.map((p) => p.y)),
    ...(threshold === undefined ? [] : [higherIsBetter ? threshold : -threshold]),
  ];
  const [xMin, xMax] = [Math.min(0, ...xs), Math.max(1, ...xs)];
  const yTicks = niceTicks(Math.min(...ys), Math.max(...ys));
  const [yMin, yMax] = [Math.min(...ys, yTicks[0] ?? 0), Math.max(...ys, yTicks.at(-1) ?? 1)];
  const plot = { left: 64, right: 560, top: 56, bottom: 250 };
  const sx = (x: number) => plot.left + ((x - xMin) / (xMax - xMin || 1)) * (plot.right - plot.left);
  const sy = (y: number) => plot.bottom - ((y - yMin) / (yMax - yMin || 1)) * (plot.bottom - plot.top);
  const title = tr.t('series.chart.spaghetti_title', { outcome: short });
  const alt = tr.t('series.chart.spaghetti_alt', {
    outcome: outcome.label,
    n: lines.length,
    total: summaries.length,
    lines: lines.map((l) => `${l.label} ${l.points.at(-1)?.y ?? 0}`).join(', '),
    threshold: threshold === undefined ? '' : String(threshold),
    has_threshold: threshold === undefined ? 'no' : 'yes',
  });
  const out = frame(290, title, tr.t('series.chart.spaghetti_subtitle', { n: lines.length, total: summaries.length }), alt);
  for (const tick of yTicks) {
    const y = fmt(sy(tick));
    out.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="${COLOURS.grid}"/>`);
    out.push(`<text x="${plot.left - 6}" y="${y}" dy="4" text-anchor="end" fill="${COLOURS.axis}">${esc(String(tick))}</text>`);
  }
  out.push(
    `<line x1="${plot.left}" y1="${fmt(sy(0))}" x2="${plot.right}" y2="${fmt(sy(0))}" stroke="${COLOURS.axis}" stroke-dasharray="5 3"/>`,
  );
  if (threshold !== undefined) {
    const y = fmt(sy(higherIsBetter ? threshold : -threshold));
    out.push(
      `<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="${COLOURS.threshold}" stroke-dasharray="2 3" stroke-width="1.5"/>`,
    );
    out.push(
      `<text x="${plot.right + 4}" y="${y}" dy="4" font-size="10" fill="${COLOURS.threshold}">${esc(tr.t('series.chart.threshold', { value: String(threshold) }))}</text>`,
    );
  }
  for (const tick of niceTicks(xMin, xMax, 6)) {
    const x = fmt(sx(tick));
    out.push(`<line x1="${x}" y1="${plot.bottom}" x2="${x}" y2="${plot.bottom + 5}" stroke="${COLOURS.axis}"/>`);
    out.push(`<text x="${x}" y="${plot.bottom + 18}" text-anchor="middle" fill="${COLOURS.axis}">${tick}</text>`);
  }
  out.push(`<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${COLOURS.axis}"/>`);
  out.push(`<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="${COLOURS.axis}"/>`);
  out.push(
    `<text x="${fmt((plot.left + plot.right) / 2)}" y="282" text-anchor="middle" fill="${COLOURS.axis}">${esc(tr.t('series.chart.x_days'))}</text>`,
  );
  out.push(
    `<text transform="translate(18 ${fmt((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${COLOURS.axis}">${esc(truncate(tr.t('series.chart.y_change'), 40))}</text>`,
  );
  for (const l of lines) {
    out.push(
      `<polyline points="${l.points.map((p) => `${fmt(sx(p.x))},${fmt(sy(p.y))}`).join(' ')}" fill="none" stroke="${COLOURS.line}" stroke-width="1.5" stroke-opacity="0.7"/>`,
    );
    const last = l.points.at(-1);
    if (last) out.push(`<circle cx="${fmt(sx(last.x))}" cy="${fmt(sy(last.y))}" r="3" fill="${COLOURS.line}"/>`);
  }
  // With few lines, each is named at its end (further labels would overlap).
  if (lines.length <= 12) {
    const ends = lines
      .map((l) => ({ label: l.label, y: sy(l.points.at(-1)?.y ?? 0), x: sx(l.points.at(-1)?.x ?? 0) }))
      .sort((a, b) => a.y - b.y);
    let previous = -Infinity;
    for (const e of ends) {
      const y = Math.max(e.y, previous + 11);
      previous = y;
      out.push(`<text x="${fmt(e.x + 6)}" y="${fmt(y)}" dy="4" font-size="9" fill="${COLOURS.line}">${esc(truncate(e.label, 14))}</text>`);
    }
  }
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, title, alt };
}

/**
 * One bar per case from the first round's start to the last contact (a swimmer plot): a square at
 * each round's start, a dot at each primary-outcome assessment, a triangle at each adverse event
 * (filled dark red where serious), and an arrow where the case is not lost to follow-up.
 */
export function swimmerChart(
  summaries: readonly CaseSummary[],
  lost: ReadonlySet<string>,
  tr: Translator,
): { svg: string; title: string; alt: string } {
  const drawn = [...summaries].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, MAX_DRAWN);
  const row = 18;
  const top = 70;
  const height = top + drawn.length * row + 50;
  const plot = { left: 120, right: 580 };
  const end = Math.max(1, ...drawn.map((c) => c.follow_up_days ?? 0));
  const sx = (x: number) => plot.left + (Math.max(0, x) / end) * (plot.right - plot.left);
  const title = tr.t('series.chart.swimmer_title');
  const alt = tr.t('series.chart.swimmer_alt', {
    n: drawn.length,
    total: summaries.length,
    bars: drawn
      .map((c) => tr.t('series.chart.swimmer_bar', { label: c.label, days: c.follow_up_days ?? 0, events: c.adverse_events.days.length }))
      .join('; '),
  });
  const out = frame(height, title, tr.t('series.chart.swimmer_subtitle'), alt);
  for (const tick of niceTicks(0, end, 6)) {
    const x = fmt(sx(tick));
    out.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${top + drawn.length * row}" stroke="${COLOURS.grid}"/>`);
    out.push(`<text x="${x}" y="${top + drawn.length * row + 16}" text-anchor="middle" fill="${COLOURS.axis}">${tick}</text>`);
  }
  out.push(
    `<text x="${fmt((plot.left + plot.right) / 2)}" y="${height - 12}" text-anchor="middle" fill="${COLOURS.axis}">${esc(tr.t('series.chart.x_days'))}</text>`,
  );
  drawn.forEach((c, i) => {
    const y = top + i * row + row / 2;
    out.push(
      `<text x="${plot.left - 8}" y="${fmt(y)}" dy="4" text-anchor="end" fill="${COLOURS.axis}">${esc(truncate(c.label, 16))}</text>`,
    );
    const last = c.follow_up_days ?? 0;
    out.push(
      `<rect x="${plot.left}" y="${fmt(y - 5)}" width="${fmt(Math.max(1, sx(last) - plot.left))}" height="10" fill="${COLOURS.line}" fill-opacity="0.25"/>`,
    );
    for (const r of c.rounds)
      if (r.start !== undefined)
        out.push(`<rect x="${fmt(sx(r.start) - 4)}" y="${fmt(y - 4)}" width="8" height="8" fill="${COLOURS.round}"/>`);
    for (const d of c.assessment_days)
      if (d > 0) out.push(`<circle cx="${fmt(sx(d))}" cy="${fmt(y)}" r="3" fill="#ffffff" stroke="${COLOURS.line}" stroke-width="1.5"/>`);
    for (const d of c.adverse_events.days) {
      const serious = c.adverse_events.serious_days.includes(d);
      const x = sx(d);
      out.push(
        `<path d="M${fmt(x)},${fmt(y - 9)} l4,7 l-8,0 z" fill="${serious ? COLOURS.serious : '#ffffff'}" stroke="${COLOURS.serious}"/>`,
      );
    }
    if (!lost.has(c.id)) out.push(`<path d="M${fmt(sx(last) + 2)},${fmt(y - 5)} l7,5 l-7,5 z" fill="${COLOURS.line}"/>`);
  });
  const legendY = 56;
  out.push(
    `<rect x="${plot.left}" y="${legendY - 8}" width="8" height="8" fill="${COLOURS.round}"/><text x="${plot.left + 12}" y="${legendY}" font-size="10">${esc(tr.t('series.chart.legend_round'))}</text>`,
  );
  out.push(
    `<circle cx="${plot.left + 164}" cy="${legendY - 4}" r="3" fill="#ffffff" stroke="${COLOURS.line}"/><text x="${plot.left + 172}" y="${legendY}" font-size="10">${esc(tr.t('series.chart.legend_assessment'))}</text>`,
  );
  out.push(
    `<path d="M${plot.left + 264},${legendY - 9} l4,7 l-8,0 z" fill="${COLOURS.serious}" stroke="${COLOURS.serious}"/><text x="${plot.left + 272}" y="${legendY}" font-size="10">${esc(tr.t('series.chart.legend_event'))}</text>`,
  );
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, title, alt };
}
