import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellPassRate } from '../core/metrics';
import { runsToShare } from '../core/testing/shareRuns';
import type { Run } from '../core/types';
import { sharedViewOf, type SharedView } from '../state/sharedView';
import { DEFAULT_VIEW } from '../state/viewFields';
import {
  decodeShare,
  encodeShare,
  MAX_LINK_CHARS,
  MAX_UNPACKED_BYTES,
  SHARE_PREFIX,
  shareFileText,
} from './shareLink';

const VIEW: SharedView = {
  ...sharedViewOf(DEFAULT_VIEW, []),
  metric: 'passRate',
  threshold: 0.3,
  palette: 'viridis',
  task: 'niah_single_1',
  align: true,
  showLengthMean: true,
  effectiveThreshold: 0.6,
  figure: {
    ...DEFAULT_VIEW.figure,
    theme: 'dark',
    trainedLength: 8192,
    aspect: '16:9',
    widthPx: 1400,
    titleAlign: 'left',
    axisTitlePx: 16,
    legend: 'stops',
  },
  callouts: [
    { text: 'Misses at 50 %', at: { lengthTokens: 1000, row: 50 }, to: null },
    {
      text: '<b>boxed</b>',
      at: { lengthTokens: 1000, row: 0 },
      to: { lengthTokens: 2000, row: 100 },
    },
  ],
  diffA: 2,
  diffB: 0,
};

/** A link holding any text, packed independently of the code under test (Node's zlib). */
function linkOfText(text: string): string {
  return SHARE_PREFIX + deflateRawSync(Buffer.from(text)).toString('base64url');
}

/** A valid payload's JSON for the runs, to tamper with. */
function payloadOf(runs: Run[], view: SharedView = VIEW): Record<string, unknown> {
  const value: unknown = JSON.parse(shareFileText(runs, view));
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  return { ...value };
}

async function reasonFor(hash: string): Promise<string> {
  const decoded = await decodeShare(hash);
  if (decoded.ok) throw new Error('expected a refusal');
  return decoded.reason;
}

/** A one-run payload whose only cell is `cell`. */
function oneCell(cell: unknown[], name: unknown = 'run'): string {
  return linkOfText(
    JSON.stringify({ v: 1, view: VIEW, runs: [{ name, formats: [], cells: [cell] }] }),
  );
}

const GOOD_CELL = [' ', 1000, 50, 2, 0, 1.5, [0.5, 1], [1, 1], 0, 0];

