/// <reference lib="webworker" />
import { FileQueue } from './fileQueue';
import { FileHelper } from './fileHelper';
import { loadBatch } from './loadBatch';
import type { HelpedFiles, LoadCommand, LoadMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: LoadMessage): void {
  self.postMessage(message);
}

/** The files of each batch this worker loads. */
const loading = new Map<number, FileQueue>();
/** The batches this worker helps with, by id. */
const helping = new Map<number, FileHelper>();

self.onmessage = (event: MessageEvent<LoadCommand>) => {
  const command = event.data;
  const { id } = command;
  if (command.type === 'start') {
    const files = new FileQueue(command.filesTotal);
    loading.set(id, files);
    for (const port of command.helpers) {
      port.onmessage = (message: MessageEvent<HelpedFiles>) => {
        const { first, files: read } = message.data;
        files.put(first, read);
      };
    }
    void loadBatch({ id, files, known: command.known }, post).finally(() => {
      loading.delete(id);
      for (const port of command.helpers) port.close();
    });
  } else if (command.type === 'help') {
    helping.set(id, new FileHelper(command.lead));
  } else if (command.type === 'files') {
    const files = loading.get(id);
    if (files)
      files.put(
        command.first,
        command.files.map((picked) => ({ picked })),
      );
    else helping.get(id)?.read(command.first, command.files);
  } else {
    helping.get(id)?.end();
    helping.delete(id);
  }
};
