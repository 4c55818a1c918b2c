import type { HelpedFiles, PickedFile, ReadFile } from './protocol';
import { READ_AHEAD, readFile } from './readAhead';

/** Files a helper passes on in one message: one message per file would cost the loader a task each. */
const FILES_PER_PASS = 16;

/**
 * A pool worker's share of a batch another worker loads: it reads and fingerprints the slices
 * it is given, {@link READ_AHEAD} files in flight, and passes them on in order through `lead`,
 * their bytes transferred (not copied).
 */
export class FileHelper {
  private inFlight = 0;
  private readonly queued: (() => void)[] = [];
  private pending = Promise.resolve();

  constructor(private readonly lead: MessagePort) {}

  /** Reads files from place `first` of the batch on. */
  read(first: number, files: readonly PickedFile[]): void {
    for (let i = 0; i < files.length; i += FILES_PER_PASS) {
      const group = files.slice(i, i + FILES_PER_PASS);
      const reads = Promise.all(group.map((picked) => this.limited(picked.file)));
      const at = first + i;
      // Passed on in the order given, each group once all of it is read.
      this.pending = this.pending.then(async () => {
        const read = await reads;
        const message: HelpedFiles = {
          first: at,
          files: group.map((picked, j) => {
            const done = read[j];
            return done ? { picked, read: done } : { picked };
          }),
        };
        const transfer = read.flatMap((done) => (done?.bytes ? [done.bytes] : []));
        this.lead.postMessage(message, transfer);
      });
    }
  }

  /** No more files: the channel closes once the last read is passed on. */
  end(): void {
    void this.pending.then(() => this.lead.close());
  }

  /** Reads a file once fewer than {@link READ_AHEAD} are in flight. */
  private async limited(file: File): Promise<ReadFile | null> {
    if (this.inFlight >= READ_AHEAD) await new Promise<void>((go) => this.queued.push(go));
    this.inFlight += 1;
    try {
      return await readFile(file);
    } catch {
      // The loading worker reads it again, and says why it cannot.
      return null;
    } finally {
      this.inFlight -= 1;
      this.queued.shift()?.();
    }
  }
}
