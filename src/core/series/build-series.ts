import type { Translator } from '../../text/translator.js';
import { spaghettiChart, swimmerChart } from '../charts/series-charts.js';
import { toBase64 } from '../charts/svg.js';
import { describeDuration } from '../dates.js';
import { buildInstrumentTable, measureLabel, thresholdFor } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import { DOMAINS, type Domain } from '../schema/enums.js';
import { outcomeKey, type CaseSummary, type SummaryPoint } from './case-summary.js';
import type { PrimaryOutcome, SeriesFile } from './series-schema.js';
import { describeSpread, wilson, type Proportion, type Spread } from './stats.js';
import type { FlowPoint, SeriesCaseValue, SeriesModel, SeriesOutcome, SeriesPatientRow } from './types.js';

const AIS_GRADES = ['A', 'B', 'C', 'D', 'E'];

/** A time point as the series reads values at it: `latest`, or a day with a window. */
interface Slot {
  label: string;
  day?: number;
  window?: number;
}

/** The baseline of a case: its last value on or before day 0 (the first round's start). */
function baselineOf(points: readonly SummaryPoint[]): SummaryPoint | undefined {
  return points.filter((p) => p.day <= 0).at(-1);
}

/** Its value at a time point: the closest to the day within the window (the earlier of two as close), or the last after day 0. */
function valueAt(points: readonly SummaryPoint[], slot: Slot): SummaryPoint | undefined {
  if (slot.day === undefined) return points.filter((p) => p.day > 0).at(-1);
  const day = slot.day;
  let best: SummaryPoint | undefined;
  for (const p of points) {
    if (p.day <= 0 || Math.abs(p.day - day) > (slot.window ?? 0)) continue;
    if (!best || Math.abs(p.day - day) < Math.abs(best.day - day)) best = p;
  }
  return best;
}

/**
 * The series model: pure, from the series file and one small summary per case. The same summaries
 * in any order give the same model: they are sorted by case id first.
 */
export function buildSeriesModel(series: SeriesFile, given: readonly CaseSummary[], tr: Translator, language = 'en'): SeriesModel {
  const cases = [...given].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The built-in instruments, and those the cases define for a primary outcome (the first definition, by case id).
  const defined = new Map<string, Instrument>();
  for (const c of cases) for (const [id, i] of Object.entries(c.instruments)) if (!defined.has(id)) defined.set(id, i);
  const instruments = buildInstrumentTable();
  for (const [id, i] of defined) instruments.set(id, i);
  const slots: Slot[] = [...(series.time_points ?? []).map((t) => ({ label: t.label, day: t.day, window: t.window })), { label: 'latest' }];
  const n = cases.length;
  const first = series.primary_outcomes[0] as PrimaryOutcome;
  // Tables name an instrument by its short name (SCIM III), a part of it by the part's label.
  const label = (o: PrimaryOutcome) =>
    o.measure === 'total'
      ? (instruments.get(o.instrument)?.short ?? o.instrument)
      : measureLabel(instruments.get(o.instrument), o.instrument, o.measure, tr);
  const flow = {
    included: n,
    // Every case file records at least one treatment round: each case in the series was treated.
    treated: n,
    outcome: label(first),
    time_points: slots.map((slot) => flowAt(cases, first, slot, tr)),
  };
  const outcomes = series.primary_outcomes.flatMap((o) =>
    slots.map((slot) => outcomeAt(cases, o, slot, instruments.get(o.instrument), series.responder, label(o), tr)),
  );
  const reporting = cases.filter((c) => c.adverse_events.status !== 'not-reported');
  const notReported = cases.filter((c) => c.adverse_events.status === 'not-reported').map((c) => c.id);
  const withAny = wilson(reporting.filter((c) => c.adverse_events.any).length, reporting.length);
  const withSerious = wilson(reporting.filter((c) => c.adverse_events.serious).length, reporting.length);
  const model: SeriesModel = {
    format: 1,
    kind: 'series',
    id: series.id,
    title: /case series/i.test(series.title ?? '') ? (series.title as string) : tr.t('series.title', { title: series.title ?? '' }),
    language,
    n_cases: n,
    design_text: tr.t('series.design', {
      type: series.design?.type ?? 'unknown',
      consecutive: String(series.design?.consecutive ?? 'unknown'),
      centres: series.design?.centres ?? 0,
    }),
    eligibility: { inclusion: series.eligibility?.inclusion ?? [], exclusion: series.eligibility?.exclusion ?? [] },
    flow,
    patients: cases.map((c) => patientRow(c, first, tr)),
    interventions: countInterventions(cases, tr),
    outcomes,
    quantile_rule: tr.t('series.quantile_rule'),
    adverse_events: {
      reporting: reporting.length,
      not_reported: notReported,
      with_any: withAny,
      with_serious: withSerious,
      rows: [
        { label: tr.t('series.adverse_events.row_any'), count: `${withAny.k}/${withAny.n}`, percent: percentText(withAny, tr) },
        {
          label: tr.t('series.adverse_events.row_serious'),
          count: `${withSerious.k}/${withSerious.n}`,
          percent: percentText(withSerious, tr),
        },
        {
          label: tr.t('series.adverse_events.row_not_reported'),
          count: String(notReported.length),
          percent: notReported.length > 0 ? notReported.join(', ') : '—',
        },
      ],
      text: tr.t('series.adverse_events.text', {
        reporting: reporting.length,
        any: withAny.k,
        serious: withSerious.k,
        any_ci: percentText(withAny, tr),
        serious_ci: percentText(withSerious, tr),
        not_reported: notReported.length,
        names: notReported.join(', '),
      }),
    },
    evidence: evidenceByDomain(cases, tr),
    limitations: [],
    charts: [],
  };
  if (series.setting !== undefined) model.setting = series.setting;
  if (series.registration !== undefined) model.registration = series.registration;
  if (series.ethics !== undefined) model.ethics = series.ethics;
  if (series.recruitment) {
    model.recruitment_text = tr.t('series.recruitment', {
      start: series.recruitment.start ?? tr.t('common.not_stated'),
      end: series.recruitment.end ?? tr.t('common.not_stated'),
    });
  }
  const shift = aisShift(cases, tr);
  if (shift) model.ais_shift = shift;
  model.limitations = seriesLimitations(series, cases, flow.time_points.at(-1) as FlowPoint, tr);
  model.charts = seriesCharts(model, series, cases, instruments.get(first.instrument), first, tr);
  return model;
}

