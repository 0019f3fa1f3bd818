import type { CaseFile, Round } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { lowerFirst } from '../text.js';
import { groupByDomain } from './observations.js';
import { daysFromTo, makeTimePoint } from './time-points.js';
import type { InterventionView, ObservationView, RoundView } from './types.js';

const TYPE_LABELS: Record<string, string> = {
  'cell-therapy': 'Cell therapy',
  rehabilitation: 'Rehabilitation',
  medication: 'Medication',
  surgery: 'Surgery',
  other: 'Other intervention',
};

/** The treatment rounds with their times, interventions and the changes observed after each. */
export function buildRounds(c: CaseFile, clock: Clock, observations: ObservationView[]): RoundView[] {
  return c.rounds.map((round, index) => {
    const own = observations.filter((o) => o.round === round.id);
    const view: RoundView = {
      id: round.id,
      number: index + 1,
      label: round.label ?? `Round ${index + 1}`,
      interventions: (round.interventions ?? []).map(viewIntervention),
      observations: own,
      observations_by_domain: groupByDomain(own),
    };
    const start = makeTimePoint(clock, { date: round.start, day: round.day ?? (index === 0 ? 0 : undefined) });
    const end = makeTimePoint(clock, { date: round.end, day: round.end_day });
    if (start) view.start = start;
    if (end) view.end = end;
    const days = daysFromTo(start, end);
    if (days !== undefined) view.duration_days = days;
    if (round.notes !== undefined) view.notes = round.notes;
    return view;
  });
}

function viewIntervention(i: NonNullable<Round['interventions']>[number]): InterventionView {
  const view: InterventionView = {
    type: i.type,
    type_label: TYPE_LABELS[i.type] ?? i.type,
    name: i.name ?? TYPE_LABELS[i.type] ?? i.type,
  };
  const p = i.product;
  if (p) {
    const parts = [p.origin, p.cell_type, p.source ? `from ${lowerFirst(p.source)}` : undefined, p.manipulation]
      .filter((part): part is string => Boolean(part))
      .map(lowerFirst);
    if (parts.length > 0) view.product_text = parts.join(', ');
  }
  if (i.dose !== undefined) view.dose = i.dose;
  if (i.route !== undefined) view.route = i.route;
  if (i.sessions !== undefined) view.sessions = i.sessions;
  if (i.schedule !== undefined) view.schedule = i.schedule;
  if (i.notes !== undefined) view.notes = i.notes;
  return view;
}
