import { caseIssue as issue, shortText, type CaseIssue, type CasePath } from '../errors.js';
import { didYouMean } from '../hints.js';
import { ownValue } from '../own-key.js';
import { checkExamGrid } from '../isncsci/grid.js';
import { checkIsncsciTotals } from '../instruments/isncsci-totals-check.js';
import { levelIndex } from '../instruments/lookup.js';
import type { Instrument } from '../instruments/registry.js';
import type { Assessment, CaseFile } from '../schema/case-schema.js';
import { withHintLater } from './pending-hints.js';
import type { CaseInstruments } from './instrument-checks.js';

/** Each assessment names a known instrument, a time, and results that fit the instrument. */
export function checkAssessments(c: CaseFile, instruments: CaseInstruments): CaseIssue[] {
  return (c.assessments ?? []).flatMap((a, i) => checkOne(a, ['assessments', i], instruments));
}

function checkOne(a: Assessment, path: CasePath, { table, broken }: CaseInstruments): CaseIssue[] {
  const out: CaseIssue[] = [];
  if (a.date === undefined && a.day === undefined) {
    out.push(
      issue(
        'missing-when',
        `assessment \`${a.id}\` needs a \`date\` or a \`day\``,
        [...path, 'id'],
        'add `date: YYYY-MM-DD`, or `day: N` (days since the first round started)',
      ),
    );
  }
  const instrument = table.get(a.instrument);
  if (!instrument) {
    // An instrument the case defines wrongly is reported where it is defined; its results cannot be checked.
    if (broken.has(a.instrument)) return out;
    const name = a.instrument;
    out.push(
      withHintLater(
        issue(
          'unknown-instrument',
          `unknown instrument \`${shortText(name)}\``,
          [...path, 'instrument'],
          'define it under `instruments:`, or run `casereport instruments` for the built-in ones',
        ),
        () => didYouMean(name, [...table.keys()]),
      ),
    );
    return out;
  }
  const isIsncsci = instrument.id === 'isncsci';
  if (!isIsncsci) {
    for (const key of ['exam', 'totals'] as const) {
      if (a[key] !== undefined) out.push(issue('isncsci-only', `\`${key}\` belongs to ISNCSCI assessments only`, [...path, key]));
    }
    if (a.score === undefined && a.subscores === undefined) {
      out.push(issue('no-result', `assessment \`${a.id}\` has no \`score\` or \`subscores\``, [...path, 'id']));
    }
  } else {
    if (a.exam === undefined && a.totals === undefined) {
      out.push(issue('no-result', `ISNCSCI assessment \`${a.id}\` needs an \`exam\` (the raw examination) or \`totals\``, [...path, 'id']));
    }
    if (a.score !== undefined) {
      out.push(issue('isncsci-score', 'an ISNCSCI assessment has no single score; give `exam` or `totals`', [...path, 'score']));
    }
    if (a.exam) {
      for (const problem of checkExamGrid(a.exam)) {
        out.push(issue('isncsci-grid', problem.message, [...path, 'exam', ...problem.path], problem.hint));
      }
    }
    out.push(...checkIsncsciTotals(a, path));
  }
  if (a.score !== undefined && !isIsncsci) out.push(...checkScore(a.score, instrument, [...path, 'score']));
  for (const [name, value] of Object.entries(a.subscores ?? {})) {
    const range = ownValue(instrument.subscores, name);
    if (!range) {
      const known = Object.keys(instrument.subscores ?? {});
      const list = known.length > 12 ? `${known.slice(0, 12).join(', ')} …` : known.join(', ');
      out.push(
        withHintLater(
          issue(
            'unknown-subscore',
            `${instrument.name} has no subscore \`${shortText(name)}\``,
            [...path, 'subscores', name],
            known.length ? `its subscores: ${list}` : 'this instrument has no subscores',
          ),
          () => didYouMean(name, known),
        ),
      );
    } else {
      out.push(...checkValue(value, range, instrument.step, `${instrument.name} ${name}`, [...path, 'subscores', name]));
    }
  }
  return out;
}

/** A score: one of an ordinal scale's levels, a number on the scale, or a number at or above a measure's lowest value. */
function checkScore(score: number | string, instrument: Instrument, path: CasePath): CaseIssue[] {
  const levels = instrument.levels;
  if (levels) {
    if (levelIndex(levels, score) !== undefined) return [];
    return [
      issue('not-a-level', `${shortText(String(score))} is not a level of ${instrument.name}`, path, `its levels: ${levels.join(', ')}`),
    ];
  }
  if (typeof score === 'string') {
    return [issue('not-a-number', `expected a number, found text "${shortText(score)}"`, path, `${instrument.name} is scored in numbers`)];
  }
  if (instrument.range) return checkValue(score, instrument.range, instrument.step, instrument.name, path);
  const min = instrument.min;
  if (min !== undefined && score < min) {
    return [issue('out-of-range', `${score} is below the lowest possible value of ${instrument.name} (${min})`, path)];
  }
  return [];
}

function checkValue(value: number, [min, max]: [number, number], step: number, what: string, path: CasePath): CaseIssue[] {
  if (value < min || value > max) {
    return [issue('out-of-range', `${value} is outside the range of ${what} (${min}-${max})`, path)];
  }
  const steps = (value - min) / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return [issue('off-step', `${value} is not a possible value of ${what}, which moves in steps of ${step}`, path)];
  }
  return [];
}
