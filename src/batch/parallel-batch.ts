import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import type { CaseJobSettings } from './case-job.js';
import { SharedQueue } from './shared-queue.js';
// Only types from the renderer: this module is loaded first, to start the threads, and must be light.
import type { BatchEvent, BatchOptions, BatchSummary } from './run-batch.js';

/** Below this many cases, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** What a render thread needs to start: plain data only (a compiled template cannot cross threads). */
export interface ThreadSetup {
  template: string;
  settings: Omit<CaseJobSettings, 'template' | 'printer'>;
}

/** The work, sent once the batch is planned. */
export interface ThreadWork {
  refs: InputRef[];
  claims: [string, string][];
  /** The buffer of the SharedQueue the threads take cases from. */
  queue: SharedArrayBuffer;
  failFast: boolean;
}

export type ThreadMessage = { type: 'events'; events: BatchEvent[] } | { type: 'summary'; summary: BatchSummary };

/**
 * Whether a text-only batch over these inputs may be large enough for helper threads: a folder or a
 * glob may hold any number of cases. Known before the inputs are expanded, so that the threads can
 * start loading at once; they are ended if the batch turns out small.
 */
export function mayBeLargeBatch(inputs: readonly string[]): boolean {
  if (inputs.length >= PARALLEL_THRESHOLD) return true;
  return inputs.some((input) => input !== '-' && (/[*?[{]/.test(input) || isFolder(input)));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Helper threads for a text-only batch. They are started as early as possible (they load the
 * renderer and compile the template while this thread plans the batch) and then share one queue
 * with this thread: each claims a few cases at a time from a shared counter, so no thread waits
 * for another to hand out work, and a thread that gets heavy cases does not hold the others up.
 */
export class RenderThreads {
  private readonly workers: Worker[];

  private constructor(count: number, setup: ThreadSetup) {
    // A modest heap limit makes a thread collect garbage sooner: memory stays flat over long batches.
    this.workers = Array.from({ length: count }, () => new Worker(new URL('./batch-worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 48 },
    }));
  }

  /** Starts `count` helper threads, or none. */
  static start(count: number, setup: ThreadSetup): RenderThreads | undefined {
    return count > 0 ? new RenderThreads(count, setup) : undefined;
  }

  /** Renders `refs` on this thread and the helpers; the helpers end with it. */
  async run(refs: readonly InputRef[], options: BatchOptions): Promise<BatchSummary> {
    const { mergeSummaries, runBatch } = await import('./run-batch.js');
    const started = process.hrtime.bigint();
    const queue = new SharedQueue(refs.length);
    const failFast = options.failFast === true;
    const stopIfAsked = (): void => {
      if (options.signal?.aborted || (failFast && failed > 0)) queue.stop();
    };
    let failed = 0;
    const onEvent = (event: BatchEvent): void => {
      if (event.type === 'case-failed') failed++;
      options.onEvent?.(event);
    };
    const work: ThreadWork = { refs: [...refs], claims: [...(options.claims ?? new Map<string, string>())], queue: queue.buffer, failFast };
    const fromHelpers = this.workers.map((worker) => new Promise<BatchSummary>((resolve, reject) => {
      worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'events') message.events.forEach(onEvent);
        else resolve(message.summary);
        stopIfAsked();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a render thread stopped early (code ${code})`)));
      worker.postMessage(work);
    }));
    fromHelpers.forEach((p) => p.catch(() => queue.stop()));
    const own: BatchSummary[] = [];
    const claims = new Map(options.claims ?? []);
    stopIfAsked();
    for (let chunk = queue.claim(); chunk; stopIfAsked(), chunk = queue.claim()) {
      own.push(await runBatch(refs.slice(...chunk), { ...options, claims, onEvent }));
      // Let the helpers' events in: rendering never yields to the event loop by itself.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const summaries = [...own, ...(await Promise.all(fromHelpers))];
    const merged = mergeSummaries(summaries, Number(process.hrtime.bigint() - started) / 1e9);
    return { ...merged, total: refs.length, notStarted: refs.length - queue.claimed + merged.notStarted, threads: this.workers.length + 1 };
  }

  /** Ends the helpers without running anything (the batch turned out small, or failed to start). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Renders a batch on this thread and on `helpers` (started with RenderThreads.start) when it is large
 * enough to be worth it; otherwise ends the helpers and renders it here.
 */
export async function runParallelBatch(refs: readonly InputRef[], options: BatchOptions, helpers?: RenderThreads): Promise<BatchSummary> {
  if (helpers && worthThreads(refs, options.formats)) return helpers.run(refs, options);
  await helpers?.close();
  const { runBatch } = await import('./run-batch.js');
  return runBatch(refs, options);
}

/** Whether these cases are worth rendering on several threads. */
export function worthThreads(refs: readonly InputRef[], formats: readonly string[]): boolean {
  return refs.length >= PARALLEL_THRESHOLD && !formats.includes('pdf') && refs.every((r) => r.kind === 'file');
}
