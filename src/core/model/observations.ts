import type { Translator } from '../../text/translator.js';
import { DOMAINS, SOURCES } from '../schema/enums.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { makeTimePoint } from './time-points.js';
import { lowerFirst } from '../text.js';
import type { AssessmentView, DomainGroup, EvidenceSummary, ObservationView, SourceGroup } from './types.js';

/** Every observed change of the case, labelled with its round, domain and source. */
export function collectObservations(c: CaseFile, clock: Clock, tr: Translator): ObservationView[] {
  return c.rounds.flatMap((round, index) =>
    (round.observations ?? []).map((o): ObservationView => {
      const view: ObservationView = withFields(o, {
        round: round.id,
        round_label: round.label ?? tr.t('model.round.label', { n: index + 1 }),
        domain_label: tr.t('model.domain', { domain: o.domain.replace('-', '_') }),
        source_label: tr.t('model.source', { source: o.source }),
      });
      if (o.source === 'patient' || o.source === 'caregiver') view.measured_note = tr.t('model.observation.not_measured');
      const when = makeTimePoint(clock, o, tr);
      if (when) view.when = when;
      return view;
    }),
  );
}

/** Observations grouped by domain, in the fixed order of the format; empty groups left out. */
export function groupByDomain(observations: ObservationView[], tr: Translator): DomainGroup[] {
  return DOMAINS.map((domain) => ({
    domain,
    label: tr.t('model.domain', { domain: domain.replace('-', '_') }),
    observations: observations.filter((o) => o.domain === domain),
  })).filter((group) => group.observations.length > 0);
}

/** Observations grouped by who observed them, strongest evidence first. */
export function groupBySource(observations: ObservationView[], tr: Translator): SourceGroup[] {
  return [...SOURCES].reverse().map((source) => {
    const list = observations.filter((o) => o.source === source);
    return { source, label: tr.t('model.source', { source }), count: list.length, observations: list };
  });
}

/** How many changes each kind of observer reported, and how many were measured. */
export function summarizeEvidence(observations: ObservationView[], tr: Translator): EvidenceSummary {
  const bySource = SOURCES.map((source) => ({
    source,
    label: tr.t('model.source', { source }),
    count: observations.filter((o) => o.source === source).length,
  }));
  const measured = bySource.find((s) => s.source === 'measured')?.count ?? 0;
  const total = observations.length;
  const order = ['measured', 'clinician', 'patient', 'caregiver'] as const;
  const counted = order
    .map((source) => ({ source, count: bySource.find((s) => s.source === source)?.count ?? 0 }))
    .filter((s) => s.count > 0);
  const parts = counted.map((s) => tr.t('model.evidence.part', { n: s.count, source: s.source }));
  const text =
    total === 0
      ? tr.t('model.evidence.none')
      : total === 1
        ? tr.t('model.evidence.one', { source: counted[0]?.source ?? 'patient' })
        : measured === 0
          ? tr.t('model.evidence.many_none_measured', { total, parts: tr.list(parts) })
          : tr.t('model.evidence.many', { total, parts: tr.list(parts) });
  return { total, by_source: bySource, measured, not_measured: total - measured, text };
}

/**
 * The assessments an observation rests on, short: instruments assessed at the same time points
 * share one group ("ISNCSCI and SCIM III: baseline and follow-up; WISCI II: baseline").
 */
export function describeEvidence(ids: readonly string[], assessments: readonly AssessmentView[], tr: Translator): string {
  const points = new Map<string, string[]>();
  for (const id of ids) {
    const a = assessments.find((x) => x.id === id);
    const name = a?.instrument_short ?? id;
    const at = a?.label !== undefined ? lowerFirst(a.label) : (a?.when?.text ?? id);
    points.set(name, [...(points.get(name) ?? []), at]);
  }
  const groups = new Map<string, { instruments: string[]; at: string[] }>();
  for (const [name, at] of points) {
    const key = at.join('\u0000');
    const group = groups.get(key) ?? { instruments: [], at };
    group.instruments.push(name);
    groups.set(key, group);
  }
  return tr.t('model.observation.evidence', {
    groups: [...groups.values()].map((g) => tr.t('model.observation.evidence_group', { instruments: g.instruments, at: g.at })),
  });
}
