import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplate } from '../io/load-template.js';
import type { InputRef } from '../io/expand-inputs.js';
import { compileTemplate } from '../render/compile-template.js';
import { runBatch } from './run-batch.js';
import type { WorkerRequest } from './parallel-batch.js';

// One share of a text-only batch, in a worker thread: the same runBatch, its events posted back.
const request = workerData as WorkerRequest;
const port = parentPort;
if (port) {
  const stop = new AbortController();
  port.on('message', (message: unknown) => {
    if (message === 'stop') stop.abort();
  });
  const template = compileTemplate(loadTemplate(request.template));
  const summary = await runBatch(request.refs as InputRef[], {
    ...request.settings,
    template,
    concurrency: 1,
    claims: new Map(request.claims),
    signal: stop.signal,
    onEvent: (event) => port.postMessage({ type: 'event', event }),
  });
  port.postMessage({ type: 'summary', summary });
  port.close(); // lets the thread end: the 'message' listener would keep it alive
}
