import { deriveIsncsci, sideMotorScores } from '../isncsci/derive.js';
import type { Instrument } from '../instruments/registry.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { makeTimePoint, sortByTime } from './time-points.js';
import type { AssessmentView } from './types.js';

/** The assessments in time order, with instrument names and the ISNCSCI classification computed. */
export function buildAssessments(c: CaseFile, clock: Clock, instruments: Map<string, Instrument>): AssessmentView[] {
  const views = (c.assessments ?? []).map((a): AssessmentView => {
    const derived = a.exam ? deriveIsncsci(a.exam) : null;
    const view: AssessmentView = withFields(a, {
      instrument_name: instruments.get(a.instrument)?.name ?? a.instrument,
      instrument_short: instruments.get(a.instrument)?.short ?? a.instrument,
      derived,
      motor_scores: a.exam ? sideMotorScores(a.exam) : null,
      result_text: describeResult(a, derived),
    });
    const when = makeTimePoint(clock, a);
    if (when) view.when = when;
    return view;
  });
  return sortByTime(views, clock, (v) => v.when);
}

function describeResult(a: NonNullable<CaseFile['assessments']>[number], derived: AssessmentView['derived']): string {
  if (derived) {
    return `AIS ${derived.ais}, NLI ${derived.nli}; UEMS ${derived.uems}, LEMS ${derived.lems}; light touch ${derived.lt_total}, pin prick ${derived.pp_total}`;
  }
  const parts: string[] = [];
  if (a.score !== undefined) parts.push(`score ${a.score}`);
  for (const [name, value] of Object.entries(a.subscores ?? {})) parts.push(`${name.replace(/_/g, ' ')} ${value}`);
  const t = a.totals;
  if (t) {
    if (t.ais !== undefined) parts.push(`AIS ${t.ais}`);
    if (t.nli !== undefined) parts.push(`NLI ${t.nli}`);
    if (t.uems !== undefined) parts.push(`UEMS ${t.uems}`);
    if (t.lems !== undefined) parts.push(`LEMS ${t.lems}`);
    if (t.lt_total !== undefined) parts.push(`light touch ${t.lt_total}`);
    if (t.pp_total !== undefined) parts.push(`pin prick ${t.pp_total}`);
  }
  return parts.join(', ');
}
