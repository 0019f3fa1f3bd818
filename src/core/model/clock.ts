import { daysBetween, parsePartialDate, type PartialDate } from '../dates.js';
import type { CaseFile } from '../schema/case-schema.js';

/** A point in time as a case file gives it: a date, a day offset, or both. */
export interface WhenInput {
  date?: string | undefined;
  day?: number | undefined;
}

/** A resolved point in time. `day` counts from the start of the first round. */
export interface When {
  date?: string;
  day?: number;
  /** True where `day` was computed from a partial date (a month or a year). */
  approximate: boolean;
}

/** Places dates and day offsets on one axis: days since the start of the first round. */
export interface Clock {
  anchor?: PartialDate;
  /** Day of onset relative to the first round, where both are known. */
  onsetDay?: number;
  resolve(input: WhenInput): When | undefined;
  /** A number that orders points in time, or undefined where the point cannot be placed. */
  sortKey(when: When | undefined): number | undefined;
}

/** Builds the clock of a case from its first round (the anchor) and the condition's onset. */
export function createClock(caseFile: CaseFile): Clock {
  const first = caseFile.rounds[0];
  const anchor = first?.start ? parsePartialDate(first.start) : undefined;
  const resolve = (input: WhenInput): When | undefined => {
    if (input.date === undefined && input.day === undefined) return undefined;
    const when: When = { approximate: false };
    if (input.date !== undefined) when.date = input.date;
    if (input.day !== undefined) when.day = input.day;
    else if (input.date !== undefined && anchor) {
      const between = daysBetween(anchor, parsePartialDate(input.date));
      when.day = between.days;
      when.approximate = !between.exact;
    }
    return when;
  };
  const clock: Clock = {
    resolve,
    sortKey(when) {
      if (!when) return undefined;
      if (when.day !== undefined) return when.day;
      return when.date !== undefined ? parsePartialDate(when.date).first : undefined;
    },
  };
  if (anchor) clock.anchor = anchor;
  const onset = caseFile.condition.onset;
  if (caseFile.condition.onset_day !== undefined) clock.onsetDay = caseFile.condition.onset_day;
  else if (onset !== undefined && anchor) clock.onsetDay = daysBetween(anchor, parsePartialDate(onset)).days;
  return clock;
}
