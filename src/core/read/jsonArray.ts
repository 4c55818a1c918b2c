import { problem, type Problem, type Result } from '../result';
import type { Source } from '../source';
import { JSON_WHOLE_CHARS, parseJson, readJson, trimmedHead } from './json';

/**
 * Calls `onItem` with each element of a top-level JSON array (index from 0), or once with a
 * top-level object (index -1). Up to {@link JSON_WHOLE_CHARS} the text is parsed whole; beyond,
 * array elements are cut out one by one as the text streams in, so memory follows one element.
 */
export async function forEachJsonItem(
  source: Source,
  onItem: (value: unknown, index: number) => void,
): Promise<Result<{ items: number }>> {
  if (source.size <= JSON_WHOLE_CHARS || !trimmedHead(source.head).startsWith('[')) {
    const parsed = source.text === undefined ? await readJson(source) : parseJson(source.text);
    if (!parsed.ok) return parsed;
    if (Array.isArray(parsed.value)) {
      parsed.value.forEach((item: unknown, index) => onItem(item, index));
      return { ok: true, items: parsed.value.length };
    }
    onItem(parsed.value, -1);
    return { ok: true, items: 1 };
  }
  return streamJsonArray(source, onItem);
}

/**
 * Splits a top-level JSON array into its elements while reading, one element in memory at a
 * time. `onItem` may return false to stop early. A sample (`sampling`) takes the elements of
 * an array that is not closed, as the head of a cut file shows them.
 */
export async function streamJsonArray(
  source: Source,
  onItem: (value: unknown, index: number) => boolean | void,
  sampling = false,
): Promise<Result<{ items: number }>> {
  const cutter = new JsonArrayCutter();
  let index = 0;
  // Held in an object: the callback sets it, which control-flow narrowing cannot see.
  const stop: { failed: Problem | null; early: boolean } = { failed: null, early: false };
  for await (const chunk of source.chunks()) {
    const more = cutter.feed(chunk, (text, line) => {
      const parsed = parseJson(text);
      if (!parsed.ok) {
        stop.failed = problem(parsed.reason, line + (parsed.line ?? 1) - 1);
        return false;
      }
      index += 1;
      if (onItem(parsed.value, index - 1) === false) {
        stop.early = true;
        return false;
      }
    });
    if (!more) break;
  }
  if (stop.failed) return stop.failed;
  if (!sampling && !stop.early && !cutter.closed) {
    return problem('not valid JSON (the array is not closed: the file is cut short)', cutter.line);
  }
  return { ok: true, items: index };
}

/**
 * Cuts the elements of a top-level JSON array out of text fed piece by piece, tracking strings,
 * nesting and lines, without parsing them: for arrays too large to parse whole, and for the
 * first elements of a file's head.
 */
export class JsonArrayCutter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private element = '';
  private elementLine = 1;
  /** The line reached so far, 1-based. */
  line = 1;
  /** Whether the array's closing bracket has been read. */
  closed = false;

  /**
   * Reads the next piece of text and hands each complete element (its text, trimmed, and the
   * line it starts on) to `onElement`, which may return false to stop. Returns false once the
   * array is closed or `onElement` stopped.
   */
  feed(chunk: string, onElement: (text: string, line: number) => boolean | void): boolean {
    const emit = (): boolean => {
      const text = this.element.trim();
      // The element starts after its leading white space, maybe on a later line.
      let line = this.elementLine;
      const lead = this.element.length - this.element.trimStart().length;
      for (let i = 0; i < lead; i += 1) if (this.element.charCodeAt(i) === 10) line += 1;
      this.element = '';
      return text === '' || onElement(text, line) !== false;
    };
    let from = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line += 1;
      if (!this.started) {
        if (c === 91) {
          this.started = true;
          from = i + 1;
          this.elementLine = this.line;
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth += 1;
      else if (c === 125 || c === 93) {
        if (this.depth === 0) {
          this.element += chunk.slice(from, i);
          this.closed = true;
          emit();
          return false;
        }
        this.depth -= 1;
      } else if (c === 44 && this.depth === 0) {
        this.element += chunk.slice(from, i);
        if (!emit()) return false;
        from = i + 1;
        this.elementLine = this.line;
      }
    }
    this.element += chunk.slice(from);
    return true;
  }
}
