import { translator, type Translator } from '../../text/translator.js';
import { formatAmount, rangeOf, thresholdFor } from '../instruments/lookup.js';
import { positionOf } from '../model/outcomes.js';
import type { Instrument } from '../instruments/registry.js';
import type { AssessmentView, ChartView, Outcome, RoundView } from '../model/types.js';
import { renderLineChart, type ChartBand, type ChartReference, type LineChartSpec } from './line-chart.js';
import { lowerFirst } from '../text.js';
import { dataDomain, toBase64 } from './svg.js';

// Whole measures: a total score, and the ISNCSCI motor and sensory totals; the AIS grade (a step chart),
// UEMS and LEMS each on their own where they changed (one that did not move adds a flat line, not
// information; the results table gives it). Subscores stay in the results table, so a report does not
// drown in charts.
const ISNCSCI_CHARTED = new Set(['motor_total', 'lt_total', 'pp_total']);
const ISNCSCI_CHARTED_WHEN_CHANGED = new Set(['ais', 'uems', 'lems']);

/**
 * The outcomes that get a chart of their own, in outcome order. The motor total is left out where only
 * one of UEMS and LEMS changed: its chart would be that part's, moved up the axis.
 */
export function chartedOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  const moved = outcomes.filter((o) => o.instrument === 'isncsci' && ISNCSCI_CHARTED_WHEN_CHANGED.has(o.measure) && o.change !== 0);
  const movedParts = moved.filter((o) => o.measure !== 'ais');
  return outcomes.filter((o) => {
    if (o.points.length < 2) return false;
    if (o.instrument !== 'isncsci') return o.measure === 'score';
    if (o.measure === 'motor_total') return movedParts.length !== 1;
    return ISNCSCI_CHARTED.has(o.measure) || moved.includes(o);
  });
}

/** One SVG line chart per charted outcome, numbered in outcome order: `${id}-chart-${n}.svg`. */
export function buildCharts(
  id: string,
  outcomes: readonly Outcome[],
  assessments: readonly AssessmentView[],
  rounds: readonly RoundView[],
  instruments: Map<string, Instrument>,
  tr: Translator = translator(),
): ChartView[] {
  return chartedOutcomes(outcomes).map((o, i) => {
    const spec = chartSpec(o, instruments.get(o.instrument), assessments, rounds, tr);
    const svg = renderLineChart(spec);
    let dataUri: string | undefined;
    return {
      number: i + 1,
      key: `${o.instrument}/${o.measure}`,
      title: spec.title,
      file: `${id}-chart-${i + 1}.svg`,
      svg,
      // Computed when read (HTML, PDF, JSON): Markdown links the .svg file and never needs it.
      get data_uri(): string {
        return (dataUri ??= `data:image/svg+xml;base64,${toBase64(svg)}`);
      },
      alt: spec.description ?? spec.title,
    };
  });
}

