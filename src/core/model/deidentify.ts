import { translator, type Translator } from '../../text/translator.js';
import { createClock, type Clock } from './clock.js';
import { describePatient } from './summaries.js';
import type { ReportModel } from './types.js';

const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const FULL_DATE_IN_TEXT = /\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g;
/** Date-holding keys and the key that holds the same point as a day. */
const DATE_KEYS: readonly [dateKey: string, dayKey: string][] = [
  ['date', 'day'],
  ['start', 'day'],
  ['end', 'end_day'],
];
/** Values that name files or hold data: rewriting them would break the report, and they are not shown as text. */
const NOT_TEXT = new Set(['file', 'href', 'data_uri', 'svg']);

type Node = Record<string, unknown>;

/**
 * A copy of the model fit to share: every date becomes its day relative to the first round ("day 14",
 * "day -120" for an onset before it; "date withheld" where no day can be computed), the report and
 * consent dates are withheld, and an age over 89 becomes "90 or older" (HIPAA Safe Harbor).
 */
export function deidentifyModel(model: ReportModel, tr: Translator = translator()): ReportModel {
  const clock = createClock(model.input);
  const WITHHELD = tr.t('model.deidentify.date_withheld');
  const dayWords = (date: string): string => {
    const when = clock.resolve({ date });
    return when?.day === undefined ? WITHHELD : dayText(when.day, when.approximate, tr);
  };
  const out = structuredClone(model);
  const input = out.input;
  if (input.report?.date !== undefined) input.report.date = WITHHELD;
  if (input.consent?.date !== undefined) input.consent.date = WITHHELD;
  if (input.condition.onset !== undefined && DATE_VALUE.test(input.condition.onset))
    input.condition.onset = dayWords(input.condition.onset);
  rewriteDates(out, clock, WITHHELD, dayWords, tr);
  const summary = hideOldAge(out, tr);
  rewriteTexts(out, (text) => {
    let result = summary && text.includes(summary.from) ? text.split(summary.from).join(summary.to) : text;
    result = result.replace(FULL_DATE_IN_TEXT, dayWords);
    return hideAgesInText(result);
  });
  return out;
}

/** Replaces date fields in place: by the day where the day is exact, by the day's words where not. */
function rewriteDates(node: unknown, clock: Clock, withheld: string, dayWords: (date: string) => string, tr: Translator): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteDates(item, clock, withheld, dayWords, tr);
    return;
  }
  if (!isNode(node)) return;
  if (typeof node.approximate === 'boolean' && typeof node.text === 'string') {
    // A resolved time point: its words and its day say all a reader needs.
    const day = typeof node.day === 'number' ? node.day : undefined;
    node.text = day === undefined ? withheld : dayText(day, node.approximate, tr);
    delete node.date;
  } else {
    for (const [dateKey, dayKey] of DATE_KEYS) {
      const value = node[dateKey];
      if (typeof value !== 'string' || !DATE_VALUE.test(value)) continue;
      const when = clock.resolve({ date: value });
      if (typeof node[dayKey] === 'number') {
        delete node[dateKey];
      } else if (when?.day !== undefined && !when.approximate) {
        node[dayKey] = when.day;
        delete node[dateKey];
      } else {
        node[dateKey] = dayWords(value);
      }
    }
  }
  for (const value of Object.values(node)) rewriteDates(value, clock, withheld, dayWords, tr);
}

/** Applies `edit` to every text in the model, in place. */
function rewriteTexts(node: unknown, edit: (text: string) => string): void {
  const items: [Node | unknown[], string | number][] = Array.isArray(node)
    ? node.map((_, i): [unknown[], number] => [node, i])
    : isNode(node)
      ? Object.keys(node).map((key): [Node, string] => [node, key])
      : [];
  for (const [parent, key] of items) {
    if (typeof key === 'string' && NOT_TEXT.has(key)) continue;
    const value = (parent as Record<string | number, unknown>)[key];
    if (typeof value === 'string') (parent as Record<string | number, unknown>)[key] = edit(value);
    else rewriteTexts(value, edit);
  }
}

/** "day 14", or "day ~14" for a partial date. */
function dayText(day: number, approximate: boolean, tr: Translator): string {
  return tr.t('model.when.day', { day: `${approximate ? '~' : ''}${day}` });
}

/** Removes an age over 89 from the input and says "90 or older" in the summary; returns the summary change. */
function hideOldAge(out: ReportModel, tr: Translator): { from: string; to: string } | undefined {
  const patient = out.input.patient;
  const rangeFloor = patient.age_range !== undefined ? Number(patient.age_range.split('-')[0]) : undefined;
  const old = (patient.age !== undefined && patient.age > 89) || (rangeFloor !== undefined && rangeFloor > 89);
  if (!old) return undefined;
  const from = out.patient_summary;
  // An age of 90 is described as "aged 90 or older", without the age.
  const to = describePatient({ ...out.input, patient: { ...patient, age: 90, age_range: undefined } }, tr);
  delete patient.age;
  delete patient.age_range;
  out.patient_summary = to;
  return from === to ? undefined : { from, to };
}

/** "93-year-old", "93 years old", "aged 93": ages over 89 in free text. */
function hideAgesInText(text: string): string {
  return text
    .replace(/\b(?:9\d|1[0-2]\d)-year-old\b/g, '90-or-older')
    .replace(/\b(?:9\d|1[0-2]\d)\s+years?\s+old\b/g, '90 or more years old')
    .replace(/\baged\s+(?:9\d|1[0-2]\d)\b(?!\s+or\s+older)/g, 'aged 90 or older');
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
