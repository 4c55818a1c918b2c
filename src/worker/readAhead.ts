import { WHOLE_FILE_BYTES } from './fileSource';

/** Small files read ahead of the one being parsed. */
const READ_AHEAD = 16;

/**
 * Reads small files a few ahead of the one being parsed, so the worker parses one while the
 * next arrive (a folder of a thousand files otherwise spends most of its time waiting on reads).
 */
export class ReadAhead {
  private readonly reads = new Map<number, Promise<ArrayBuffer>>();

  constructor(private readonly files: readonly { file: File }[]) {}

  /** The bytes of file `index` when it is small (read once, for fingerprint and text alike). */
  async take(index: number): Promise<ArrayBuffer | undefined> {
    for (let j = index; j < Math.min(this.files.length, index + READ_AHEAD); j += 1) {
      const next = this.files[j]?.file;
      if (next && next.size <= WHOLE_FILE_BYTES && !this.reads.has(j))
        this.reads.set(j, next.arrayBuffer());
    }
    const bytes = this.reads.get(index);
    this.reads.delete(index);
    return bytes;
  }
}
