import type { Translator } from '../../text/translator.js';
import { measureLabel, rangeOf } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import type { CaseFile } from '../schema/case-schema.js';
import { lowerFirst } from '../text.js';
import type { IsncsciExamSummary, Outcome, ReportModel } from './types.js';

type Parts = Pick<ReportModel, 'condition_summary' | 'rounds' | 'evidence' | 'outcomes' | 'adverse_events' | 'assessments'> & {
  isncsci_exams: IsncsciExamSummary[];
};

/** Journals ask for abstracts of at most 250 words. */
const MAX_WORDS = 250;

/**
 * An abstract assembled from the data alone: who ("a 34-year-old woman"), what (the rounds, by their
 * own names where the case gives them), what changed, the largest change first (a change of AIS grade
 * heads the list), how it was known, and the caveat; at most 250 words.
 */
export function buildAbstract(c: CaseFile, m: Parts, instruments: Map<string, Instrument>, tr: Translator): string {
  const treatments = [...new Set(m.rounds.flatMap((r) => r.interventions.map((i) => lowerFirst(i.name))))];
  // The rounds' own names say what each was where their treatments differ (phases of rehabilitation, say).
  const differ = new Set(m.rounds.map((r) => r.interventions.map((i) => i.name).join('\u0000'))).size > 1;
  const named = differ ? c.rounds.flatMap((r) => (r.label !== undefined ? [r.label] : [])) : [];
  const report = {
    patient: describeForAbstract(c, tr),
    condition: lowerFirst(m.condition_summary),
    rounds: m.rounds.length,
    treatments: treatments.length > 0 ? tr.list(treatments) : tr.t('model.abstract.treatment'),
    names:
      named.length > 0 && named.length === m.rounds.length
        ? tr.t('model.abstract.round_names', { names: tr.list(named.map(lowerFirst)) })
        : '',
  };
  const opening = c.facility?.name
    ? tr.t('model.abstract.report_at', { ...report, facility: c.facility.name })
    : tr.t('model.abstract.report', report);
  const findings: string[] = [];
  const grade = aisChange(m.isncsci_exams);
  if (grade) findings.push(tr.t('model.abstract.ais_change', grade));
  // The AIS grade has its sentence above; the NLI is read beside it in the results.
  const totals = m.outcomes.filter((o) => o.measure === 'score' || (o.instrument === 'isncsci' && o.kind === 'number'));
  const ranked = [...totals].sort((a, b) => rank(b, instruments) - rank(a, instruments));
  // The measure's name without its unit: the change says it ("improved by 0.59 m/s").
  const name = (o: (typeof ranked)[number]) => measureLabel(instruments.get(o.instrument), o.instrument, o.measure, tr);
  findings.push(...ranked.map((o) => tr.t('model.abstract.outcome', { label: name(o), change: o.text.split(';')[0] ?? '' })));
  const closing = [
    m.adverse_events.status === 'none-observed' ? tr.t('model.abstract.no_adverse_events') : m.adverse_events.text,
    tr.t('model.abstract.caveat'),
  ];
  const compose = (shown: number): string => {
    const sentences = [opening, m.evidence.text];
    if (shown > 0) sentences.push(tr.t('model.abstract.outcomes', { changes: findings.slice(0, shown).join('; ') }));
    else if (m.assessments.length === 0) sentences.push(tr.t('model.abstract.no_assessment'));
    return [...sentences, ...closing].join(' ');
  };
  // The largest changes, as many as fit (at most four), then fewer until the abstract fits.
  let shown = Math.min(findings.length, 4);
  while (shown > 1 && words(compose(shown)) > MAX_WORDS) shown--;
  return compose(shown);
}

/** "a 34-year-old woman", "a man", "a patient": as a journal abstract names the patient. */
function describeForAbstract(c: CaseFile, tr: Translator): string {
  const p = c.patient;
  const years = p.age !== undefined ? (p.age >= 90 ? undefined : String(p.age)) : p.age_range;
  const sex = p.sex === 'male' || p.sex === 'female' ? p.sex : 'other';
  const words = tr.t('model.abstract.patient', { sex, age: years !== undefined ? tr.t('model.patient.age', { years }) : '' }).trim();
  return tr.t('model.abstract.patient_article', { words, article: /^[aeiou]|^8|^11-|^18-/i.test(words) ? 'an' : 'a' });
}

/** The AIS grade at the first and the latest classified exam, where it changed. */
function aisChange(exams: readonly IsncsciExamSummary[]): { from: string; to: string; better: string } | undefined {
  const graded = exams.filter((e) => typeof e.ais === 'string' && /^[A-E]$/.test(e.ais));
  const first = graded[0]?.ais;
  const last = graded[graded.length - 1]?.ais;
  if (first === undefined || last === undefined || first === last) return undefined;
  return { from: first, to: last, better: last > first ? 'yes' : 'no' };
}

/** How large a change is: the share of its measure's whole range it covers. */
function rank(o: Outcome, instruments: Map<string, Instrument>): number {
  const instrument = instruments.get(o.instrument);
  const range = instrument ? rangeOf(instrument, o.measure) : undefined;
  if (range) return range[1] > range[0] ? Math.abs(o.change) / (range[1] - range[0]) : 0;
  // A measure without a fixed scale: the change as a share of the larger of its two values.
  const size = Math.max(Math.abs(Number(o.baseline)), Math.abs(Number(o.latest)));
  return size > 0 ? Math.abs(o.change) / size : 0;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
