import { describeDuration } from '../dates.js';
import type { CaseFile } from '../schema/case-schema.js';
import { capitalize } from '../text.js';
import type { Clock } from './clock.js';
import type { AssessmentView, EvidenceSummary, Limitation } from './types.js';

const ALWAYS: Limitation[] = [
  {
    id: 'single-case',
    basis: 'always',
    text: 'This is a single case without a control group: it cannot show that the treatment caused the changes, nor how often such changes would follow it in other patients.',
  },
  {
    id: 'other-causes',
    basis: 'always',
    text: 'Changes after a treatment may also come from natural recovery, other care, the passage of time, or the hopes of the patient and of those around them.',
  },
];

/** The limitations every single case has, those this case's data shows, and those its author wrote. */
export function findLimitations(c: CaseFile, clock: Clock, assessments: AssessmentView[], evidence: EvidenceSummary): Limitation[] {
  const data: Limitation[] = [];
  const add = (id: string, text: string): void => {
    data.push({ id, basis: 'data', text });
  };
  if (evidence.not_measured > 0) {
    const n = evidence.not_measured;
    add(
      'not-measured',
      evidence.total === 1
        ? 'The only observed change was reported by the patient or a caregiver and was not measured.'
        : `${n === evidence.total ? `All ${n}` : `${n} of ${evidence.total}`} observed changes were reported by the patient or caregivers and were not measured.`,
    );
  }
  if (assessments.length === 0)
    add('no-assessment', 'No standardized assessment was reported, so no change can be sized against a known scale.');
  if (clock.onsetDay === undefined) {
    add('onset-unknown', 'The time since onset is not stated, so recovery that would have happened anyway cannot be judged.');
  } else if (-clock.onsetDay < 365) {
    // Day 0 is the start of the first round, so onset lies -onsetDay days before it.
    add(
      'first-year',
      `Treatment began ${describeDuration(-clock.onsetDay)} after onset, within the first year, when spontaneous recovery is common.`,
    );
  }
  const kinds = new Set(c.rounds.flatMap((r) => (r.interventions ?? []).map((i) => i.type)));
  if (kinds.has('rehabilitation') && kinds.size > 1) {
    add('concurrent-rehabilitation', 'Rehabilitation was given alongside the other treatments, so their effects cannot be separated.');
  }
  const unblinded = assessments.filter((a) => a.blinded !== true).length;
  if (unblinded > 0)
    add(
      'unblinded',
      `${unblinded} of ${assessments.length} assessments were not done by an examiner blind to the treatment (or blinding is not stated).`,
    );
  if (!c.follow_up) add('follow-up-length', 'The length of follow-up is not stated.');
  if (c.adverse_events === 'not-reported')
    add('adverse-events', 'Adverse events are not reported, so the safety of the treatment cannot be judged from this case.');
  const unknownFunding = [
    c.report?.funding === undefined && 'funding',
    c.report?.conflicts_of_interest === undefined && 'conflicts of interest',
  ].filter(Boolean);
  if (unknownFunding.length > 0) {
    const onlyConflicts = unknownFunding.length === 1 && unknownFunding[0] === 'conflicts of interest';
    add(
      'funding-conflicts',
      `${capitalize(unknownFunding.join(' and '))} ${unknownFunding.length > 1 || onlyConflicts ? 'are' : 'is'} not stated.`,
    );
  }
  const status = c.regulatory?.status ?? 'unknown';
  if (status === 'unknown') add('regulatory', 'The regulatory status of the treatment is not stated.');
  if (status === 'unregulated') add('regulatory', 'The treatment was given outside a regulated trial or approval.');
  if (c.provenance?.kind === 'patient-testimonial') add('testimonial', 'The source is a patient testimonial, not a clinical record.');
  return [...ALWAYS, ...data, ...(c.discussion?.limitations ?? []).map((text): Limitation => ({ id: 'author', basis: 'author', text }))];
}
