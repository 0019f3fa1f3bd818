import { isMeaningful, thresholdFor } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import type { AssessmentView, Outcome, OutcomePoint } from './types.js';

const ISNCSCI_MEASURES = [
  ['uems', 'Upper extremity motor score (UEMS)'],
  ['lems', 'Lower extremity motor score (LEMS)'],
  ['motor_total', 'Motor total'],
  ['lt_total', 'Light touch total'],
  ['pp_total', 'Pin prick total'],
] as const;

type Series = { instrument: string; measure: string; label: string; points: OutcomePoint[] };

/** Every quantity measured more than once, with its change from baseline judged against the published MCID. */
export function buildOutcomes(assessments: AssessmentView[], instruments: Map<string, Instrument>): Outcome[] {
  const series = new Map<string, Series>();
  const add = (a: AssessmentView, measure: string, label: string, value: unknown): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    const key = `${a.instrument}\u0000${measure}`;
    const entry = series.get(key) ?? { instrument: a.instrument, measure, label, points: [] };
    const point: OutcomePoint = { assessment: a.id, value };
    if (a.date !== undefined) point.date = a.date;
    if (a.when?.day !== undefined) point.day = a.when.day;
    entry.points.push(point);
    series.set(key, entry);
  };
  for (const a of assessments) {
    const name = instruments.get(a.instrument)?.name ?? a.instrument;
    if (a.instrument === 'isncsci') {
      const values: Record<string, unknown> = { ...(a.totals ?? {}), ...(a.derived ?? {}) };
      if (!a.derived && typeof values.uems === 'number' && typeof values.lems === 'number') values.motor_total = values.uems + values.lems;
      for (const [measure, label] of ISNCSCI_MEASURES) add(a, measure, label, values[measure]);
      continue;
    }
    add(a, 'score', name, a.score);
    for (const [sub, value] of Object.entries(a.subscores ?? {})) add(a, sub, `${name}: ${sub.replace(/_/g, ' ')}`, value);
  }
  return [...series.values()].filter((s) => s.points.length > 1).map((s) => judge(s, instruments.get(s.instrument)));
}

function judge(s: Series, instrument: Instrument | undefined): Outcome {
  const first = s.points[0] as OutcomePoint;
  const last = s.points[s.points.length - 1] as OutcomePoint;
  const change = Math.round((last.value - first.value) * 1000) / 1000;
  const higherIsBetter = instrument?.higherIsBetter ?? true;
  const isTotal = s.measure === 'score' || s.instrument === 'isncsci';
  const mcid = isTotal ? instrument?.mcid : undefined;
  const outcome: Outcome = {
    instrument: s.instrument,
    measure: s.measure,
    label: s.label,
    higher_is_better: higherIsBetter,
    points: s.points,
    baseline: first.value,
    latest: last.value,
    change,
    meaningful: isTotal ? isMeaningful(instrument, first.value, change) : null,
    text: '',
  };
  if (mcid) {
    outcome.mcid = thresholdFor(mcid, first.value, higherIsBetter ? change >= 0 : change <= 0);
    outcome.mcid_source = mcid.source;
  }
  outcome.text = describeOutcome(outcome, instrument, isTotal);
  return outcome;
}

/** Direction-aware words for a change: "improved by 9 points (52 to 61); above the published MCID of 4 points". */
export function describeOutcome(o: Outcome, instrument: Instrument | undefined, isTotal: boolean): string {
  const n = Math.abs(o.change);
  const unit = `point${n === 1 ? '' : 's'}`;
  if (o.change === 0) return `did not change (${o.baseline} at baseline and at the latest assessment)`;
  const better = o.higher_is_better ? o.change > 0 : o.change < 0;
  const head = `${better ? 'improved' : 'worsened'} by ${n} ${unit} (${o.change > 0 ? 'rose' : 'fell'} from ${o.baseline} to ${o.latest})`;
  if (o.mcid !== undefined) {
    const kind = instrument?.mcid?.kind === 'mdc' ? 'minimal detectable change' : 'MCID';
    const relation = o.meaningful ? 'reaching' : 'below';
    return `${head}; ${relation} the published ${kind} of ${o.mcid} ${o.mcid === 1 ? 'point' : 'points'} (${o.mcid_source})`;
  }
  if (!isTotal) return `${head}; no minimal clinically important difference is established for this subscore`;
  return `${head}; ${instrument?.noMcidReason ?? 'no minimal clinically important difference is established for this score'}`;
}
