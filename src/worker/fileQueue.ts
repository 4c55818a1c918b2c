import type { PickedFile } from './protocol';

/**
 * The files of a batch as they arrive from the page, slice by slice: the worker starts on the
 * first while the page is still handing over the rest.
 */
export class FileQueue {
  private readonly files: PickedFile[] = [];
  private ended = false;
  private waiting: (() => void)[] = [];

  /** Files that have come so far. */
  get arrived(): readonly PickedFile[] {
    return this.files;
  }

  push(files: readonly PickedFile[]): void {
    this.files.push(...files);
    this.wake();
  }

  /** No more files will come. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** File `index` once it has come; undefined when the batch ended before it. */
  async at(index: number): Promise<PickedFile | undefined> {
    while (index >= this.files.length && !this.ended) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    return this.files[index];
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
