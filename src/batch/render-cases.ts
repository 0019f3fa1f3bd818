import { realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { OutputFormat } from '../formats.js';
import { expandInputs, type InputProblem, type InputRef } from '../io/expand-inputs.js';
import { loadTemplate } from '../io/load-template.js';
import { GENERATOR } from '../io/package-info.js';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { checkMargins, type PrintOptions } from '../pdf/print-templates.js';
import { compileTemplate, type CompiledTemplate } from '../render/compile-template.js';
import { TemplateError } from '../render/template-bundle.js';
import { renderCaseJob, type CaseFailure, type CaseJobSettings, type CaseOutcome } from './case-job.js';
import { RenderSetupError } from './errors.js';
import { checkNamePattern } from './outputs.js';
import { startPrinter, type StartedPrinter } from './printer.js';
import { CaseRecorder, type OutputStream, type RenderEvent } from './recorder.js';
import { selectShard, type Shard } from './shard.js';
import { PARALLEL_THRESHOLD, renderOnThreads } from './threads.js';
import { newestMtime } from './up-to-date.js';

/** Everything a render job is asked to do; only `inputs` and `formats` are required. */
export interface RenderCasesOptions {
  /** Case files, folders (searched for *.yaml and *.yml), glob patterns; `-` for standard input. */
  inputs: readonly string[];
  formats: readonly OutputFormat[];
  /** A built-in template's name or a template folder; default `care`. */
  template?: string;
  /** Default: the working directory. */
  outDir?: string;
  /** Output names under `outDir`, with {id}, {name}, {dir} and {ext}; default `{id}.{ext}`. */
  namePattern?: string;
  /** The one output file of a one-case, one-format job; `-` for standard output. */
  output?: string;
  /** Render even cases whose outputs are newer than the case file and the template. */
  force?: boolean;
  /** Render only this share of the inputs (`--shard I/N`). */
  shard?: Shard;
  /** PDF pages printed at once, or render threads for a large text job; default: the CPU cores. */
  concurrency?: number;
  /** Stop at the first case that fails. */
  failFast?: boolean;
  /** Dates as days from the first round, ages over 89 as "90 or older". */
  deidentify?: boolean;
  print?: Pick<PrintOptions, 'pageSize' | 'margins' | 'timeoutMs'>;
  /** The browser to print PDFs with (default: found on this machine). */
  browserPath?: string;
  /** A printer already started (by `watchCases`, which keeps one for every render). */
  printer?: PdfPrinter;
  /** Only these of the inputs' case files (absolute paths): what changed, for `watchCases`. */
  only?: ReadonlySet<string>;
  /** Where `-o -` writes; default process.stdout. */
  stdout?: OutputStream;
  /**
   * Outputs written by earlier runs (real path → case name), which a case of this run may not take
   * from another case; the run adds its own. `watchCases` keeps one across its renders.
   */
  owners?: Map<string, string>;
}

/** How a job is watched and stopped: events as it goes, and an abort signal (Ctrl-C). */
export interface RenderHooks {
  /** Once aborted, no case is started; cases in progress finish. */
  signal?: AbortSignal;
  onEvent?: (event: RenderEvent) => void;
}

/** The outcome of a render job. */
export interface RenderSummary {
  /** Cases the job looked at (after --shard). */
  total: number;
  rendered: number;
  /** Cases whose outputs were up to date. */
  skipped: number;
  failed: number;
  /** Cases not started: the job was stopped (abort signal, --fail-fast). */
  notStarted: number;
  seconds: number;
  /** Threads that rendered cases. */
  threads: number;
  failures: CaseFailure[];
  /** Inputs that named nothing to read. */
  inputProblems: InputProblem[];
  /** The job was stopped by its abort signal. */
  aborted: boolean;
  /** The reader of standard output closed it early (`| head`): the job stopped, and that is fine. */
  stdoutClosed: boolean;
}

/**
 * Renders case files to reports: the whole of `casereport render`, as a library function. Bad
 * options, a broken template or no browser throw a RenderSetupError before anything is written;
 * after that, a case that fails is reported (an event and the summary) and the others go on. Each
 * output is written whole or not at all, never over an input, never outside the output folder.
 */
export async function renderCases(options: RenderCasesOptions, hooks: RenderHooks = {}): Promise<RenderSummary> {
  const started = process.hrtime.bigint();
  const settings = checkOptions(options);
  const concurrency = options.concurrency ?? availableParallelism();
  const wantsPdf = options.formats.includes('pdf');
  // Chromium boots while this thread compiles the template and finds the cases.
  const starting =
    wantsPdf && !options.printer
      ? startPrinter({ ...options, concurrency, log: (message) => hooks.onEvent?.({ type: 'log', message }) })
      : undefined;
  starting?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  let ownPrinter: StartedPrinter | undefined;
  try {
    const { template, dir } = compileChosenTemplate(options.template ?? 'care');
    if (wantsPdf && !template.formats.includes('html')) {
      throw new RenderSetupError(`template \`${template.name}\` has no HTML output, which PDF is printed from`, 'template');
    }
    const expanded = await expandInputs(options.inputs);
    let refs = options.shard ? selectShard(expanded.refs, options.shard) : expanded.refs;
    if (options.only) refs = refs.filter((ref) => ref.kind === 'file' && options.only?.has(realPath(ref.path)));
    if (options.output !== undefined && (refs.length + expanded.problems.length !== 1 || options.formats.length !== 1)) {
      throw new RenderSetupError(
        '-o/--output takes one input and one format',
        'usage',
        'use --out-dir (and --name) for several inputs or formats',
      );
    }
    hooks.onEvent?.({ type: 'planned', total: refs.length, problems: expanded.problems });
    ownPrinter = starting && refs.length > 0 ? await starting : undefined;
    const printer = options.printer ?? ownPrinter?.printer;
    const jobSettings: CaseJobSettings = {
      ...settings,
      template,
      generator: GENERATOR,
      templateMtime: newestMtime(dir),
      ...(printer ? { printer } : {}),
      ...(options.print ? { print: options.print } : {}),
    };
    const recorder = new CaseRecorder({
      inputs: new Set(refs.flatMap((ref) => (ref.kind === 'file' ? [realPath(ref.path)] : []))),
      ...(options.output === undefined ? { outDir: settings.outDir } : {}),
      stdout: options.stdout ?? process.stdout,
      ...(options.owners ? { owners: options.owners } : {}),
      ...(hooks.onEvent ? { onEvent: hooks.onEvent } : {}),
      failFast: options.failFast === true,
    });
    let threads = 1;
    if (!wantsPdf && concurrency > 1 && refs.length >= PARALLEL_THRESHOLD && refs.every((r) => r.kind === 'file')) {
      threads = concurrency;
      const { template: _compiled, printer: _printer, ...plain } = jobSettings;
      await renderOnThreads(
        refs,
        { templateDir: dir, settings: plain },
        {
          threads,
          recorder,
          ...hooks,
          renderHere: (ref) => renderCaseJob(ref, jobSettings),
        },
      );
    } else {
      await renderHere(refs, jobSettings, recorder, wantsPdf ? concurrency : 1, hooks.signal);
    }
    return {
      total: refs.length,
      rendered: recorder.rendered,
      skipped: recorder.skipped,
      failed: recorder.failures.length,
      notStarted: refs.length - recorder.recorded,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      threads,
      failures: recorder.failures,
      inputProblems: expanded.problems,
      aborted: hooks.signal?.aborted === true,
      stdoutClosed: recorder.stdoutClosed,
    };
  } finally {
    const toDispose = ownPrinter ?? (await starting?.catch(() => undefined));
    await toDispose?.dispose();
  }
}

/**
 * Renders on this thread with up to `inFlight` cases at once (PDF printing is the slow, parallel
 * part; text formats render synchronously, one at a time). Cases are recorded in input order, and
 * no more than a few cases are rendered ahead of the one being waited for.
 */
async function renderHere(
  refs: readonly InputRef[],
  settings: CaseJobSettings,
  recorder: CaseRecorder,
  inFlight: number,
  signal?: AbortSignal,
): Promise<void> {
  const pending = new Map<number, Promise<CaseOutcome>>();
  const ahead = inFlight * 4;
  let active = 0;
  let next = 0;
  let recordAt = 0;
  const launch = (): void => {
    while (active < inFlight && next < refs.length && next - recordAt < ahead && !recorder.stopped && !signal?.aborted) {
      active++;
      pending.set(
        next,
        renderCaseJob(refs[next] as InputRef, settings).finally(() => {
          active--;
          launch();
        }),
      );
      next++;
    }
  };
  launch();
  // Cases already started when the job is stopped still finish and are recorded.
  for (let outcome = pending.get(recordAt); outcome; outcome = pending.get(recordAt)) {
    pending.delete(recordAt);
    await recorder.record(await outcome);
    recordAt++;
    launch();
  }
}

/** The options every case needs, checked once: a usage error here stops the job before it starts. */
function checkOptions(
  options: RenderCasesOptions,
): Pick<CaseJobSettings, 'formats' | 'outDir' | 'namePattern' | 'output' | 'force' | 'deidentify'> {
  if (options.formats.length === 0) throw new RenderSetupError('no output format given', 'usage');
  const namePattern = options.namePattern ?? '{id}.{ext}';
  const nameProblem = checkNamePattern(namePattern);
  if (nameProblem) throw new RenderSetupError(nameProblem, 'usage');
  const outDir = options.outDir ?? '.';
  if (options.output === undefined && statSync(outDir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new RenderSetupError(`the output folder ${outDir} is a file`, 'usage', 'give --out-dir a folder (it is created if missing)');
  }
  if (options.output !== undefined && options.output !== '-' && statSync(options.output, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RenderSetupError(`-o names the folder ${options.output}; it takes a file`, 'usage', 'use --out-dir for a folder');
  }
  const print = options.print;
  if (print?.margins) {
    const problem = checkMargins(print.pageSize ?? 'A4', print.margins);
    if (problem) throw new RenderSetupError(problem, 'usage', 'give smaller --margin lengths');
  }
  if (print?.timeoutMs !== undefined && !(Number.isInteger(print.timeoutMs) && print.timeoutMs > 0 && print.timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new RenderSetupError(`the PDF timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`, 'usage');
  }
  return {
    formats: options.formats,
    outDir,
    namePattern,
    ...(options.output !== undefined ? { output: options.output } : {}),
    // One named output is always written: it is what the user asked for.
    force: options.force === true || options.output !== undefined,
    deidentify: options.deidentify === true,
  };
}

/** The longest a timer can wait in Node.js (about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Loads and compiles a template by name or folder; a mistake in it stops the job. */
export function compileChosenTemplate(nameOrDir: string): { template: CompiledTemplate; dir: string } {
  try {
    const bundle = loadTemplate(nameOrDir);
    return { template: compileTemplate(bundle), dir: bundle.dir };
  } catch (error) {
    if (error instanceof TemplateError) throw new RenderSetupError(`template error: ${error.describe()}`, 'template');
    throw error;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
