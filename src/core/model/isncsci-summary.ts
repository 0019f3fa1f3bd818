import type { IsncsciTotal } from '../isncsci/derive.js';
import { daysFromTo } from './time-points.js';
import type { AssessmentView, IsncsciChange, IsncsciExamSummary, IsncsciGradeChange, IsncsciTotalChange } from './types.js';

const TOTALS = [
  ['uems', 'UEMS', 50],
  ['lems', 'LEMS', 50],
  ['motor_total', 'motor total', 100],
  ['lt_total', 'light touch', 112],
  ['pp_total', 'pin prick', 112],
] as const;

/** The ISNCSCI summary of every ISNCSCI assessment, in the (time) order of `assessments`. */
export function summarizeIsncsciExams(assessments: readonly AssessmentView[]): IsncsciExamSummary[] {
  return assessments.filter((a) => a.instrument === 'isncsci' && (a.derived || a.totals)).map(summarizeExam);
}

/** The change between each pair of consecutive ISNCSCI exams. */
export function compareIsncsciExams(exams: readonly IsncsciExamSummary[]): IsncsciChange[] {
  return exams.slice(1).map((to, i) => compareTwo(exams[i] as IsncsciExamSummary, to, i + 1));
}

/** Both at once, as the report model holds them. */
export function buildIsncsciSummaries(assessments: readonly AssessmentView[]): {
  isncsci_exams: IsncsciExamSummary[];
  isncsci_changes: IsncsciChange[];
} {
  const exams = summarizeIsncsciExams(assessments);
  return { isncsci_exams: exams, isncsci_changes: compareIsncsciExams(exams) };
}

function summarizeExam(a: AssessmentView): IsncsciExamSummary {
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
  summary.text = describeExam(summary);
  return summary;
}

function describeExam(s: IsncsciExamSummary): string {
  const levels = [s.ais !== undefined ? `AIS ${s.ais}` : '', s.nli !== undefined ? `NLI ${s.nli}` : ''].filter(Boolean).join(', ');
  const motor = TOTALS.slice(0, 3)
    .flatMap(([key, name, max]) => (s[key] !== undefined ? [`${name} ${s[key]}/${max}`] : []))
    .join(', ');
  const sensory = TOTALS.slice(3)
    .flatMap(([key, name, max]) => (s[key] !== undefined ? [`${name} ${s[key]}/${max}`] : []))
    .join(', ');
  const text = [levels, motor, sensory].filter(Boolean).join('; ');
  return text || 'no classification or totals recorded';
}

/** `n` is the 1-based position of `from` among the exams: unlabelled exams are called "exam n", as in the report's table. */
function compareTwo(from: IsncsciExamSummary, to: IsncsciExamSummary, n: number): IsncsciChange {
  const change: IsncsciChange = {
    from: from.assessment,
    to: to.assessment,
    from_label: from.label ?? `exam ${n}`,
    to_label: to.label ?? `exam ${n + 1}`,
    totals: [],
    text: '',
  };
  const days = daysFromTo(from.when, to.when);
  if (days !== undefined) change.days = days;
  const ais = compareGrades(from.ais, to.ais);
  if (ais) change.ais = ais;
  const nli = compareGrades(from.nli, to.nli);
  if (nli) change.nli = nli;
  for (const [measure, name] of TOTALS) {
    const total = compareTotals(measure, name, from[measure], to[measure]);
    if (total) change.totals.push(total);
  }
  change.text = describeChangeBetween(from, to, change);
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

function describeChangeBetween(from: IsncsciExamSummary, to: IsncsciExamSummary, c: IsncsciChange): string {
  const grade = (name: string, g: IsncsciGradeChange | undefined, a: string | undefined, b: string | undefined): string => {
    if (g) return `${name} ${g.from} to ${g.to}${g.changed ? '' : ' (unchanged)'}`;
    if (a === undefined && b === undefined) return '';
    return `${name} ${a ?? 'not recorded'} to ${b ?? 'not recorded'}`;
  };
  const parts = [grade('AIS', c.ais, from.ais, to.ais), grade('NLI', c.nli, from.nli, to.nli)].filter(Boolean);
  for (const t of c.totals)
    parts.push(`${t.label} ${t.from} to ${t.to} (${t.change === 0 ? 'no change' : `${t.change > 0 ? '+' : ''}${t.change}`})`);
  return parts.length > 0 ? parts.join('; ') : 'nothing comparable was recorded at both exams';
}
