import { describe, expect, it } from 'vitest';
import { textSource } from '../source';
import { readCsv } from './csv';
import { JSON_WHOLE_CHARS, parseJson, quotePythonSpecials } from './json';
import { forEachJsonItem } from './jsonArray';
import { readLines } from './lines';

/** Chunk sizes that cut through rows, quotes and line ends. */
const CHUNKS = [1, 2, 3, 7, 1 << 20];

describe('readLines', () => {
  it.each(CHUNKS)(
    'gives every line with its number whatever the chunk size (%d)',
    async (chunk) => {
      const lines: [string, number][] = [];
      await readLines(textSource('a.jsonl', '\uFEFFone\r\ntwo\n\nfour', chunk), (line, n) => {
        lines.push([line, n]);
      });
      expect(lines).toEqual([
        ['one', 1],
        ['two', 2],
        ['', 3],
        ['four', 4],
      ]);
    },
  );
});

describe('readCsv', () => {
  const text = 'a,b\n1,"x\ny"\n\n3,4\n5,"six, seven"\n';
  it.each(CHUNKS)(
    'keys rows by header and counts lines through quoted breaks (chunks of %d)',
    async (chunk) => {
      const rows: [Record<string, string | undefined>, number][] = [];
      const read = await readCsv(
        textSource('t.csv', text, chunk),
        (row) => rows.push([row.fields, row.line]),
        () => undefined,
      );
      expect(read).toEqual({ ok: true, columns: ['a', 'b'], rows: 3 });
      expect(rows).toEqual([
        [{ a: '1', b: 'x\ny' }, 2],
        [{ a: '3', b: '4' }, 5],
        [{ a: '5', b: 'six, seven' }, 6],
      ]);
    },
  );

  it('reads tabs, semicolons and CRLF line ends', async () => {
    for (const [sep, eol] of [
      ['\t', '\n'],
      [';', '\r\n'],
    ] as const) {
      const rows: unknown[] = [];
      await readCsv(
        textSource('t.txt', `a${sep}b${eol}1${sep}2${eol}`),
        (row) => rows.push(row.fields),
        () => undefined,
      );
      expect(rows).toEqual([{ a: '1', b: '2' }]);
    }
  });

  it('reports rows with the wrong number of fields and an unclosed quote with their lines', async () => {
    const bad: [number, string][] = [];
    const read = await readCsv(
      textSource('t.csv', 'a,b\n1,2,3\n4\n5,"open\n'),
      () => undefined,
      (line, reason) => bad.push([line, reason]),
    );
    expect(bad).toEqual([
      [2, '3 fields where the header has 2'],
      [3, '1 fields where the header has 2'],
    ]);
    expect(read).toEqual({ ok: false, reason: 'a quoted field is not closed', line: 4 });
  });
});

describe('JSON', () => {
  it('reads Python NaN and Infinity as the strings they stand for', () => {
    expect(quotePythonSpecials('[NaN, "NaN", -Infinity, {"a": Infinity}]')).toBe(
      '["NaN", "NaN", "-Infinity", {"a": "Infinity"}]',
    );
    expect(parseJson('{"score": NaN}')).toEqual({ ok: true, value: { score: 'NaN' } });
  });

  it('names the line where a file stops being JSON', () => {
    const parsed = parseJson('[\n{"a": 1},\n{"a": }\n]');
    expect(parsed).toMatchObject({ ok: false, line: 3 });
  });

  it.each(CHUNKS)('streams the elements of a large array (chunks of %d)', async (chunk) => {
    const text = '[{"a": "x, ]}"}, [1, 2],\n 3, {"b": {"c": NaN}}]';
    const source = { ...textSource('big.json', text, chunk), size: JSON_WHOLE_CHARS + 1 };
    const items: unknown[] = [];
    const read = await forEachJsonItem(source, (item) => items.push(item));
    expect(read).toEqual({ ok: true, items: 4 });
    expect(items).toEqual([{ a: 'x, ]}' }, [1, 2], 3, { b: { c: 'NaN' } }]);
  });

  it('says when a streamed array is cut short', async () => {
    const source = { ...textSource('big.json', '[{"a": 1},\n{"a": 2'), size: JSON_WHOLE_CHARS + 1 };
    expect(await forEachJsonItem(source, () => undefined)).toMatchObject({ ok: false, line: 2 });
  });
});
