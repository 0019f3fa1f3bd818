import type { Round } from '../schema/case-schema.js';
import { hasValue, joinWords, judge, judged, presentFields, type CareInput, type CareJudgement } from './care-item.js';

type Intervention = NonNullable<Round['interventions']>[number];

/** What a reader needs to know of each kind of intervention to judge or repeat it. */
const DETAILS: Record<Intervention['type'], { words: string; has: (i: Intervention) => boolean }[]> = {
  'cell-therapy': [
    { words: 'product', has: (i) => hasValue(i.product) },
    { words: 'dose', has: (i) => hasValue(i.dose) },
    { words: 'route', has: (i) => hasValue(i.route) },
  ],
  medication: [
    { words: 'dose', has: (i) => hasValue(i.dose) },
    { words: 'route', has: (i) => hasValue(i.route) },
  ],
  rehabilitation: [
    { words: 'sessions or schedule', has: (i) => i.sessions !== undefined || hasValue(i.schedule) || hasValue(i.parameters) },
  ],
  device: [{ words: 'device', has: (i) => hasValue(i.device) || hasValue(i.name) }],
  // A stimulation cannot be repeated without its settings (frequency, intensity, duration).
  'electrical-stimulation': [
    { words: 'parameters', has: (i) => hasValue(i.parameters) },
    { words: 'sessions or schedule', has: (i) => i.sessions !== undefined || hasValue(i.schedule) || hasValue(i.parameters) },
  ],
  orthosis: [{ words: 'name or device', has: (i) => hasValue(i.device) || hasValue(i.name) }],
  surgery: [{ words: 'name', has: (i) => hasValue(i.name) }],
  other: [{ words: 'name', has: (i) => hasValue(i.name) }],
};

/** CARE 9: each intervention with its type and administration (product, dose, route, sessions). */
export function judgeTherapeuticIntervention({ c }: CareInput): CareJudgement {
  const fields: string[] = [];
  const lacking = new Map<string, string[]>();
  for (const [r, round] of c.rounds.entries()) {
    const interventions = round.interventions ?? [];
    if (interventions.length > 0) fields.push(`rounds[${r}].interventions`);
    for (const [i, intervention] of interventions.entries()) {
      const missing = DETAILS[intervention.type].filter((d) => !d.has(intervention)).map((d) => d.words);
      if (missing.length === 0) continue;
      const key = `no ${joinWords(missing, 'or')}`;
      lacking.set(key, [...(lacking.get(key) ?? []), `rounds[${r}].interventions[${i}]`]);
    }
  }
  if (fields.length === 0) return judged('missing', [], ['no interventions: rounds[].interventions is empty in every round']);
  const gaps = [...lacking].map(([words, paths]) => `${words} for ${joinWords(paths)}`);
  return judged(gaps.length === 0 ? 'reported' : 'partial', fields, gaps);
}

/** CARE 10: outcomes as measured and as reported, follow-up length, adherence and adverse events. */
export function judgeFollowUpAndOutcomes({ c, m }: CareInput): CareJudgement {
  const fields: string[] = [];
  const gaps: string[] = [];
  if (!c.follow_up) gaps.push('follow_up missing: the length of follow-up is unknown');
  else if (m.follow_up?.days === undefined) gaps.push('follow_up has no date or day: the length of follow-up is unknown');
  else fields.push('follow_up');
  if (c.adverse_events === 'not-reported') gaps.push('adverse events not reported: safety cannot be judged');
  else {
    fields.push('adverse_events');
    gaps.push(...seriousEventGaps(c.adverse_events));
  }
  const observed = c.rounds.flatMap((round, r) => (hasValue(round.observations) ? [`rounds[${r}].observations`] : []));
  fields.push(...observed);
  const nothing = observed.length === 0 && m.outcomes.length === 0;
  if (nothing) gaps.unshift('no outcomes: no observed change and no repeated assessment');
  else if (m.outcomes.length > 0) fields.push('assessments');
  else if ((c.assessments ?? []).length === 0) gaps.push('no standardized assessment: outcomes are all reported, none measured');
  else gaps.push('no assessment was repeated: no change was measured against a baseline');
  return judged(nothing ? 'missing' : gaps.length === 0 ? 'reported' : 'partial', fields, gaps);
}

/** A serious event must say how it ended and how it relates to the treatment (ICH E2A; WHO-UMC). */
function seriousEventGaps(events: Exclude<CareInput['c']['adverse_events'], 'not-reported'>): string[] {
  return events.flatMap((e, i) => {
    if (e.serious !== true) return [];
    const lacking = [
      ...(e.outcome === undefined ? ['no `outcome`'] : []),
      ...(e.causality === undefined && e.related === undefined ? ['no `causality`'] : []),
    ];
    return lacking.length > 0 ? [`adverse_events[${i}] (${e.event}) is serious but has ${lacking.join(' and ')}`] : [];
  });
}

/** CARE 11: why the case matters, its limitations as the author sees them, and the lesson. */
export function judgeDiscussion({ c }: CareInput): CareJudgement {
  const fields = presentFields('discussion', c.discussion, ['context', 'limitations', 'lessons', 'concerns_raised']);
  const gaps: string[] = [];
  if (!fields.includes('discussion.context')) gaps.push('discussion.context missing: why the case is reported is not stated');
  if (!fields.includes('discussion.limitations'))
    gaps.push('discussion.limitations missing: only the limitations computed from the data are shown');
  if (!fields.includes('discussion.lessons')) gaps.push('discussion.lessons missing: no take-away lesson');
  // The report always discusses the limitations the data shows, so a discussion is never wholly missing.
  return judged(gaps.length === 0 ? 'reported' : 'partial', fields, gaps);
}

/** CARE 12: the patient's own words about the treatment. */
export function judgePatientPerspective({ c }: CareInput): CareJudgement {
  const fields = presentFields('patient_perspective', c.patient_perspective, ['statement', 'expectations']);
  if (fields.includes('patient_perspective.statement')) return judged('reported', fields, []);
  const gap =
    fields.length > 0
      ? "patient_perspective.statement missing: the patient's own words are not given"
      : "patient_perspective missing: the patient's view is not given";
  return judge(fields, [gap]);
}

/** CARE 13: whether the patient consented to the publication. */
export function judgeInformedConsent({ c }: CareInput): CareJudgement {
  const consent = c.consent;
  if (!consent) return judged('missing', [], ['consent not stated']);
  const fields = presentFields('consent', consent, ['obtained', 'type', 'date', 'scope']);
  if (consent.obtained === true) return judged('reported', fields, []);
  const gap =
    consent.obtained === false
      ? 'consent.obtained is false: the patient did not consent'
      : 'consent.obtained not stated: consent not stated';
  return judged('missing', fields, [gap]);
}
