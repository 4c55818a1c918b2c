import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect';
import { loadBatch } from '../load';
import { HEAD_CHARS } from '../source';
import { byteSource, memoryFile } from './byteSource';
import { detectionHead } from './head';

/** A gkamradt v1 per-test result whose response comes before the fields detection needs. */
function longResponseResult(responseChars: number): string {
  return JSON.stringify(
    {
      model: 'claude-2.1',
      needle: 'The best thing to do in San Francisco is eat a sandwich.',
      model_response: `${'The "best" thing \\ to do… '.repeat(responseChars / 25)}😀`,
      context_length: 1000,
      depth_percent: 50,
      version: 1,
      score: 10,
      test_duration_seconds: 2.5,
    },
    null,
    2,
  );
}

describe('detectionHead', () => {
  it('is the text itself when no string is long, and any text that is not JSON', () => {
    const json = '[{"context_length": 1000, "score": 1}]';
    expect(detectionHead(json, HEAD_CHARS)).toBe(json);
    const csv = `a,b\n"${'x'.repeat(10_000)}",1\n`;
    expect(detectionHead(csv, HEAD_CHARS)).toBe(csv.slice(0, HEAD_CHARS));
  });

  it('shortens long strings, still valid JSON, so the fields after them stay in the head', () => {
    const text = longResponseResult(200_000);
    const head = detectionHead(text, HEAD_CHARS);
    expect(head.length).toBeLessThan(1000);
    const parsed = JSON.parse(head) as Record<string, unknown>;
    expect(parsed).toMatchObject({ context_length: 1000, depth_percent: 50, score: 10 });
    expect(String(parsed.model_response)).toMatch(/^The "best" thing \\ to do.*…$/);
  });

  it('never cuts an escape in two', () => {
    for (let pad = 0; pad < 8; pad += 1) {
      const text = JSON.stringify({ s: `${'a'.repeat(250 + pad)}${'\\"\u0001'.repeat(40)}`, n: 1 });
      expect(JSON.parse(detectionHead(text, HEAD_CHARS))).toMatchObject({ n: 1 });
    }
  });
});

describe('a producer is recognised however long one of its fields', () => {
  it('reads a gkamradt v1 file with a 200 KB model_response as gkamradt v1', async () => {
    const text = longResponseResult(200_000);
    expect(text.length).toBeGreaterThan(200_000);
    const result = await loadBatch([{ path: 'results/claude_2_1_len_1000_depth_50.json', text }]);
    expect(result.unmapped).toEqual([]);
    expect(result.formats.map((f) => f.formatId)).toEqual(['gkamradt-v1']);
    expect(result.runs[0]?.cells).toMatchObject([{ lengthTokens: 1000, depthPercent: 50, n: 1 }]);
  });

  it('reads far enough into a large streamed file, bounded', async () => {
    const text = `[${longResponseResult(2_000_000)}]`;
    const bytes = new TextEncoder().encode(text);
    const source = await byteSource(memoryFile('big.json', bytes), () => undefined);
    expect(source.head).toContain('"score": 10');
    expect(detectFormat(source.path, source.head)[0]?.format.id).toBe('gkamradt-v1');
  });
});
