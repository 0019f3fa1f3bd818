import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { caseIssue, type CaseIssue } from '../core/errors.js';
import { didYouMean } from '../core/hints.js';
import { buildInstrumentTable } from '../core/instruments/lookup.js';
import { buildReportModel } from '../core/model/build-model.js';
import { summarizeCase, type CaseSummary } from '../core/series/case-summary.js';
import type { SeriesFile } from '../core/series/series-schema.js';
import { validateSeriesText } from '../core/series/validate-series.js';
import { locateIssues, validateCaseText, type ValidationResult } from '../core/validate/validate-case.js';
import { translator, type Translator } from '../text/translator.js';
import { caseFilesUnder, SERIES_FILE_NAME } from './expand-inputs.js';
import { CaseReadError, readCaseSource } from './read-case.js';

/** The problems of one file the series reads: the series file itself, or one of its cases. */
export interface SeriesFileProblem {
  file: string;
  issues: CaseIssue[];
  /** The file's text, for showing the lines the issues point at. */
  text?: string;
}

/** A series read and summarized: its file, one summary per valid case, and every problem found. */
export interface LoadedSeries {
  path: string;
  series?: SeriesFile;
  summaries: CaseSummary[];
  /** The case files read, in the order read (sorted by path). */
  files: string[];
  problems: SeriesFileProblem[];
}

const CASE_FILE = /\.(ya?ml|json)$/i;

/**
 * Reads a series file and each case it names (YAML, or the JSON that `render --format json` writes),
 * one at a time: each case is validated, modelled, summarized and let go, so memory stays flat in
 * the number of cases. Every problem is collected (the series file's, each case's), none stops the others.
 */
export async function loadSeries(
  path: string,
  options: { translator?: Translator; onCase?: (file: string) => void } = {},
): Promise<LoadedSeries> {
  const loaded: LoadedSeries = { path, summaries: [], files: [], problems: [] };
  let text: string;
  try {
    text = readCaseSource({ kind: 'file', path }).text;
  } catch (error) {
    if (error instanceof CaseReadError) {
      loaded.problems.push({ file: path, issues: [error.toIssue()] });
      return loaded;
    }
    throw error;
  }
  const checked = validateSeriesText(text);
  if (!checked.ok) {
    loaded.problems.push({ file: path, issues: checked.issues, text });
    return loaded;
  }
  const series = checked.value;
  loaded.series = series;
  const { files, issues } = await expandCases(path, series.cases);
  if (issues.length > 0) loaded.problems.push({ file: path, issues: locateIssues(text, issues), text });
  loaded.files = files;
  const tr = options.translator ?? translator();
  const seen = new Map<string, string>();
  for (const file of files) {
    options.onCase?.(file);
    const { result, text: caseText } = readCase(file);
    if (!result.ok) {
      loaded.problems.push({ file, issues: result.issues, ...(caseText !== undefined ? { text: caseText } : {}) });
      continue;
    }
    const { caseFile, instruments } = result.value;
    const first = seen.get(caseFile.id);
    if (first !== undefined) {
      loaded.problems.push({
        file,
        issues: [
          caseIssue(
            'duplicate-case',
            `case id \`${caseFile.id}\` is also the id of ${first}`,
            ['id'],
            'each case of a series needs its own id',
          ),
        ],
      });
      continue;
    }
    seen.set(caseFile.id, file);
    const model = buildReportModel(caseFile, instruments, tr);
    loaded.summaries.push(summarizeCase(model, instruments, series.primary_outcomes));
  }
  const unknown = checkPrimaryOutcomes(series, loaded.summaries);
  if (unknown.length > 0) loaded.problems.unshift({ file: path, issues: locateIssues(text, unknown), text });
  return loaded;
}

