import type { Translator } from '../../text/translator.js';
import type { CaseFile, Round } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { lowerFirst } from '../text.js';
import { groupByDomain } from './observations.js';
import { daysFromTo, makeTimePoint } from './time-points.js';
import type { InterventionView, ObservationView, RoundView } from './types.js';

/** The treatment rounds with their times, interventions and the changes observed after each. */
export function buildRounds(c: CaseFile, clock: Clock, observations: ObservationView[], tr: Translator): RoundView[] {
  return c.rounds.map((round, index) => {
    const own = observations.filter((o) => o.round === round.id);
    const view: RoundView = {
      id: round.id,
      number: index + 1,
      label: round.label ?? tr.t('model.round.label', { n: index + 1 }),
      interventions: (round.interventions ?? []).map((i) => viewIntervention(i, tr)),
      observations: own,
      observations_by_domain: groupByDomain(own, tr),
    };
    const start = makeTimePoint(clock, { date: round.start, day: round.day ?? (index === 0 ? 0 : undefined) }, tr);
    const end = makeTimePoint(clock, { date: round.end, day: round.end_day }, tr);
    if (start) view.start = start;
    if (end) view.end = end;
    const days = daysFromTo(start, end);
    if (days !== undefined) view.duration_days = days;
    if (round.notes !== undefined) view.notes = round.notes;
    return view;
  });
}

function viewIntervention(i: NonNullable<Round['interventions']>[number], tr: Translator): InterventionView {
  const typeLabel = tr.t('model.intervention.type', { type: i.type.replaceAll('-', '_') });
  const view: InterventionView = { type: i.type, type_label: typeLabel, name: i.name ?? typeLabel };
  const p = i.product;
  if (p) {
    const parts = [
      p.origin,
      p.cell_type,
      p.source ? tr.t('model.intervention.product_source', { source: lowerFirst(p.source) }) : undefined,
      p.manipulation,
    ]
      .filter((part): part is string => Boolean(part))
      .map(lowerFirst);
    if (parts.length > 0) view.product_text = parts.join(', ');
  }
  if (i.device) {
    view.device_text = i.device.manufacturer
      ? tr.t('model.intervention.device', { name: i.device.name, manufacturer: i.device.manufacturer })
      : i.device.name;
  }
  if (i.parameters && i.parameters.length > 0) {
    view.parameters = i.parameters.map((p) => ({ ...p }));
    view.parameters_text = i.parameters
      .map((p) =>
        p.unit !== undefined
          ? tr.t('model.intervention.parameter_unit', { name: p.name, value: String(p.value), unit: p.unit })
          : tr.t('model.intervention.parameter', { name: p.name, value: String(p.value) }),
      )
      .join('; ');
  }
  if (i.dose !== undefined) view.dose = i.dose;
  if (i.route !== undefined) view.route = i.route;
  if (i.sessions !== undefined) view.sessions = i.sessions;
  if (i.schedule !== undefined) view.schedule = i.schedule;
  if (i.notes !== undefined) view.notes = i.notes;
  return view;
}
