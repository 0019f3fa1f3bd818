import type { Translator } from '../../text/translator.js';
import { deriveIsncsci, sideMotorScores } from '../isncsci/derive.js';
import type { Instrument } from '../instruments/registry.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { makeTimePoint, sortByTime } from './time-points.js';
import type { AssessmentView } from './types.js';

/** The assessments in time order, with instrument names and the ISNCSCI classification computed. */
export function buildAssessments(c: CaseFile, clock: Clock, instruments: Map<string, Instrument>, tr: Translator): AssessmentView[] {
  const views = (c.assessments ?? []).map((a): AssessmentView => {
    const derived = a.exam ? deriveIsncsci(a.exam) : null;
    const view: AssessmentView = withFields(a, {
      instrument_name: instruments.get(a.instrument)?.name ?? a.instrument,
      instrument_short: instruments.get(a.instrument)?.short ?? a.instrument,
      derived,
      motor_scores: a.exam ? sideMotorScores(a.exam) : null,
      result_text: describeResult(a, derived, tr),
    });
    const when = makeTimePoint(clock, a, tr);
    if (when) view.when = when;
    return view;
  });
  return sortByTime(views, clock, (v) => v.when);
}

/**
 * The ISNCSCI values of an assessment: classified from its raw exam where it has one (the exam wins
 * over totals written beside it), else as written, with the motor total as UEMS + LEMS.
 */
export function isncsciValues(a: AssessmentView): Record<string, unknown> {
  const values: Record<string, unknown> = { ...(a.totals ?? {}), ...(a.derived ?? {}) };
  if (!a.derived && typeof values.uems === 'number' && typeof values.lems === 'number') values.motor_total = values.uems + values.lems;
  return values;
}

function describeResult(a: NonNullable<CaseFile['assessments']>[number], derived: AssessmentView['derived'], tr: Translator): string {
  const value = (measure: string, v: string | number): string => tr.t('model.result.value', { measure, value: String(v) });
  if (derived) {
    return tr.t('model.result.isncsci', {
      ais: value('ais', derived.ais),
      nli: value('nli', derived.nli),
      uems: value('uems', derived.uems),
      lems: value('lems', derived.lems),
      lt: value('lt_total', derived.lt_total),
      pp: value('pp_total', derived.pp_total),
    });
  }
  const parts: string[] = [];
  if (a.score !== undefined) parts.push(value('score', a.score));
  for (const [name, v] of Object.entries(a.subscores ?? {}))
    parts.push(tr.t('model.result.subscore', { name: name.replace(/_/g, ' '), value: String(v) }));
  const t = a.totals;
  if (t) {
    for (const measure of ['ais', 'nli', 'uems', 'lems', 'lt_total', 'pp_total'] as const) {
      const v = t[measure];
      if (v !== undefined) parts.push(value(measure, v));
    }
  }
  return parts.join(', ');
}
