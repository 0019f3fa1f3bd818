import { Worker } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import type { CaseJobSettings, CaseOutcome } from './case-job.js';
import type { CaseRecorder, RenderEvent } from './recorder.js';
import { SharedQueue } from './shared-queue.js';

/** Below this many cases, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** What a render thread needs: plain data only (a compiled template cannot cross threads). */
export interface ThreadSetup {
  /** The template's folder, compiled again by each thread. */
  templateDir: string;
  settings: Omit<CaseJobSettings, 'template' | 'printer'>;
  refs: InputRef[];
  /** The buffer of the SharedQueue the threads take cases from (indexes into `refs`). */
  queue: SharedArrayBuffer;
}

/** What a render thread tells the main thread: the chunk it took, the chunk's outcomes, that it is done. */
export type ThreadMessage =
  { type: 'claimed'; chunk: [number, number] } | { type: 'rendered'; start: number; outcomes: CaseOutcome[] } | { type: 'done' };

/**
 * Chunks a thread may have rendered and not yet seen recorded, before it waits. This bounds the
 * memory that rendered cases waiting to be written can hold.
 */
export const MAX_UNRECORDED_CHUNKS = 16;

/** Cases this thread lets wait for an earlier one before it renders more itself. */
const MAX_WAITING = 256;

/**
 * The heap limit of a render thread, in MB: modest, so that a thread collects garbage sooner and
 * memory stays flat over long batches. `CASEREPORT_THREAD_HEAP_MB` changes it (a thread that runs
 * out stops, and the main thread renders its cases).
 */
function threadHeapMb(): number {
  const asked = Number(process.env.CASEREPORT_THREAD_HEAP_MB);
  return Number.isInteger(asked) && asked > 0 ? asked : 160;
}

/** One render thread, watched from the moment it starts. */
class Helper {
  readonly worker: Worker;
  /** Resolves when the thread has ended: with why, or with undefined when it finished its work. */
  readonly ended: Promise<string | undefined>;
  /** The chunk it has taken and not yet handed over. */
  taken: [number, number] | undefined;
  #finished = false;

  constructor(setup: ThreadSetup, onMessage: (helper: Helper, message: ThreadMessage) => void) {
    this.worker = new Worker(new URL('./batch-worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: threadHeapMb(), maxYoungGenerationSizeMb: 48 },
    });
    this.ended = new Promise((resolve) => {
      let why: string | undefined;
      this.worker.on('error', (error) => (why ??= error.message));
      this.worker.on('exit', (code) => resolve(this.#finished ? undefined : (why ?? `exit code ${code}`)));
    });
    this.worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'claimed') this.taken = message.chunk;
      else if (message.type === 'done') this.#finished = true;
      else this.taken = undefined;
      onMessage(this, message);
    });
  }

  /** One more of its chunks is recorded. */
  acknowledge(): void {
    this.worker.postMessage('recorded');
  }
}

export interface ThreadedRun {
  /** Threads that render, this one included: this one renders too, between recording. */
  threads: number;
  recorder: CaseRecorder;
  signal?: AbortSignal;
  onEvent?: (event: RenderEvent) => void;
  /** Renders one case on this thread. */
  renderHere(ref: InputRef): Promise<CaseOutcome>;
}

/**
 * Renders a text-only job on `threads` threads, this one and `threads - 1` helpers, which all take
 * chunks of cases from one shared counter. This thread also records every case, in input order,
 * so that which of two clashing cases is refused, and the order of the messages, do not depend on
 * timing. A helper that stops (out of memory, say) loses nothing: this thread renders the chunk it
 * had taken. (Measured: with this thread only recording, two helpers on two cores took half as
 * long again as one helper and this thread rendering.)
 */
export async function renderOnThreads(
  refs: readonly InputRef[],
  setup: Omit<ThreadSetup, 'refs' | 'queue'>,
  run: ThreadedRun,
): Promise<void> {
  const { recorder, signal } = run;
  const queue = new SharedQueue(refs.length);
  const waiting = new Map<number, CaseOutcome>(); // rendered, waiting for earlier cases to be recorded
  const acknowledgeAt = new Map<number, Helper>(); // last case of a chunk → the thread that rendered it
  let next = 0;
  const stopIfAsked = (): void => {
    if (signal?.aborted || recorder.stopped) queue.stop();
  };
  const flush = async (): Promise<void> => {
    for (let outcome = waiting.get(next); outcome && !queue.stopped; outcome = waiting.get(next)) {
      waiting.delete(next);
      await recorder.record(outcome);
      acknowledgeAt.get(next)?.acknowledge();
      acknowledgeAt.delete(next);
      next++;
      stopIfAsked();
    }
    if (queue.stopped) {
      // Nothing more is recorded: let every waiting thread go on to see that the queue is stopped.
      for (const helper of acknowledgeAt.values()) helper.acknowledge();
      acknowledgeAt.clear();
    }
  };
  let recording = Promise.resolve();
  const deliver = (start: number, outcomes: readonly CaseOutcome[], helper?: Helper): void => {
    outcomes.forEach((outcome, i) => waiting.set(start + i, outcome));
    if (helper && outcomes.length > 0) acknowledgeAt.set(start + outcomes.length - 1, helper);
    recording = recording.then(flush);
  };
  const renderChunkHere = async ([start, end]: [number, number]): Promise<void> => {
    const outcomes: CaseOutcome[] = [];
    for (let i = start; i < end && !queue.stopped; i++) outcomes.push(await run.renderHere(refs[i] as InputRef));
    deliver(start, outcomes);
    await recording;
  };
  const onMessage = (helper: Helper, message: ThreadMessage): void => {
    if (message.type === 'rendered') deliver(message.start, message.outcomes, helper);
  };
  const full: ThreadSetup = { ...setup, refs: [...refs], queue: queue.buffer };
  const helpers = Array.from({ length: run.threads - 1 }, () => new Helper(full, onMessage));
  const stop = (): void => queue.stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const helpersDone = Promise.all(
      helpers.map(async (helper) => {
        const why = await helper.ended;
        if (why === undefined) return;
        run.onEvent?.({ type: 'thread-stopped', message: why });
        const chunk = helper.taken;
        if (chunk) await renderChunkHere(chunk);
      }),
    );
    for (let chunk = queue.claim(); chunk; chunk = queue.claim()) {
      await renderChunkHere(chunk);
      // Let the helpers' messages in (rendering never yields by itself), and do not render far
      // ahead of a helper's chunk that is still missing: what waits to be recorded is held in memory.
      do await new Promise((resolve) => setImmediate(resolve));
      while (waiting.size > MAX_WAITING && !queue.stopped);
    }
    await helpersDone;
    await recording;
  } finally {
    signal?.removeEventListener('abort', stop);
    await Promise.all(helpers.map((h) => h.worker.terminate()));
  }
}
