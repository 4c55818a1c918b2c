import { WHOLE_FILE_BYTES } from './fileSource';
import { fingerprint } from './fingerprint';
import type { FileQueue } from './fileQueue';
import { MAX_FILE_BYTES, type ReadFile } from './protocol';

/**
 * Files read (and fingerprinted) ahead of the one being parsed. Each read is a round trip to
 * the browser's file store, so a folder of a thousand small files waits on reads unless many
 * are in flight at once.
 */
export const READ_AHEAD = 64;

/** Bytes of small files held ahead at most, whatever their number. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/** A file's bytes when it is small (read once, for fingerprint and text alike) and its fingerprint. */
export async function readFile(file: File): Promise<ReadFile> {
  const bytes = file.size <= WHOLE_FILE_BYTES ? await file.arrayBuffer() : undefined;
  const print = file.size > MAX_FILE_BYTES ? null : await fingerprint(file, bytes);
  return { bytes, print };
}

/**
 * Reads small files and fingerprints every file up to {@link READ_AHEAD} ahead of the one
 * being parsed, so the worker parses one while the next arrive and hash. Files a helper
 * worker read already are taken as they come.
 */
export class ReadAhead {
  private readonly reads = new Map<number, { read: Promise<ReadFile>; bytes: number }>();
  private aheadBytes = 0;

  constructor(private readonly queue: FileQueue) {}

  /** File `index` read, once it has come. */
  async take(index: number): Promise<ReadFile> {
    const last = Math.min(this.queue.total, index + READ_AHEAD);
    for (let j = index; j < last; j += 1) {
      if (j > index && this.aheadBytes >= READ_AHEAD_BYTES) break;
      const queued = this.queue.get(j);
      if (!queued || queued.read || this.reads.has(j)) continue;
      const { file } = queued.picked;
      const bytes = file.size <= WHOLE_FILE_BYTES ? file.size : 0;
      this.reads.set(j, { read: readFile(file), bytes });
      this.aheadBytes += bytes;
    }
    const ahead = this.reads.get(index);
    if (ahead) {
      this.reads.delete(index);
      this.aheadBytes -= ahead.bytes;
      return ahead.read;
    }
    const queued = this.queue.get(index);
    if (!queued) throw new Error(`file ${index} of the batch never came`);
    return queued.read ?? readFile(queued.picked.file);
  }
}
