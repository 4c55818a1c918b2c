import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../load';
import type { BatchResult } from '../types';
import { propertyRuns, propertyTimeout } from '../testing/properties';
import { byteSource, memoryFile } from './byteSource';

const RUNS = propertyRuns(100);
const TIMEOUT_MS = propertyTimeout(30_000);

interface Row {
  lengthTokens: number;
  depthPercent: number;
  score: number;
  response: string;
}

/** Responses made of what breaks readers: separators, quotes, every line end, wide characters. */
const response = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      ' ',
      ',',
      ';',
      '\t',
      '|',
      '"',
      '\n',
      '\r\n',
      '\r',
      'é',
      '€',
      '😀',
      '12,5',
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

const rows = fc.array(
  fc.record({
    lengthTokens: fc.constantFrom(1000, 4096, 128000),
    depthPercent: fc.oneof(
      fc.constantFrom(0, 12.5, 50, 100),
      fc.double({ min: 0, max: 100, noNaN: true }),
    ),
    score: fc.oneof(fc.constantFrom(0, 0.25, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    response,
  }),
  { minLength: 1, maxLength: 20 },
);

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
type LineEnd = 'lf' | 'crlf' | 'cr' | 'mixed';

interface Style {
  encoding: Encoding;
  lineEnd: LineEnd;
  delimiter: ',' | ';' | '\t' | '|';
  /** Numbers written with a decimal comma (only with `;`, as European Excel does). */
  decimalComma: boolean;
  quoteAll: boolean;
  chunkBytes: number;
  whole: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  lineEnd: fc.constantFrom<LineEnd>('lf', 'crlf', 'cr', 'mixed'),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  decimalComma: fc.boolean(),
  quoteAll: fc.boolean(),
  chunkBytes: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant(1 << 16)),
  whole: fc.boolean(),
});

const PLAIN: Style = {
  encoding: 'utf-8',
  lineEnd: 'lf',
  delimiter: ',',
  decimalComma: false,
  quoteAll: false,
  chunkBytes: 1 << 16,
  whole: true,
};

/** Writes rows as a spreadsheet or a script would, in a style, to bytes. */
function write(data: Row[], s: Style, mixedSeed: number): Uint8Array {
  let lineIndex = mixedSeed;
  const eol = () => {
    lineIndex += 1;
    if (s.lineEnd === 'mixed') return ['\n', '\r\n', '\r'][lineIndex % 3] ?? '\n';
    return { lf: '\n', crlf: '\r\n', cr: '\r' }[s.lineEnd];
  };
  const decimalComma = s.decimalComma && s.delimiter === ';';
  const number = (n: number) => (decimalComma ? String(n).replace('.', ',') : String(n));
  const field = (text: string) => {
    // A line end inside quotes is written in the file's own style.
    const body = text.replace(/\r\n?|\n/g, s.lineEnd === 'mixed' ? '\r\n' : eol());
    const special = /[",;\t|\r\n]/.test(body);
    return s.quoteAll || special ? `"${body.replaceAll('"', '""')}"` : body;
  };
  const lines = [['context_length', 'depth_percent', 'score', 'response'].join(s.delimiter)];
  for (const row of data) {
    lines.push(
      [
        number(row.lengthTokens),
        number(row.depthPercent),
        number(row.score),
        field(row.response),
      ].join(s.delimiter),
    );
  }
  const text = lines.map((line) => line + eol()).join('');
  if (s.encoding === 'utf-8') return new TextEncoder().encode(text);
  if (s.encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return new Uint8Array(s.encoding === 'utf-16le' ? le : le.swap16());
}

async function load(bytes: Uint8Array, s: Style): Promise<BatchResult> {
  const loader = new BatchLoader();
  const file = memoryFile('results.csv', bytes, s.chunkBytes);
  await loader.add(await byteSource(file, () => undefined, s.whole ? bytes : undefined));
  return loader.finish();
}

describe('encodings and line ends (property)', () => {
  it(
    'any small CSV in any encoding, line ends, delimiter and decimal mark loads to the cells of the plain UTF-8 LF file',
    async () => {
      await fc.assert(
        fc.asyncProperty(rows, style, fc.nat(2), async (data, s, seed) => {
          // In a semicolon table a field that is exactly `12,5` is the number 12.5, text or not.
          fc.pre(s.delimiter !== ';' || !data.some((row) => /^\s*\d*,\d+\s*$/.test(row.response)));
          const plain = await load(write(data, PLAIN, 0), PLAIN);
          const styled = await load(write(data, s, seed), s);
          expect(plain.errors).toEqual([]);
          expect(styled).toEqual(plain);
          // Responses come out with LF line ends, whatever the file had.
          const responses = plain.runs[0]?.details.map((trial) => trial.response ?? '');
          expect(responses).toEqual(
            data.map((row) => row.response.replace(/\r\n?/g, '\n')).slice(0, responses?.length),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
