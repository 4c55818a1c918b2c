import { describe, expect, it } from 'vitest';
import { readPreferences } from './preferences';

describe('readPreferences', () => {
  it('reads a valid colour scheme and drops what is not one', () => {
    expect(readPreferences('{"colorScheme":"dark"}')).toEqual({ colorScheme: 'dark' });
    expect(readPreferences('{"colorScheme":"purple"}')).toEqual({});
    expect(readPreferences('not json')).toEqual({});
    expect(readPreferences(null)).toEqual({});
  });
});
