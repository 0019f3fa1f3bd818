import { parentPort, workerData } from 'node:worker_threads';
import type { InputRef } from '../io/expand-inputs.js';
import { loadTemplate } from '../io/load-template.js';
import { compileTemplate } from '../render/compile-template.js';
import { renderCaseJob, type CaseOutcome } from './case-job.js';
import { SharedQueue } from './shared-queue.js';
import { MAX_UNRECORDED_CHUNKS, type ThreadMessage, type ThreadSetup } from './threads.js';

// A render thread of a text-only job (see renderOnThreads). It compiles the template, then claims
// chunks of cases from the shared counter until none are left. It only renders: it says which chunk
// it took (so that the main thread can render it again if this thread dies), then hands the chunk's
// outcomes to the main thread, which writes them. It waits when MAX_UNRECORDED_CHUNKS of its chunks
// are not yet recorded, so that memory stays bounded.
const setup = workerData as ThreadSetup;
const port = parentPort;
if (port) {
  const template = compileTemplate(loadTemplate(setup.templateDir));
  const settings = { ...setup.settings, template };
  const queue = new SharedQueue(setup.refs.length, setup.queue);
  const post = (message: ThreadMessage): void => port.postMessage(message);
  let unrecorded = 0;
  let recorded: (() => void) | undefined;
  port.on('message', () => {
    unrecorded--;
    recorded?.();
  });
  for (let chunk = queue.claim(); chunk; chunk = queue.claim()) {
    post({ type: 'claimed', chunk });
    const outcomes: CaseOutcome[] = [];
    for (let index = chunk[0]; index < chunk[1]; index++) outcomes.push(await renderCaseJob(setup.refs[index] as InputRef, settings));
    post({ type: 'rendered', start: chunk[0], outcomes });
    unrecorded++;
    // Let the main thread's messages in (rendering never yields to the event loop by itself).
    await new Promise((resolve) => setImmediate(resolve));
    while (unrecorded >= MAX_UNRECORDED_CHUNKS) await new Promise<void>((resolve) => (recorded = resolve));
  }
  post({ type: 'done' });
  port.close(); // lets the thread end
}
