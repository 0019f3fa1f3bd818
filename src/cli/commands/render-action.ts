import type { CaseFailure } from '../../batch/case-job.js';
import type { BatchSummary } from '../../batch/run-batch.js';
import type { OutputFormat } from '../../formats.js';
import type { PdfPrinter } from '../../pdf/pdf-printer.js';
import type { CompiledTemplate } from '../../render/compile-template.js';
import { CliError, EXIT, worstExitCode, type ExitCode } from '../exit-codes.js';
import { Terminal } from '../terminal.js';
import type { RenderOptions } from './render.js';
import { parseConcurrency, parseFormats, parseMargins, parsePageSize, parseTimeout } from './render-options.js';

const EXIT_FOR: Record<CaseFailure['kind'], ExitCode> = {
  invalid: EXIT.invalidInput,
  template: EXIT.template,
  timeout: EXIT.timeout,
  browser: EXIT.browser,
  conflict: EXIT.usage,
  output: EXIT.internal,
};

/**
 * Runs `casereport render`. When PDF is wanted, Chromium is started first, so that it boots while
 * this process loads the renderer, reads the cases and builds their HTML.
 */
export async function runRender(inputs: string[], options: RenderOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  const formats: OutputFormat[] = parseFormats(options.format);
  const print = { pageSize: parsePageSize(options.pageSize), timeoutMs: parseTimeout(options.timeout), ...parseMargins(options.margin) };
  const concurrency = parseConcurrency(options.concurrency);
  const starting = formats.includes('pdf') ? startPrinter(options, concurrency, term) : undefined;
  starting?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  try {
    const [{ checkNamePattern }, { expandInputs }, { runBatch }, { formatIssues }, { GENERATOR }] = await Promise.all([
      import('../../batch/output-names.js'),
      import('../../io/expand-inputs.js'),
      import('../../batch/run-batch.js'),
      import('../format-issues.js'),
      import('../package-info.js'),
    ]);
    const nameProblem = checkNamePattern(options.name);
    if (nameProblem) throw new CliError(nameProblem, EXIT.usage);
    const { refs, problems } = await expandInputs(inputs);
    if (options.output !== undefined && (refs.length !== 1 || formats.length !== 1)) {
      throw new CliError('-o/--output takes one input and one format', EXIT.usage, 'use --out-dir (and --name) for several inputs or formats');
    }
    const template = await compileChosenTemplate(options.template);
    if (formats.includes('pdf') && !template.formats.includes('html')) {
      throw new CliError(`template \`${template.name}\` has no HTML output, which PDF is printed from`, EXIT.template);
    }
    for (const problem of problems) term.problem(`${term.err.bold(problem.input)}  ${term.err.red(problem.message)}`);
    const printer = starting && refs.length > 0 ? (await starting).printer : undefined;
    const summary: BatchSummary = await runBatch(refs, {
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
        } else if (event.failure.issues) {
          term.problem(formatIssues(event.failure.source.name, event.failure.issues, event.failure.source.text, term.err));
        } else {
          term.problem(`${term.err.bold(event.failure.source.name)}  ${term.err.red(event.failure.message)}`);
        }
      },
    });
    const codes = [...problems.map(() => EXIT.invalidInput), ...summary.failures.map((f) => EXIT_FOR[f.kind])];
    if (refs.length + problems.length > 1 || codes.length > 0) {
      const skipped = summary.notStarted > 0 ? `, ${summary.notStarted} not started` : '';
      term.problem(`${summary.rendered} rendered, ${codes.length} failed${skipped} in ${summary.seconds.toFixed(1)} s`);
    }
    return codes.length === 0 ? EXIT.ok : worstExitCode(codes);
  } finally {
    const started = await starting?.catch(() => undefined);
    await started?.dispose();
  }
}

async function compileChosenTemplate(name: string): Promise<CompiledTemplate> {
  const [{ compileTemplate }, { loadTemplate }, { TemplateError }] = await Promise.all([
    import('../../render/compile-template.js'),
    import('../../io/load-template.js'),
    import('../../render/template-bundle.js'),
  ]);
  try {
    return compileTemplate(loadTemplate(name));
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(`template error: ${error.describe()}`, EXIT.template);
    throw error;
  }
}

/** A started printer and how to stop it (closing Chromium and removing the exit handlers). */
interface StartedPrinter {
  printer: PdfPrinter;
  dispose(): Promise<void>;
}

/** Finds and starts the browser, registers its clean-up, and opens the first page. */
async function startPrinter(options: RenderOptions, concurrency: number, term: Terminal): Promise<StartedPrinter> {
  const { BrowserError, PdfPrinter, registerExitCleanup } = await import('../../pdf/index.js');
  try {
    const printer = await PdfPrinter.launch({
      ...(options.browserPath !== undefined ? { browserPath: options.browserPath } : {}),
      concurrency,
      log: (line) => term.debug(line),
    });
    const removeCleanup = registerExitCleanup(printer);
    const dispose = async (): Promise<void> => {
      removeCleanup();
      await printer.close();
    };
    await printer.warm(1);
    return { printer, dispose };
  } catch (error) {
    if (error instanceof BrowserError) {
      const tried = error.tried.length > 0 ? `\ntried:\n${error.tried.map((t) => `  - ${t}`).join('\n')}` : '';
      throw new CliError(`${error.message}${tried}`, EXIT.browser, error.hint);
    }
    throw error;
  }
}
