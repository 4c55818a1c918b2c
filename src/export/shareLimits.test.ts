import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedViewOf } from '../state/sharedView';
import { DEFAULT_VIEW } from '../state/viewFields';
import { decodeShare, SHARE_PREFIX } from './shareLink';

const VIEW = sharedViewOf(DEFAULT_VIEW, []);

function link(runs: unknown[]): string {
  const json = JSON.stringify({ v: 1, view: VIEW, runs });
  return SHARE_PREFIX + deflateRawSync(Buffer.from(json)).toString('base64url');
}

const cell = (length: number) => ['', length, 50, 1, 0, 1, [1], [1], 0, 0];

async function reasonFor(hash: string): Promise<string> {
  const decoded = await decodeShare(hash);
  if (decoded.ok) throw new Error('expected a refusal');
  return decoded.reason;
}

describe('share links past the limits are refused before their runs are read', () => {
  it('a link of 20,000 runs', async () => {
    const runs = Array.from({ length: 20_000 }, (_, i) => ({
      name: `run ${i}`,
      formats: [],
      cells: [cell(1000)],
    }));
    expect(await reasonFor(link(runs))).toBe('holds 20,000 runs; a share brings up to 500');
  });

  it('a run of 120,000 lengths, naming the run and the count', async () => {
    const cells = Array.from({ length: 120_000 }, (_, i) => cell(1000 + i));
    expect(await reasonFor(link([{ name: 'wide', formats: [], cells }]))).toBe(
      'run 1: 120,000 distinct context lengths; Haymap draws up to 2,000 per run',
    );
  });

  it('runs of more cells than a share brings, all together', async () => {
    const runs = Array.from({ length: 200 }, (_, r) => ({
      name: `run ${r}`,
      formats: [],
      cells: Array.from({ length: 1500 }, (_, i) => cell(1000 + i)),
    }));
    expect(await reasonFor(link(runs))).toContain('more than 250,000 cells');
  });
});
