import { failure, type ParseOutcome } from './formats/format';

interface SkipEntry {
  count: number;
  firstDetail: string;
  firstLine?: number;
}

/**
 * Collects the records a parser skips, grouped by kind of problem, so that the user sees one
 * line per kind with its count and the first place it happened: never a silent drop.
 */
export class SkipLog {
  private readonly byKind = new Map<string, SkipEntry>();

  constructor(private readonly file: string) {}

  /** Records a skipped record; `kind` groups alike problems, `detail` describes this one. */
  skip(kind: string, detail: string, line?: number): void {
    const entry = this.byKind.get(kind);
    if (entry) entry.count += 1;
    else this.byKind.set(kind, { count: 1, firstDetail: detail, firstLine: line });
  }

  /** Total skipped records. */
  get count(): number {
    let total = 0;
    for (const entry of this.byKind.values()) total += entry.count;
    return total;
  }

  /** The first problem seen, for a file where nothing could be used. */
  first(): SkipEntry | undefined {
    return this.byKind.values().next().value;
  }

  /**
   * The failure of a file where no record could be used: `no usable <noun>: ` and the first
   * problem seen (with its line), else `whenEmpty` for a file that held no record at all.
   */
  nothingUsable(noun: string, whenEmpty: string): ParseOutcome {
    const first = this.first();
    return first
      ? failure(this.file, `no usable ${noun}: ${first.firstDetail}`, first.firstLine)
      : failure(this.file, whenEmpty);
  }

  /** One message per kind, e.g. `a.csv: 3 records skipped (first at line 7: score "x" is not a number)`. */
  messages(): string[] {
    return [...this.byKind.values()].map((entry) => {
      const where = entry.firstLine === undefined ? '' : `line ${entry.firstLine}: `;
      const head = entry.count === 1 ? '1 record skipped' : `${entry.count} records skipped`;
      const first = entry.count === 1 ? '' : 'first at ';
      return `${this.file}: ${head} (${first}${where}${entry.firstDetail})`;
    });
  }
}
