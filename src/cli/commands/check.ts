import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { checkSeriesFile, looksLikeSeriesFile } from '../../batch/series-files.js';
import { checkCase, failsStrict } from '../../core/check/run-check.js';
import { seriesFailsStrict } from '../../core/series/check-series.js';
import type { CareStatus, CheckReport } from '../../core/check/types.js';
import type { CaseIssue } from '../../core/errors.js';
import { buildReportModel } from '../../core/model/build-model.js';
import { loadTemplate } from '../../io/load-template.js';
import { compileTemplate, type CompiledTemplate } from '../../render/compile-template.js';
import { countReportWords, type WordCount } from '../../render/word-count.js';
import { validateCaseText } from '../../core/validate/validate-case.js';
import { expandInputs } from '../../io/expand-inputs.js';
import { CaseReadError, readCaseSource, type CaseSource } from '../../io/read-case.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { jsonForTerminal, safeForTerminal as safe, Terminal, type GlobalOptions } from '../terminal.js';

interface CheckOptions extends GlobalOptions {
  json?: boolean;
  strict?: boolean;
}

/** One file's result, as `--json` prints it: the same keys for every file, valid or not. */
interface CheckResult {
  file: string;
  valid: boolean;
  issues: CaseIssue[];
  fails_strict: boolean;
  report: CheckReport | null;
  /** Words of the care report's abstract and body, as a journal counts them (null for an invalid file). */
  words: WordCount | null;
}

/** `casereport check`: the CARE checklist, privacy findings and honesty gaps of case files. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary('check case files against the CARE checklist, for identifiers, and for what the data can show')
    .description(
      'Judge each case file against the 13 items of the CARE 2013 checklist (reported, partial, missing or not applicable, ' +
        'with the fields that satisfy each), find what could identify the patient (in the spirit of HIPAA Safe Harbor), ' +
        'and list what the data shows about the strength of the evidence.',
    )
    .argument('<inputs...>', 'case files, folders or globs; - for standard input')
    .option('--json', 'print the results as JSON on standard output (an array, one object per file)')
    .option('--strict', 'exit with code 3 when a CARE item is missing or a privacy finding is an error')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport check examples/steven-sci.yaml
  $ casereport check cases/ --strict
  $ casereport check case.yaml --json | jq '.[0].report.care[] | select(.status == "missing")'

Exit codes: 0 checked (findings do not fail a run without --strict); 3 a file is invalid,
or, with --strict, a CARE item is missing or a privacy finding is an error.`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      process.exitCode = await runCheck(inputs, command.optsWithGlobals<CheckOptions>());
    });
}

async function runCheck(inputs: string[], options: CheckOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  if (inputs.length === 1 && inputs[0] !== '-' && looksLikeSeriesFile(inputs[0] as string))
    return runSeriesCheck(inputs[0] as string, options, term);
  const { refs, problems } = await expandInputs(inputs);
  const results: CheckResult[] = [];
  let care: CompiledTemplate | undefined;
  for (const problem of problems) {
    const issue: CaseIssue = { code: 'no-input', message: problem.message, path: [], severity: 'error' };
    results.push({ file: problem.input, valid: false, issues: [issue], fails_strict: false, report: null, words: null });
    if (!options.json) term.problem(`${term.err.bold(safe(problem.input))}  ${term.err.red(safe(problem.message))}`);
  }
  for (const ref of refs) {
    let source: CaseSource;
    try {
      source = readCaseSource(ref);
    } catch (error) {
      if (!(error instanceof CaseReadError)) throw error;
      results.push({ file: error.input, valid: false, issues: [error.toIssue()], fails_strict: false, report: null, words: null });
      if (!options.json) term.problem(formatIssues(error.input, [error.toIssue()], '', term.err));
      continue;
    }
    const result = validateCaseText(source.text);
    if (!result.ok) {
      results.push({ file: source.name, valid: false, issues: result.issues, fails_strict: false, report: null, words: null });
      if (!options.json) term.problem(formatIssues(source.name, result.issues, source.text, term.err));
      continue;
    }
    const { caseFile, instruments, warnings } = result.value;
    const model = buildReportModel(caseFile, instruments);
    const report = checkCase(caseFile, model);
    care ??= compileTemplate(loadTemplate('care'));
    const words = countReportWords(care.render('md', model, { generator: 'casereport' }));
    results.push({ file: source.name, valid: true, issues: warnings, fails_strict: failsStrict(report), report, words });
    if (!options.json && warnings.length > 0) term.problem(formatIssues(source.name, warnings, source.text, term.err));
    if (!options.json) term.info(`${formatReport(source.name, report, term.out)}\n${formatWords(words)}`);
  }
  if (options.json) term.data(`${jsonForTerminal(results)}\n`);
  if (results.some((r) => !r.valid)) return EXIT.invalidInput;
  if (options.strict && results.some((r) => r.fails_strict)) {
    if (!options.json) term.problem(term.err.red('strict: a CARE item is missing or a privacy finding is an error (exit code 3)'));
    return EXIT.invalidInput;
  }
  return EXIT.ok;
}

const STATUS_COLOURS: Record<CareStatus, keyof Pick<ChalkInstance, 'green' | 'yellow' | 'red' | 'dim'>> = {
  reported: 'green',
  partial: 'yellow',
  missing: 'red',
  'not-applicable': 'dim',
};

/**
 * The human-readable report of one file: the CARE items as a table, then privacy, then honesty.
 * Text that can come from the case (its title, paths, findings, notes) goes through safe().
 */
