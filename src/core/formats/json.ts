/** JSON helpers shared by the JSON-based formats. */

export type JsonParse = { ok: true; value: unknown } | { ok: false; reason: string; line?: number };

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) line += 1;
  }
  return line;
}

/**
 * `JSON.parse` that reports where the text stops being JSON, in lines, instead of throwing.
 * V8 names the position in its message ("... at position 123" or "(line 5 column 3)").
 */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+)/.exec(message);
    const positionMatch = /position (\d+)/.exec(message);
    let line: number | undefined;
    if (lineMatch?.[1]) line = Number(lineMatch[1]);
    else if (positionMatch?.[1]) line = lineAt(text, Number(positionMatch[1]));
    else if (/end of JSON input|Unterminated/i.test(message)) line = lineAt(text, text.length);
    const reason = text.trim() === '' ? 'the file is empty' : `not valid JSON (${message})`;
    return line === undefined || text.trim() === ''
      ? { ok: false, reason }
      : { ok: false, reason, line };
  }
}

/** Whether a parsed JSON value is a plain object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The start of a file without a byte-order mark or leading whitespace. */
export function trimmedHead(head: string): string {
  return head.replace(/^\uFEFF/, '').trimStart();
}
