import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import type { CaseJobSettings } from './case-job.js';
import { runBatch, type BatchEvent, type BatchOptions, type BatchSummary } from './run-batch.js';

/** Below this many cases, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** What a worker thread needs: plain data only (a compiled template cannot cross threads). */
export interface WorkerRequest {
  refs: InputRef[];
  template: string;
  settings: Omit<CaseJobSettings, 'template' | 'printer'>;
  claims: [string, string][];
}

/**
 * Renders a text-only batch (no PDF) on every core: this thread takes one share and worker threads
 * the others, each with its own copy of the template. Events arrive as each case finishes.
 */
export async function runParallelBatch(refs: readonly InputRef[], options: BatchOptions, templateRef: string): Promise<BatchSummary> {
  const threads = Math.min(availableParallelism(), Math.ceil(refs.length / (PARALLEL_THRESHOLD / 2)));
  if (threads < 2 || options.formats.includes('pdf') || refs.some((r) => r.kind === 'stdin')) return runBatch(refs, options);
  const started = process.hrtime.bigint();
  const shares: InputRef[][] = Array.from({ length: threads }, () => []);
  refs.forEach((ref, i) => shares[i % threads]?.push(ref));
  const { template: _template, printer: _printer, onEvent, signal, claims, write: _write, ...settings } = options;
  const claimList = [...(claims ?? new Map<string, string>())];
  const workers = shares.slice(1).map((share) => {
    const request: WorkerRequest = { refs: share, template: templateRef, settings, claims: claimList };
    return new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: request });
  });
  const onAbort = (): void => workers.forEach((w) => w.postMessage('stop'));
  signal?.addEventListener('abort', onAbort, { once: true });
  const fromWorkers = workers.map(
    (worker) =>
      new Promise<BatchSummary>((resolve, reject) => {
        worker.on('message', (message: { type: 'event'; event: BatchEvent } | { type: 'summary'; summary: BatchSummary }) => {
          if (message.type === 'event') onEvent?.(message.event);
          else resolve(message.summary);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`a render thread stopped with code ${code}`))));
      }),
  );
  const own = runBatch(shares[0] ?? [], options);
  const summaries = await Promise.all([own, ...fromWorkers]);
  signal?.removeEventListener('abort', onAbort);
  return {
    total: refs.length,
    rendered: summaries.reduce((n, s) => n + s.rendered, 0),
    failed: summaries.reduce((n, s) => n + s.failed, 0),
    notStarted: summaries.reduce((n, s) => n + s.notStarted, 0),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    failures: summaries.flatMap((s) => s.failures),
  };
}
