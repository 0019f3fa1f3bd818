import { translator, type Translator } from '../../text/translator.js';
import { describeDuration } from '../dates.js';
import { formatAmount, isMeaningful, levelIndex, levelsOf, measureLabel, thresholdFor } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import { isncsciValues } from './assessments.js';
import type { AssessmentView, Outcome, OutcomePoint } from './types.js';

const ISNCSCI_MEASURES = ['ais', 'nli', 'uems', 'lems', 'motor_total', 'lt_total', 'pp_total'] as const;

type Series = { instrument: string; measure: string; points: OutcomePoint[] };

/** Every quantity measured more than once, with its change from baseline judged against the published MCID. */
export function buildOutcomes(assessments: AssessmentView[], instruments: Map<string, Instrument>, tr: Translator): Outcome[] {
  const series = new Map<string, Series>();
  const add = (a: AssessmentView, measure: string, given: unknown): void => {
    const levels = levelsOf(instruments.get(a.instrument), measure);
    // An ordinal value is kept as its level ("1+"); one that is not a level (an NLI the exam could not
    // determine) is left out, never compared.
    const level = levels ? levelIndex(levels, given) : undefined;
    const value = levels ? (level === undefined ? undefined : levels[level]) : given;
    if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) return;
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

/** The position of a value on its measure's scale: the number itself, or the index of an ordinal level. */
export function positionOf(o: Pick<Outcome, 'levels'>, value: number | string): number {
  return typeof value === 'number' ? value : (o.levels?.indexOf(value) ?? 0);
}

function judge(s: Series, instrument: Instrument | undefined, tr: Translator): Outcome {
  const first = s.points[0] as OutcomePoint;
  const last = s.points[s.points.length - 1] as OutcomePoint;
  const levels = levelsOf(instrument, s.measure);
  const at = (v: number | string) => positionOf({ levels }, v);
  const change = Math.round((at(last.value) - at(first.value)) * 1000) / 1000;
  const higherIsBetter = instrument?.higher_is_better ?? true;
  // Published thresholds are for totals; a subscore's change is not judged against the total's MCID, nor
  // an ISNCSCI grade or level against that of the motor and sensory totals.
  const isIsncsciLevel = s.instrument === 'isncsci' && levels !== undefined;
  const isTotal = (s.measure === 'score' || s.instrument === 'isncsci') && !isIsncsciLevel;
  const mcid = isTotal ? instrument?.mcid : undefined;
  const label = measureLabel(instrument, s.instrument, s.measure, tr);
  const unit = s.measure === 'score' && !levels ? instrument?.unit : undefined;
  const outcome: Outcome = {
    instrument: s.instrument,
    measure: s.measure,
    label: unit ? tr.t('model.measure.with_unit', { label, unit }) : label,
    kind: levels ? 'ordinal' : 'number',
    higher_is_better: higherIsBetter,
    points: s.points,
    baseline: first.value,
    latest: last.value,
    change,
    meaningful: isTotal ? isMeaningful(instrument, at(first.value), change) : null,
    references: [],
    citation: '',
    text: '',
  };
  if (levels) outcome.levels = levels;
  if (unit) outcome.unit = unit;
  if (mcid) {
    outcome.mcid = thresholdFor(mcid, at(first.value), higherIsBetter ? change >= 0 : change <= 0);
    outcome.mcid_source = mcid.source;
    outcome.mcid_kind = mcid.kind;
  }
  outcome.text = describeOutcome(outcome, instrument, isTotal, tr, !isIsncsciLevel);
  return outcome;
}

/**
 * Direction-aware words for a change: "improved by 9 points (rose from 32 to 41); reaching the published
 * MCID of 4 points (source); 3 assessments over 12 months (9 months to 21 months after onset)".
 */
export function describeOutcome(
  o: Outcome,
  instrument: Instrument | undefined,
  isTotal: boolean,
  tr: Translator = translator(),
  judged = true,
): string {
  const parts = [describeChange(o, instrument, tr)];
  if (o.change !== 0 && judged) parts.push(judgeAgainstThreshold(o, instrument, isTotal, tr));
  const course = describeCourse(o, tr);
  if (course) parts.push(course);
  return parts.join('; ');
}

function describeChange(o: Outcome, instrument: Instrument | undefined, tr: Translator): string {
  if (o.change === 0) return tr.t('model.outcome.no_change', { value: String(o.baseline) });
  const better = o.higher_is_better ? o.change > 0 : o.change < 0;
  if (o.instrument === 'isncsci' && o.measure === 'nli') {
    const to = { n: Math.abs(o.change), down: o.change > 0 ? 'yes' : 'no', from: String(o.baseline), to: String(o.latest) };
    return tr.t('model.outcome.nli_change', to);
  }
  if (o.kind === 'ordinal') {
    return tr.t('model.outcome.change_levels', {
      better: better ? 'yes' : 'no',
      amount: formatAmount(Math.abs(o.change), instrument, tr, o.measure),
      from: String(o.baseline),
      to: String(o.latest),
    });
  }
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
    baseline: mcid.rule === 'edss' ? (positionOf(o, o.baseline) <= 5.5 ? 'low' : 'high') : 'any',
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
  const values = o.points.map((p) => positionOf(o, p.value));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const [baseline, latest] = [positionOf(o, o.baseline), positionOf(o, o.latest)];
  const shown = (v: number) => (o.levels ? (o.levels[v] ?? String(v)) : String(v));
  if (low < Math.min(baseline, latest) || high > Math.max(baseline, latest))
    parts.push(tr.t('model.outcome.ranged', { low: shown(low), high: shown(high) }));
  return parts.join('; ');
}
