import type { CaseFailure } from '../../batch/case-job.js';
import type { BatchOptions } from '../../batch/run-batch.js';
import type { OutputFormat } from '../../formats.js';
import type { InputRef } from '../../io/expand-inputs.js';
import type { PdfPrinter } from '../../pdf/pdf-printer.js';
import type { CompiledTemplate } from '../../render/compile-template.js';
import type { RenderThreads } from '../../batch/parallel-batch.js';
import { CliError, EXIT, worstExitCode, type ExitCode } from '../exit-codes.js';
import { Terminal } from '../terminal.js';
import type { RenderOptions } from './render.js';
import { parseConcurrency, parseFormats, parseMargins, parsePageSize, parseTimeout } from './render-options.js';
import { RenderReporter } from './render-output.js';
import { watchAndRender } from './render-watch.js';

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
  const stop = new AbortController();
  const onSignal = (): void => {
    if (stop.signal.aborted) process.exit(130); // a second Ctrl-C: leave now (exit handlers kill Chromium)
    if (!options.watch) term.problem('stopping: finishing the reports in progress (Ctrl-C again to quit at once)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let helpers: RenderThreads | undefined;
  try {
    const [{ RenderThreads, mayBeLargeBatch, runParallelBatch, worthThreads }, { GENERATOR }] = await Promise.all([
      import('../../batch/parallel-batch.js'),
      import('../package-info.js'),
    ]);
    const settings = {
      formats,
      generator: GENERATOR,
      outDir: options.outDir,
      namePattern: options.name,
      ...(options.output !== undefined ? { output: options.output } : {}),
      print,
      deidentify: options.deidentify === true,
    };
    // Helper threads for a large text batch start first: they load the renderer while this thread
    // loads its own modules, expands the inputs and plans the batch.
    if (!formats.includes('pdf') && concurrency > 1 && mayBeLargeBatch(inputs)) {
      helpers = RenderThreads.start(concurrency - 1, { template: options.template, settings });
    }
    const [{ checkNamePattern }, { expandInputs }, { runBatch }, { planBatch }, { parseShard, selectShard }, { newestMtime }] = await Promise.all([
      import('../../batch/output-names.js'),
      import('../../io/expand-inputs.js'),
      import('../../batch/run-batch.js'),
      import('../../batch/plan.js'),
      import('../../batch/shard.js'),
      import('../../batch/up-to-date.js'),
    ]);
    const nameProblem = checkNamePattern(options.name);
    if (nameProblem) throw new CliError(nameProblem, EXIT.usage);
    const shard = options.shard !== undefined ? parseShard(options.shard) : undefined;
    if (typeof shard === 'string') throw new CliError(shard, EXIT.usage);
    const expanded = await expandInputs(inputs);
    const refs: InputRef[] = shard ? selectShard(expanded.refs, shard) : expanded.refs;
    const { problems } = expanded;
    if (options.output !== undefined && (refs.length !== 1 || formats.length !== 1)) {
      throw new CliError('-o/--output takes one input and one format', EXIT.usage, 'use --out-dir (and --name) for several inputs or formats');
    }
    if (helpers && !worthThreads(refs, formats)) {
      await helpers.close();
      helpers = undefined;
    }
    helpers?.begin(refs); // they render while this thread plans (nothing is written before the plan)
    const { template, dir } = await compileChosenTemplate(options.template);
    if (formats.includes('pdf') && !template.formats.includes('html')) {
      throw new CliError(`template \`${template.name}\` has no HTML output, which PDF is printed from`, EXIT.template);
    }
    const plan = planBatch(refs, {
      formats,
      outDir: options.outDir,
      namePattern: options.name,
      ...(options.output !== undefined ? { output: options.output } : {}),
      force: options.force === true || options.output !== undefined,
      templateMtime: newestMtime(dir),
    });
    if (plan.conflicts.length > 0) {
      const lines = plan.conflicts.map((c) => `  ${c.target}: ${c.inputs.join(', ')}`).join('\n');
      throw new CliError(`several inputs would write the same output; nothing was written:\n${lines}`, EXIT.usage, 'give each case its own id, or use --name with {name} or {dir}');
    }
    const reporter = new RenderReporter(term, plan.todo.length, options.json === true);
    for (const problem of problems) term.problem(`${term.err.bold(problem.input)}  ${term.err.red(problem.message)}`);
    const printer = starting && (plan.todo.length > 0 || options.watch) ? (await starting).printer : undefined;
    const batchOptions = (chosen: CompiledTemplate): BatchOptions => ({
      ...settings,
      template: chosen,
      ...(printer ? { printer } : {}),
      // Text formats render synchronously: more cases in flight would change nothing.
      concurrency: formats.includes('pdf') ? concurrency : 1,
      failFast: options.failFast ?? false,
      claims: plan.claims,
      signal: stop.signal,
    });
    const summary = await runParallelBatch(plan.todo, { ...batchOptions(template), onEvent: reporter.onEvent }, helpers);
    reporter.finish(summary, problems.length, plan.skipped.length, refs.length + problems.length > 1);
    if (options.watch && !stop.signal.aborted) {
      let current = template;
      const again = async (cases: InputRef[]): Promise<void> => {
        const rerun = await runBatch(cases, { ...batchOptions(current), onEvent: new RenderReporter(term, cases.length, false).onEvent });
        term.info(`${rerun.rendered} rendered, ${rerun.failed} failed`);
      };
      await watchAndRender({ inputs: inputs.filter((i) => i !== '-'), templateDir: dir }, {
        renderCases: again,
        renderAll: async () => {
          try {
            current = (await compileChosenTemplate(options.template)).template;
          } catch (error) {
            term.problem(error instanceof CliError ? error.message : String(error));
            return;
          }
          await again((await expandInputs(inputs)).refs);
        },
      }, term, stop.signal);
      return EXIT.ok;
    }
    if (stop.signal.aborted) return 130 as ExitCode;
    const codes = [...problems.map(() => EXIT.invalidInput), ...summary.failures.map((f) => EXIT_FOR[f.kind])];
    return codes.length === 0 ? EXIT.ok : worstExitCode(codes);
  } finally {
    await helpers?.close(); // when the batch did not run on them
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const started = await starting?.catch(() => undefined);
    await started?.dispose();
  }
}

async function compileChosenTemplate(name: string): Promise<{ template: CompiledTemplate; dir: string }> {
  const [{ compileTemplate }, { loadTemplate }, { TemplateError }] = await Promise.all([
    import('../../render/compile-template.js'),
    import('../../io/load-template.js'),
    import('../../render/template-bundle.js'),
  ]);
  try {
    const bundle = loadTemplate(name);
    return { template: compileTemplate(bundle), dir: bundle.dir };
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
    const removeCleanup = registerExitCleanup(printer, process, { signals: false }); // Ctrl-C is handled in runRender
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
