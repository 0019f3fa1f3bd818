import { caseIssue as issue, type CaseIssue, type CasePath } from '../errors.js';
import { buildInstrumentTable } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import { instrumentSchema } from '../schema/assessment-schema.js';
import type { InstrumentDefinition } from '../schema/case-schema.js';

/** Scores and ranges beyond this size are not scores; it also keeps every step representable. */
export const MAX_SCALE_VALUE = 1e9;
/** A scale with more values than this is a mistake in `range` or `step` (and would be slow to chart). */
export const MAX_SCALE_STEPS = 1_000_000;

/** The instruments a case can use, and the ids of those it defines wrongly (which are not "unknown"). */
export interface CaseInstruments {
  table: Map<string, Instrument>;
  broken: Set<string>;
  /** Problems of definitions that passed the schema (those that did not have schema issues already). */
  issues: CaseIssue[];
}

/**
 * The built-in instruments plus every definition under `instruments` that is valid by itself, even
 * when other parts of the file are not: one mistake elsewhere must not make the case's own
 * instruments unknown. Works on the raw data, before or without the whole-file schema check.
 */
export function collectCaseInstruments(data: unknown): CaseInstruments {
  const raw = data !== null && typeof data === 'object' ? (data as { instruments?: unknown }).instruments : undefined;
  const usable: InstrumentDefinition[] = [];
  const broken = new Set<string>();
  const issues: CaseIssue[] = [];
  (Array.isArray(raw) ? raw : []).forEach((item: unknown, i) => {
    const parsed = instrumentSchema.safeParse(item);
    const problems = parsed.success ? checkInstrumentDefinition(parsed.data, ['instruments', i]) : [];
    issues.push(...problems);
    if (parsed.success && problems.length === 0) usable.push(parsed.data);
    else {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') broken.add(id);
    }
  });
  // A broken definition that replaces a built-in must not let the built-in stand in for it.
  const table = buildInstrumentTable(usable);
  for (const id of broken) if (!usable.some((d) => d.id === id)) table.delete(id);
  return { table, broken, issues };
}

/** What the schema cannot see in one definition: ranges that run backwards or cannot be stepped through. */
export function checkInstrumentDefinition(d: InstrumentDefinition, path: CasePath): CaseIssue[] {
  const step = d.step ?? 1;
  const out: CaseIssue[] = [];
  if (d.range) out.push(...checkScale(d.range, step, [...path, 'range'], 'step' in d ? [...path, 'step'] : [...path, 'range']));
  else if (!d.levels && d.unit === undefined) {
    out.push(
      issue(
        'no-scale',
        `instrument \`${d.id}\` needs a \`range\`, a \`unit\` (a measure without a fixed scale) or \`levels\` (an ordinal scale)`,
        [...path, 'id'],
        'a score scale: range: [0, 100]; a speed: unit: m/s; an ordinal scale: levels: [0, 1, 1+, 2, 3, 4]',
      ),
    );
  }
  if (d.levels && d.range)
    out.push(issue('levels-and-range', 'give `levels` or `range`, not both: levels are the scale', [...path, 'range']));
  if (d.min !== undefined && (d.range || d.levels))
    out.push(
      issue('min-with-scale', '`min` is for a measure without `range` or `levels`; the scale already has a lowest value', [...path, 'min']),
    );
  if (d.levels) {
    const seen = new Set<string>();
    d.levels.forEach((level, i) => {
      if (seen.has(level)) out.push(issue('duplicate-level', `level \`${level}\` is listed twice`, [...path, 'levels', i]));
      seen.add(level);
    });
  }
  for (const [name, range] of Object.entries(d.subscores ?? {})) {
    out.push(...checkScale(range, step, [...path, 'subscores', name], [...path, 'subscores', name]));
  }
  return out;
}

function checkScale([min, max]: readonly [number, number], step: number, rangePath: CasePath, stepPath: CasePath): CaseIssue[] {
  const shown = `[${min}, ${max}]`;
  if (Math.abs(min) > MAX_SCALE_VALUE || Math.abs(max) > MAX_SCALE_VALUE) {
    return [
      issue(
        'bad-range',
        `range ${shown} goes beyond ±${MAX_SCALE_VALUE.toExponential()}`,
        rangePath,
        'a score scale runs between two ordinary numbers, such as [0, 100]',
      ),
    ];
  }
  if (!(min < max))
    return [
      issue('bad-range', `range ${shown} must go from low to high`, rangePath, `write [${Math.min(min, max)}, ${Math.max(min, max)}]`),
    ];
  // Floating point: near 1e16 adding 1 changes nothing; each step must reach a new value at both ends.
  const distinct = (from: number) => Math.abs(from + step - from - step) <= step * 1e-6;
  if (!distinct(min) || !distinct(max - step)) {
    return [
      issue(
        'bad-range',
        `the values of range ${shown} in steps of ${step} cannot be told apart`,
        rangePath,
        'use a smaller scale, or a larger step',
      ),
    ];
  }
  const steps = (max - min) / step;
  if (steps > MAX_SCALE_STEPS) {
    return [
      issue(
        'bad-step',
        `range ${shown} in steps of ${step} has ${Math.round(steps).toLocaleString('en-US')} steps; at most ${MAX_SCALE_STEPS.toLocaleString('en-US')} make sense`,
        stepPath,
        'check `step`: it is the smallest change a score can show',
      ),
    ];
  }
  if (Math.abs(steps - Math.round(steps)) > 1e-6) {
    return [
      issue(
        'bad-step',
        `range ${shown} is not a whole number of steps of ${step}`,
        stepPath,
        `the top of the scale must be reachable: choose a step that divides ${max - min}`,
      ),
    ];
  }
  return [];
}
