import type { Translator } from '../../text/translator.js';
import type { CaseFile } from '../schema/case-schema.js';
import { lowerFirst } from '../text.js';
import type { Clock } from './clock.js';
import { makeTimePoint, sortByTime } from './time-points.js';
import type { AssessmentView, FindingView, MedicationView, ResultsColumn, RoundView, TimelineEntry } from './types.js';

/** Onset, events, rounds, assessments, findings, medication changes, adverse events and follow-up, in time order. */
export function buildTimeline(
  c: CaseFile,
  clock: Clock,
  rounds: RoundView[],
  assessments: AssessmentView[],
  findings: readonly FindingView[],
  medications: readonly MedicationView[],
  tr: Translator,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const push = (kind: TimelineEntry['kind'], when: TimelineEntry['when'], text: string): void => {
    entries.push(when ? { kind, when, text } : { kind, text });
  };
  if (c.condition.onset !== undefined || c.condition.onset_day !== undefined) {
    push(
      'onset',
      makeTimePoint(clock, { date: c.condition.onset, day: c.condition.onset_day }, tr),
      c.condition.cause
        ? tr.t('model.timeline.onset_with_cause', { condition: lowerFirst(c.condition.name), cause: lowerFirst(c.condition.cause) })
        : tr.t('model.timeline.onset', { condition: lowerFirst(c.condition.name) }),
    );
  }
  for (const e of c.events ?? []) push('event', makeTimePoint(clock, e, tr), e.event);
  for (const r of rounds) {
    const what = r.interventions.map((i) => i.name).join(', ');
    push(
      'round-start',
      r.start,
      what
        ? tr.t('model.timeline.round_start_with', { round: r.label, interventions: what })
        : tr.t('model.timeline.round_start', { round: r.label }),
    );
    if (r.end) push('round-end', r.end, tr.t('model.timeline.round_end', { round: r.label }));
  }
  for (const a of assessments) {
    const what =
      a.label !== undefined
        ? tr.t('model.timeline.assessment_label', { instrument: a.instrument_short, label: lowerFirst(a.label) })
        : a.instrument_short;
    push('assessment', a.when, tr.t('model.timeline.assessment', { what, result: a.result_text }));
    (entries[entries.length - 1] as TimelineEntry).assessment = a.id;
  }
  for (const f of findings) push('finding', f.when, tr.t('model.timeline.finding', { name: f.name, result: f.result_text }));
  for (const m of medications) {
    if (m.date !== undefined || m.day !== undefined) push('medication', makeTimePoint(clock, m, tr), medicationText(m, tr));
    if (m.started) push('medication', m.started, tr.t('model.timeline.medication_started', { name: m.name }));
    // Each dose from when it was given; the first one given on the day the medicine started says the starting dose.
    for (const d of m.dose_history) push('medication', d.when, tr.t('model.timeline.medication_dose', { name: m.name, dose: d.dose }));
    if (m.stopped) push('medication', m.stopped, tr.t('model.timeline.medication_stopped', { name: m.name }));
  }
  if (Array.isArray(c.adverse_events)) {
    for (const e of c.adverse_events)
      push(
        'adverse-event',
        makeTimePoint(clock, { date: e.date ?? e.start, day: e.day }, tr),
        e.grade !== undefined || e.severity
          ? tr.t('model.timeline.adverse_event_with_severity', {
              event: e.event,
              serious: e.serious === true ? 'yes' : 'no',
              severity: e.grade !== undefined ? tr.t('model.adverse_events.grade', { grade: e.grade }) : (e.severity ?? ''),
            })
          : tr.t('model.timeline.adverse_event', { event: e.event, serious: e.serious === true ? 'yes' : 'no' }),
      );
  }
  if (c.follow_up)
    push(
      'follow-up',
      makeTimePoint(clock, c.follow_up, tr),
      c.follow_up.notes ? tr.t('model.timeline.follow_up_with_notes', { notes: c.follow_up.notes }) : tr.t('model.timeline.follow_up'),
    );
  return sortByTime(entries, clock, (e) => e.when);
}

/**
 * The timeline with the assessments of one results column (one time point) as one entry, where
 * the first of them stood (the results table holds their values), and one row per day.
 */
export function briefTimeline(
  timeline: readonly TimelineEntry[],
  columns: readonly ResultsColumn[],
  assessments: readonly AssessmentView[],
  tr: Translator,
): TimelineEntry[] {
  const done = new Set<ResultsColumn>();
  const collapsed = timeline.flatMap((entry): TimelineEntry[] => {
    if (entry.kind !== 'assessment') return [entry];
    const column = columns.find((c) => c.assessments.includes(entry.assessment ?? ''));
    if (!column) return [entry];
    if (done.has(column)) return [];
    done.add(column);
    const names = [...new Set(column.assessments.map((id) => assessments.find((a) => a.id === id)?.instrument_short ?? id))];
    const text =
      column.when && column.label.toLowerCase() === column.when.text.toLowerCase()
        ? tr.t('model.timeline.assessments', { instruments: names })
        : tr.t('model.timeline.assessments_labelled', { label: lowerFirst(column.label), instruments: names });
    return [entry.when ? { kind: 'assessments', when: entry.when, text } : { kind: 'assessments', text }];
  });
  // One row per day, as a journal's timeline has it: what happened the same day, in order.
  const rows: TimelineEntry[] = [];
  for (const entry of collapsed) {
    const last = rows[rows.length - 1];
    if (last?.when && entry.when && last.when.text === entry.when.text) {
      rows[rows.length - 1] = { ...last, text: tr.t('model.timeline.same_day', { first: last.text, then: entry.text }) };
    } else rows.push(entry);
  }
  return rows;
}

/** "Baclofen: reduced (decided by the patient)". */
function medicationText(m: NonNullable<CaseFile['medications']>[number], tr: Translator): string {
  const what = m.change ? tr.t('model.timeline.medication_change', { name: m.name, change: m.change }) : m.name;
  return m.decided_by ? tr.t('model.timeline.medication_decided', { what, decided_by: m.decided_by }) : what;
}
