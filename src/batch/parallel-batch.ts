import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import type { CaseJobSettings } from './case-job.js';
import { SharedQueue } from './shared-queue.js';
// Only types from the renderer: this module is loaded first, to start the threads, and must be light.
import type { BatchOptions, BatchSummary, CaseOutcome } from './run-batch.js';

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
  /** The buffer of the SharedQueue the threads take cases from. */
  queue: SharedArrayBuffer;
}

/** What a helper thread tells the main thread: the chunk it took, the chunk's rendered cases, that it is done. */
export type ThreadMessage = { type: 'claimed'; chunk: [number, number] } | { type: 'rendered'; outcomes: CaseOutcome[] } | { type: 'done' };

/** What the main thread tells a helper once the work is sent: that one more of its chunks is written. */
export type ThreadReply = { type: 'recorded' };

/** Chunks a helper may have rendered and not yet seen written, before it waits: bounds the memory held. */
export const MAX_UNRECORDED_CHUNKS = 4;

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
   * Renders `refs` on this thread and the helpers; the helpers end with it. The helpers only
   * render: this thread writes every output and reports every case (see CaseRecorder). A helper
   * that stops (out of memory, say) loses nothing: this thread renders again the chunk it had taken.
   */
  async run(refs: readonly InputRef[], options: BatchOptions): Promise<BatchSummary> {
    const [{ CaseRecorder, toOutcome }, { renderCaseJob }] = await Promise.all([import('./run-batch.js'), import('./case-job.js')]);
    const started = process.hrtime.bigint();
    const queue = new SharedQueue(refs.length);
    const recorder = new CaseRecorder(options);
    const stopIfAsked = (): void => {
      if (options.signal?.aborted || recorder.stopped) queue.stop();
    };
    // Helpers' cases are recorded one chunk after another, in the order they arrive. Each chunk is
    // acknowledged whatever happens, or its helper would wait for ever.
    let recording = Promise.resolve();
    let recordingError: unknown;
    const record = (outcomes: CaseOutcome[], helper: Helper): void => {
      recording = recording.then(async () => {
        try {
          for (const outcome of outcomes) if (!recorder.stopped && recordingError === undefined) await recorder.record(outcome);
          stopIfAsked();
        } catch (error) {
          recordingError ??= error;
          queue.stop();
        } finally {
          helper.worker.postMessage({ type: 'recorded' } satisfies ThreadReply);
        }
      });
    };
    const orphans: [number, number][] = [];
    const work: ThreadWork = { refs: [...refs], queue: queue.buffer };
    const helpersDone = this.helpers.map(async (helper) => {
      let taken: [number, number] | undefined;
      helper.worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'claimed') taken = message.chunk;
        else if (message.type === 'rendered') {
          taken = undefined;
          record(message.outcomes, helper);
        } else helper.finished();
      });
      helper.worker.postMessage(work);
      const why = await helper.ended;
      if (why === undefined) return;
      if (taken) orphans.push(taken);
      options.onEvent?.({ type: 'thread-stopped', message: why });
    });
    const renderHere = async (chunk: [number, number]): Promise<void> => {
      for (const ref of refs.slice(...chunk)) {
        if (recorder.stopped || options.signal?.aborted) break;
        await recorder.record(toOutcome(await renderCaseJob(ref, options)));
      }
      stopIfAsked();
      // Let the helpers' messages in: rendering never yields to the event loop by itself.
      await new Promise((resolve) => setImmediate(resolve));
    };
    stopIfAsked();
    options.signal?.addEventListener('abort', () => queue.stop(), { once: true });
    for (let chunk = queue.claim(); chunk; chunk = queue.claim()) await renderHere(chunk);
    await Promise.all(helpersDone);
    await recording;
    if (recordingError !== undefined) throw recordingError;
    for (const chunk of orphans) if (!queue.stopped) await renderHere(chunk);
    const failed = recorder.failures.length;
    return {
      total: refs.length,
      rendered: recorder.rendered,
      failed,
      notStarted: refs.length - recorder.rendered - failed,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      failures: recorder.failures,
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