/** The spaghetti plot of the first primary outcome and the swimmer plot of follow-up, numbered as figures. */
function seriesCharts(
  model: SeriesModel,
  series: SeriesFile,
  cases: readonly CaseSummary[],
  instrument: Instrument | undefined,
  first: PrimaryOutcome,
  tr: Translator,
): SeriesModel['charts'] {
  const latest = model.outcomes.find((o) => o.instrument === first.instrument && o.measure === first.measure && o.time_point === 'latest');
  // A threshold that depends on the baseline (EDSS) has no one line to draw.
  const threshold =
    series.responder !== 'mcid' ? series.responder.change : instrument?.mcid && !instrument.mcid.rule ? instrument.mcid.value : undefined;
  const drawn = [
    ...(latest
      ? [
          {
            key: 'spaghetti' as const,
            ...spaghettiChart(
              latest,
              instrument?.short ?? first.instrument,
              cases,
              outcomeKey(first),
              threshold,
              instrument?.higher_is_better ?? true,
              tr,
            ),
          },
        ]
      : []),
    { key: 'swimmer' as const, ...swimmerChart(cases, new Set(model.flow.time_points.at(-1)?.lost_ids ?? []), tr) },
  ];
  return drawn.map((c, i) => ({
    number: i + 1,
    key: c.key,
    title: c.title,
    file: `${model.id}-chart-${i + 1}.svg`,
    svg: c.svg,
    data_uri: `data:image/svg+xml;base64,${toBase64(c.svg)}`,
    alt: c.alt,
  }));
}

function flowAt(cases: readonly CaseSummary[], o: PrimaryOutcome, slot: Slot, tr: Translator): FlowPoint {
  const withBaseline = cases.filter((c) => baselineOf(c.values[outcomeKey(o)] ?? []) !== undefined);
  const lost = withBaseline.filter((c) => valueAt(c.values[outcomeKey(o)] ?? [], slot) === undefined);
  const assessed = withBaseline.length - lost.length;
  const point: FlowPoint = {
    label: slot.label,
    assessed,
    lost: lost.length,
    lost_ids: lost.map((c) => c.id),
    text: tr.t('series.flow.point', {
      label: slot.label === 'latest' ? tr.t('series.latest') : slot.label,
      assessed,
      lost: lost.length,
      without_baseline: cases.length - withBaseline.length,
    }),
  };
  if (slot.day !== undefined) point.day = slot.day;
  if (slot.window !== undefined) point.window = slot.window;
  return point;
}

