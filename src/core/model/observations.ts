import { DOMAIN_LABELS, DOMAINS, SOURCE_LABELS, SOURCES } from '../schema/enums.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { makeTimePoint } from './time-points.js';
import type { DomainGroup, EvidenceSummary, ObservationView, SourceGroup } from './types.js';

/** Every observed change of the case, labelled with its round, domain and source. */
export function collectObservations(c: CaseFile, clock: Clock): ObservationView[] {
  return c.rounds.flatMap((round, index) =>
    (round.observations ?? []).map((o): ObservationView => {
      const view: ObservationView = withFields(o, {
        round: round.id,
        round_label: round.label ?? `Round ${index + 1}`,
        domain_label: DOMAIN_LABELS[o.domain],
        source_label: SOURCE_LABELS[o.source],
      });
      if (o.source === 'patient' || o.source === 'caregiver') view.measured_note = 'not measured';
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
  const words: Record<string, string> = {
    measured: 'measured with a standardized instrument',
    clinician: 'observed by a clinician',
    patient: 'self-reported',
    caregiver: 'reported by a caregiver',
  };
  const order = ['measured', 'clinician', 'patient', 'caregiver'] as const;
  const parts = order
    .map((source) => ({ source, count: bySource.find((s) => s.source === source)?.count ?? 0 }))
    .filter((s) => s.count > 0)
    .map((s) => `${s.count} ${words[s.source]}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
  const text =
    total === 0
      ? 'No observed changes are recorded.'
      : total === 1
        ? `One observed change is recorded: ${list.replace(/^1 /, '')}.`
        : `Of ${total} observed changes, ${list}.${measured === 0 ? ' None was measured with a standardized instrument.' : ''}`;
  return { total, by_source: bySource, measured, not_measured: total - measured, text };
}
