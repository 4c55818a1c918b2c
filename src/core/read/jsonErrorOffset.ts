/**
 * The offset where a text stops being JSON, for error messages: V8's `JSON.parse` names the
 * position only for some errors ("Unexpected token ... is not valid JSON" has none), so a
 * failed parse is scanned again by this small validator that builds no values.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new ScanStop(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const literal = (word: string) => {
    if (!text.startsWith(word, i)) fail();
    i += word.length;
  };
  const string = () => {
    i += 1; // opening quote
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === '\\') i += 1;
      else if (c < ' ') fail();
      i += 1;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const c = text.charAt(i);
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const container = (close: string, keyed: boolean) => {
    i += 1;
    space();
    if (text.charAt(i) === close) {
      i += 1;
      return;
    }
    for (;;) {
      if (keyed) {
        space();
        if (text.charAt(i) !== '"') fail();
        string();
        space();
        if (text.charAt(i) !== ':') fail();
        i += 1;
      }
      value();
      space();
      const c = text.charAt(i);
      if (c === close) {
        i += 1;
        return;
      }
      if (c !== ',') fail();
      i += 1;
    }
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (stop) {
    if (stop instanceof ScanStop) return stop.offset;
    throw stop;
  }
}

/** Thrown to unwind the scan at the first error. */
class ScanStop extends Error {
  constructor(readonly offset: number) {
    super(`not JSON at ${offset}`);
  }
}
