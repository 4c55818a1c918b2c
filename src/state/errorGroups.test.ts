import { describe, expect, it } from 'vitest';
import { groupErrors, reasonKind } from './errorGroups';
import type { ShownError } from './types';

let id = 0;
function error(file: string, reason: string, line?: number): ShownError {
  id += 1;
  return line === undefined ? { id, file, reason } : { id, file, line, reason };
}

describe('groupErrors', () => {
  it('puts files that failed for the same reason in one group, in the order reported', () => {
    const errors = Array.from({ length: 200 }, (_, i) =>
      error(`notes/n${i}.json`, 'valid JSON, but not NIAH results'),
    );
    const groups = groupErrors([error('cut.json', 'not valid JSON', 2), ...errors]);
    expect(groups.map((g) => g.errors.length)).toEqual([1, 200]);
    expect(groups[1]?.errors[199]?.file).toBe('notes/n199.json');
  });

  it('reads reasons that differ only in lines, numbers, quoted values or the file name as one', () => {
    expect(reasonKind(error('a.csv', 'line 3: score "high" is not a number'))).toBe(
      reasonKind(error('b.csv', 'line 12: score "low" is not a number')),
    );
    expect(reasonKind(error('big.csv', 'too large to load (2560 MB; the limit is 2048 MB)'))).toBe(
      reasonKind(error('huge.csv', 'too large to load (3000 MB; the limit is 2048 MB)')),
    );
    expect(reasonKind(error('x.json', 'x.json is empty'))).toBe(
      reasonKind(error('y.json', 'y.json is empty')),
    );
  });

  it('keeps different reasons apart', () => {
    const groups = groupErrors([
      error('broken.json', 'not valid JSON', 3),
      error('picture.json', 'not a text file'),
    ]);
    expect(groups).toHaveLength(2);
  });
});
