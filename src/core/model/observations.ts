import { DOMAIN_LABELS, DOMAINS, SOURCE_LABELS, SOURCES } from '../schema/enums.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { makeTimePoint } from './time-points.js';
import type { DomainGroup, EvidenceSummary, ObservationView, SourceGroup } from './types.js';

/** Every observed change of the case, labelled with its round, domain and source. */
export function collectObservations(c: CaseFile, clock: Clock): ObservationView[] {
  return c.rounds.flatMap((round, index) =>
    (round.observations ?? []).map((o): ObservationView => {
      const view: ObservationView = {
        ...o,
        round: round.id,
        roundLabel: round.label ?? `Round ${index + 1}`,
        domainLabel: DOMAIN_LABELS[o.domain],
        sourceLabel: SOURCE_LABELS[o.source],
      };
      if (o.source === 'patient' || o.source === 'caregiver') view.measuredNote = 'not measured';
      const when = makeTimePoint(clock, o);
      if (when) view.when = when;
      return view;
    }),
  );
}

/** Observations grouped by domain, in the fixed order of the format; empty groups left out. */
export function groupByDomain(observations: ObservationView[]): DomainGroup[] {
  return DOMAINS.map((domain) => ({
    domain,
    label: DOMAIN_LABELS[domain],
    observations: observations.filter((o) => o.domain === domain),
  })).filter((group) => group.observations.length > 0);
}

/** Observations grouped by who observed them, strongest evidence first. */
export function groupBySource(observations: ObservationView[]): SourceGroup[] {
  return [...SOURCES].reverse().map((source) => {
    const list = observations.filter((o) => o.source === source);
    return { source, label: SOURCE_LABELS[source], count: list.length, observations: list };
  });
}

/** How many changes each kind of observer reported, and how many were measured. */
export function summarizeEvidence(observations: ObservationView[]): EvidenceSummary {
  const bySource = SOURCES.map((source) => ({
    source,
    label: SOURCE_LABELS[source],
    count: observations.filter((o) => o.source === source).length,
  }));
  const measured = bySource.find((s) => s.source === 'measured')?.count ?? 0;
  const total = observations.length;
  const parts = bySource.filter((s) => s.count > 0).map((s) => `${s.count} ${s.label}`);
  const text =
    total === 0
      ? 'No observed changes are recorded.'
      : `${total} observed change${total === 1 ? '' : 's'}: ${parts.join(', ')}. ` +
        (measured === 0
          ? 'None was measured with a standardized instrument.'
          : `${measured} of ${total} ${measured === 1 ? 'was' : 'were'} measured with a standardized instrument.`);
  return { total, bySource, measured, notMeasured: total - measured, text };
}
