import { translator, type Translator } from '../../text/translator.js';
import type { IsncsciTotal } from '../isncsci/derive.js';
import { daysFromTo } from './time-points.js';
import type { AssessmentView, IsncsciChange, IsncsciExamSummary, IsncsciGradeChange, IsncsciTotalChange } from './types.js';

const TOTALS = [
  ['uems', 50],
  ['lems', 50],
  ['motor_total', 100],
  ['lt_total', 112],
  ['pp_total', 112],
] as const;

/** The ISNCSCI summary of every ISNCSCI assessment, in the (time) order of `assessments`. */
export function summarizeIsncsciExams(assessments: readonly AssessmentView[], tr: Translator = translator()): IsncsciExamSummary[] {
  return assessments.filter((a) => a.instrument === 'isncsci' && (a.derived || a.totals)).map((a) => summarizeExam(a, tr));
}

/** The change between each pair of consecutive ISNCSCI exams. */
export function compareIsncsciExams(exams: readonly IsncsciExamSummary[], tr: Translator = translator()): IsncsciChange[] {
  return exams.slice(1).map((to, i) => compareTwo(exams[i] as IsncsciExamSummary, to, i + 1, tr));
}

/** Both at once, as the report model holds them. */
export function buildIsncsciSummaries(
  assessments: readonly AssessmentView[],
  tr: Translator,
): {
  isncsci_exams: IsncsciExamSummary[];
  isncsci_changes: IsncsciChange[];
} {
  const exams = summarizeIsncsciExams(assessments, tr);
  return { isncsci_exams: exams, isncsci_changes: compareIsncsciExams(exams, tr) };
}

function summarizeExam(a: AssessmentView, tr: Translator): IsncsciExamSummary {
  const summary: IsncsciExamSummary = { assessment: a.id, source: a.derived ? 'exam' : 'totals', text: '' };
  if (a.label !== undefined) summary.label = a.label;
  if (a.when) summary.when = a.when;
  const d = a.derived;
  if (d) {
    // The raw exam wins over any totals written beside it (validation warns where they disagree).
    Object.assign(summary, {
      ais: d.ais,
      nli: d.nli,
      complete: d.complete,
      sensory_level: d.sensory_level,
      motor_level: d.motor_level,
      uems: d.uems,
      lems: d.lems,
      motor_total: d.motor_total,
      lt_total: d.lt_total,
      pp_total: d.pp_total,
      zpp: d.zpp,
    });
  } else if (a.totals) {
    const t = a.totals;
    if (t.ais !== undefined) summary.ais = t.ais;
    if (t.nli !== undefined) summary.nli = t.nli;
    if (t.uems !== undefined) summary.uems = t.uems;
    if (t.lems !== undefined) summary.lems = t.lems;
    if (t.uems !== undefined && t.lems !== undefined) summary.motor_total = t.uems + t.lems;
    if (t.lt_total !== undefined) summary.lt_total = t.lt_total;
    if (t.pp_total !== undefined) summary.pp_total = t.pp_total;
  }
  summary.text = describeExam(summary, tr);
  return summary;
}

function describeExam(s: IsncsciExamSummary, tr: Translator): string {
  const grade = (measure: 'ais' | 'nli'): string[] => {
    const value = s[measure];
    return value !== undefined ? [tr.t('model.result.value', { measure, value })] : [];
  };
  const levels = [...grade('ais'), ...grade('nli')].join(', ');
  const total = ([key, max]: (typeof TOTALS)[number]): string[] =>
    s[key] !== undefined
      ? [tr.t('model.isncsci.total_of', { measure: tr.t('model.isncsci.total', { measure: key }), value: String(s[key]), max })]
      : [];
  const motor = TOTALS.slice(0, 3).flatMap(total).join(', ');
  const sensory = TOTALS.slice(3).flatMap(total).join(', ');
  const text = [levels, motor, sensory].filter(Boolean).join('; ');
  return text || tr.t('model.isncsci.nothing_recorded');
}

/** `n` is the 1-based position of `from` among the exams: unlabelled exams are called "exam n", as in the report's table. */
function compareTwo(from: IsncsciExamSummary, to: IsncsciExamSummary, n: number, tr: Translator): IsncsciChange {
  const change: IsncsciChange = {
    from: from.assessment,
    to: to.assessment,
    from_label: from.label ?? tr.t('model.isncsci.exam', { n }),
    to_label: to.label ?? tr.t('model.isncsci.exam', { n: n + 1 }),
    totals: [],
    text: '',
  };
  const days = daysFromTo(from.when, to.when);
  if (days !== undefined) change.days = days;
  const ais = compareGrades(from.ais, to.ais);
  if (ais) change.ais = ais;
  const nli = compareGrades(from.nli, to.nli);
  if (nli) change.nli = nli;
  for (const [measure] of TOTALS) {
    const total = compareTotals(measure, tr.t('model.isncsci.total', { measure }), from[measure], to[measure]);
    if (total) change.totals.push(total);
  }
  change.text = describeChangeBetween(from, to, change, tr);
  return change;
}

function compareGrades(from: string | undefined, to: string | undefined): IsncsciGradeChange | undefined {
  if (from === undefined || to === undefined) return undefined;
  return { from, to, changed: from !== to };
}

function compareTotals(
  measure: IsncsciTotalChange['measure'],
  label: string,
  from: IsncsciTotal | undefined,
  to: IsncsciTotal | undefined,
): IsncsciTotalChange | undefined {
  // "ND" (not determinable) has no arithmetic: such a total is shown per exam, not as a change.
  if (typeof from !== 'number' || typeof to !== 'number') return undefined;
  return { measure, label, from, to, change: to - from };
}

function describeChangeBetween(from: IsncsciExamSummary, to: IsncsciExamSummary, c: IsncsciChange, tr: Translator): string {
  const grade = (measure: 'ais' | 'nli', g: IsncsciGradeChange | undefined, a: string | undefined, b: string | undefined): string => {
    if (g) {
      const values = { measure, from: g.from, to: g.to };
      return g.changed ? tr.t('model.isncsci.grade_change', values) : tr.t('model.isncsci.grade_unchanged', values);
    }
    if (a === undefined && b === undefined) return '';
    const notRecorded = tr.t('model.isncsci.not_recorded');
    return tr.t('model.isncsci.grade_change', { measure, from: a ?? notRecorded, to: b ?? notRecorded });
  };
  const parts = [grade('ais', c.ais, from.ais, to.ais), grade('nli', c.nli, from.nli, to.nli)].filter(Boolean);
  for (const t of c.totals) {
    const change = t.change === 0 ? tr.t('model.isncsci.no_change') : `${t.change > 0 ? '+' : ''}${t.change}`;
    parts.push(tr.t('model.isncsci.total_change', { measure: t.label, from: String(t.from), to: String(t.to), change }));
  }
  return parts.length > 0 ? parts.join('; ') : tr.t('model.isncsci.nothing_comparable');
}
