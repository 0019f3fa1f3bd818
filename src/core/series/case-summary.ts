import type { Instrument } from '../instruments/registry.js';
import { isncsciValues } from '../model/assessments.js';
import type { ReportModel } from '../model/types.js';
import type { Source } from '../schema/enums.js';
import type { PrimaryOutcome } from './series-schema.js';

/** One value of a primary outcome, on a day of the case's time axis (day 0: the first round's start). */
export interface SummaryPoint {
  day: number;
  value: number;
}

/**
 * What a series keeps of one case: a few hundred bytes, not its report model, so that a series of
 * 10,000 cases holds 10,000 of these and one model at a time.
 */
export interface CaseSummary {
  id: string;
  label: string;
  /** "52", "30-39", or absent. */
  age?: string;
  sex?: string;
  condition: string;
  /** The AIS grade of the last ISNCSCI exam on or before day 0. */
  baseline_ais?: string;
  /** The AIS grade of the last ISNCSCI exam after day 0. */
  latest_ais?: string;
  /** Days from onset to the first round's start. */
  since_onset_days?: number;
  /** Whether the condition is a spinal cord injury (spontaneous recovery in its first year). */
  spinal_cord: boolean;
  interventions: string[];
  rounds: { start?: number; end?: number }[];
  /** Days from the first round's start to the last contact (follow-up, or the latest dated event). */
  follow_up_days?: number;
  /** Whether the case says follow-up goes on after its last contact (it has a follow-up entry). */
  follow_up_stated: boolean;
  /** Per primary outcome (`instrument/measure`), the values in time order. */
  values: Record<string, SummaryPoint[]>;
  /** The case's own definition of a primary outcome's instrument, where it defines one. */
  instruments: Record<string, Instrument>;
  adverse_events: {
    status: 'reported' | 'none-observed' | 'not-reported';
    any: boolean;
    serious: boolean;
    days: number[];
    serious_days: number[];
  };
  /** Observed changes by domain and source. */
  evidence: { domain: string; source: Source }[];
  /** Primary-outcome assessments not done blind to the treatment, of all primary-outcome assessments. */
  unblinded: number;
  assessed: number;
  /** Day of each primary-outcome assessment (for the swimmer plot). */
  assessment_days: number[];
}

/** The key of a primary outcome in `values`. */
export function outcomeKey(o: PrimaryOutcome): string {
  return `${o.instrument}/${o.measure}`;
}

/** The value of one measure in one assessment: `total` is the score (ISNCSCI: the named total). */
function measureValue(a: ReportModel['assessments'][number], measure: string): number | undefined {
  const value =
    a.instrument === 'isncsci'
      ? isncsciValues(a)[measure === 'total' ? 'motor_total' : measure]
      : measure === 'total'
        ? a.score
        : a.subscores?.[measure];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A grade is serious where the case says so, or its severity or CTCAE grade is life-threatening or fatal. */
function isSerious(e: ReportModel['adverse_events']['items'][number]): boolean {
  return e.serious === true || e.severity === 'life-threatening' || e.severity === 'fatal' || (e.grade ?? 0) >= 4;
}

/** The summary of one case for a series: pure, from its report model. */
export function summarizeCase(m: ReportModel, instruments: Map<string, Instrument>, primaries: readonly PrimaryOutcome[]): CaseSummary {
  const c = m.input;
  const values: Record<string, SummaryPoint[]> = {};
  const own: Record<string, Instrument> = {};
  let unblinded = 0;
  let assessed = 0;
  const assessmentDays = new Set<number>();
  for (const o of primaries) {
    const points: SummaryPoint[] = [];
    for (const a of m.assessments) {
      if (a.instrument !== o.instrument || a.when?.day === undefined) continue;
      const value = measureValue(a, o.measure);
      if (value === undefined) continue;
      points.push({ day: a.when.day, value });
      assessed++;
      if (a.blinded !== true) unblinded++;
      assessmentDays.add(a.when.day);
    }
    values[outcomeKey(o)] = points.sort((x, y) => x.day - y.day);
    const defined = instruments.get(o.instrument);
    if (defined && !defined.built_in) own[o.instrument] = defined;
  }
  const graded = m.assessments
    .filter((a) => a.instrument === 'isncsci' && a.when?.day !== undefined)
    .map((a) => ({ day: a.when?.day as number, ais: isncsciValues(a).ais }))
    .filter((g): g is { day: number; ais: string } => typeof g.ais === 'string' && /^[A-E]$/.test(g.ais));
  const baselineAis = graded.filter((g) => g.day <= 0).at(-1)?.ais;
  const latestAis = graded.filter((g) => g.day > 0).at(-1)?.ais;
  const ae = m.adverse_events;
  const aeDays = ae.items.flatMap((e) => (e.when?.day === undefined ? [] : [e.when.day]));
  const seriousDays = ae.items.filter(isSerious).flatMap((e) => (e.when?.day === undefined ? [] : [e.when.day]));
  const contacts = [
    m.follow_up?.days,
    ...m.rounds.flatMap((r) => [r.start?.day, r.end?.day]),
    ...m.assessments.map((a) => a.when?.day),
    ...aeDays,
  ].filter((d): d is number => d !== undefined);
  const age = c.patient.age !== undefined ? String(c.patient.age) : c.patient.age_range;
  const onset = m.rounds[0]?.start?.since_onset_days;
  const summary: CaseSummary = {
    id: c.id,
    label: c.patient.label,
    condition: c.condition.name,
    spinal_cord: /spinal cord|\bSCI\b|myelopathy|tetraplegi|paraplegi/i.test(c.condition.name),
    interventions: [...new Set(m.rounds.flatMap((r) => r.interventions.map((i) => i.name)))],
    rounds: m.rounds.map((r) => ({
      ...(r.start?.day !== undefined ? { start: r.start.day } : {}),
      ...(r.end?.day !== undefined ? { end: r.end.day } : {}),
    })),
    follow_up_stated: m.follow_up !== undefined,
    values,
    instruments: own,
    adverse_events: {
      status: ae.status,
      any: ae.items.length > 0,
      serious: ae.items.some(isSerious),
      days: aeDays,
      serious_days: seriousDays,
    },
    evidence: m.observations.map((o) => ({ domain: o.domain, source: o.source })),
    unblinded,
    assessed,
    assessment_days: [...assessmentDays].sort((x, y) => x - y),
  };
  if (age !== undefined) summary.age = age;
  if (c.patient.sex !== undefined) summary.sex = c.patient.sex;
  if (baselineAis !== undefined) summary.baseline_ais = baselineAis;
  if (latestAis !== undefined) summary.latest_ais = latestAis;
  if (onset !== undefined) summary.since_onset_days = onset;
  if (contacts.length > 0) summary.follow_up_days = Math.max(...contacts);
  return summary;
}
