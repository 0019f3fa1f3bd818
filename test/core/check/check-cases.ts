import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkCase } from '../../../src/core/check/run-check.js';
import type { CheckReport } from '../../../src/core/check/types.js';
import { ROOT, modelOf, validOrThrow } from '../../helpers/cases.js';

/** The fixture that satisfies every CARE item and names no identifier, changed by `edit`. */
export function completeText(edit: (c: Record<string, unknown>) => void = () => {}): string {
  const c = parse(readFileSync(join(ROOT, 'test', 'fixtures', 'check', 'complete.yaml'), 'utf8')) as Record<string, unknown>;
  edit(c);
  return stringify(c);
}

/** The check report of a case given as text. */
export function checkText(text: string): CheckReport {
  return checkCase(validOrThrow(text).caseFile, modelOf(text));
}

/** A plain-object view of part of a case, for edits in tests. */
export function part(c: Record<string, unknown>, key: string): Record<string, unknown> {
  return c[key] as Record<string, unknown>;
}

/** The first round of a case, for edits in tests. */
export function firstRound(c: Record<string, unknown>): Record<string, unknown> {
  return (c.rounds as Record<string, unknown>[])[0] as Record<string, unknown>;
}
