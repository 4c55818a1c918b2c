/**
 * Typed helpers for objects built from a table keyed by another type's keys: TypeScript cannot
 * follow a loop over keys, so each helper checks at the end that every key was filled.
 */

/** The keys of a table, typed as its keys. */
export function keysOf<T extends object>(table: T): Extract<keyof T, string>[] {
  return Object.keys(table).filter((key): key is Extract<keyof T, string> =>
    Object.hasOwn(table, key),
  );
}

function isComplete<T>(partial: Partial<T>, keys: readonly (keyof T)[]): partial is T {
  return keys.every((key) => Object.hasOwn(partial, key));
}

/** An object of `keys`, each with the value `valueOf` gives it. */
export function buildFrom<T, K extends keyof T>(
  keys: readonly K[],
  valueOf: <P extends K>(key: P) => T[P],
): Pick<T, K> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) out[key] = valueOf(key);
  if (!isComplete<Pick<T, K>>(out, keys)) throw new Error('a field was left out');
  return out;
}
