import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplate } from '../io/load-template.js';
import { compileTemplate } from '../render/compile-template.js';
import { runBatch, type BatchEvent } from './run-batch.js';
import { SharedQueue } from './shared-queue.js';
import type { ThreadMessage, ThreadSetup, ThreadWork } from './parallel-batch.js';

// A helper thread of a text-only batch (see RenderThreads). It compiles the template as soon as it
// starts, then claims cases from the shared counter until none are left, saying which chunk it
// took (so that the main thread can render it again if this thread dies) and then its events.
const setup = workerData as ThreadSetup;
const port = parentPort;
if (port) {
  const template = compileTemplate(loadTemplate(setup.template));
  const post = (message: ThreadMessage): void => port.postMessage(message);
  port.once('message', (work: ThreadWork) => {
    void (async () => {
      const queue = new SharedQueue(work.refs.length, work.queue);
      const claims = new Map(work.claims);
      for (let chunk = queue.claim(); chunk; chunk = queue.claim()) {
        post({ type: 'claimed', chunk });
        const events: BatchEvent[] = [];
        const summary = await runBatch(work.refs.slice(...chunk), {
          ...setup.settings,
          template,
          concurrency: 1,
          claims,
          failFast: work.failFast,
          onEvent: (event) => events.push(event),
        });
        if (work.failFast && summary.failed > 0) queue.stop();
        post({ type: 'events', events });
      }
      post({ type: 'done' });
      port.close(); // lets the thread end
    })();
  });
}