/** What the chart of one outcome shows: its points over time, the rounds, the baseline and the threshold. */
export function chartSpec(
  o: Outcome,
  instrument: Instrument | undefined,
  assessments: readonly AssessmentView[],
  rounds: readonly RoundView[],
  tr: Translator = translator(),
): LineChartSpec {
  const byDay = o.points.every((p) => p.day !== undefined);
  const labelOf = (assessment: string, n: number) => assessments.find((a) => a.id === assessment)?.label ?? `#${n}`;
  const ordinal = o.kind === 'ordinal' && o.levels !== undefined;
  const points = o.points.map((p, i) => ({
    x: byDay ? (p.day as number) : i + 1,
    y: positionOf(o, p.value),
    ...(ordinal ? { label: String(p.value) } : {}),
  }));
  const bands: ChartBand[] = byDay
    ? rounds.flatMap((r) =>
        r.start?.day === undefined ? [] : [{ from: r.start.day, ...(r.end?.day !== undefined ? { to: r.end.day } : {}), label: r.label }],
      )
    : [];
  const title = o.measure === 'score' || !instrument ? o.label : `${instrument.short}: ${lowerFirst(o.label)}`;
  const baseline = tr.t('chart.baseline', { value: String(o.baseline) });
  const references: ChartReference[] = [{ y: positionOf(o, o.baseline), label: baseline, kind: 'baseline' }];
  const threshold = improvingThreshold(o, instrument, tr);
  if (threshold) references.push(threshold.reference);
  // A measure without a fixed scale (metres, seconds) is drawn to a range that covers its values and
  // the threshold line: an invented maximum would flatten the line along the axis.
  const fixed = instrument ? rangeOf(instrument, o.measure) : undefined;
  const yRange =
    fixed ?? dataDomain([...points.map((p) => p.y), ...references.map((r) => r.y)], o.measure === 'score' ? instrument?.min : undefined);
  const when = (i: number) =>
    byDay ? tr.t('model.when.day', { day: String(points[i]?.x) }) : labelOf(o.points[i]?.assessment ?? '', i + 1);
  const values = o.points.map((p, i) => tr.t('chart.value', { value: String(p.value), when: when(i) })).join(', ');
  const subtitle = ordinal
    ? tr.t('chart.subtitle_levels', { higher: o.higher_is_better ? 'yes' : 'no', levels: (o.levels ?? []).join(', ') })
    : fixed
      ? tr.t('chart.subtitle', {
          higher: o.higher_is_better ? 'yes' : 'no',
          low: String(fixed[0]),
          high: String(fixed[1]),
          threshold: threshold ? threshold.subtitle : tr.t('chart.no_mcid'),
        })
      : tr.t('chart.subtitle_open', {
          higher: o.higher_is_better ? 'yes' : 'no',
          unit: o.unit ?? instrument?.unit ?? '',
          threshold: threshold ? threshold.subtitle : tr.t('chart.no_mcid'),
        });
  const band = (b: ChartBand): string =>
    b.to !== undefined
      ? tr.t('chart.band_to', { round: b.label, from: String(b.from), to: String(b.to) })
      : tr.t('chart.band', { round: b.label, from: String(b.from) });
  const roundText =
    bands.length > 0 ? tr.t('chart.rounds_shaded', { rounds: bands.map(band).join('; ') }) : byDay ? '' : tr.t('chart.rounds_not_drawn');
  const spec: LineChartSpec = {
    title,
    subtitle,
    xLabel: byDay ? tr.t('chart.x_days') : tr.t('chart.x_order'),
    yLabel:
      o.measure === 'score'
        ? instrument?.unit
          ? tr.t('chart.y_unit', { instrument: instrument.short, unit: instrument.unit })
          : (instrument?.short ?? o.instrument)
        : tr.t('chart.y_measure', { instrument: instrument?.short ?? o.instrument, measure: lowerFirst(o.label) }),
    yRange,
    points,
    bands,
    references,
    description: [
      ordinal ? tr.t('chart.description_steps', { title, values }) : tr.t('chart.description', { title, values }),
      roundText,
      tr.t('chart.dashed', { baseline }),
      threshold ? tr.t('chart.dotted', { threshold: threshold.subtitle }) : '',
    ].join(''),
  };
  if (!byDay) spec.xTicks = o.points.map((p, i) => ({ x: i + 1, label: labelOf(p.assessment, i + 1) }));
  if (ordinal) {
    spec.steps = true;
    spec.yTicks = (o.levels ?? []).map((label, y) => ({ y, label }));
  }
  return spec;
}

/** The line a change must cross to reach the MCID (or MDC), drawn in the direction of improvement. */
function improvingThreshold(
  o: Outcome,
  instrument: Instrument | undefined,
  tr: Translator,
): { reference: ChartReference; subtitle: string } | undefined {
  const mcid = instrument?.mcid;
  if (!mcid || o.mcid === undefined) return undefined;
  const start = positionOf(o, o.baseline);
  const size = thresholdFor(mcid, start, true);
  const y = Math.round((start + (o.higher_is_better ? size : -size)) * 1000) / 1000;
  const kind = mcid.kind === 'mdc' ? 'mdc' : 'mcid';
  // A built-in source is cut to its authors and year; a case file's is shown as written.
  const source = instrument?.built_in ? (mcid.source.split(/[,(]/)[0]?.trim() ?? mcid.source) : mcid.source;
  return {
    reference: {
      y,
      label: tr.t('chart.threshold_label', { kind, size: `${o.higher_is_better ? '+' : '−'}${size}`, y: String(y) }),
      kind: 'threshold',
    },
    subtitle: tr.t('chart.threshold', { kind, amount: formatAmount(size, instrument, tr), source, y: String(y) }),
  };
}
