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

/** The work, sent as soon as the inputs are known (before the batch is planned). */
export interface ThreadWork {
  refs: InputRef[];
  /** The buffer of the SharedQueue the threads take cases from (indexes into `refs`). */
  queue: SharedArrayBuffer;
}

/** One rendered case of a helper, by its index in the work's `refs`. */
export interface RenderedCase {
  index: number;
  outcome: CaseOutcome;
}

/** What a helper thread tells the main thread: the chunk it took, the chunk's rendered cases, that it is done. */
export type ThreadMessage = { type: 'claimed'; chunk: [number, number] } | { type: 'rendered'; cases: RenderedCase[] } | { type: 'done' };

/**
 * What the main thread tells a helper after the work: that one more of its chunks is recorded, or,
 * once the batch is planned, the cases not to render (their outputs are up to date).
 */
export type ThreadReply = { type: 'recorded' } | { type: 'skip'; indexes: number[] };

/**
 * Chunks a helper may have rendered and not yet seen recorded, before it waits. This bounds the
 * memory held, and how far a helper renders ahead while the batch is being planned.
 */
export const MAX_UNRECORDED_CHUNKS = 16;

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
  /** Resolves when the thread has ended: with why, or with undefined when it finished its work. */
  readonly ended: Promise<string | undefined>;
  #finished = false;

  constructor(setup: ThreadSetup) {
    this.worker = new Worker(new URL('./batch-worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: threadHeapMb(), maxYoungGenerationSizeMb: 48 },
    });
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
 * Helper threads for a text-only batch. They are started as early as possible: they load the
 * renderer and compile the template while this thread loads and expands the inputs, and render
 * while this thread plans the batch (they only render: nothing is written before the plan is
 * known). All threads share one queue: each claims a few cases at a time from a shared counter,
 * so no thread waits for another to hand out work, and a thread that gets heavy cases does not
 * hold the others up.
 */
export class RenderThreads {
  private readonly helpers: Helper[];
  #work: { refs: readonly InputRef[]; queue: SharedQueue } | undefined;
  /** What the helpers handed over, until the batch is planned and run() records it. */
  #inbox: { helper: Helper; cases: RenderedCase[] }[] = [];
  #deliver: ((helper: Helper, cases: RenderedCase[]) => void) | undefined;
  /** The chunk each helper has taken and not yet handed over. */
  readonly #taken = new Map<Helper, [number, number]>();

  private constructor(count: number, setup: ThreadSetup) {
    this.helpers = Array.from({ length: count }, () => new Helper(setup));
  }

  /** Starts `count` helper threads, or none. */
  static start(count: number, setup: ThreadSetup): RenderThreads | undefined {
    return count > 0 ? new RenderThreads(count, setup) : undefined;
  }

  /**
   * Gives the helpers every input of the batch, before it is planned: they start rendering. What
   * they render is recorded by run(), once the plan says which of these cases to render.
   */
  begin(refs: readonly InputRef[]): void {
    const queue = new SharedQueue(refs.length);
    this.#work = { refs, queue };
    const work: ThreadWork = { refs: [...refs], queue: queue.buffer };
    for (const helper of this.helpers) {
      helper.worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'claimed') this.#taken.set(helper, message.chunk);
        else if (message.type === 'rendered') {
          this.#taken.delete(helper);
          if (this.#deliver) this.#deliver(helper, message.cases);
          else this.#inbox.push({ helper, cases: message.cases });
        } else helper.finished();
      });
      helper.worker.postMessage(work);
    }
  }

  /**
   * Renders the cases of `todo` (planned among the inputs given to begin()) on this thread and the
   * helpers; the helpers end with it. This thread writes every output and reports every case (see
   * CaseRecorder); what a helper rendered of a case not in `todo` is dropped. A helper that stops
   * (out of memory, say) loses nothing: this thread renders again the chunk it had taken.
   */
  async run(todo: readonly InputRef[], options: BatchOptions): Promise<BatchSummary> {
    const work = this.#work;
    if (!work) throw new Error('RenderThreads.run() before begin()');
    const { refs, queue } = work;
    const [{ CaseRecorder, toOutcome }, { renderCaseJob }] = await Promise.all([import('./run-batch.js'), import('./case-job.js')]);
    const started = process.hrtime.bigint();
    const recorder = new CaseRecorder(options);
    const planned = new Set(todo);
    const wanted = (index: number): boolean => planned.has(refs[index] as InputRef);
    const skip = refs.flatMap((ref, index) => (planned.has(ref) ? [] : [index]));
    if (skip.length > 0) for (const helper of this.helpers) helper.worker.postMessage({ type: 'skip', indexes: skip } satisfies ThreadReply);
    const stopIfAsked = (): void => {
      if (options.signal?.aborted || recorder.stopped) queue.stop();
    };
    // Helpers' cases are recorded one chunk after another, in the order they arrive. Each chunk is
    // acknowledged whatever happens, or its helper would wait for ever.
    let recording = Promise.resolve();
    let recordingError: unknown;
    const record = (helper: Helper, cases: RenderedCase[]): void => {
      recording = recording.then(async () => {
        try {
          for (const { index, outcome } of cases) {
            if (wanted(index) && !recorder.stopped && recordingError === undefined) await recorder.record(outcome);
          }
          stopIfAsked();
        } catch (error) {
          recordingError ??= error;
          queue.stop();
        } finally {
          helper.worker.postMessage({ type: 'recorded' } satisfies ThreadReply);
        }
      });
    };
    for (const { helper, cases } of this.#inbox.splice(0)) record(helper, cases);
    this.#deliver = record;
    const orphans: [number, number][] = [];
    const helpersDone = this.helpers.map(async (helper) => {
      const why = await helper.ended;
      if (why === undefined) return;
      const taken = this.#taken.get(helper);
      if (taken) orphans.push(taken);
      options.onEvent?.({ type: 'thread-stopped', message: why });
    });
    const renderHere = async (chunk: [number, number]): Promise<void> => {
      for (let index = chunk[0]; index < chunk[1]; index++) {
        if (recorder.stopped || options.signal?.aborted) break;
        if (wanted(index)) await recorder.record(toOutcome(await renderCaseJob(refs[index] as InputRef, options)));
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
      total: todo.length,
      rendered: recorder.rendered,
      failed,
      notStarted: todo.length - recorder.rendered - failed,
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
 * Renders the planned cases `todo` on this thread and on `helpers` (started with RenderThreads.start
 * and given the batch's inputs with begin()), or, without helpers or with nothing to render, here.
 */
export async function runParallelBatch(todo: readonly InputRef[], options: BatchOptions, helpers?: RenderThreads): Promise<BatchSummary> {
  if (helpers && todo.length > 0) return helpers.run(todo, options);
  await helpers?.close();
  const { runBatch } = await import('./run-batch.js');
  return runBatch(todo, options);
}

/** Whether these cases are worth rendering on several threads. */
export function worthThreads(refs: readonly InputRef[], formats: readonly string[]): boolean {
  return refs.length >= PARALLEL_THRESHOLD && !formats.includes('pdf') && refs.every((r) => r.kind === 'file');
}