function outcomeAt(
  cases: readonly CaseSummary[],
  o: PrimaryOutcome,
  slot: Slot,
  instrument: Instrument | undefined,
  rule: SeriesFile['responder'],
  label: string,
  tr: Translator,
): SeriesOutcome {
  const higher = instrument?.higher_is_better ?? true;
  const rows: SeriesCaseValue[] = [];
  for (const c of cases) {
    const points = c.values[outcomeKey(o)] ?? [];
    const base = baselineOf(points);
    const at = valueAt(points, slot);
    if (!base || !at) continue;
    const change = Math.round((at.value - base.value) * 1e6) / 1e6;
    rows.push({
      id: c.id,
      label: c.label,
      baseline: base.value,
      value: at.value,
      change,
      day: at.day,
      responder: responds(change, base.value, higher, instrument, rule),
    });
  }
  // Responders are counted where the rule applies: a threshold of the series file's, or the instrument's MCID.
  const judged = rule !== 'mcid' || instrument?.mcid !== undefined;
  const responders = judged ? wilson(rows.filter((r) => r.responder === true).length, rows.length) : null;
  const baseline = describeSpread(rows.map((r) => r.baseline));
  const value = describeSpread(rows.map((r) => r.value));
  const change = describeSpread(rows.map((r) => r.change));
  return {
    instrument: o.instrument,
    measure: o.measure,
    label,
    time_point: slot.label,
    time_point_text: slot.day === undefined ? tr.t('series.latest') : slot.label,
    n: rows.length,
    baseline,
    value,
    change,
    responders,
    responder_rule:
      rule === 'mcid'
        ? instrument?.mcid
          ? tr.t('series.responder.mcid', { value: instrument.mcid.value, kind: instrument.mcid.kind, source: instrument.mcid.source })
          : tr.t('series.responder.no_mcid', { instrument: instrument?.short ?? o.instrument })
        : tr.t('series.responder.change', { value: rule.change }),
    cases: rows,
    cells: {
      baseline: spreadText(baseline, tr),
      value: spreadText(value, tr),
      change: spreadText(change, tr),
      responders: responders ? proportionText(responders, tr) : tr.t('series.not_applicable'),
    },
  };
}

/** Whether a change from a baseline meets the responder rule in the better direction; null where no rule applies. */
function responds(
  change: number,
  baseline: number,
  higher: boolean,
  instrument: Instrument | undefined,
  rule: SeriesFile['responder'],
): boolean | null {
  const improving = higher ? change > 0 : change < 0;
  const size = Math.abs(change);
  if (rule !== 'mcid') return improving && size >= rule.change - 1e-9;
  if (!instrument?.mcid) return null;
  return improving && size >= thresholdFor(instrument.mcid, baseline, true) - 1e-9;
}

/** "median 4 (IQR 2 to 9); mean 5.1 (SD 3.2)", or a dash without values. */
export function spreadText(s: Spread, tr: Translator): string {
  if (s.n === 0 || s.median === null) return '—';
  // The JSON keeps 4 decimals; a table reads better with at most 2.
  const show = (x: number | null) => String(Math.round((x ?? 0) * 100) / 100);
  return tr.t('series.spread', {
    median: show(s.median),
    q1: show(s.q1),
    q3: show(s.q3),
    mean: show(s.mean),
    sd: s.sd === null ? '' : show(s.sd),
    has_sd: s.sd === null ? 'no' : 'yes',
  });
}

/** "40%; 95% CI 11.8% to 76.9%" (or nothing to say without cases). */
function percentText(p: Proportion, tr: Translator): string {
  if (p.n === 0 || p.proportion === null) return tr.t('series.not_applicable');
  const pct = (x: number | null) => String(Math.round((x ?? 0) * 1000) / 10);
  return tr.t('series.percent', { p: pct(p.proportion), low: pct(p.ci_low), high: pct(p.ci_high) });
}

/** "3/5 (60%; 95% CI 23% to 88%)". */
export function proportionText(p: Proportion, tr: Translator): string {
  if (p.n === 0 || p.proportion === null) return tr.t('series.proportion_none', { k: p.k, n: p.n });
  const pct = (x: number | null) => String(Math.round((x ?? 0) * 1000) / 10);
  return tr.t('series.proportion', { k: p.k, n: p.n, p: pct(p.proportion), low: pct(p.ci_low), high: pct(p.ci_high) });
}

