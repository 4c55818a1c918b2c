import { WHOLE_FILE_BYTES } from './fileSource';
import { fingerprint } from './fingerprint';
import type { FileQueue } from './fileQueue';
import { MAX_FILE_BYTES } from './protocol';

/**
 * Files read (and fingerprinted) ahead of the one being parsed. Each read is a round trip to
 * the browser's file store, so a folder of a thousand small files waits on reads unless many
 * are in flight at once.
 */
const READ_AHEAD = 64;

/** Bytes of small files held ahead at most, whatever their number. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/** A file read ahead: its bytes when it is small, and its content fingerprint. */
export interface ReadFile {
  bytes: ArrayBuffer | undefined;
  /** Null for a file too large to read. */
  print: string | null;
}

/**
 * Reads small files and fingerprints every file up to {@link READ_AHEAD} ahead of the one
 * being parsed, so the worker parses one while the next arrive and hash.
 */
export class ReadAhead {
  private readonly reads = new Map<number, { read: Promise<ReadFile>; bytes: number }>();
  private next = 0;
  private aheadBytes = 0;

  constructor(private readonly queue: FileQueue) {}

  /** File `index` read: bytes once, for fingerprint and text alike. */
  async take(index: number): Promise<ReadFile> {
    const arrived = this.queue.arrived;
    const last = Math.min(arrived.length, index + READ_AHEAD);
    this.next = Math.max(this.next, index);
    while (this.next < last && (this.next === index || this.aheadBytes < READ_AHEAD_BYTES)) {
      const file = arrived[this.next]?.file;
      const bytes = file && file.size <= WHOLE_FILE_BYTES ? file.size : 0;
      this.reads.set(this.next, { read: readFile(file), bytes });
      this.aheadBytes += bytes;
      this.next += 1;
    }
    const ahead = this.reads.get(index);
    if (!ahead) return readFile(arrived[index]?.file);
    this.reads.delete(index);
    this.aheadBytes -= ahead.bytes;
    return ahead.read;
  }
}

async function readFile(file: File | undefined): Promise<ReadFile> {
  if (!file) return { bytes: undefined, print: null };
  const bytes = file.size <= WHOLE_FILE_BYTES ? await file.arrayBuffer() : undefined;
  const print = file.size > MAX_FILE_BYTES ? null : await fingerprint(file, bytes);
  return { bytes, print };
}
