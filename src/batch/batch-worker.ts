import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplate } from '../io/load-template.js';
import { compileTemplate } from '../render/compile-template.js';
import { renderCaseJob } from './case-job.js';
import { toOutcome, type CaseOutcome } from './run-batch.js';
import { SharedQueue } from './shared-queue.js';
import { MAX_UNRECORDED_CHUNKS, type ThreadMessage, type ThreadReply, type ThreadSetup, type ThreadWork } from './parallel-batch.js';

// A helper thread of a text-only batch (see RenderThreads). It compiles the template as soon as it
// starts, then claims cases from the shared counter until none are left. It only renders: it says
// which chunk it took (so that the main thread can render it again if this thread dies), then hands
// the chunk's rendered cases to the main thread, which writes them. It waits when the main thread
// has not yet written MAX_UNRECORDED_CHUNKS of its chunks, so that memory stays bounded.
const setup = workerData as ThreadSetup;
const port = parentPort;
if (port) {
  const template = compileTemplate(loadTemplate(setup.template));
  const post = (message: ThreadMessage): void => port.postMessage(message);
  let unrecorded = 0;
  let recorded: (() => void) | undefined;
  const run = async (work: ThreadWork): Promise<void> => {
    const queue = new SharedQueue(work.refs.length, work.queue);
    const settings = { ...setup.settings, template };
    for (let chunk = queue.claim(); chunk; chunk = queue.claim()) {
      post({ type: 'claimed', chunk });
      const outcomes: CaseOutcome[] = [];
      for (const ref of work.refs.slice(...chunk)) outcomes.push(toOutcome(await renderCaseJob(ref, settings)));
      post({ type: 'rendered', outcomes });
      unrecorded++;
      while (unrecorded >= MAX_UNRECORDED_CHUNKS) await new Promise<void>((resolve) => (recorded = resolve));
    }
    post({ type: 'done' });
    port.close(); // lets the thread end
  };
  port.on('message', (message: ThreadWork | ThreadReply) => {
    if ('type' in message) {
      unrecorded--;
      recorded?.();
    } else void run(message);
  });
}
