import { caseIssue, type CaseIssue } from '../errors.js';
import { parseCaseText } from '../parse.js';
import { translateSchemaIssues } from '../validate/schema-issues.js';
import { locateAll } from '../validate/validate-case.js';
import { seriesSchema, type SeriesFile } from './series-schema.js';

export type SeriesValidation = { ok: true; value: SeriesFile } | { ok: false; issues: CaseIssue[] };

/** Parses and validates the text of a series file: every problem at once, each with its line and column. */
export function validateSeriesText(text: string): SeriesValidation {
  const { parsed, issues } = parseCaseText(text);
  if (!parsed) return { ok: false, issues };
  const result = seriesSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, issues: locateAll(translateSchemaIssues(result.error.issues, parsed.data), parsed) };
  const found: CaseIssue[] = [];
  const labels = new Set<string>();
  (result.data.time_points ?? []).forEach((t, i) => {
    if (labels.has(t.label) || t.label === 'latest')
      found.push(
        caseIssue('duplicate-time-point', `time point \`${t.label}\` is named twice (\`latest\` is the series' own)`, [
          'time_points',
          i,
          'label',
        ]),
      );
    labels.add(t.label);
  });
  const { start, end } = result.data.recruitment ?? {};
  if (start !== undefined && end !== undefined && end < start)
    found.push(caseIssue('recruitment-order', `recruitment ends (${end}) before it starts (${start})`, ['recruitment', 'end']));
  if (found.length > 0) return { ok: false, issues: locateAll(found, parsed) };
  return { ok: true, value: result.data };
}

/** Whether parsed data is a series file rather than a case file (it names its format version). */
export function isSeriesData(data: unknown): boolean {
  return data !== null && typeof data === 'object' && 'casereport_series' in data;
}
