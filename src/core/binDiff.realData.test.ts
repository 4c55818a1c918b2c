import { describe, expect, it } from 'vitest';
import { claudeLikeFolder } from '../../scripts/lib/synth.mjs';
import { chooseComparison, diffOnBins } from './binDiff';
import { loadBatch } from './load';
import { realFolder } from './testing/realData';
import type { Run } from './types';

/**
 * The comparison the issue names: the project's Claude 2.1-like sigmoid folder (35 x 35,
 * 1,376 files, 1000..200000) against the published GPT-4 128K files (15 x 15, 1000..128000).
 * Every bin's value is checked against a mean worked out straight from the files' trials.
 */
const claudeFiles = claudeLikeFolder().map(({ name, text }) => ({
  path: `claude-like/${name}`,
  text,
}));
const gpt4Files = realFolder('gkamradt-gpt-4-128k');

interface RawTrial {
  length: number;
  depth: number;
  score: number;
}

/** Trials read from the files by hand: gkamradt objects, one per file or an array of them. */
function rawTrials(files: readonly { text: string }[]): RawTrial[] {
  return files.flatMap(({ text }) => {
    const parsed = JSON.parse(text) as unknown;
    const items = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, number>[];
    return items.map((item) => ({
      length: item.context_length ?? item.token_limit ?? Number.NaN,
      depth: item.depth_percent ?? Number.NaN,
      score: (item.score ?? Number.NaN) / 10,
    }));
  });
}

const inBin = (value: number, from: number, to: number, closed: boolean) =>
  value >= from && (closed ? value <= to : value < to);

function meanIn(trials: readonly RawTrial[], bin: BinEdges): number | null {
  const inside = trials.filter(
    (t) =>
      inBin(t.length, bin.lengthFrom, bin.lengthTo, bin.lengthClosed) &&
      inBin(t.depth, bin.depthFrom, bin.depthTo, bin.depthClosed),
  );
  return inside.length === 0 ? null : inside.reduce((s, t) => s + t.score, 0) / inside.length;
}

interface BinEdges {
  lengthFrom: number;
  lengthTo: number;
  lengthClosed: boolean;
  depthFrom: number;
  depthTo: number;
  depthClosed: boolean;
}

describe.skipIf(!gpt4Files)(
  'Claude-like sigmoid fixture against the GPT-4 128K files',
  async () => {
    const asRun = async (files: { path: string; text: string }[], id: string): Promise<Run> => {
      const result = await loadBatch(files);
      return { ...result.runs[0]!, id };
    };
    const claude = await asRun(claudeFiles, 'claude');
    const gpt4 = await asRun(gpt4Files ?? [], 'gpt4');

    it('chooses bins by itself: only 3 of 225 cells match', () => {
      expect(chooseComparison(claude, gpt4)).toMatchObject({
        mode: 'bins',
        matched: 3,
        smallerCells: 225,
      });
    });

    it('gives at least 50 bins with values in both, each the difference of the trials’ means', () => {
      const diff = diffOnBins(claude, gpt4, 'mean', 0.7)!;
      const withValues = diff.slots.filter((s) => s.value !== null);
      expect(withValues.length).toBeGreaterThanOrEqual(50);
      expect(diff.compared).toBe(withValues.length);
      const claudeTrials = rawTrials(claudeFiles);
      const gpt4Trials = rawTrials(gpt4Files ?? []);
      expect(claudeTrials).toHaveLength(1376);
      expect(gpt4Trials).toHaveLength(330);
      for (const slot of diff.slots) {
        const edges: BinEdges = {
          lengthFrom: slot.length.from,
          lengthTo: slot.length.to,
          lengthClosed: slot.length.closed,
          depthFrom: slot.depth.from,
          depthTo: slot.depth.to,
          depthClosed: slot.depth.closed,
        };
        const a = meanIn(claudeTrials, edges);
        const b = meanIn(gpt4Trials, edges);
        const where = `${slot.length.label} x ${slot.depth.label}`;
        if (a === null || b === null) expect(slot.value, where).toBeNull();
        else expect(slot.value, where).toBeCloseTo(a - b, 12);
      }
      // The bins cover exactly the range both runs tested.
      expect(diff.axes.lengths[0]?.from).toBe(1000);
      expect(diff.axes.lengths.at(-1)?.to).toBe(128000);
      expect(new Set(diff.axes.lengths.map((l) => l.label)).size).toBe(diff.axes.lengths.length);
    });
  },
);
