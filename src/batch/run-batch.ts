import { resolve } from 'node:path';
import type { CaseIssue } from '../core/errors.js';
import type { InputRef } from '../io/expand-inputs.js';
import { writeFileAtomic } from '../io/safe-write.js';
import type { CaseSource } from '../io/read-case.js';
import { renderCaseJob, type CaseFailure, type CaseJobResult, type CaseJobSettings, type RenderedOutput } from './case-job.js';

/** What a batch reports while it runs, for progress bars and logs. */
export type BatchEvent =
  | { type: 'case-done'; name: string; written: string[]; warnings?: { text: string; issues: CaseIssue[] } }
  | { type: 'case-failed'; failure: CaseFailure }
  /** A render thread of a text batch stopped; the cases it had taken are rendered again by another. */
  | { type: 'thread-stopped'; message: string };

export interface BatchOptions extends CaseJobSettings {
  /** Cases in flight at once (PDF printing is the slow, parallel part). */
  concurrency: number;
  onEvent?: (event: BatchEvent) => void;
  /** Writes one output; default: atomically to the file, or to standard output for `-`. */
  write?: (output: RenderedOutput) => void | Promise<void>;
  /** Stop starting new cases (already started ones finish). */
  signal?: AbortSignal;
  failFast?: boolean;
  /**
   * Output file → input, claimed by planning; a case may only write what it claimed or what nobody
   * did. The batch adds what it writes to this map (pass a copy to keep the original).
   */
  claims?: Map<string, string>;
}

/** The outcome of a batch. */
export interface BatchSummary {
  total: number;
  rendered: number;
  failed: number;
  notStarted: number;
  seconds: number;
  failures: CaseFailure[];
  /** Threads that rendered cases. */
  threads: number;
}

/**
 * What the rest of a batch needs of a rendered case: what a render thread hands over to the main
 * thread, so no more than that (not the model; the case's text only to show its warnings).
 */
export type CaseOutcome =
  | { ok: true; source: Omit<CaseSource, 'text'>; outputs: RenderedOutput[]; warnings?: { text: string; issues: CaseIssue[] } }
  | { ok: false; failure: CaseFailure };

/** A case job's result as an outcome. */
export function toOutcome(result: CaseJobResult): CaseOutcome {
  if (!result.ok) return result;
  const { name, path, text } = result.source;
  return {
    ok: true,
    source: path === undefined ? { name } : { name, path },
    outputs: result.outputs,
    ...(result.warnings.length > 0 ? { warnings: { text, issues: result.warnings } } : {}),
  };
}

/**
 * Takes the rendered cases of a batch, from whichever thread rendered them: refuses an output that
 * another case claimed, writes the outputs (whole or not at all), reports each case and counts.
 * One recorder per batch, on the main thread: every output file is created by one thread, because
 * threads that create files in the same folder at once wait on each other (measured: two threads
 * writing into one folder are slower than one).
 */
export class CaseRecorder {
  rendered = 0;
  readonly failures: CaseFailure[] = [];
  /** Set when --fail-fast met a failure. */
  stopped = false;
  private readonly write: (output: RenderedOutput) => void | Promise<void>;
  private readonly claimed: Map<string, string>;

  constructor(private readonly options: Pick<BatchOptions, 'write' | 'claims' | 'onEvent' | 'failFast'>) {
    this.write = options.write ?? writeOutput;
    this.claimed = options.claims ?? new Map<string, string>();
  }

  async record(outcome: CaseOutcome): Promise<void> {
    if (!outcome.ok) return this.fail(outcome.failure);
    const { source, outputs, warnings } = outcome;
    // Each output file by its absolute path, resolved once (standard output is nobody's file).
    const files = outputs.flatMap((o) => (o.target === '-' ? [] : [{ target: o.target, key: resolve(o.target) }]));
    for (const { target, key } of files) {
      const owner = this.claimed.get(key);
      if (owner !== undefined && owner !== source.path && owner !== source.name) {
        return this.fail({ source, kind: 'conflict', message: `would overwrite ${target}, already written for ${owner}; give each case its own id or use --name` });
      }
    }
    for (const { key } of files) this.claimed.set(key, source.name);
    try {
      for (const output of outputs) await this.write(output);
    } catch (error) {
      return this.fail({ source, kind: 'output', message: `cannot write: ${(error as Error).message}` });
    }
    this.rendered++;
    const written = outputs.map((o) => o.target);
    this.options.onEvent?.({ type: 'case-done', name: source.name, written, ...(warnings ? { warnings } : {}) });
  }

  private fail(failure: CaseFailure): void {
    this.failures.push(failure);
    this.options.onEvent?.({ type: 'case-failed', failure });
    if (this.options.failFast) this.stopped = true;
  }
}

/**
 * Renders many cases with a bounded number in flight. A case that fails is reported and the rest go
 * on; outputs are written whole or not at all; two cases that would write the same file are refused.
 */
export async function runBatch(refs: readonly InputRef[], options: BatchOptions): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const recorder = new CaseRecorder(options);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!recorder.stopped && !options.signal?.aborted && next < refs.length) {
      const ref = refs[next++] as InputRef;
      await recorder.record(toOutcome(await renderCaseJob(ref, options)));
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, refs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    total: refs.length,
    rendered: recorder.rendered,
    failed: recorder.failures.length,
    notStarted: refs.length - next,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    failures: recorder.failures,
    threads: 1,
  };
}

// Synchronous on purpose: writing a report and renaming it takes 0.2 to 0.3 ms on the development
// machine, and doing it through the thread pool made a 1,000-case batch slower (2.7 against 2.3 s).
function writeOutput(output: RenderedOutput): void {
  if (output.target === '-') process.stdout.write(output.content);
  else writeFileAtomic(output.target, output.content);
}
