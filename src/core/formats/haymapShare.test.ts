import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect';
import { loadBatch, type TextFile } from '../load';
import { cellPassRate } from '../metrics';
import { sharePayload } from './share/payload';
import { runsToShare } from '../testing/shareRuns';
import { haymapShare } from './haymapShare';

const VIEW = { metric: 'mean' };

function shareFile(value: unknown, pretty = true): TextFile {
  return { path: 'haymap-comparison.json', text: JSON.stringify(value, null, pretty ? 2 : 0) };
}

describe('Haymap comparison files', () => {
  it('are detected ahead of every other JSON format, pretty-printed or not', async () => {
    const payload = sharePayload(runsToShare(), VIEW);
    for (const pretty of [true, false]) {
      const { path, text } = shareFile(payload, pretty);
      expect(detectFormat(path, text)[0]?.format.id).toBe('haymap-share');
    }
    expect(haymapShare.detect('a.json', '{"model": "gpt-4", "v": 1}')).toBe(0);
    expect(haymapShare.detect('a.json', '[{"v": 1, "view": {}}]')).toBe(0);
  });

  it('load back into the same runs, cells exact, under their names', async () => {
    const runs = runsToShare();
    const result = await loadBatch([shareFile(sharePayload(runs, VIEW))], 997);
    expect(result.errors).toEqual([]);
    expect(result.formats[0]).toMatchObject({ formatId: 'haymap-share', confidence: 1 });
    expect(result.runs.map((r) => r.name)).toEqual(runs.map((r) => r.name));
    result.runs.forEach((back, i) => {
      const run = runs[i]!;
      expect(back.cells).toEqual(run.cells);
      expect([back.lengths, back.depths, back.tasks]).toEqual([run.lengths, run.depths, run.tasks]);
      expect(back.trialCount).toBe(run.trialCount);
      expect(back.details).toEqual([]);
      expect(back.files).toEqual(['haymap-comparison.json']);
      expect(back.formats).toEqual(['Haymap comparison (JSON)']);
      for (const threshold of [0.2, 0.5, 0.9]) {
        expect(back.cells.map((c) => cellPassRate(c, threshold))).toEqual(
          run.cells.map((c) => cellPassRate(c, threshold)),
        );
      }
    });
  });

  it('refuse a tampered file with the run and cell, and a newer version with its number', async () => {
    const payload = sharePayload(runsToShare(), VIEW);
    const cell = payload.runs[1]!.cells[2]!;
    cell[3] = -1;
    const tampered = await loadBatch([shareFile(payload)]);
    expect(tampered.runs).toEqual([]);
    expect(tampered.errors[0]?.reason).toContain('run 2, cell 3: n, failedCalls');
    const newer = await loadBatch([shareFile({ ...payload, v: 3 })]);
    expect(newer.errors[0]?.reason).toContain('newer Haymap (version 3)');
  });

  it('report broken JSON with its line', async () => {
    const result = await loadBatch([{ path: 'c.json', text: '{\n  "v": 1,\n  "view": {,\n' }]);
    expect(result.errors[0]).toMatchObject({ file: 'c.json', line: 3 });
  });
});
