import { parentPort, workerData } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import { loadTemplate } from '../io/load-template.js';
import { compileTemplate } from '../render/compile-template.js';
import { renderCaseJob } from './case-job.js';
import { toOutcome } from './run-batch.js';
import { SharedQueue } from './shared-queue.js';
import { MAX_UNRECORDED_CHUNKS, type RenderedCase, type ThreadMessage, type ThreadReply, type ThreadSetup, type ThreadWork } from './parallel-batch.js';

// A helper thread of a text-only batch (see RenderThreads). It compiles the template as soon as it
// starts, then claims cases from the shared counter until none are left. It only renders: it says
// which chunk it took (so that the main thread can render it again if this thread dies), then hands
// the chunk's rendered cases to the main thread, which writes them. It starts before the batch is
// planned; once it is, the main thread says which cases not to render. It waits when
// MAX_UNRECORDED_CHUNKS of its chunks are not yet recorded, so that memory stays bounded.
const setup = workerData as ThreadSetup;
const port = parentPort;
if (port) {
  const template = compileTemplate(loadTemplate(setup.template));
  const post = (message: ThreadMessage): void => port.postMessage(message);
  let unrecorded = 0;
  let recorded: (() => void) | undefined;
  let skip = new Set<number>();
  const run = async (work: ThreadWork): Promise<void> => {
    const queue = new SharedQueue(work.refs.length, work.queue);
    const settings = { ...setup.settings, template };
    for (let chunk = queue.claim(); chunk; chunk = queue.claim()) {
      post({ type: 'claimed', chunk });
      const cases: RenderedCase[] = [];
      for (let index = chunk[0]; index < chunk[1]; index++) {
        if (!skip.has(index)) cases.push({ index, outcome: toOutcome(await renderCaseJob(work.refs[index] as InputRef, settings)) });
      }
      post({ type: 'rendered', cases });
      unrecorded++;
      // Let the main thread's messages in (rendering never yields to the event loop by itself).
      await new Promise((resolve) => setImmediate(resolve));
      while (unrecorded >= MAX_UNRECORDED_CHUNKS) await new Promise<void>((resolve) => (recorded = resolve));
    }
    post({ type: 'done' });
    port.close(); // lets the thread end
  };
  port.on('message', (message: ThreadWork | ThreadReply) => {
    if (!('type' in message)) void run(message);
    else if (message.type === 'skip') skip = new Set(message.indexes);
    else {
      unrecorded--;
      recorded?.();
    }
  });
}
