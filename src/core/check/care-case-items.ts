import { hasValue, isBaseline, joinWords, judge, judged, type CareInput, type CareJudgement } from './care-item.js';

/** CARE 5: demographics, main concerns, history (medical, family, psychosocial) and past interventions. */
export function judgePatientInformation({ c }: CareInput): CareJudgement {
  const p = c.patient;
  const fields: string[] = [];
  const gaps: string[] = [];
  if (p.age !== undefined) fields.push('patient.age');
  else if (p.age_range !== undefined) fields.push('patient.age_range');
  else gaps.push('age not stated (patient.age or patient.age_range)');
  if (p.sex !== undefined && p.sex !== 'unknown') fields.push('patient.sex');
  else gaps.push('sex not stated');
  if (hasValue(p.concerns)) fields.push('patient.concerns');
  else gaps.push('patient.concerns missing: main symptoms and concerns not listed');
  if (hasValue(p.history)) fields.push('patient.history');
  else gaps.push('patient.history missing: medical, family and psychosocial history not given');
  // Occupation and past interventions complete the picture but are not always relevant: found, not required.
  for (const key of ['occupation', 'ethnicity', 'prior_interventions'] as const) {
    if (hasValue(p[key])) fields.push(`patient.${key}`);
  }
  return judge(fields, gaps);
}

/** CARE 6: the findings at presentation: the condition described, and an examination before treatment. */
export function judgeClinicalFindings({ c, m }: CareInput): CareJudgement {
  const fields: string[] = [];
  const gaps: string[] = [];
  if (hasValue(c.condition.details)) fields.push('condition.details');
  else gaps.push('condition.details missing: the findings at presentation are not described');
  const baseline = (c.assessments ?? []).flatMap((a, i) => (isBaseline(m, a) ? [`assessments[${i}]`] : []));
  if (baseline.length > 0) fields.push(...baseline);
  else gaps.push('no baseline examination or assessment before the first round');
  if (hasValue(c.patient.concerns)) fields.push('patient.concerns');
  return judge(fields, gaps, !hasValue(c.condition.details) && baseline.length === 0);
}

/** CARE 7: the case as a timeline: onset, and when each round began. */
export function judgeTimeline({ c, m }: CareInput): CareJudgement {
  const fields: string[] = [];
  const gaps: string[] = [];
  if (c.condition.onset_day !== undefined) {
    fields.push('condition.onset_day');
  } else if (c.condition.onset === undefined) {
    gaps.push('no onset date: time since injury or diagnosis cannot be given');
  } else if (m.onset?.day === undefined) {
    fields.push('condition.onset');
    gaps.push('rounds[0] has no start date: the onset cannot be placed before the first round');
  } else {
    fields.push('condition.onset');
  }
  const undated: string[] = [];
  for (const [i, round] of m.rounds.entries()) {
    const input = c.rounds[i];
    if (round.start === undefined) {
      undated.push(`rounds[${i}]`);
    } else if (input) {
      fields.push(input.start !== undefined ? `rounds[${i}].start` : input.day !== undefined ? `rounds[${i}].day` : `rounds[${i}]`);
    }
  }
  if (undated.length > 0) {
    gaps.push(
      `${joinWords(undated)} ${undated.length === 1 ? 'has' : 'have'} no start date or day: ${undated.length === 1 ? 'its' : 'their'} place in time is unknown`,
    );
  }
  if (hasValue(c.events)) fields.push('events');
  return judge(fields, gaps);
}

/** CARE 8: how the condition was assessed: standardized examinations, a baseline, and a characterized diagnosis. */
export function judgeDiagnosticAssessment({ c, m }: CareInput): CareJudgement {
  const assessments = c.assessments ?? [];
  if (assessments.length === 0) {
    return judged('missing', [], ['no assessments: no diagnostic or standardized examination is recorded']);
  }
  const fields = ['assessments'];
  const gaps: string[] = [];
  if (!assessments.some((a) => isBaseline(m, a))) gaps.push('no assessment at baseline, before the first round');
  if (c.condition.code !== undefined) fields.push('condition.code');
  if (hasValue(c.condition.details)) fields.push('condition.details');
  if (c.condition.code === undefined && !hasValue(c.condition.details)) {
    gaps.push('condition.code and condition.details missing: the diagnosis is not characterized');
  }
  return judged(gaps.length === 0 ? 'reported' : 'partial', fields, gaps);
}