/** Each primary outcome names an instrument that is built in or that a case defines, and a measure it has. */
function checkPrimaryOutcomes(series: SeriesFile, summaries: readonly CaseSummary[]): CaseIssue[] {
  const table = buildInstrumentTable();
  for (const c of summaries) for (const [id, i] of Object.entries(c.instruments)) table.set(id, i);
  return series.primary_outcomes.flatMap((o, i): CaseIssue[] => {
    const instrument = table.get(o.instrument);
    if (!instrument) {
      const hint =
        didYouMean(o.instrument, [...table.keys()]) ??
        'built in: see `casereport instruments`; or one the cases define under `instruments`';
      return [caseIssue('unknown-instrument', `unknown instrument \`${o.instrument}\``, ['primary_outcomes', i, 'instrument'], hint)];
    }
    const measures = ['total', ...Object.keys(instrument.subscores ?? {}), ...Object.keys(instrument.measures ?? {})];
    if (measures.includes(o.measure)) return [];
    return [
      caseIssue(
        'unknown-measure',
        `${instrument.short} has no measure \`${o.measure}\``,
        ['primary_outcomes', i, 'measure'],
        didYouMean(o.measure, measures) ?? `its measures: ${measures.join(', ')}`,
      ),
    ];
  });
}

/** The case files a series names: paths, folders and globs relative to the series file, each once, sorted. */
async function expandCases(seriesPath: string, entries: readonly string[]): Promise<{ files: string[]; issues: CaseIssue[] }> {
  const base = dirname(resolve(seriesPath));
  const self = resolve(seriesPath);
  const found = new Set<string>();
  const issues: CaseIssue[] = [];
  for (const [i, entry] of entries.entries()) {
    const full = isAbsolute(entry) ? entry : join(base, entry);
    let matched: string[] = [];
    if (existsSync(full) && statSync(full).isDirectory()) {
      matched = caseFilesUnder(full, CASE_FILE).map((f) => join(full, f));
    } else if (existsSync(full)) {
      matched = [full];
    } else {
      const { glob, isDynamicPattern } = await import('tinyglobby');
      if (isDynamicPattern(entry)) {
        matched = (await glob(entry, { cwd: base, absolute: true, ignore: ['**/node_modules/**'] })).filter(
          (f) => CASE_FILE.test(f) && !SERIES_FILE_NAME.test(basename(f)),
        );
      }
    }
    matched = matched.filter((f) => resolve(f) !== self);
    if (matched.length === 0) {
      issues.push(
        caseIssue(
          'no-cases',
          existsSync(full) ? `\`${entry}\` holds no case files (.yaml, .yml or .json)` : `\`${entry}\`: no such file or folder`,
          ['cases', i],
          'paths, folders and patterns are relative to the series file',
        ),
      );
    }
    for (const f of matched) found.add(resolve(f));
  }
  // Shown relative to the working folder where that is shorter, as paths on the command line are.
  const files = [...found].sort().map((f) => {
    const rel = relative(process.cwd(), f);
    return rel.startsWith('..') ? f : rel;
  });
  return { files, issues };
}

/** One case file: YAML as written, or a render's JSON output, whose `input` is validated again. */
function readCase(file: string): { result: ValidationResult; text?: string } {
  let text: string;
  try {
    text = readCaseSource({ kind: 'file', path: file }).text;
  } catch (error) {
    if (error instanceof CaseReadError) return { result: { ok: false, issues: [error.toIssue()] } };
    throw error;
  }
  if (!/\.json$/i.test(file)) return { result: validateCaseText(text), text };
  return { result: readJsonCase(text) };
}

function readJsonCase(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [caseIssue('bad-json', `not JSON: ${(error as Error).message}`, [])] };
  }
  const input = data !== null && typeof data === 'object' ? (data as { input?: unknown }).input : undefined;
  if (input === undefined || input === null || typeof input !== 'object')
    return {
      ok: false,
      issues: [caseIssue('not-a-report', 'a JSON case must be the output of `casereport render --format json` (it has no `input`)', [])],
    };
  // The report's input is the validated case file; validated again, it gives the same model as the YAML.
  const result = validateCaseText(JSON.stringify(input, null, 1));
  if (result.ok) return result;
  return {
    ok: false,
    issues: result.issues.map((i) => {
      const { line: _line, column: _column, ...rest } = i;
      return { ...rest, path: ['input', ...i.path] };
    }),
  };
}
