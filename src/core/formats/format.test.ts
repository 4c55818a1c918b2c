import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseName, folderName } from './format';

describe('the names in a path', () => {
  it('are the last part, and the part before it', () => {
    expect(baseName('run/gpt-4/results.json')).toBe('results.json');
    expect(folderName('run/gpt-4/results.json')).toBe('gpt-4');
    expect(folderName('gpt-4/results.json')).toBe('gpt-4');
    expect(folderName('results.json')).toBeUndefined();
    fc.assert(
      fc.property(fc.stringMatching(/^[ab/]{0,10}$/), (path) => {
        const parts = path.split('/');
        expect(folderName(path)).toBe(parts.length > 1 ? parts[parts.length - 2] : undefined);
      }),
    );
  });
});
