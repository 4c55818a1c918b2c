import type { Source } from '../source';
import type { SkipLog } from '../warnings';
import { isJsonObject, parseJson } from './json';
import { readLines } from './lines';

/**
 * Calls `onRow` with each JSON object of a JSON Lines source and the 1-based line it is on,
 * holding one line at a time. Blank lines are passed over. A line that is not JSON, or not an
 * object, is counted in `skips`; a broken last line is reported as the file being cut short.
 * Returns how many non-blank lines there were (0: the file is empty).
 */
export async function forEachJsonLine(
  source: Source,
  skips: SkipLog,
  onRow: (row: Record<string, unknown>, line: number) => void,
): Promise<{ lines: number }> {
  let lines = 0;
  // A broken line is held back until another follows: only a broken last line means a cut file.
  // Held in an object: the line callback sets it, which control-flow narrowing cannot see.
  const held: { broken: { line: number; reason: string } | null } = { broken: null };
  await readLines(source, (text, line) => {
    if (text.trim() === '') return;
    lines += 1;
    if (held.broken) skips.skip('json', held.broken.reason, held.broken.line);
    const parsed = parseJson(text);
    held.broken = parsed.ok ? null : { line, reason: parsed.reason };
    if (!parsed.ok) return;
    if (!isJsonObject(parsed.value)) {
      skips.skip('not-object', 'not a JSON object', line);
      return;
    }
    onRow(parsed.value, line);
  });
  if (held.broken) {
    skips.skip(
      'cut',
      'the last line is not complete JSON: the file looks cut short',
      held.broken.line,
    );
  }
  return { lines };
}
