import type { CasePath } from './errors.js';
import type { CaseFile } from './schema/case-schema.js';

/** One field of the author's own prose, where it is in the case file, and its text. */
export interface ProseField {
  path: CasePath;
  text: string;
}

/** The author's prose fields in the order a report reads them: where citations are numbered from. */
export function proseFields(c: CaseFile): ProseField[] {
  const fields: ProseField[] = [];
  const abstract = c.abstract;
  if (typeof abstract === 'string') fields.push({ path: ['abstract'], text: abstract });
  else if (abstract) {
    for (const part of ['background', 'case', 'conclusions'] as const) {
      const text = abstract[part];
      if (text !== undefined) fields.push({ path: ['abstract', part], text });
    }
  }
  if (c.case_presentation !== undefined) fields.push({ path: ['case_presentation'], text: c.case_presentation });
  const discussion = c.discussion?.text;
  if (typeof discussion === 'string') fields.push({ path: ['discussion', 'text'], text: discussion });
  else discussion?.forEach((text, i) => fields.push({ path: ['discussion', 'text', i], text }));
  c.learning_points?.forEach((text, i) => fields.push({ path: ['learning_points', i], text }));
  return fields;
}