function formatReport(file: string, report: CheckReport, c: ChalkInstance): string {
  const indent = ' '.repeat(34);
  const lines = [`${c.bold(safe(file))}  ${c.dim(safe(report.title))}`, '', c.bold('CARE checklist (2013)')];
  for (const item of report.care) {
    const status = c[STATUS_COLOURS[item.status]](item.status.padEnd(15));
    const fields = item.fields.length > 0 ? c.cyan(safe(item.fields.join(', '))) : c.dim('(no field)');
    lines.push(`  ${String(item.item).padStart(2)}  ${item.name.padEnd(26)}  ${status}  ${fields}`);
    if (item.note) lines.push(`${indent}${c.dim(safe(item.note))}`);
  }
  const { errors, warnings } = report.summary.privacy;
  lines.push('', c.bold(`Privacy: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`));
  if (report.privacy.length === 0) lines.push(`  ${c.green('nothing found that looks like an identifier')}`);
  for (const f of report.privacy) {
    const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    lines.push(`  ${severity}  ${c.cyan(safe(f.path))}  "${safe(f.text)}"  ${safe(f.message)} ${c.dim(`[${f.rule}]`)}`);
    lines.push(`           ${c.green('hint:')} ${safe(f.hint)}`);
  }
  const e = report.honesty.evidence;
  lines.push('', c.bold('Honesty'), `  Evidence: ${safe(e.text)}`);
  lines.push(`  By source: ${safe(e.by_source.map((s) => `${s.count} ${s.label}`).join(', '))}`);
  if (e.unmeasured.length > 0) lines.push(`  Not measured (${e.unmeasured.length}):`);
  for (const u of e.unmeasured) {
    lines.push(
      `    ${c.cyan(safe(u.path))}  ${safe(u.source_label)}: ${safe(u.finding.replace(/\s+/g, ' '))} ${c.yellow(`(${safe(u.note)})`)}`,
    );
  }
  lines.push(`  Limitations the data shows (${report.honesty.gaps.length}):`);
  for (const gap of report.honesty.gaps) lines.push(`    - ${safe(gap.text)}`);
  const counts = report.summary.care;
  const care = (['reported', 'partial', 'missing', 'not-applicable'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => c[STATUS_COLOURS[s]](`${counts[s]} ${s}`));
  lines.push(
    '',
    `Summary: CARE ${care.join(', ')}; privacy ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${plural(report.summary.gaps, 'honesty gap')}`,
    '',
  );
  return lines.join('\n');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The word counts journals limit: BMJ Case Reports, for one, asks for an abstract of at most 250 words. */
function formatWords(words: WordCount): string {
  return `Words (care report; headings, tables, figures, declarations and references not counted): abstract ${words.abstract}, body ${words.body}`;
}

/** `check SERIES.yaml`: the series' reporting items and appraisal, or the problems of its files. */
async function runSeriesCheck(file: string, options: CheckOptions, term: Terminal): Promise<ExitCode> {
  const result = await checkSeriesFile(file);
  if (!result.ok) {
    if (options.json)
      term.data(`${jsonForTerminal({ file, valid: false, problems: result.problems.map((p) => ({ file: p.file, issues: p.issues })) })}\n`);
    else for (const p of result.problems) term.problem(formatIssues(p.file, p.issues, p.text ?? '', term.err));
    return EXIT.invalidInput;
  }
  const { report } = result;
  const fails = seriesFailsStrict(report);
  if (options.json) {
    term.data(`${jsonForTerminal({ file, valid: true, fails_strict: fails, report })}\n`);
  } else {
    term.info(`${term.out.bold(safe(file))}  ${safe(report.title)}`);
    let list = '';
    for (const i of report.items) {
      if (i.list !== list) {
        list = i.list;
        term.info(`\n${term.out.bold(list)}`);
      }
      const status =
        i.status === 'reported' || i.status === 'yes'
          ? term.out.green(i.status)
          : i.status === 'cannot-judge' || i.status === 'partial'
            ? term.out.yellow(i.status)
            : term.out.red(i.status);
      term.info(`  ${safe(i.item).padEnd(72)} ${status}${i.fields.length ? `  ${term.out.dim(safe(i.fields.join(', ')))}` : ''}`);
      if (i.note) term.info(`    ${term.out.dim(safe(i.note))}`);
    }
    term.info('');
    for (const source of report.sources) term.info(term.out.dim(safe(source)));
    const s = report.summary;
    term.info(
      `\nSummary: ${s.reported} reported, ${s.partial} partial, ${s.missing} missing; appraisal ${s.yes} yes, ${s.no} no, ${s['cannot-judge']} cannot be judged`,
    );
  }
  return options.strict && fails ? EXIT.invalidInput : EXIT.ok;
}
