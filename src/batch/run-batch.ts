import { resolve } from 'node:path';
import type { CaseIssue } from '../core/errors.js';
import type { InputRef } from '../io/expand-inputs.js';
import { writeFileAtomic } from '../io/safe-write.js';
import { renderCaseJob, type CaseFailure, type CaseJobSettings, type RenderedOutput } from './case-job.js';

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
 * Renders many cases with a bounded number in flight. A case that fails is reported and the rest go
 * on; outputs are written whole or not at all; two cases that would write the same file are refused.
 */
export async function runBatch(refs: readonly InputRef[], options: BatchOptions): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const write = options.write ?? writeOutput;
  const claimed = options.claims ?? new Map<string, string>();
  const failures: CaseFailure[] = [];
  let rendered = 0;
  let next = 0;
  let stopped = false;

  const fail = (failure: CaseFailure): void => {
    failures.push(failure);
    options.onEvent?.({ type: 'case-failed', failure });
    if (options.failFast) stopped = true;
  };

  const worker = async (): Promise<void> => {
    while (!stopped && !options.signal?.aborted && next < refs.length) {
      const ref = refs[next++] as InputRef;
      const result = await renderCaseJob(ref, options);
      if (!result.ok) {
        fail(result.failure);
        continue;
      }
      const owner = (o: RenderedOutput): string | undefined => claimed.get(resolve(o.target));
      const clash = result.outputs.find((o) => o.target !== '-' && owner(o) !== undefined && owner(o) !== result.source.path && owner(o) !== result.source.name);
      if (clash) {
        fail({ source: result.source, kind: 'conflict', message: `would overwrite ${clash.target}, already written for ${claimed.get(resolve(clash.target))}; give each case its own id or use --name` });
        continue;
      }
      for (const o of result.outputs) if (o.target !== '-') claimed.set(resolve(o.target), result.source.name);
      try {
        for (const output of result.outputs) await write(output);
      } catch (error) {
        fail({ source: result.source, kind: 'output', message: `cannot write: ${(error as Error).message}` });
        continue;
      }
      rendered++;
      const written = result.outputs.map((o) => o.target);
      const warnings = result.warnings.length > 0 ? { text: result.source.text, issues: result.warnings } : undefined;
      options.onEvent?.({ type: 'case-done', name: result.source.name, written, ...(warnings ? { warnings } : {}) });
    }
  };

  const workers = Math.max(1, Math.min(options.concurrency, refs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    total: refs.length,
    rendered,
    failed: failures.length,
    notStarted: refs.length - next,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    failures,
    threads: 1,
  };
}

// Synchronous on purpose: a small file written and renamed synchronously takes about 0.05 ms here,
// the same through the thread pool several times that; the batch is bound by rendering, not the disk.
function writeOutput(output: RenderedOutput): void {
  if (output.target === '-') process.stdout.write(output.content);
  else writeFileAtomic(output.target, output.content);
}
