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
  const key = () => {
    space();
    if (text.charAt(i) !== '"') fail();
    string();
    space();
    if (text.charAt(i) !== ':') fail();
    i += 1;
  };
  // Containers are tracked on a list, not by recursion: a file nested thousands deep
  // (`[[[[...`) must get its message, not overflow the call stack.
  const open: string[] = [];
  /** Reads one scalar, or opens a container; true when a value is complete. */
  const valueStart = (): boolean => {
    space();
    const c = text.charAt(i);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      space();
      if (text.charAt(i) === close) {
        i += 1;
        return true;
      }
      open.push(close);
      if (close === '}') key();
      return false;
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
    return true;
  };
  try {
    for (;;) {
      if (!valueStart()) continue;
      // A value is complete: close the containers it ends, or go on after a comma.
      for (;;) {
        space();
        const close = open.at(-1);
        if (close === undefined) return i < text.length ? i : -1;
        const c = text.charAt(i);
        if (c === close) {
          i += 1;
          open.pop();
          continue;
        }
        if (c !== ',') fail();
        i += 1;
        if (close === '}') key();
        break;
      }
    }
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
