import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import { removeTempFilesOf } from '../io/safe-write.js';
import type { CaseFailure, CaseJobSettings } from './case-job.js';
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

/** What a helper thread tells the main thread: the chunk it took, the chunk's events, that it is done. */
export type ThreadMessage = { type: 'claimed'; chunk: [number, number] } | { type: 'events'; events: BatchEvent[] } | { type: 'done' };

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
 * The heap limit of a helper thread, in MB: modest, so that a thread collects garbage sooner and
 * memory stays flat over long batches. `CASEREPORT_THREAD_HEAP_MB` changes it (a thread that runs
 * out stops, and the main thread renders its cases).
 */
function threadHeapMb(): number {
  const asked = Number(process.env.CASEREPORT_THREAD_HEAP_MB);
  return Number.isInteger(asked) && asked > 0 ? asked : 160;
}

/** One helper thread, watched from the moment it starts (it may end before it is given work). */
class Helper {
  readonly worker: Worker;
  /** The thread's id, kept: a worker that has ended reports -1. */
  readonly threadId: number;
  /** Resolves when the thread has ended: with why, or with undefined when it finished its work. */
  readonly ended: Promise<string | undefined>;
  #finished = false;

  constructor(setup: ThreadSetup) {
    this.worker = new Worker(new URL('./batch-worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: threadHeapMb(), maxYoungGenerationSizeMb: 48 },
    });
    this.threadId = this.worker.threadId;
    this.ended = new Promise((resolve) => {
      let why: string | undefined;
      this.worker.on('error', (error) => (why ??= error.message));
      this.worker.on('exit', (code) => resolve(this.#finished ? undefined : (why ?? `exit code ${code}`)));
    });
  }

  /** Marks the work done (the thread ends next). */
  finished(): void {
    this.#finished = true;
  }
}

/**
 * Helper threads for a text-only batch. They are started as early as possible (they load the
 * renderer and compile the template while this thread plans the batch) and then share one queue
 * with this thread: each claims a few cases at a time from a shared counter, so no thread waits
 * for another to hand out work, and a thread that gets heavy cases does not hold the others up.
 */
export class RenderThreads {
  private readonly helpers: Helper[];

  private constructor(count: number, setup: ThreadSetup) {
    this.helpers = Array.from({ length: count }, () => new Helper(setup));
  }

  /** Starts `count` helper threads, or none. */
  static start(count: number, setup: ThreadSetup): RenderThreads | undefined {
    return count > 0 ? new RenderThreads(count, setup) : undefined;
  }

  /**
   * Renders `refs` on this thread and the helpers; the helpers end with it. Counts come from the
   * cases' events, whichever thread rendered them. A helper that stops (out of memory, say) loses
   * nothing: this thread renders again the chunk it had taken (rewriting an output it had finished
   * is harmless: writes are atomic and the content is the same).
   */
  async run(refs: readonly InputRef[], options: BatchOptions): Promise<BatchSummary> {
    const { runBatch } = await import('./run-batch.js');
    const started = process.hrtime.bigint();
    const queue = new SharedQueue(refs.length);
    let rendered = 0;
    const failures: CaseFailure[] = [];
    const stopIfAsked = (): void => {
      if (options.signal?.aborted || (options.failFast && failures.length > 0)) queue.stop();
    };
    const folders = new Set<string>(); // where outputs went: where a stopped helper may have left a temporary file
    const onEvent = (event: BatchEvent): void => {
      if (event.type === 'case-done') {
        rendered++;
        for (const file of event.written) if (file !== '-') folders.add(dirname(file));
      }
      if (event.type === 'case-failed') failures.push(event.failure);
      options.onEvent?.(event);
      stopIfAsked();
    };
    const orphans: [number, number][] = [];
    const stoppedThreads: number[] = [];
    const work: ThreadWork = { refs: [...refs], claims: [...(options.claims ?? new Map<string, string>())], queue: queue.buffer, failFast: options.failFast === true };
    const helpersDone = this.helpers.map(async (helper) => {
      let taken: [number, number] | undefined;
      helper.worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'claimed') taken = message.chunk;
        else if (message.type === 'events') {
          taken = undefined;
          message.events.forEach(onEvent);
        } else helper.finished();
      });
      helper.worker.postMessage(work);
      const why = await helper.ended;
      if (why === undefined) return;
      stoppedThreads.push(helper.threadId);
      if (taken) orphans.push(taken);
      onEvent({ type: 'thread-stopped', message: why });
    });
    const claims = new Map(options.claims ?? []);
    const renderHere = async (chunk: [number, number]): Promise<void> => {
      await runBatch(refs.slice(...chunk), { ...options, claims, onEvent });
      // Let the helpers' messages in: rendering never yields to the event loop by itself.
      await new Promise((resolve) => setImmediate(resolve));
    };
    // If the process leaves in the middle (a second Ctrl-C), the helpers are stopped wherever they are.
    const sweep = (): void => folders.forEach((folder) => removeTempFilesOf('any', folder));
    process.on('exit', sweep);
    try {
      stopIfAsked();
      for (let chunk = queue.claim(); chunk; chunk = queue.claim()) await renderHere(chunk);
      await Promise.all(helpersDone);
      for (const chunk of orphans) if (!queue.stopped) await renderHere(chunk);
      for (const thread of stoppedThreads) for (const folder of folders) removeTempFilesOf(thread, folder);
    } finally {
      process.off('exit', sweep);
    }
    return {
      total: refs.length,
      rendered,
      failed: failures.length,
      notStarted: refs.length - rendered - failures.length,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      failures,
      threads: this.helpers.length + 1,
    };
  }

  /** Ends the helpers without running anything (the batch turned out small, or failed to start). */
  async close(): Promise<void> {
    await Promise.all(this.helpers.map((h) => h.worker.terminate()));
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
