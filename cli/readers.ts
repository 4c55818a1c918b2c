import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiskInput } from './inputs';
import type { RecordedInput } from './read';

/** A run of consecutive inputs handed to a reading thread, and what becomes of it. */
export interface Chunk {
  inputs: DiskInput[];
  /** What each input gave, in order. */
  done(results: RecordedInput[]): void;
  /** The thread went away before it answered: the loading thread reads the chunk itself. */
  lost(): void;
}

/**
 * Threads that read inputs while the loading thread takes them into the batch: each idle
 * thread asks `next` for a chunk (null when none is left to give).
 */
export interface Readers {
  start(next: () => Chunk | null): void;
}

/** The command line's reading threads, which their starter ends (cli/main.ts). */
export interface Threads extends Readers {
  close(): void;
}

/** A reading thread's message: ready for work, or a chunk's results. */
export type ReaderMessage = { ready: true } | { id: number; results: RecordedInput[] };

/** What the loading thread sends: a chunk to read. */
export interface ReaderTask {
  id: number;
  inputs: DiskInput[];
}

/** Set by cli/compileCache.cjs to its own path where the command line keeps compiled code. */
const COMPILE_CACHE_ENV = 'HAYMAP_COMPILE_CACHE';

/** The reading thread's module, built beside the command line's (`npm run build`). */
const WORKER_FILE = 'read-worker.cjs';

/** Chunks a thread holds at once: the next is ready to start when one is answered. */
const CHUNKS_PER_THREAD = 2;

/**
 * `count` reading threads (worker_threads running {@link WORKER_FILE}), started now so that
 * they are ready by the time the inputs are found; or null where that module is not built
 * beside this one (the sources run under a test runner). A thread asks for work once ready.
 */
export function threadReaders(count: number): Threads | null {
  const file = fileURLToPath(new URL(WORKER_FILE, import.meta.url));
  if (count < 1 || !existsSync(file)) return null;
  // A thread compiles with the code this one keeps (cli/compileCache.cjs), where it keeps any.
  const cache = process.env[COMPILE_CACHE_ENV];
  const boot = cache
    ? `require(${JSON.stringify(cache)}).install(${JSON.stringify(dirname(file))});` +
      `require(${JSON.stringify(file)});`
    : null;
  let next: (() => Chunk | null) | null = null;
  const fills: (() => void)[] = [];
  const workers = Array.from({ length: count }, () => {
    const worker = boot ? new Worker(boot, { eval: true }) : new Worker(file);
    // A thread never keeps the process alive: one left waiting for work ends with it.
    worker.unref();
    const held = new Map<number, Chunk>();
    let ids = 0;
    let ready = false;
    let gone = false;
    const fill = () => {
      while (ready && !gone && next && held.size < CHUNKS_PER_THREAD) {
        const chunk = next();
        if (!chunk) return;
        ids += 1;
        held.set(ids, chunk);
        worker.postMessage({ id: ids, inputs: chunk.inputs } satisfies ReaderTask);
      }
    };
    const lose = () => {
      gone = true;
      for (const chunk of held.values()) chunk.lost();
      held.clear();
    };
    worker.on('message', (message: ReaderMessage) => {
      if ('id' in message) {
        const chunk = held.get(message.id);
        held.delete(message.id);
        chunk?.done(message.results);
      } else ready = true;
      fill();
    });
    worker.on('error', lose);
    worker.on('exit', lose);
    fills.push(fill);
    return worker;
  });
  return {
    start(take) {
      next = take;
      for (const fill of fills) fill();
    },
    close() {
      next = null;
      for (const worker of workers) void worker.terminate();
    },
  };
}
