// A reading thread of the command line (see readers.ts): reads the chunks of inputs it is sent,
// one after another, and answers each with what its inputs gave.
import { parentPort } from 'node:worker_threads';
import { recordInput, type RecordedInput } from './read';
import type { ReaderMessage, ReaderTask } from './readers';

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (task: ReaderTask) => {
    queue = queue.then(async () => {
      const results: RecordedInput[] = [];
      for (const input of task.inputs) results.push(await recordInput(input));
      port.postMessage({ id: task.id, results } satisfies ReaderMessage);
    });
  });
  port.postMessage({ ready: true } satisfies ReaderMessage);
}
