import type { Translator } from '../../text/translator.js';
import { EVENT_OUTCOMES } from '../schema/enums.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { Clock } from './clock.js';
import { withFields } from './copy.js';
import { capitalize, lowerFirst } from '../text.js';
import { makeTimePoint } from './time-points.js';
import type { AdverseEventsView, ReportModel } from './types.js';

/** The title the case gives, or one built from the main intervention and the condition. */
export function buildTitle(c: CaseFile, tr: Translator): string {
  if (c.title !== undefined) return c.title;
  const interventions = c.rounds.flatMap((r) => r.interventions ?? []);
  const main = interventions.find((i) => i.type === 'cell-therapy') ?? interventions[0];
  const what = main?.name ?? (main ? main.type.replace('-', ' ') : tr.t('model.title.treatment'));
  return tr.t('model.title.built', { treatment: capitalize(what), condition: lowerFirst(c.condition.name) });
}

/** "Patient A, a 34-year-old female teacher"; what is not stated is said, not guessed. */
export function describePatient(c: CaseFile, tr: Translator): string {
  const p = c.patient;
  const old = p.age !== undefined && p.age >= 90;
  const years = p.age !== undefined ? (old ? undefined : String(p.age)) : p.age_range;
  const ageWords = years !== undefined ? tr.t('model.patient.age', { years }) : undefined;
  const sex = p.sex === 'male' || p.sex === 'female' ? tr.t('model.patient.sex', { sex: p.sex }) : undefined;
  const ageUnstated = p.age === undefined && p.age_range === undefined;
  const sexUnstated = p.sex === undefined || p.sex === 'unknown';
  const noun = p.occupation !== undefined ? lowerFirst(p.occupation) : tr.t('model.patient.noun');
  const words = [ageWords, sex, noun].filter(Boolean).join(' ');
  const notes = [
    old ? tr.t('model.patient.aged_90_or_older') : undefined,
    p.sex === 'other' ? tr.t('model.patient.sex_other') : undefined,
    ageUnstated || sexUnstated
      ? tr.t('model.patient.not_stated', { what: ageUnstated && sexUnstated ? 'both' : ageUnstated ? 'age' : 'sex' })
      : undefined,
  ].filter((note): note is string => note !== undefined);
  const described = tr.t('model.patient.described', { label: p.label, words, article: /^[aeiou]|^8|^11-|^18-/i.test(words) ? 'an' : 'a' });
  return notes.length > 0 ? tr.t('model.patient.with_notes', { patient: described, notes: notes.join('; ') }) : described;
}

/** "spinal cord injury (ICD-10 S14.1)": the cause is told separately, in the clinical findings. */
export function describeCondition(c: CaseFile, tr: Translator): string {
  const k = c.condition;
  return k.code ? tr.t('model.condition.with_code', { name: k.name, system: k.code.system, code: k.code.code }) : k.name;
}

/** Pronouns for running text; "they" where sex is not male or female. */
export function pronounsFor(sex: CaseFile['patient']['sex'], tr: Translator): ReportModel['pronouns'] {
  const which = sex === 'male' || sex === 'female' ? sex : 'other';
  return {
    subject: tr.t('model.pronoun.subject', { sex: which }),
    object: tr.t('model.pronoun.object', { sex: which }),
    possessive: tr.t('model.pronoun.possessive', { sex: which }),
  };
}

/** Length of follow-up from the start of the first round. */
export function buildFollowUp(c: CaseFile, clock: Clock, tr: Translator): ReportModel['follow_up'] {
  if (!c.follow_up) return undefined;
  const when = makeTimePoint(clock, c.follow_up, tr);
  const days = when?.day;
  const text = days !== undefined ? tr.t('model.follow_up.days', { days }) : tr.t('model.follow_up.not_stated');
  return {
    text,
    ...(when ? { when } : {}),
    ...(days !== undefined ? { days } : {}),
    ...(c.follow_up.notes !== undefined ? { notes: c.follow_up.notes } : {}),
  };
}

/** Adverse events with an explicit statement for none observed and for none reported. */
export function buildAdverseEvents(c: CaseFile, clock: Clock, followUpDays: number | undefined, tr: Translator): AdverseEventsView {
  if (c.adverse_events === 'not-reported') {
    return { status: 'not-reported', items: [], text: tr.t('model.adverse_events.not_reported') };
  }
  if (c.adverse_events.length === 0) {
    const text =
      followUpDays !== undefined
        ? tr.t('model.adverse_events.none_observed', { days: followUpDays })
        : tr.t('model.adverse_events.none_observed_unstated');
    return { status: 'none-observed', items: [], text };
  }
  const items = c.adverse_events.map((e) => {
    const when = makeTimePoint(clock, { date: e.date ?? e.start, day: e.day }, tr);
    const until = makeTimePoint(clock, { date: e.end, day: e.end_day }, tr);
    // An outcome in ICH E2B's words gets a code the catalog words; any other is printed as written.
    const code = (EVENT_OUTCOMES as readonly string[]).includes(e.outcome ?? '') ? e.outcome?.replaceAll('-', '_') : undefined;
    return withFields(e, { ...(when ? { when } : {}), ...(until ? { until } : {}), ...(code ? { outcome_code: code } : {}) });
  });
  // Serious events first (ICH E2A), each group in the order the case lists it.
  const ordered = [...items.filter((e) => e.serious === true), ...items.filter((e) => e.serious !== true)];
  const serious = ordered.filter((e) => e.serious === true).length;
  return {
    status: 'reported',
    items: ordered,
    serious,
    text: tr.t('model.adverse_events.reported', { n: items.length, serious }),
  };
}
