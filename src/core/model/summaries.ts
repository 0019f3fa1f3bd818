import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { capitalize, lowerFirst } from '../text.js';
import { makeTimePoint } from './time-points.js';
import type { AdverseEventsView, ReportModel } from './types.js';

/** The title the case gives, or one built from the main intervention and the condition. */
export function buildTitle(c: CaseFile): string {
  if (c.title !== undefined) return c.title;
  const interventions = c.rounds.flatMap((r) => r.interventions ?? []);
  const main = interventions.find((i) => i.type === 'cell-therapy') ?? interventions[0];
  const what = main?.name ?? (main ? main.type.replace('-', ' ') : 'Treatment');
  return `${capitalize(what)} for ${lowerFirst(c.condition.name)}: a case report`;
}

/** "Patient A, a 34-year-old female teacher"; what is not stated is said, not guessed. */
export function describePatient(c: CaseFile): string {
  const p = c.patient;
  const age =
    p.age !== undefined
      ? `${p.age >= 90 ? '90 or older' : `${p.age}-year-old`}`
      : p.age_range !== undefined
        ? `${p.age_range}-year-old`
        : undefined;
  const sex = p.sex === 'male' || p.sex === 'female' ? p.sex : undefined;
  const unstated = [age ? undefined : 'age', p.sex === undefined || p.sex === 'unknown' ? 'sex' : undefined].filter(Boolean);
  const noun = p.occupation !== undefined ? lowerFirst(p.occupation) : 'patient';
  const ageWords = age === '90 or older' ? undefined : age;
  const words = [ageWords, sex, noun].filter(Boolean).join(' ');
  const article = /^[aeiou]|^8|^11-|^18-/i.test(words) ? 'an' : 'a';
  const notes = [
    age === '90 or older' ? 'aged 90 or older' : undefined,
    p.sex === 'other' ? 'sex: other' : undefined,
    unstated.length > 0 ? `${unstated.join(' and ')} not stated` : undefined,
  ].filter(Boolean);
  return `${p.label}, ${article} ${words}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** "spinal cord injury (ICD-10 S14.1)": the cause is told separately, in the clinical findings. */
export function describeCondition(c: CaseFile): string {
  const k = c.condition;
  const code = k.code ? ` (${k.code.system} ${k.code.code})` : '';
  return `${k.name}${code}`;
}

/** Pronouns for running text; "they" where sex is not male or female. */
export function pronounsFor(sex: CaseFile['patient']['sex']): ReportModel['pronouns'] {
  if (sex === 'male') return { subject: 'he', object: 'him', possessive: 'his' };
  if (sex === 'female') return { subject: 'she', object: 'her', possessive: 'her' };
  return { subject: 'they', object: 'them', possessive: 'their' };
}

/** Length of follow-up from the start of the first round. */
export function buildFollowUp(c: CaseFile, clock: Clock): ReportModel['follow_up'] {
  if (!c.follow_up) return undefined;
  const when = makeTimePoint(clock, c.follow_up);
  const days = when?.day;
  const text = days !== undefined ? `${days} days after the start of the first round` : 'time of last follow-up not stated';
  return {
    text,
    ...(when ? { when } : {}),
    ...(days !== undefined ? { days } : {}),
    ...(c.follow_up.notes !== undefined ? { notes: c.follow_up.notes } : {}),
  };
}

/** Adverse events with an explicit statement for none observed and for none reported. */
export function buildAdverseEvents(c: CaseFile, clock: Clock, followUpDays: number | undefined): AdverseEventsView {
  if (c.adverse_events === 'not-reported') {
    return { status: 'not-reported', items: [], text: 'Adverse events are not reported in the source of this case.' };
  }
  if (c.adverse_events.length === 0) {
    const span = followUpDays !== undefined ? `during ${followUpDays} days of follow-up` : 'during a follow-up of unstated length';
    return { status: 'none-observed', items: [], text: `None observed ${span}.` };
  }
  const items = c.adverse_events.map((e) => {
    const when = makeTimePoint(clock, e);
    return when ? withFields(e, { when }) : withFields(e, {});
  });
  const n = items.length;
  return { status: 'reported', items, text: `${n} adverse event${n === 1 ? ' was' : 's were'} reported.` };
}
