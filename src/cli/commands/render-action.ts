import type { CaseFailure } from '../../batch/case-job.js';
import type { RenderCasesOptions, RenderSummary } from '../../batch/render-cases.js';
import { CliError, EXIT, worstExitCode, type ExitCode } from '../exit-codes.js';
import { Terminal } from '../terminal.js';
import {
  parseConcurrency,
  parseFigures,
  parseFormats,
  parseMargins,
  parsePageSize,
  parseShardOption,
  parseTimeout,
  type RenderOptions,
} from './render-options.js';
import { RenderReporter } from './render-output.js';

const EXIT_FOR: Record<CaseFailure['kind'], ExitCode> = {
  invalid: EXIT.invalidInput,
  template: EXIT.template,
  timeout: EXIT.timeout,
  browser: EXIT.browser,
  conflict: EXIT.usage,
  write: EXIT.usage,
  internal: EXIT.internal,
};

const EXIT_FOR_SETUP = { usage: EXIT.usage, template: EXIT.template, browser: EXIT.browser } as const;

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130 as ExitCode;

/** `casereport render`: turns the command line into options for renderCases (or watchCases) and the outcome into an exit code. */
export async function runRender(inputs: string[], options: RenderOptions): Promise<ExitCode> {
  const term = new Terminal(options);
  const job: RenderCasesOptions = {
    inputs,
    formats: parseFormats(options.format),
    template: options.template,
    outDir: options.outDir,
    namePattern: options.name,
    ...(options.output !== undefined ? { output: options.output } : {}),
    force: options.force === true,
    ...(options.shard !== undefined ? { shard: parseShardOption(options.shard) } : {}),
    concurrency: parseConcurrency(options.concurrency),
    failFast: options.failFast === true,
    deidentify: options.deidentify === true,
    provenance: options.provenance === true,
    ...(options.figures !== undefined ? { figures: parseFigures(options.figures) } : {}),
    print: { pageSize: parsePageSize(options.pageSize), timeoutMs: parseTimeout(options.timeout), ...parseMargins(options.margin) },
    ...(options.browserPath !== undefined ? { browserPath: options.browserPath } : {}),
  };
  const stop = new AbortController();
  // Kept until the process ends: a second Ctrl-C, even while Chromium closes, leaves at once with
  // exit code 130 (the exit handlers kill Chromium and remove temporary files).
  const onSignal = (): void => {
    if (stop.signal.aborted) process.exit(INTERRUPTED);
    if (!options.watch) term.problem('stopping: finishing the reports in progress (Ctrl-C again to quit at once)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const reporter = new RenderReporter(term, options.json === true);
  const [{ renderCases }, { watchCases }, { RenderSetupError }] = await Promise.all([
    import('../../batch/render-cases.js'),
    import('../../batch/watch.js'),
    import('../../batch/errors.js'),
  ]);
  let summary: RenderSummary;
  try {
    const hooks = { signal: stop.signal, onEvent: reporter.onEvent };
    summary = options.watch ? await watchCases({ ...job, inputs: inputs.filter((i) => i !== '-') }, hooks) : await renderCases(job, hooks);
  } catch (error) {
    if (error instanceof RenderSetupError) throw new CliError(error.message, EXIT_FOR_SETUP[error.problem], error.hint);
    throw error;
  }
  if (!options.watch) reporter.finish(summary, summary.total + summary.inputProblems.length > 1);
  if (stop.signal.aborted) return INTERRUPTED;
  const codes = [...summary.inputProblems.map(() => EXIT.invalidInput), ...summary.failures.map((f) => EXIT_FOR[f.kind])];
  return codes.length === 0 ? EXIT.ok : worstExitCode(codes);
}
