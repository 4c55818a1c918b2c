import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLargeCsv } from '../../scripts/make-large-csv.mjs';
import { loadBatch } from './load';
import { cellMean } from './metrics';

const dir = mkdtempSync(join(tmpdir(), 'haymap-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the large CSV generator', () => {
  it('writes a tidy CSV whose heatmap is exactly the expected cells it writes beside it', async () => {
    const path = join(dir, 'large.csv');
    const written = await writeLargeCsv(path, 30_000);
    const text = readFileSync(path, 'utf8');
    expect(written.bytes).toBe(text.length);
    expect(text.split('\n', 1)[0]).toBe(
      'model,context_length,depth_percent,score,needle,expected,response',
    );
    const expected = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as unknown;
    expect(expected).toEqual({ cells: written.cells });
    expect(written.cells).toHaveLength(35 * 35);
    expect(written.cells.reduce((n, cell) => n + cell[3], 0)).toBe(30_000);

    const result = await loadBatch([{ path: 'large.csv', text }]);
    expect(result.runs.map((run) => run.formats)).toEqual([['Tidy CSV']]);
    const cells = result.runs[0]?.cells.map((c) => [
      c.lengthTokens,
      c.depthPercent,
      cellMean(c),
      c.n,
    ]);
    expect(cells).toEqual(written.cells);
  });

  it('gives the same bytes for the same seed', async () => {
    await writeLargeCsv(join(dir, 'a.csv'), 2_000, 5);
    await writeLargeCsv(join(dir, 'b.csv'), 2_000, 5);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
  });
});