function patientRow(c: CaseSummary, first: PrimaryOutcome, tr: Translator): SeriesPatientRow {
  const points = c.values[outcomeKey(first)] ?? [];
  const base = baselineOf(points);
  const latest = valueAt(points, { label: 'latest' });
  const ae = c.adverse_events;
  const status = ae.status === 'not-reported' ? 'not-reported' : ae.serious ? 'serious' : ae.any ? 'any' : 'none';
  const row: SeriesPatientRow = {
    id: c.id,
    label: c.label,
    condition: c.condition,
    since_onset_text: c.since_onset_days === undefined ? tr.t('common.not_stated') : describeDuration(c.since_onset_days, tr),
    interventions: c.interventions.join('; '),
    rounds: c.rounds.length,
    primary_change: base && latest ? Math.round((latest.value - base.value) * 1e6) / 1e6 : null,
    adverse_events: status,
    adverse_events_text: tr.t('series.patient.adverse_events', { status }),
  };
  if (c.age !== undefined) row.age = c.age;
  if (c.sex !== undefined) row.sex = c.sex;
  if (c.baseline_ais !== undefined) row.baseline_ais = c.baseline_ais;
  if (c.since_onset_days !== undefined) row.since_onset_days = c.since_onset_days;
  if (c.follow_up_days !== undefined) row.follow_up_days = c.follow_up_days;
  return row;
}

/** Each intervention the cases name, with how many cases received it, most often first (then by name). */
function countInterventions(cases: readonly CaseSummary[], tr: Translator): SeriesModel['interventions'] {
  const counts = new Map<string, number>();
  for (const c of cases) for (const name of c.interventions) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, n]) => ({ name, cases: n, text: tr.t('series.intervention_count', { name, n, total: cases.length }) }));
}

/** Baseline AIS grade by latest grade, and how many improved by at least one grade. */
function aisShift(cases: readonly CaseSummary[], tr: Translator): SeriesModel['ais_shift'] {
  const pairs = cases.flatMap((c) => (c.baseline_ais && c.latest_ais ? [[c.baseline_ais, c.latest_ais] as const] : []));
  if (pairs.length === 0) return undefined;
  const rows = AIS_GRADES.map((from) => {
    const counts = AIS_GRADES.map((to) => pairs.filter(([a, b]) => a === from && b === to).length);
    return { from, counts, total: counts.reduce((s, x) => s + x, 0) };
  }).filter((r) => r.total > 0);
  const improved = wilson(pairs.filter(([a, b]) => b > a).length, pairs.length);
  return { grades: AIS_GRADES, rows, n: pairs.length, improved, text: tr.t('series.ais_improved', { text: proportionText(improved, tr) }) };
}

function evidenceByDomain(cases: readonly CaseSummary[], tr: Translator): SeriesModel['evidence'] {
  const all = cases.flatMap((c) => c.evidence);
  return DOMAINS.flatMap((domain: Domain) => {
    const own = all.filter((e) => e.domain === domain);
    if (own.length === 0) return [];
    const count = (source: string) => own.filter((e) => e.source === source).length;
    return [
      {
        domain,
        label: tr.t('model.domain', { domain: domain.replace('-', '_') }),
        self_reported: count('patient'),
        caregiver_reported: count('caregiver'),
        clinician_observed: count('clinician'),
        measured: count('measured'),
        total: own.length,
      },
    ];
  });
}

/** What the series' own data shows it cannot show, after what no uncontrolled series can. */
function seriesLimitations(series: SeriesFile, cases: readonly CaseSummary[], latest: FlowPoint, tr: Translator): string[] {
  const out = [tr.t('series.limitation.uncontrolled')];
  const consecutive = series.design?.consecutive ?? 'unknown';
  if (consecutive !== true) out.push(tr.t('series.limitation.selection', { consecutive: String(consecutive) }));
  const assessed = cases.reduce((s, c) => s + c.assessed, 0);
  const unblinded = cases.reduce((s, c) => s + c.unblinded, 0);
  if (unblinded > 0) out.push(tr.t('series.limitation.unblinded', { n: unblinded, total: assessed }));
  const early = cases.filter((c) => c.spinal_cord && c.since_onset_days !== undefined && c.since_onset_days < 365).length;
  if (early > 0) out.push(tr.t('series.limitation.first_year', { n: early, total: cases.length }));
  const unknownOnset = cases.filter((c) => c.since_onset_days === undefined).length;
  if (unknownOnset > 0) out.push(tr.t('series.limitation.onset_unknown', { n: unknownOnset, total: cases.length }));
  out.push(tr.t('series.limitation.regression'));
  if (latest.lost > 0) out.push(tr.t('series.limitation.lost', { n: latest.lost, total: latest.lost + latest.assessed }));
  const notReported = cases.filter((c) => c.adverse_events.status === 'not-reported').length;
  if (notReported > 0) out.push(tr.t('series.limitation.adverse_events', { n: notReported, total: cases.length }));
  return out;
}
