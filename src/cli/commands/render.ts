import type { Command } from 'commander';
import { checkNamePattern } from '../../batch/output-names.js';
import { runBatch, type BatchSummary } from '../../batch/run-batch.js';
import type { CaseFailure } from '../../batch/case-job.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../../generate.js';
import { compileTemplate, type CompiledTemplate } from '../../render/compile-template.js';
import { TemplateError } from '../../render/template-bundle.js';
import { expandInputs } from '../../io/expand-inputs.js';
import { loadTemplate } from '../../io/load-template.js';
import { BrowserError, PdfPrinter, registerExitCleanup } from '../../pdf/index.js';
import { CliError, EXIT, worstExitCode, type ExitCode } from '../exit-codes.js';
import { formatIssues } from '../format-issues.js';
import { GENERATOR } from '../package-info.js';
import { Terminal, type GlobalOptions } from '../terminal.js';
import { parseConcurrency, parseFormats, parseMargins, parsePageSize, parseTimeout } from './render-options.js';

interface RenderOptions extends GlobalOptions {
  format: string;
  template: string;
  outDir: string;
  name: string;
  output?: string;
  browserPath?: string;
  pageSize: string;
  margin?: string;
  timeout: string;
  concurrency?: string;
  failFast?: boolean;
}

const EXIT_FOR: Record<CaseFailure['kind'], ExitCode> = {
  invalid: EXIT.invalidInput,
  template: EXIT.template,
  timeout: EXIT.timeout,
  browser: EXIT.browser,
  conflict: EXIT.usage,
  output: EXIT.internal,
};

/** `casereport render`: case files in, reports out; one bad file does not stop the others. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .summary('render case files to Markdown, HTML, JSON or PDF')
    .description('Validate case files and render each to a report. Inputs may be files, folders (searched for *.yaml and *.yml) or glob patterns; `-` reads one case from standard input.')
    .argument('<inputs...>', 'case files, folders or globs; - for standard input')
    .option('-f, --format <formats>', `output format(s), comma-separated: ${OUTPUT_FORMATS.join(', ')}`, 'md')
    .option('-t, --template <name-or-dir>', 'built-in template name (care, narrative) or a template folder', 'care')
    .option('-d, --out-dir <dir>', 'folder for the outputs', '.')
    .option('--name <pattern>', 'output file names: {id}, {name} (case file name), {dir} (its folder under the input), {ext}', '{id}.{ext}')
    .option('-o, --output <file>', 'write the one report to this file (- for standard output)')
    .option('--browser-path <path>', 'Chrome or Chromium to print PDFs with (default: found automatically)')
    .option('--page-size <size>', 'PDF page size: a4 or letter', 'a4')
    .option('--margin <lengths>', 'PDF margins: one length, or top,right,bottom,left (e.g. 20mm or 20mm,18mm,20mm,18mm)')
    .option('--timeout <seconds>', 'give up on one PDF after this long (the others go on)', '60')
    .option('-j, --concurrency <n>', 'reports printed at once (default: the number of CPU cores)')
    .option('--fail-fast', 'stop at the first case that fails')
    .addHelpText('after', `
Examples:
  $ casereport render examples/steven-sci.yaml --format pdf --out-dir out
  $ casereport render cases/ --format md,html,json,pdf --out-dir reports
  $ casereport render 'cases/**/*.yaml' --template narrative --name '{dir}/{id}.{ext}'
  $ casereport render case.yaml -o - | less
  $ cat case.yaml | casereport render - --format json -o -

Exit codes: 0 all rendered, 2 usage, 3 invalid case file, 4 template error,
5 no browser / browser failure, 6 a PDF timed out.`)
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      process.exitCode = await runRender(inputs, command.optsWithGlobals<RenderOptions>());
    });
}

function compileChosenTemplate(name: string): CompiledTemplate {
  try {
    return compileTemplate(loadTemplate(name));
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(`template error: ${error.describe()}`, EXIT.template);
    throw error;
  }
}

async function runRender(inputs: string[], options: RenderOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  const formats: OutputFormat[] = parseFormats(options.format);
  const nameProblem = checkNamePattern(options.name);
  if (nameProblem) throw new CliError(nameProblem, EXIT.usage);
  const print = { pageSize: parsePageSize(options.pageSize), timeoutMs: parseTimeout(options.timeout), ...parseMargins(options.margin) };
  const concurrency = parseConcurrency(options.concurrency);
  const { refs, problems } = await expandInputs(inputs);
  if (options.output !== undefined && (refs.length !== 1 || formats.length !== 1)) {
    throw new CliError('-o/--output takes one input and one format', EXIT.usage, 'use --out-dir (and --name) for several inputs or formats');
  }
  const template = compileChosenTemplate(options.template);
  if (formats.includes('pdf') && !template.formats.includes('html')) {
    throw new CliError(`template \`${template.name}\` has no HTML output, which PDF is printed from`, EXIT.template);
  }
  for (const problem of problems) term.problem(`${term.err.bold(problem.input)}  ${term.err.red(problem.message)}`);

  const printer = formats.includes('pdf') && refs.length > 0 ? await launchPrinter(options, concurrency, term) : undefined;
  const removeCleanup = printer ? registerExitCleanup(printer) : undefined;
  let summary: BatchSummary;
  try {
    summary = await runBatch(refs, {
      formats,
      template,
      generator: GENERATOR,
      outDir: options.outDir,
      namePattern: options.name,
      ...(options.output !== undefined ? { output: options.output } : {}),
      ...(printer ? { printer } : {}),
      print,
      concurrency: formats.includes('pdf') ? concurrency : 1,
      failFast: options.failFast ?? false,
      onEvent: (event) => {
        if (event.type === 'case-done') {
          for (const file of event.written) if (file !== '-') term.info(`${term.out.green('wrote')} ${file}`);
        } else {
          const { failure } = event;
          if (failure.issues) term.problem(formatIssues(failure.source.name, failure.issues, failure.source.text, term.err));
          else term.problem(`${term.err.bold(failure.source.name)}  ${term.err.red(failure.message)}`);
        }
      },
    });
  } finally {
    removeCleanup?.();
    await printer?.close();
  }
  const codes = [...problems.map(() => EXIT.invalidInput), ...summary.failures.map((f) => EXIT_FOR[f.kind])];
  if (refs.length + problems.length > 1 || codes.length > 0) {
    const skipped = summary.notStarted > 0 ? `, ${summary.notStarted} not started` : '';
    term.problem(`${summary.rendered} rendered, ${codes.length} failed${skipped} in ${summary.seconds.toFixed(1)} s`);
  }
  return codes.length === 0 ? EXIT.ok : worstExitCode(codes);
}

async function launchPrinter(options: RenderOptions, concurrency: number, term: Terminal): Promise<PdfPrinter> {
  try {
    return await PdfPrinter.launch({
      ...(options.browserPath !== undefined ? { browserPath: options.browserPath } : {}),
      concurrency,
      log: (line) => term.debug(line),
    });
  } catch (error) {
    if (error instanceof BrowserError) {
      const tried = error.tried.length > 0 ? `\ntried:\n${error.tried.map((t) => `  - ${t}`).join('\n')}` : '';
      throw new CliError(`${error.message}${tried}`, EXIT.browser, error.hint);
    }
    throw error;
  }
}
