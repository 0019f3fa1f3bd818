import type { CaseFile } from '../schema/case-schema.js';
import { lowerFirst } from '../text.js';
import type { Clock } from './clock.js';
import { makeTimePoint, sortByTime } from './time-points.js';
import type { AssessmentView, RoundView, TimelineEntry } from './types.js';

/** Onset, events, rounds, assessments, medication changes, adverse events and follow-up, in time order. */
export function buildTimeline(c: CaseFile, clock: Clock, rounds: RoundView[], assessments: AssessmentView[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const push = (kind: TimelineEntry['kind'], when: TimelineEntry['when'], text: string): void => {
    entries.push(when ? { kind, when, text } : { kind, text });
  };
  if (c.condition.onset !== undefined) {
    push(
      'onset',
      makeTimePoint(clock, { date: c.condition.onset }),
      `Onset: ${lowerFirst(c.condition.name)}${c.condition.cause ? ` (${lowerFirst(c.condition.cause)})` : ''}`,
    );
  }
  for (const e of c.events ?? []) push('event', makeTimePoint(clock, e), e.event);
  for (const r of rounds) {
    const what = r.interventions.map((i) => i.name).join(', ');
    push('round-start', r.start, `${r.label} begins${what ? `: ${what}` : ''}`);
    if (r.end) push('round-end', r.end, `${r.label} ends`);
  }
  for (const a of assessments) {
    push('assessment', a.when, `${a.instrument_short}${a.label !== undefined ? `, ${lowerFirst(a.label)}` : ''}: ${a.result_text}`);
  }
  for (const m of c.medications ?? []) {
    if (m.date === undefined && m.day === undefined) continue;
    push(
      'medication',
      makeTimePoint(clock, m),
      `${m.name}${m.change ? `: ${m.change}` : ''}${m.decided_by ? ` (decided by the ${m.decided_by})` : ''}`,
    );
  }
  if (Array.isArray(c.adverse_events)) {
    for (const e of c.adverse_events)
      push('adverse-event', makeTimePoint(clock, e), `Adverse event: ${e.event}${e.severity ? ` (${e.severity})` : ''}`);
  }
  if (c.follow_up)
    push('follow-up', makeTimePoint(clock, c.follow_up), `Last follow-up${c.follow_up.notes ? `: ${c.follow_up.notes}` : ''}`);
  return sortByTime(entries, clock, (e) => e.when);
}
