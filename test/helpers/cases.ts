import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildReportModel } from '../../src/core/model/build-model.js';
import type { ReportModel } from '../../src/core/model/types.js';
import { validateCaseText, type ValidCase } from '../../src/core/validate/validate-case.js';

/** The repository root, for reading examples and fixtures. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** Text of a bundled example. */
export function exampleText(name: string): string {
  return readFileSync(join(ROOT, 'examples', `${name}.yaml`), 'utf8');
}

/** Validates text and fails the test with the issues if it is not valid. */
export function validOrThrow(text: string): ValidCase {
  const result = validateCaseText(text);
  if (!result.ok) throw new Error(`expected a valid case, got:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

/** The report model of a case given as text. */
export function modelOf(text: string): ReportModel {
  const { caseFile, instruments } = validOrThrow(text);
  return buildReportModel(caseFile, instruments);
}

/** The smallest valid case, changed by `edit` (which gets the plain object): for focused tests. */
export function caseText(edit: (c: Record<string, unknown>) => void = () => {}): string {
  const c = parse(exampleText('minimal')) as Record<string, unknown>;
  edit(c);
  return stringify(c);
}
