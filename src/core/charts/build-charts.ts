import { translator, type Translator } from '../../text/translator.js';
import { formatAmount, rangeOf, thresholdFor } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import type { AssessmentView, ChartView, Outcome, RoundView } from '../model/types.js';
import { renderLineChart, type ChartBand, type ChartReference, type LineChartSpec } from './line-chart.js';
import { toBase64 } from './svg.js';

// Whole measures only: a total score, and the ISNCSCI motor and sensory totals. Subscores and UEMS/LEMS
// are parts of a charted whole; they stay in the outcomes table, so a report does not drown in charts.
const ISNCSCI_CHARTED = new Set(['motor_total', 'lt_total', 'pp_total']);

/** Whether an outcome gets a chart of its own. */
export function isCharted(o: Outcome): boolean {
  return o.points.length >= 2 && (o.instrument === 'isncsci' ? ISNCSCI_CHARTED.has(o.measure) : o.measure === 'score');
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
  return outcomes.filter(isCharted).map((o, i) => {
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
  const points = o.points.map((p, i) => ({ x: byDay ? (p.day as number) : i + 1, y: p.value }));
  const bands: ChartBand[] = byDay
    ? rounds.flatMap((r) =>
        r.start?.day === undefined ? [] : [{ from: r.start.day, ...(r.end?.day !== undefined ? { to: r.end.day } : {}), label: r.label }],
      )
    : [];
  const title = o.measure === 'score' || !instrument ? o.label : `${instrument.short}: ${o.label.toLowerCase()}`;
  const yRange = instrument
    ? rangeOf(instrument, o.measure)
    : ([Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y))] as [number, number]);
  const baseline = tr.t('chart.baseline', { value: String(o.baseline) });
  const references: ChartReference[] = [{ y: o.baseline, label: baseline, kind: 'baseline' }];
  const threshold = improvingThreshold(o, instrument, tr);
  if (threshold) references.push(threshold.reference);
  const when = (i: number) =>
    byDay ? tr.t('model.when.day', { day: String(points[i]?.x) }) : labelOf(o.points[i]?.assessment ?? '', i + 1);
  const values = o.points.map((p, i) => tr.t('chart.value', { value: String(p.value), when: when(i) })).join(', ');
  const band = (b: ChartBand): string =>
    b.to !== undefined
      ? tr.t('chart.band_to', { round: b.label, from: String(b.from), to: String(b.to) })
      : tr.t('chart.band', { round: b.label, from: String(b.from) });
  const roundText =
    bands.length > 0 ? tr.t('chart.rounds_shaded', { rounds: bands.map(band).join('; ') }) : byDay ? '' : tr.t('chart.rounds_not_drawn');
  const spec: LineChartSpec = {
    title,
    subtitle: tr.t('chart.subtitle', {
      higher: o.higher_is_better ? 'yes' : 'no',
      low: String(yRange[0]),
      high: String(yRange[1]),
      threshold: threshold ? threshold.subtitle : tr.t('chart.no_mcid'),
    }),
    xLabel: byDay ? tr.t('chart.x_days') : tr.t('chart.x_order'),
    yLabel:
      o.measure === 'score'
        ? instrument?.unit
          ? tr.t('chart.y_unit', { instrument: instrument.short, unit: instrument.unit })
          : (instrument?.short ?? o.instrument)
        : tr.t('chart.y_measure', { instrument: instrument?.short ?? o.instrument, measure: o.label.toLowerCase() }),
    yRange,
    points,
    bands,
    references,
    description: [
      tr.t('chart.description', { title, values }),
      roundText,
      tr.t('chart.dashed', { baseline }),
      threshold ? tr.t('chart.dotted', { threshold: threshold.subtitle }) : '',
    ].join(''),
  };
  if (!byDay) spec.xTicks = o.points.map((p, i) => ({ x: i + 1, label: labelOf(p.assessment, i + 1) }));
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
  const size = thresholdFor(mcid, o.baseline, true);
  const y = Math.round((o.baseline + (o.higher_is_better ? size : -size)) * 1000) / 1000;
  const kind = mcid.kind === 'mdc' ? 'mdc' : 'mcid';
  const source = mcid.source.split(/[,(]/)[0]?.trim() ?? mcid.source;
  return {
    reference: {
      y,
      label: tr.t('chart.threshold_label', { kind, size: `${o.higher_is_better ? '+' : '−'}${size}`, y: String(y) }),
      kind: 'threshold',
    },
    subtitle: tr.t('chart.threshold', { kind, amount: formatAmount(size, instrument, tr), source, y: String(y) }),
  };
}
