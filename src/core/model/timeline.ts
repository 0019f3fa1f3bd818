import type { Translator } from '../../text/translator.js';
import type { CaseFile } from '../schema/case-schema.js';
import { lowerFirst } from '../text.js';
import type { Clock } from './clock.js';
import { makeTimePoint, sortByTime } from './time-points.js';
import type { AssessmentView, RoundView, TimelineEntry } from './types.js';

/** Onset, events, rounds, assessments, medication changes, adverse events and follow-up, in time order. */
export function buildTimeline(
  c: CaseFile,
  clock: Clock,
  rounds: RoundView[],
  assessments: AssessmentView[],
  tr: Translator,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const push = (kind: TimelineEntry['kind'], when: TimelineEntry['when'], text: string): void => {
    entries.push(when ? { kind, when, text } : { kind, text });
  };
  if (c.condition.onset !== undefined) {
    push(
      'onset',
      makeTimePoint(clock, { date: c.condition.onset }, tr),
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
  }
  for (const m of c.medications ?? []) {
    if (m.date === undefined && m.day === undefined) continue;
    push('medication', makeTimePoint(clock, m, tr), medicationText(m, tr));
  }
  if (Array.isArray(c.adverse_events)) {
    for (const e of c.adverse_events)
      push(
        'adverse-event',
        makeTimePoint(clock, e, tr),
        e.severity
          ? tr.t('model.timeline.adverse_event_with_severity', { event: e.event, severity: e.severity })
          : tr.t('model.timeline.adverse_event', { event: e.event }),
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

/** "Baclofen: reduced (decided by the patient)". */
function medicationText(m: NonNullable<CaseFile['medications']>[number], tr: Translator): string {
  const what = m.change ? tr.t('model.timeline.medication_change', { name: m.name, change: m.change }) : m.name;
  return m.decided_by ? tr.t('model.timeline.medication_decided', { what, decided_by: m.decided_by }) : what;
}
