import type { Translator } from '../../text/translator.js';
import type { CaseFile } from '../schema/case-schema.js';
import { lowerFirst } from '../text.js';
import type { ReportModel } from './types.js';

type Parts = Pick<
  ReportModel,
  'patient_summary' | 'condition_summary' | 'rounds' | 'evidence' | 'outcomes' | 'adverse_events' | 'assessments'
>;

/** An abstract assembled from the data alone: who, what, what changed and how it was known, and the caveat. */
export function buildAbstract(c: CaseFile, m: Parts, tr: Translator): string {
  const rounds = m.rounds.length;
  const treatments = [...new Set(m.rounds.flatMap((r) => r.interventions.map((i) => lowerFirst(i.name))))];
  const report = {
    patient: m.patient_summary,
    condition: lowerFirst(m.condition_summary),
    rounds,
    treatments: treatments.length > 0 ? treatments.join(tr.t('model.abstract.and')) : tr.t('model.abstract.treatment'),
  };
  const sentences = [
    c.facility?.name ? tr.t('model.abstract.report_at', { ...report, facility: c.facility.name }) : tr.t('model.abstract.report', report),
    m.evidence.text,
  ];
  if (m.outcomes.length > 0) {
    const totals = m.outcomes.filter((o) => o.measure === 'score' || o.instrument === 'isncsci');
    const lines = [...totals.filter((o) => o.meaningful !== null), ...totals.filter((o) => o.meaningful === null)].slice(0, 3);
    const changes = lines.map((o) => tr.t('model.abstract.outcome', { label: o.label, change: o.text.split(';')[0] ?? '' })).join('; ');
    sentences.push(tr.t('model.abstract.outcomes', { changes }));
  } else if (m.assessments.length === 0) {
    sentences.push(tr.t('model.abstract.no_assessment'));
  }
  sentences.push(m.adverse_events.status === 'none-observed' ? tr.t('model.abstract.no_adverse_events') : m.adverse_events.text);
  sentences.push(tr.t('model.abstract.caveat'));
  return sentences.join(' ');
}
