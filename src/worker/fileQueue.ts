import type { PickedFile, ReadFile } from './protocol';

/** A file of the batch, with its bytes and fingerprint when a helper worker read it already. */
export interface QueuedFile {
  picked: PickedFile;
  read?: ReadFile;
}

/**
 * The files of a batch by their place in it, as they arrive: from the page slice by slice, and
 * read already from the pool's other workers, in any order. The loading worker takes them in
 * order, starting on the first while the page is still handing over the rest.
 */
export class FileQueue {
  private readonly files: (QueuedFile | undefined)[] = [];
  private waiting: (() => void)[] = [];
  private bytesCome = 0;

  constructor(readonly total: number) {}

  /** The size of the files come so far, in bytes. */
  get bytes(): number {
    return this.bytesCome;
  }

  /** Files from place `first` on. */
  put(first: number, files: readonly QueuedFile[]): void {
    files.forEach((file, i) => {
      this.files[first + i] = file;
      this.bytesCome += file.picked.file.size;
    });
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** File `index` if it has come. */
  get(index: number): QueuedFile | undefined {
    return this.files[index];
  }

  /** File `index` once it has come; undefined past the batch's end. */
  async at(index: number): Promise<QueuedFile | undefined> {
    if (index >= this.total) return undefined;
    for (let file = this.files[index]; ; file = this.files[index]) {
      if (file) return file;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}