describe('share links', () => {
  it('round-trip runs exactly: every cell field, pass rates at any threshold, the view', async () => {
    const runs = runsToShare();
    const hash = await encodeShare(runs, VIEW);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    const decoded = await decodeShare(hash);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.view).toEqual(VIEW);
    expect(decoded.runs).toHaveLength(runs.length);
    decoded.runs.forEach((back, i) => {
      const run = runs[i]!;
      expect(back).toEqual({
        name: run.name,
        formats: run.formats,
        files: [],
        cells: run.cells,
        lengths: run.lengths,
        depths: run.depths,
        tasks: run.tasks,
        trialCount: run.trialCount,
        details: [],
        warnings: [],
      });
      for (const threshold of [0, 0.3, 0.7, 1]) {
        expect(back.cells.map((c) => cellPassRate(c, threshold))).toEqual(
          run.cells.map((c) => cellPassRate(c, threshold)),
        );
      }
    });
  });

  it('keep names as the text they are, markup included', async () => {
    const decoded = await decodeShare(await encodeShare(runsToShare(), VIEW));
    expect(decoded.ok && decoded.runs[2]?.name).toBe('<img src=x onerror="alert(1)"> & co');
  });

  it('are not made for runs they could not bring back', async () => {
    const [run] = runsToShare();
    await expect(encodeShare([{ ...run!, name: 'x'.repeat(501) }], VIEW)).rejects.toThrow(
      'run 1: the name must be text of 1 to 500 characters',
    );
  });

  it('leave trial details and responses out', async () => {
    const runs = runsToShare();
    expect(runs[0]?.details.length).toBeGreaterThan(0);
    expect(shareFileText(runs, VIEW)).not.toContain('test.json');
  });

  it.each([
    ['#x=abc', 'not a share link'],
    ['#s=', 'not base64url'],
    ['#s=<script>', 'not base64url'],
    ['#s=A', 'not base64url'],
    [`#s=${Buffer.from('hello, world').toString('base64url')}`, 'does not unpack'],
  ])('refuse %s: %s', async (hash, reason) => {
    expect(await reasonFor(hash)).toContain(reason);
  });

  it('refuse a link cut short', async () => {
    const hash = await encodeShare(runsToShare(), VIEW);
    expect(await reasonFor(hash.slice(0, hash.length - 20))).toContain('damaged');
  });

  it('refuse data that is not JSON, or Python-style NaN', async () => {
    expect(await reasonFor(linkOfText('{"v": 1, "runs": [NaN]}'))).toContain('not JSON');
    expect(await reasonFor(linkOfText('\u00ff'.repeat(3)))).toContain('not JSON');
  });

  it('refuse other versions, saying which', async () => {
    const payload = payloadOf(runsToShare());
    expect(await reasonFor(linkOfText(JSON.stringify({ ...payload, v: 2 })))).toContain(
      'newer Haymap (version 2)',
    );
    expect(await reasonFor(linkOfText(JSON.stringify({ ...payload, v: '1' })))).toContain(
      'unknown version',
    );
    expect(await reasonFor(linkOfText('[1, 2]'))).toContain('not a Haymap share');
  });

  it('read a plain cell', async () => {
    const decoded = await decodeShare(oneCell(GOOD_CELL));
    expect(decoded.ok && decoded.runs[0]?.cells[0]).toMatchObject({ n: 2, sum: 1.5 });
  });

  it.each([
    ['a negative n', [' ', 1000, 50, -2, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'cell 1: n, failedCalls'],
    ['a fractional n', [' ', 1000, 50, 2.5, 0, 1.5, [0.5, 1], [1, 1], 0.5, 0], 'whole numbers'],
    ['a huge n', [' ', 1000, 50, 1e300, 0, 1.5, [0.5, 1], [1, 1], 1e300, 0], 'whole numbers'],
    ['a null n', [' ', 1000, 50, null, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'whole numbers'],
    ['a huge length', [' ', 1e300, 50, 2, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'lengthTokens'],
    // A length of 0 is valid (BABILong's 0k, no filler), a negative one never.
    ['a negative length', [' ', -1000, 50, 2, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'lengthTokens'],
    ['a fractional length', [' ', 10.5, 50, 2, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'lengthTokens'],
    ['a depth of 101', [' ', 1000, 101, 2, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'depthPercent'],
    ['a depth as text', [' ', 1000, '50', 2, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'depthPercent'],
    ['a score above 1', [' ', 1000, 50, 2, 0, 2.5, [0.5, 2], [1, 1], 0, 0], 'scoreValues'],
    ['scores out of order', [' ', 1000, 50, 2, 0, 1.5, [1, 0.5], [1, 1], 0, 0], 'scoreValues'],
    ['unequal score lists', [' ', 1000, 50, 2, 0, 1.5, [0.5, 1], [2], 0, 0], 'scoreCounts'],
    ['a count of 0', [' ', 1000, 50, 2, 0, 1.5, [0.5, 1], [2, 0], 0, 0], 'scoreCounts'],
    ['counts that miss n', [' ', 1000, 50, 3, 0, 1.5, [0.5, 1], [1, 1], 0, 0], 'n must be'],
    ['a sum above n', [' ', 1000, 50, 2, 0, 2.5, [0.5, 1], [1, 1], 0, 0], 'sum must'],
    ['a huge sum', [' ', 1000, 50, 2, 0, 1e308, [0.5, 1], [1, 1], 0, 0], 'sum must'],
    ['too many passes', [' ', 1000, 50, 2, 0, 1, [], [], 2, 3], 'summaryPasses'],
    ['an empty cell', [' ', 1000, 50, 0, 0, 0, [], [], 0, 0], 'no trial'],
    ['a short tuple', [' ', 1000, 50, 2, 0, 1.5, [0.5, 1], [1, 1], 0], 'list of 10'],
    ['a long task', ['x'.repeat(501), 1000, 50, 1, 0, 1, [1], [1], 0, 0], 'task'],
  ])('refuse a cell with %s', async (_what, cell, reason) => {
    const refused = await reasonFor(oneCell(cell));
    expect(refused).toContain('run 1, cell 1');
    expect(refused).toContain(reason);
  });

  it.each([
    ['an empty name', '  '],
    ['a name too long', 'x'.repeat(501)],
    ['a name that is a number', 42],
  ])('refuse a run with %s', async (_what, name) => {
    expect(await reasonFor(oneCell(GOOD_CELL, name))).toContain('run 1: the name must be text');
  });

  it('refuse two cells at one place, two runs of one name, and no runs', async () => {
    const run = { name: 'a', formats: [], cells: [GOOD_CELL, GOOD_CELL] };
    const link = (runs: unknown[]) => linkOfText(JSON.stringify({ v: 1, view: VIEW, runs }));
    expect(await reasonFor(link([run]))).toContain('two cells share');
    const single = { ...run, cells: [GOOD_CELL] };
    expect(await reasonFor(link([single, single]))).toContain('run 2: another run');
    expect(await reasonFor(link([]))).toContain('no runs');
  });

  it.each([
    ['metric', 'toString', 'unknown metric'],
    ['palette', 'constructor', 'unknown palette'],
    ['threshold', 1.5, 'thresholds'],
    ['align', 'yes', 'switches'],
    ['diffA', -1, 'difference runs'],
    ['figure', { theme: 'neon' }, 'figure options'],
  ])('refuse a view whose %s is %j', async (field, value, reason) => {
    const payload = { ...payloadOf(runsToShare()), view: { ...VIEW, [field]: value } };
    expect(await reasonFor(linkOfText(JSON.stringify(payload)))).toContain(reason);
  });

  it('refuse a link over the length limit before reading it', async () => {
    const reason = await reasonFor(SHARE_PREFIX + 'A'.repeat(MAX_LINK_CHARS + 4));
    expect(reason).toContain('too long');
    expect(reason).toContain('2.0 MB');
  });

  it('stop unpacking past the size limit (a zip bomb)', async () => {
    const bomb = linkOfText(' '.repeat(MAX_UNPACKED_BYTES + 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await reasonFor(bomb)).toContain('unpacks to more than 20.0 MB');
  });
});
