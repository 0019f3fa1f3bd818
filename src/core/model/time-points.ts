import type { Translator } from '../../text/translator.js';
import { daysBetween, describeDuration, parsePartialDate } from '../dates.js';
import type { Clock, When, WhenInput } from './clock.js';
import { withFields } from './copy.js';
import type { TimePoint } from './types.js';

/** Resolves a date or day into a point on the case's time axis, with its words. */
export function makeTimePoint(clock: Clock, input: WhenInput, tr: Translator): TimePoint | undefined {
  const when = clock.resolve(input);
  if (!when) return undefined;
  const dayText = when.day === undefined ? undefined : tr.t('model.when.day', { day: `${when.approximate ? '~' : ''}${when.day}` });
  const text =
    when.date !== undefined ? (dayText ? tr.t('model.when.date_and_day', { date: when.date, day: dayText }) : when.date) : (dayText ?? '');
  const point: TimePoint = withFields(when, { text });
  if (clock.onsetDay !== undefined && when.day !== undefined) {
    point.since_onset_days = when.day - clock.onsetDay;
    const days = point.since_onset_days;
    point.since_onset_text =
      days === 0
        ? tr.t('model.when.at_onset')
        : tr.t('model.when.since_onset', { duration: describeDuration(days, tr), side: days < 0 ? 'before' : 'after' });
  }
  return point;
}

/** Orders items that carry an optional time point; items that cannot be placed keep their order, last. */
export function sortByTime<T>(items: T[], clock: Clock, pointOf: (item: T) => TimePoint | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, key: clock.sortKey(pointOf(item)) }))
    .sort((a, b) => (a.key ?? Infinity) - (b.key ?? Infinity) || a.index - b.index)
    .map((entry) => entry.item);
}

/**
 * How long from `start` to `end`, in days: end minus start, as clinicians count a stay (day 0 to
 * day 60 is 60 days, not 61). From the day offsets, or from the dates where the case has no day 0.
 */
export function daysFromTo(start: When | undefined, end: When | undefined): number | undefined {
  if (start?.day !== undefined && end?.day !== undefined) return end.day - start.day;
  if (start?.date !== undefined && end?.date !== undefined)
    return daysBetween(parsePartialDate(start.date), parsePartialDate(end.date)).days;
  return undefined;
}
