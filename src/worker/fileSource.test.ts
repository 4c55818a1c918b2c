import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../core/load';
import { fileSources } from './fileSource';

/** A folder of gkamradt v1 results: one JSON object per test. */
const FOLDER: Record<string, string> = Object.fromEntries(
  [1000, 2000].flatMap((length) =>
    [0, 50].map((depth) => [
      `m_len_${length}_depth_${depth * 100}_results.json`,
      JSON.stringify({
        model: 'm',
        context_length: length,
        depth_percent: depth,
        score: depth === 0 ? 10 : 1,
      }),
    ]),
  ),
);

const ROWS = [1000, 2000]
  .flatMap((length) =>
    [0, 50].map((depth) =>
      JSON.stringify({ context_length: length, depth_percent: depth, score: depth / 100 }),
    ),
  )
  .join('\n');

async function load(files: { path: string; bytes: Uint8Array }[], limitBytes?: number) {
  const loader = new BatchLoader();
  for (const { path, bytes } of files) {
    const opened = await fileSources(
      new File([new Uint8Array(bytes)], path.split('/').pop() ?? path),
      path,
      () => {},
      undefined,
      limitBytes,
    );
    if (!opened.ok) loader.fail({ file: path, reason: opened.reason });
    else for (const source of opened.sources) await loader.add(source);
  }
  const result = loader.finish();
  return {
    errors: result.errors,
    files: result.formats.map((f) => f.file),
    runs: result.runs.map((r) => ({
      name: r.name,
      cells: r.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n, c.sum]),
    })),
  };
}

describe('packed input', () => {
  it('reads a .jsonl.gz as the .jsonl it holds', async () => {
    const plain = await load([{ path: 'results.jsonl', bytes: strToU8(ROWS) }]);
    const packed = await load([{ path: 'results.jsonl.gz', bytes: gzipSync(strToU8(ROWS)) }]);
    expect(plain.errors).toEqual([]);
    expect(packed).toEqual(plain);
  });

  it('reads a zip of a folder as the folder, its files named <archive>/<entry>', async () => {
    const entries = Object.entries(FOLDER);
    const plain = await load(
      entries.map(([name, text]) => ({
        path: `results.zip/results/${name}`,
        bytes: strToU8(text),
      })),
    );
    const zip = zipSync({
      results: Object.fromEntries(entries.map(([name, text]) => [name, strToU8(text)])),
      '__MACOSX/results/._x': strToU8('junk'),
    });
    const packed = await load([{ path: 'results.zip', bytes: zip }]);
    expect(plain.errors).toEqual([]);
    expect(packed).toEqual(plain);
    expect(packed.files[0]).toBe('results.zip/results/m_len_1000_depth_0_results.json');
    expect(packed.runs[0]?.cells).toHaveLength(4);
  });

  it('reads stored (uncompressed) zip entries too', async () => {
    const zip = zipSync({ 'rows.jsonl': [strToU8(ROWS), { level: 0 }] });
    const packed = await load([{ path: 'rows.zip', bytes: zip }]);
    expect(packed.errors).toEqual([]);
    expect(packed.runs[0]?.cells).toHaveLength(4);
  });

  it('refuses an archive that expands past the limit, naming it and the limit', async () => {
    const zeros = new Uint8Array(3 * 2 ** 20);
    const zip = zipSync({ 'bomb/zeros.jsonl': zeros });
    expect(zip.length).toBeLessThan(2 ** 15);
    const refused = await load([{ path: 'bomb.zip', bytes: zip }], 2 ** 20);
    expect(refused.runs).toEqual([]);
    expect(refused.errors).toEqual([
      {
        file: 'bomb.zip',
        reason:
          'bomb.zip expands to 3 MB when unpacked, past the limit of 1 MB: nothing of it was loaded',
      },
    ]);
    const gz = await load([{ path: 'zeros.jsonl.gz', bytes: gzipSync(zeros) }], 2 ** 20);
    expect(gz.errors[0]?.reason).toMatch(/zeros\.jsonl\.gz expands to 3 MB .* limit of 1 MB/);
  });

  it('stops a gzip file whose trailer understates its size once past the limit', async () => {
    const gz = gzipSync(new Uint8Array(3 * 2 ** 20));
    gz.set([0, 0, 0, 0], gz.length - 4);
    await expect(load([{ path: 'lies.jsonl.gz', bytes: gz }], 2 ** 20)).rejects.toThrow(
      /lies\.jsonl\.gz expands to more when unpacked, past the limit of 1 MB/,
    );
  });
});
