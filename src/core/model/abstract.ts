import type { CaseFile } from '../schema/case-schema.js';
import { lowerFirst } from '../text.js';
import type { ReportModel } from './types.js';

type Parts = Pick<
  ReportModel,
  'patient_summary' | 'condition_summary' | 'rounds' | 'evidence' | 'outcomes' | 'adverse_events' | 'assessments'
>;

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** An abstract assembled from the data alone: who, what, what changed and how it was known, and the caveat. */
export function buildAbstract(c: CaseFile, m: Parts): string {
  const rounds = m.rounds.length;
  const treatments = [...new Set(m.rounds.flatMap((r) => r.interventions.map((i) => lowerFirst(i.name))))];
  const where = c.facility?.name ? ` at ${c.facility.name}` : '';
  const sentences = [
    `We report ${m.patient_summary}, with ${lowerFirst(m.condition_summary)}, who received ${count(rounds, 'round')} of ${treatments.length > 0 ? treatments.join(' and ') : 'treatment'}${where}.`,
    m.evidence.text,
  ];
  if (m.outcomes.length > 0) {
    const totals = m.outcomes.filter((o) => o.measure === 'score' || o.instrument === 'isncsci');
    const lines = [...totals.filter((o) => o.meaningful !== null), ...totals.filter((o) => o.meaningful === null)].slice(0, 3);
    sentences.push(`On repeated standardized assessment, ${lines.map((o) => `${o.label} ${o.text.split(';')[0]}`).join('; ')}.`);
  } else if (m.assessments.length === 0) {
    sentences.push('No standardized assessment was reported.');
  }
  sentences.push(m.adverse_events.status === 'none-observed' ? 'No adverse events were observed.' : m.adverse_events.text);
  sentences.push('As a single uncontrolled case, this report describes what was observed; it cannot show that the treatment caused it.');
  return sentences.join(' ');
}

function count(n: number, noun: string): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${noun}${n === 1 ? '' : 's'}`;
}
