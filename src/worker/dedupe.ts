import { coordinatesInName } from '../core/formats/babilong';
import { MAX_FILE_BYTES } from './protocol';
import { fingerprint, type Sha256 } from './fingerprint';

/**
 * The same content twice (already loaded, or twice in this drop) is read once: files are known
 * by their fingerprints, and those seen before are listed as duplicates.
 */
export class Dedupe {
  private readonly seen: Map<string, string>;
  private readonly printOf = new Map<string, string>();
  readonly duplicates: { file: string; sameAs: string }[] = [];

  /**
   * `known` maps fingerprints of files already loaded to their paths; `sha256` is the hash the
   * fingerprints take (WebCrypto's when not given).
   */
  constructor(
    known: Record<string, string>,
    private readonly sha256?: Sha256,
  ) {
    this.seen = new Map(Object.entries(known));
  }

  /**
   * Whether the file's content was seen before (then it is listed, and should not be read),
   * with its fingerprint otherwise (null for a file too large to read).
   */
  async check(
    file: File,
    path: string,
    bytes?: ArrayBuffer,
  ): Promise<{ duplicate: true } | { duplicate: false; print: string | null }> {
    const content = file.size > MAX_FILE_BYTES ? null : await fingerprint(file, bytes, this.sha256);
    // Where the name holds the coordinates (BABILong's qa1_0k_<cfg>.csv), the same answers under
    // two names are two cells, and every settings sidecar of a configuration is alike.
    const name = path.slice(path.lastIndexOf('/') + 1);
    const print = content !== null && coordinatesInName(path) ? `${content}\u0000${name}` : content;
    const sameAs = print === null ? undefined : this.seen.get(print);
    if (sameAs === undefined) return { duplicate: false, print };
    this.duplicates.push({ file: path, sameAs });
    return { duplicate: true };
  }

  /** Records a file read with its fingerprint: later copies are duplicates of it. */
  read(path: string, print: string): void {
    this.seen.set(print, path);
    this.printOf.set(path, print);
  }

  /** The fingerprint of a file read, if it had one. */
  fingerprintOf(path: string): string | undefined {
    return this.printOf.get(path);
  }
}
