import type { ReportModel } from '../model/types.js';
import type { CaseFile } from '../schema/case-schema.js';
import type { CareItem, CareStatus } from './types.js';

/** What every CARE item is judged from. */
export interface CareInput {
  c: CaseFile;
  m: ReportModel;
}

/** One item's judgement; `item` and `name` come from the checklist table. */
export type CareJudgement = Pick<CareItem, 'status' | 'fields' | 'note'>;

/** A judgement from the fields found and the gaps noted: all found is `reported`, nothing found is `missing`. */
export function judge(fields: string[], gaps: string[], nothingFound = fields.length === 0): CareJudgement {
  const status: CareStatus = gaps.length === 0 ? 'reported' : nothingFound ? 'missing' : 'partial';
  return { status, fields, note: gaps.length > 0 ? gaps.join('; ') : null };
}

/** A judgement with a fixed status, for items whose status does not follow from counting fields. */
export function judged(status: CareStatus, fields: string[], gaps: string[]): CareJudgement {
  return { status, fields, note: gaps.length > 0 ? gaps.join('; ') : null };
}

/** The fields of `object` (at `prefix`) that hold a value, in the order given. */
export function presentFields(prefix: string, object: Record<string, unknown> | undefined, keys: readonly string[]): string[] {
  if (!object) return [];
  return keys.filter((key) => hasValue(object[key])).map((key) => `${prefix}.${key}`);
}

/** Whether a case-file value says something: not absent, not an empty text or list. */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** "a, b and c": lists read as prose in notes. */
export function joinWords(words: readonly string[], last = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

// The day of an assessment relative to the first round, or undefined where it cannot be placed.
function assessmentDay(m: ReportModel, id: string): number | undefined {
  return m.assessments.find((a) => a.id === id)?.when?.day;
}

/** Whether an assessment was done at baseline: before the first round starts, or labelled so. */
export function isBaseline(m: ReportModel, assessment: { id: string; label?: string | undefined }): boolean {
  const day = assessmentDay(m, assessment.id);
  if (day !== undefined) return day <= 0;
  return /baseline|pre-?treatment|before/i.test(assessment.label ?? '');
}
