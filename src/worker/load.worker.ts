/// <reference lib="webworker" />
import { FileQueue } from './fileQueue';
import { loadBatch } from './loadBatch';
import type { LoadCommand, LoadMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: LoadMessage): void {
  self.postMessage(message);
}

/** The files of each batch being loaded, until its 'end' command. */
const batches = new Map<number, FileQueue>();

self.onmessage = (event: MessageEvent<LoadCommand>) => {
  const command = event.data;
  if (command.type === 'start') {
    const files = new FileQueue();
    batches.set(command.id, files);
    const { id, filesTotal, known } = command;
    void loadBatch({ id, files, filesTotal, known }, post);
  } else if (command.type === 'files') {
    batches.get(command.id)?.push(command.files);
  } else {
    batches.get(command.id)?.end();
    batches.delete(command.id);
  }
};
