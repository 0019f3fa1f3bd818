import { translator, type Translator } from '../../text/translator.js';
import { describeDuration } from '../dates.js';
import { formatAmount, isMeaningful, measureLabel, thresholdFor } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import { isncsciValues } from './assessments.js';
import type { AssessmentView, Outcome, OutcomePoint } from './types.js';

const ISNCSCI_MEASURES = ['uems', 'lems', 'motor_total', 'lt_total', 'pp_total'] as const;

type Series = { instrument: string; measure: string; points: OutcomePoint[] };

/** Every quantity measured more than once, with its change from baseline judged against the published MCID. */
export function buildOutcomes(assessments: AssessmentView[], instruments: Map<string, Instrument>, tr: Translator): Outcome[] {
  const series = new Map<string, Series>();
  const add = (a: AssessmentView, measure: string, value: unknown): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    const key = `${a.instrument}\u0000${measure}`;
    const entry = series.get(key) ?? { instrument: a.instrument, measure, points: [] };
    const point: OutcomePoint = { assessment: a.id, value };
    if (a.date !== undefined) point.date = a.date;
    if (a.when?.day !== undefined) point.day = a.when.day;
    if (a.when?.since_onset_days !== undefined) point.since_onset_days = a.when.since_onset_days;
    entry.points.push(point);
    series.set(key, entry);
  };
  for (const a of assessments) {
    if (a.instrument === 'isncsci') {
      const values = isncsciValues(a);
      for (const measure of ISNCSCI_MEASURES) add(a, measure, values[measure]);
      continue;
    }
    add(a, 'score', a.score);
    for (const [sub, value] of Object.entries(a.subscores ?? {})) add(a, sub, value);
  }
  return [...series.values()].filter((s) => s.points.length > 1).map((s) => judge(s, instruments.get(s.instrument), tr));
}

function judge(s: Series, instrument: Instrument | undefined, tr: Translator): Outcome {
  const first = s.points[0] as OutcomePoint;
  const last = s.points[s.points.length - 1] as OutcomePoint;
  const change = Math.round((last.value - first.value) * 1000) / 1000;
  const higherIsBetter = instrument?.higher_is_better ?? true;
  // Published thresholds are for totals; a subscore's change is not judged against the total's MCID.
  const isTotal = s.measure === 'score' || s.instrument === 'isncsci';
  const mcid = isTotal ? instrument?.mcid : undefined;
  const outcome: Outcome = {
    instrument: s.instrument,
    measure: s.measure,
    label: measureLabel(instrument, s.instrument, s.measure, tr),
    higher_is_better: higherIsBetter,
    points: s.points,
    baseline: first.value,
    latest: last.value,
    change,
    meaningful: isTotal ? isMeaningful(instrument, first.value, change) : null,
    references: [],
    citation: '',
    text: '',
  };
  if (mcid) {
    outcome.mcid = thresholdFor(mcid, first.value, higherIsBetter ? change >= 0 : change <= 0);
    outcome.mcid_source = mcid.source;
    outcome.mcid_kind = mcid.kind;
  }
  outcome.text = describeOutcome(outcome, instrument, isTotal, tr);
  return outcome;
}

/**
 * Direction-aware words for a change: "improved by 9 points (rose from 32 to 41); reaching the published
 * MCID of 4 points (source); 3 assessments over 12 months (9 months to 21 months after onset)".
 */
export function describeOutcome(o: Outcome, instrument: Instrument | undefined, isTotal: boolean, tr: Translator = translator()): string {
  const parts = [describeChange(o, instrument, tr)];
  if (o.change !== 0) parts.push(judgeAgainstThreshold(o, instrument, isTotal, tr));
  const course = describeCourse(o, tr);
  if (course) parts.push(course);
  return parts.join('; ');
}

function describeChange(o: Outcome, instrument: Instrument | undefined, tr: Translator): string {
  if (o.change === 0) return tr.t('model.outcome.no_change', { value: String(o.baseline) });
  const better = o.higher_is_better ? o.change > 0 : o.change < 0;
  return tr.t('model.outcome.change', {
    better: better ? 'yes' : 'no',
    amount: formatAmount(Math.abs(o.change), instrument, tr),
    rose: o.change > 0 ? 'yes' : 'no',
    from: String(o.baseline),
    to: String(o.latest),
  });
}

function judgeAgainstThreshold(o: Outcome, instrument: Instrument | undefined, isTotal: boolean, tr: Translator): string {
  const mcid = instrument?.mcid;
  if (o.mcid === undefined || !mcid) {
    if (!isTotal) return instrument?.subscore_no_mcid_reason ?? tr.t('model.outcome.no_mcid_subscore');
    return instrument?.no_mcid_reason ?? tr.t('model.outcome.no_mcid_score');
  }
  const improving = o.higher_is_better ? o.change > 0 : o.change < 0;
  const threshold = tr.t('model.outcome.threshold', {
    published: instrument?.built_in ? 'yes' : 'no',
    kind: mcid.kind,
    worsening: !improving && mcid.worsening !== undefined ? 'yes' : 'no',
    amount: formatAmount(o.mcid, instrument, tr),
    baseline: mcid.rule === 'edss' ? (o.baseline <= 5.5 ? 'low' : 'high') : 'any',
  });
  const source = mcid.note
    ? tr.t('model.outcome.source_with_note', { source: o.mcid_source ?? '', note: mcid.note })
    : (o.mcid_source ?? '');
  const judged = {
    threshold,
    from_case: instrument?.built_in ? 'no' : 'yes',
    source,
  };
  let text = o.meaningful ? tr.t('model.outcome.reaching', judged) : tr.t('model.outcome.below', judged);
  if (o.meaningful && improving && mcid.substantial !== undefined && Math.abs(o.change) >= mcid.substantial) {
    text += tr.t('model.outcome.substantial', { amount: formatAmount(mcid.substantial, instrument, tr) });
  }
  if (mcid.kind === 'mdc') {
    // A detectable change is not the same as one that matters: say which one this is.
    text += o.meaningful ? tr.t('model.outcome.mdc_larger') : tr.t('model.outcome.mdc_within');
  }
  return text;
}

/** How many assessments, over how long, when after onset, and whether the values strayed in between. */
function describeCourse(o: Outcome, tr: Translator): string {
  const first = o.points[0];
  const last = o.points[o.points.length - 1];
  if (!first || !last) return '';
  const parts: string[] = [];
  let span = tr.t('model.outcome.assessments', { n: o.points.length });
  if (first.day !== undefined && last.day !== undefined && last.day > first.day)
    span = tr.t('model.outcome.over', { assessments: span, duration: describeDuration(last.day - first.day, tr) });
  const a = first.since_onset_days;
  const b = last.since_onset_days;
  if (a !== undefined && b !== undefined && a >= 0)
    span = tr.t('model.outcome.after_onset', { span, from: describeDuration(a, tr), to: describeDuration(b, tr) });
  parts.push(span);
  const values = o.points.map((p) => p.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low < Math.min(o.baseline, o.latest) || high > Math.max(o.baseline, o.latest))
    parts.push(tr.t('model.outcome.ranged', { low: String(low), high: String(high) }));
  return parts.join('; ');
}
