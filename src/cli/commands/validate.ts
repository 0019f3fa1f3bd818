import type { Command } from 'commander';
import { looksLikeSeriesFile, validateSeriesFile } from '../../batch/series-files.js';
import type { CaseIssue } from '../../core/errors.js';
import { validateCaseText } from '../../core/validate/validate-case.js';
import { expandInputs } from '../../io/expand-inputs.js';
import { checkCaseFigures } from '../../io/figures.js';
import { CaseReadError, readCaseSource, type CaseSource } from '../../io/read-case.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { jsonForTerminal, safeForTerminal, Terminal, type GlobalOptions } from '../terminal.js';

interface ValidateOptions extends GlobalOptions {
  json?: boolean;
}

/** `casereport validate`: check case files without rendering them. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .summary('check case files and report every problem with its line')
    .description(
      'Check case files against the format: every problem in a file is reported at once as file:line:column, the path, a message and a hint.',
    )
    .argument('<inputs...>', 'case files, folders or globs; - for standard input')
    .option('--json', 'print the results as JSON on standard output')
    .addHelpText(
      'after',
      `
Examples:
  $ casereport validate examples/steven-sci.yaml
  $ casereport validate cases/
  $ casereport validate 'cases/**/*.yml' --json | jq '.[] | select(.valid | not)'

Exit codes: 0 all valid, 3 at least one file invalid.`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      process.exitCode = await runValidate(inputs, command.optsWithGlobals<ValidateOptions>());
    });
}

async function runValidate(inputs: string[], options: ValidateOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  const { refs, problems } = await expandInputs(inputs);
  const results: { file: string; valid: boolean; issues: CaseIssue[] }[] = [];
  for (const problem of problems) {
    results.push({
      file: problem.input,
      valid: false,
      issues: [{ code: 'no-input', message: problem.message, path: [], severity: 'error' }],
    });
    if (!options.json) term.problem(`${term.err.bold(safeForTerminal(problem.input))}  ${term.err.red(safeForTerminal(problem.message))}`);
  }
  for (const ref of refs) {
    let source: CaseSource;
    try {
      source = readCaseSource(ref);
    } catch (error) {
      if (!(error instanceof CaseReadError)) throw error;
      results.push({ file: error.input, valid: false, issues: [error.toIssue()] });
      if (!options.json) term.problem(formatIssues(error.input, [error.toIssue()], '', term.err));
      continue;
    }
    if (source.path !== undefined && looksLikeSeriesFile(source.path)) {
      // A series file: the series and every case it names.
      const problems = await validateSeriesFile(source.path);
      results.push({
        file: source.name,
        valid: problems.length === 0,
        issues: problems.flatMap((p) => p.issues.map((i) => ({ ...i, file: p.file }))),
      });
      if (options.json) continue;
      for (const p of problems) term.problem(formatIssues(p.file, p.issues, p.text ?? '', term.err));
      if (problems.length === 0) term.info(`${term.out.green('valid')} ${safeForTerminal(source.name)} (series)`);
      continue;
    }
    const { valid, issues } = validateSource(source);
    results.push({ file: source.name, valid, issues });
    if (options.json) continue;
    if (!valid || issues.length > 0) term.problem(formatIssues(source.name, issues, source.text, term.err));
    if (valid)
      term.info(
        `${term.out.green('valid')} ${safeForTerminal(source.name)}${issues.length ? ` (${issues.length} warning${issues.length === 1 ? '' : 's'})` : ''}`,
      );
  }
  if (options.json) term.data(`${jsonForTerminal(results)}\n`);
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalidInput;
}

/** The case's text, then its figures as `render` would read them: valid means `render` accepts it. */
function validateSource(source: CaseSource): { valid: boolean; issues: CaseIssue[] } {
  const result = validateCaseText(source.text);
  if (!result.ok) return { valid: false, issues: result.issues };
  const figureIssues = checkCaseFigures(source, result.value.caseFile);
  const issues = [...result.value.warnings, ...figureIssues].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return { valid: figureIssues.length === 0, issues };
}
