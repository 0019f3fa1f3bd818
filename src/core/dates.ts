import { translator, type Translator } from '../text/translator.js';

/** A date as written in a case file, which may be partial (`2023`, `2023-03`). */
export interface PartialDate {
  text: string;
  precision: 'year' | 'month' | 'day';
  /** First and last day the date can mean, as whole days since 1970-01-01 (UTC). */
  first: number;
  last: number;
}

const MS_PER_DAY = 86_400_000;

const parsed = new Map<string, PartialDate>();

/** Reads an ISO 8601 date that passed the schema (remembered: a case asks for the same dates often). */
export function parsePartialDate(text: string): PartialDate {
  let date = parsed.get(text);
  if (!date) {
    date = readPartialDate(text);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, date);
  }
  return date;
}

function readPartialDate(text: string): PartialDate {
  const [y, m, d] = text.split('-').map(Number);
  const year = y ?? 1970;
  if (m === undefined) {
    return { text, precision: 'year', first: epochDay(year, 1, 1), last: epochDay(year, 12, 31) };
  }
  if (d === undefined) {
    return { text, precision: 'month', first: epochDay(year, m, 1), last: epochDay(year, m + 1, 1) - 1 };
  }
  return { text, precision: 'day', first: epochDay(year, m, d), last: epochDay(year, m, d) };
}

function epochDay(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Whether a calendar date exists (the schema's pattern accepts 2023-02-30). */
export function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (m === undefined || d === undefined || y === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days from `anchor` to `date`, using the first day each may mean; exact only when both are full dates. */
export function daysBetween(anchor: PartialDate, date: PartialDate): { days: number; exact: boolean } {
  return { days: date.first - anchor.first, exact: anchor.precision === 'day' && date.precision === 'day' };
}

/** "3 days", "5 weeks", "4 months", "2.5 years": the way reports speak of a duration. */
export function describeDuration(days: number, tr: Translator = translator()): string {
  const abs = Math.abs(days);
  if (abs < 14) return tr.t('model.duration.days', { n: abs });
  if (abs < 60) return tr.t('model.duration.weeks', { n: Math.round(abs / 7) });
  if (abs < 730) return tr.t('model.duration.months', { n: Math.round(abs / 30.44) });
  return tr.t('model.duration.years', { n: Math.round((abs / 365.25) * 2) / 2 });
}
