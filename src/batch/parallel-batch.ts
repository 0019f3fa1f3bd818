import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import type { CaseJobSettings } from './case-job.js';
import { mergeSummaries, runBatch, type BatchEvent, type BatchOptions, type BatchSummary } from './run-batch.js';

/** Below this many cases, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
/** Cases handed out at a time: small enough to balance the threads, large enough to keep messages rare. */
const CHUNK = 16;

/** What a worker thread needs: plain data only (a compiled template cannot cross threads). */
export interface WorkerRequest {
  template: string;
  settings: Omit<CaseJobSettings, 'template' | 'printer'>;
  claims: [string, string][];
}

type WorkerMessage = { type: 'want' } | { type: 'event'; event: BatchEvent } | { type: 'summary'; summary: BatchSummary };

/**
 * Renders a text-only batch (no PDF) on every core. Cases are handed out a few at a time from one
 * queue, to this thread and to worker threads alike, so a thread that starts late or gets heavy
 * cases does not hold the others up.
 */
export async function runParallelBatch(refs: readonly InputRef[], options: BatchOptions, templateRef: string): Promise<BatchSummary> {
  const threads = Math.min(availableParallelism(), Math.ceil(refs.length / (PARALLEL_THRESHOLD / 2)));
  if (threads < 2 || options.formats.includes('pdf') || refs.some((r) => r.kind === 'stdin')) return runBatch(refs, options);
  const started = process.hrtime.bigint();
  const { template: _template, printer: _printer, onEvent, signal, claims, write: _write, ...settings } = options;
  const request: WorkerRequest = { template: templateRef, settings, claims: [...(claims ?? new Map<string, string>())] };
  let next = 0;
  const take = (): InputRef[] => {
    if (signal?.aborted || (options.failFast && failedSoFar > 0)) return [];
    const chunk = refs.slice(next, next + CHUNK);
    next += chunk.length;
    return chunk;
  };
  let failedSoFar = 0;
  const countingOnEvent = (event: BatchEvent): void => {
    if (event.type === 'case-failed') failedSoFar++;
    onEvent?.(event);
  };
  const fromWorkers = Array.from({ length: threads - 1 }, () => {
    // A modest heap limit makes the thread collect garbage sooner: memory stays flat over long batches.
    const worker = new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: request, resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 48 } });
    return new Promise<BatchSummary>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'want') worker.postMessage({ type: 'work', refs: take() });
        else if (message.type === 'event') countingOnEvent(message.event);
        else resolve(message.summary);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`a render thread stopped with code ${code}`))));
    });
  });
  const own: BatchSummary[] = [];
  for (let chunk = take(); chunk.length > 0; chunk = take()) {
    own.push(await runBatch(chunk, { ...options, onEvent: countingOnEvent }));
    // Let the workers' requests in: rendering never yields to the event loop by itself.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const summaries = [...own, ...(await Promise.all(fromWorkers))];
  return { ...mergeSummaries(summaries, Number(process.hrtime.bigint() - started) / 1e9), total: refs.length, notStarted: refs.length - next };
}
