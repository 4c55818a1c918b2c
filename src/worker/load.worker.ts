/// <reference lib="webworker" />
import { loadBatch } from './loadBatch';
import type { LoadCommand, LoadMessage, PickedFile } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: LoadMessage): void {
  self.postMessage(message);
}

/** Files received for each batch, until its 'load' command. */
const received = new Map<number, PickedFile[]>();

self.onmessage = (event: MessageEvent<LoadCommand>) => {
  const command = event.data;
  if (command.type === 'files') {
    const files = received.get(command.id) ?? [];
    files.push(...command.files);
    received.set(command.id, files);
    return;
  }
  const files = received.get(command.id) ?? [];
  received.delete(command.id);
  void loadBatch({ id: command.id, files, known: command.known }, post);
};
