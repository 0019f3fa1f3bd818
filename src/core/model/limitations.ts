import type { Translator } from '../../text/translator.js';
import { describeDuration } from '../dates.js';
import type { CaseFile } from '../schema/case-schema.js';
import { REHABILITATION_TYPES } from '../schema/enums.js';
import type { Clock } from './clock.js';
import type { AssessmentView, EvidenceSummary, Limitation } from './types.js';

/** The limitations every single case has, those this case's data shows, and those its author wrote. */
export function findLimitations(
  c: CaseFile,
  clock: Clock,
  assessments: AssessmentView[],
  evidence: EvidenceSummary,
  tr: Translator,
): Limitation[] {
  const always: Limitation[] = [
    { id: 'single-case', basis: 'always', text: tr.t('model.limitation.single_case') },
    { id: 'other-causes', basis: 'always', text: tr.t('model.limitation.other_causes') },
  ];
  const data: Limitation[] = [];
  const add = (id: string, text: string): void => {
    data.push({ id, basis: 'data', text });
  };
  const count = (source: string): number => evidence.by_source.find((s) => s.source === source)?.count ?? 0;
  const reported = count('patient') + count('caregiver');
  if (reported > 0) {
    add(
      'not-measured',
      evidence.total === 1
        ? tr.t('model.limitation.not_measured_one')
        : reported === evidence.total
          ? tr.t('model.limitation.not_measured_all', { n: reported })
          : tr.t('model.limitation.not_measured_some', { n: reported, total: evidence.total }),
    );
  }
  // Seen by a clinician is better than reported, but it is not a score on a known scale either.
  const unscored = count('clinician');
  if (unscored > 0) add('not-scored', tr.t('model.limitation.not_scored', { n: unscored, total: evidence.total }));
  if (assessments.length === 0) add('no-assessment', tr.t('model.limitation.no_assessment'));
  if (clock.onsetDay === undefined) {
    add('onset-unknown', tr.t('model.limitation.onset_unknown'));
  } else if (-clock.onsetDay < 365) {
    // Day 0 is the start of the first round, so onset lies -onsetDay days before it.
    add('first-year', tr.t('model.limitation.first_year', { duration: describeDuration(-clock.onsetDay, tr) }));
  }
  const kinds = new Set(c.rounds.flatMap((r) => (r.interventions ?? []).map((i) => i.type)));
  const rehabilitation = [...kinds].filter((k) => REHABILITATION_TYPES.has(k));
  if (rehabilitation.length > 0 && rehabilitation.length === kinds.size) {
    // Rehabilitation (with its devices, stimulation, orthoses) is what the case studies, not a co-intervention.
    add('rehabilitation-design', tr.t('model.limitation.rehabilitation_design', { combined: rehabilitation.length > 1 ? 'yes' : 'no' }));
  } else if (rehabilitation.length > 0) {
    add('concurrent-rehabilitation', tr.t('model.limitation.concurrent_rehabilitation'));
  }
  const unblinded = assessments.filter((a) => a.blinded !== true).length;
  if (unblinded > 0) add('unblinded', tr.t('model.limitation.unblinded', { n: unblinded, total: assessments.length }));
  if (!c.follow_up) add('follow-up-length', tr.t('model.limitation.follow_up_length'));
  if (c.adverse_events === 'not-reported') add('adverse-events', tr.t('model.limitation.adverse_events'));
  const funding = c.report?.funding === undefined;
  const conflicts = c.report?.conflicts_of_interest === undefined;
  if (funding || conflicts) {
    add(
      'funding-conflicts',
      tr.t('model.limitation.funding_conflicts', { unstated: funding && conflicts ? 'both' : funding ? 'funding' : 'conflicts' }),
    );
  }
  const status = c.regulatory?.status ?? 'unknown';
  if (status === 'unknown') add('regulatory', tr.t('model.limitation.regulatory_unknown'));
  if (status === 'unregulated') add('regulatory', tr.t('model.limitation.unregulated'));
  if (c.provenance?.kind === 'patient-testimonial') add('testimonial', tr.t('model.limitation.testimonial'));
  return [...always, ...data, ...(c.discussion?.limitations ?? []).map((text): Limitation => ({ id: 'author', basis: 'author', text }))];
}
