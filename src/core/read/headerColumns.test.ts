import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, headerColumns } from './csv';

/** What papaparse itself reads as the first row's names, normalised as detection has them. */
function papaparseColumns(head: string): string[] {
  const line = head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const row = Papa.parse<string[]>(line, { delimiter: guessDelimiter(head) }).data[0] ?? [];
  return row.map((name) => name.trim().toLowerCase());
}

describe('headerColumns', () => {
  it.each([
    'context_length,depth_percent,score\n1000,0,1',
    ' Context_Length ; Depth_Percent ; Score \r\n1000;0;1',
    'model\tcontext_length\tdepth_percent\tscore',
    'a|b|c',
    '\uFEFFrun,context_length,depth_percent,n,mean_score,pass_rate\n',
    'a,,b,',
    '{\n    "model": "m",\n    "context_length": 1000',
    '{"context_length": 1000, "depth_percent": 50, "score": 1}',
    '"quoted, name",score\n',
    '"unterminated,score',
    '',
    '\n\nsecond',
  ])('reads the names papaparse reads from %j', (head) => {
    expect(headerColumns(head)).toEqual(papaparseColumns(head));
  });
});
