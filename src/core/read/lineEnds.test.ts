import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { textSource } from '../source';
import { readCsv } from './csv';
import { textChunks } from './lineEnds';
import { readLines } from './lines';
import { headRecords, readTable } from './table';

/** Chunk sizes that cut through line ends, quotes and rows. */
const CHUNKS = [1, 2, 3, 7, 1 << 20];

async function chunksOf(text: string, chunk: number): Promise<string> {
  const parts: string[] = [];
  for await (const part of textChunks(textSource('t.csv', text, chunk))) parts.push(part);
  return parts.join('');
}

async function rowsOf(text: string, chunk = 1 << 20) {
  const rows: [Record<string, string | undefined>, number][] = [];
  const bad: [number, string][] = [];
  const source = textSource('t.csv', text, chunk);
  const read = await readCsv(
    source,
    (row) => rows.push([row.fields, row.line]),
    (line, reason) => bad.push([line, reason]),
  );
  return { read, rows, bad, notes: source.notes };
}

describe('textChunks', () => {
  it.each(CHUNKS)('makes every line end LF, a CR cut from its LF too (chunks of %d)', async (n) => {
    expect(await chunksOf('\uFEFFa\r\nb\rc\nd\r\r\ne\r', n)).toBe('a\nb\nc\nd\n\ne\n');
  });
});

describe('line ends in CSV', () => {
  const lf = 'a,b\n1,"x\ny"\n3,4\n';
  const expected = [
    [{ a: '1', b: 'x\ny' }, 2],
    [{ a: '3', b: '4' }, 4],
  ];
  it.each(CHUNKS)(
    'reads lone CR, mixed and quoted CRLF line ends as LF (chunks of %d)',
    async (n) => {
      for (const text of [
        lf,
        lf.replaceAll('\n', '\r'),
        lf.replaceAll('\n', '\r\n'),
        // An LF header with CRLF rows, a CRLF header with LF rows, a CRLF inside quotes of an LF file.
        'a,b\n1,"x\r\ny"\r\n3,4\r\n',
        'a,b\r\n1,"x\ny"\n3,4\n',
        'a,b\n1,"x\r\ny"\n3,4\n',
        'a,b\r1,"x\r\ny"\n3,4',
      ]) {
        const { read, rows, bad } = await rowsOf(text, n);
        expect({ read, rows, bad }).toEqual({
          read: { ok: true, columns: ['a', 'b'], rows: 2 },
          rows: expected,
          bad: [],
        });
      }
    },
  );

  it('reads JSON Lines with lone CR line ends', async () => {
    const lines: string[] = [];
    await readLines(textSource('a.jsonl', '{"a":1}\r{"a":2}\r'), (line) => {
      lines.push(line);
    });
    expect(lines).toEqual(['{"a":1}', '{"a":2}']);
  });

  it('loads a tidy CSV the same whatever its line ends', async () => {
    const text = 'context_length,depth_percent,score\n1000,0,1\n1000,50,0\n2000,0,1\n';
    const plain = await loadBatch([{ path: 'r.csv', text }]);
    for (const eol of ['\r', '\r\n']) {
      expect(await loadBatch([{ path: 'r.csv', text: text.replaceAll('\n', eol) }])).toEqual(plain);
    }
    const mixed = text.replace('\n', '\r\n').replaceAll('\n0', '\r0');
    expect(await loadBatch([{ path: 'r.csv', text: mixed }])).toEqual(plain);
  });
});

describe('semicolons and decimal commas', () => {
  it('reads decimal commas as numbers in a semicolon-separated table', async () => {
    const { rows } = await rowsOf('depth;score;note\n12,5;0,75;"a, b"\n-,5;1;x\n');
    expect(rows.map(([fields]) => fields)).toEqual([
      { depth: '12.5', score: '0.75', note: 'a, b' },
      { depth: '-.5', score: '1', note: 'x' },
    ]);
  });

  it('keeps commas where the comma separates fields or the text is no number', async () => {
    const { rows } = await rowsOf('a,b\n"12,5",1\n');
    expect(rows[0]?.[0]).toEqual({ a: '12,5', b: '1' });
    const semi = await rowsOf('a;b\n"1,2,3";x,5\n');
    expect(semi.rows[0]?.[0]).toEqual({ a: '1,2,3', b: 'x,5' });
  });

  it('loads a European Excel export to the cells of the plain CSV', async () => {
    const plain = 'context_length,depth_percent,score\n1000,12.5,0.5\n1000,87.5,1\n2000,12.5,0\n';
    const european =
      'context_length;depth_percent;score\r\n1000;12,5;0,5\r\n1000;87,5;1\r\n2000;12,5;0\r\n';
    const a = await loadBatch([{ path: 'r.csv', text: plain }]);
    expect(a.runs[0]?.depths).toEqual([12.5, 87.5]);
    expect(await loadBatch([{ path: 'r.csv', text: european }])).toEqual(a);
  });

  it('gives detection and the column mapping the same numbers', async () => {
    const text = 'tokens;position;accuracy\n1000;12,5;0,5\n';
    expect(headRecords('t.csv', text, 5)?.records).toEqual([
      { tokens: '1000', position: '12.5', accuracy: '0.5' },
    ]);
    const records: unknown[] = [];
    await readTable(
      textSource('t.csv', text),
      (r) => void records.push(r.values),
      () => undefined,
    );
    expect(records).toEqual([{ tokens: '1000', position: '12.5', accuracy: '0.5' }]);
  });
});

describe('repeated column names', () => {
  it('notes the column used of two with one name, or names differing in case', async () => {
    const twice = await rowsOf('a,score,score\n1,2,3\n');
    expect(twice.rows[0]?.[0]).toEqual({ a: '1', score: '2' });
    expect(twice.notes).toEqual([
      't.csv: the column "score" appears twice (columns 2 and 3): column 2 ("score") is used, column 3 ignored',
    ]);
    const cased = await rowsOf('Score,a,score\n1,2,3\n');
    expect(cased.rows[0]?.[0]).toEqual({ score: '1', a: '2' });
    expect(cased.notes).toEqual([
      't.csv: the columns "Score" (1) and "score" (3) differ only in case: column 1 ("Score") is used, column 3 ignored',
    ]);
  });

  it('shows the note with the run', async () => {
    const text = 'context_length,depth_percent,score,Score\n1000,0,1,0\n';
    const result = await loadBatch([{ path: 'r.csv', text }]);
    expect(result.runs[0]?.cells[0]?.n).toBe(1);
    expect(result.runs[0]?.warnings).toEqual([
      'r.csv: the columns "score" (3) and "Score" (4) differ only in case: column 3 ("score") is used, column 4 ignored',
    ]);
  });
});
