import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplate } from '../io/load-template.js';
import type { InputRef } from '../io/expand-inputs.js';
import { compileTemplate } from '../render/compile-template.js';
import { mergeSummaries, runBatch, type BatchSummary } from './run-batch.js';
import type { WorkerRequest } from './parallel-batch.js';

// A helper thread of a text-only batch: it asks the main thread for a few cases at a time, renders
// them with the same runBatch, and posts each case's event and, at the end, its summary.
const request = workerData as WorkerRequest;
const port = parentPort;
if (port) {
  const template = compileTemplate(loadTemplate(request.template));
  const claims = new Map(request.claims);
  const summaries: BatchSummary[] = [];
  const ask = (): void => port.postMessage({ type: 'want' });
  port.on('message', (message: { type: 'work'; refs: InputRef[] }) => {
    if (message.refs.length === 0) {
      port.postMessage({ type: 'summary', summary: mergeSummaries(summaries, 0) });
      port.close(); // lets the thread end
      return;
    }
    void runBatch(message.refs, {
      ...request.settings,
      template,
      concurrency: 1,
      claims,
      onEvent: (event) => port.postMessage({ type: 'event', event }),
    }).then((summary) => {
      summaries.push(summary);
      ask();
    });
  });
  ask();
}
