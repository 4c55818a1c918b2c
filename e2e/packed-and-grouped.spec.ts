import { crc32, deflateRawSync, constants } from 'node:zlib';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { cellsOf, heatmap, openFiles } from './helpers';

const LLAMA = 'Llama-3-70B-Instruct-Gradient-524k (synthetic)';

/** A folder of gkamradt v1 results for model "m": one JSON object per test. */
const FOLDER = [1000, 2000, 4000].flatMap((length) =>
  [0, 50, 100].map((depth) => ({
    name: `m_len_${length}_depth_${depth * 100}_results.json`,
    text: JSON.stringify({
      model: 'm',
      context_length: length,
      depth_percent: depth,
      score: (length + depth) % 3 === 0 ? 1 : 10,
    }),
  })),
);

const ROWS = [1000, 2000]
  .flatMap((length) =>
    [0, 25, 50].map((depth) =>
      JSON.stringify({ context_length: length, depth_percent: depth, score: depth / 50 / 2 }),
    ),
  )
  .join('\n');

function file(name: string, bytes: Uint8Array | string) {
  return {
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(typeof bytes === 'string' ? strToU8(bytes) : bytes),
  };
}

async function cellsAfterOpening(page: Page, files: ReturnType<typeof file>[], run: string) {
  await page.goto('/');
  await openFiles(page, files);
  return cellsOf(heatmap(page, run));
}

/**
 * A zip holding one file of zeros that says, truthfully, it expands to `bytes`: deflate output
 * of 16 MB of zeros, ended by a sync flush, is byte-aligned and can be repeated, so the archive
 * is built in about a second without compressing gigabytes.
 */
function zipBomb(name: string, chunks: number): Buffer {
  const chunk = Buffer.alloc(1 << 24);
  const piece = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array<Buffer>(chunks).fill(piece), Buffer.from([3, 0])]);
  let crc = 0;
  for (let i = 0; i < chunks; i += 1) crc = crc32(chunk, crc);
  const size = chunks * chunk.length;
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const dirAt = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(dirAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

test.describe('packed input', () => {
  test('a .jsonl.gz loads to the same cells as the .jsonl', async ({ page }) => {
    const plain = await cellsAfterOpening(page, [file('rows.jsonl', ROWS)], 'rows');
    const packed = await cellsAfterOpening(
      page,
      [file('rows.jsonl.gz', gzipSync(strToU8(ROWS)))],
      'rows',
    );
    expect(plain).toHaveLength(6);
    expect(packed).toEqual(plain);
  });

  test('a .zip of a results folder loads to the same cells as the folder', async ({ page }) => {
    const plain = await cellsAfterOpening(
      page,
      FOLDER.map((f) => file(f.name, f.text)),
      'm',
    );
    const zip = zipSync({
      results: Object.fromEntries(FOLDER.map((f) => [f.name, strToU8(f.text)])),
    });
    const packed = await cellsAfterOpening(page, [file('results.zip', zip)], 'm');
    expect(plain).toHaveLength(9);
    expect(packed).toEqual(plain);
    await expect(page.getByTestId('load-error')).toHaveCount(0);
  });

  test('an archive expanding past the limit is refused and the loaded run stays', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByTestId('example-llama3').click();
    const figure = heatmap(page, LLAMA);
    const before = await cellsOf(figure);
    // 130 x 16 MB of zeros: 2080 MB unpacked, past the 2048 MB limit, 9 MB packed.
    await openFiles(page, [file('bomb.zip', zipBomb('results/zeros.jsonl', 130))]);
    const error = page.getByTestId('load-error').filter({ hasText: 'bomb.zip' });
    await expect(error).toContainText(
      'bomb.zip expands to 2080 MB when unpacked, past the limit of 2048 MB: nothing of it was loaded',
    );
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    expect(await cellsOf(figure)).toEqual(before);
  });
});

test('200 files that are not results give one grouped message naming the count', async ({
  page,
}) => {
  await page.goto('/');
  const files = Array.from({ length: 200 }, (_, i) =>
    file(`package-${i}.json`, `{"name": "pkg-${i}", "version": "1.0.${i}"}`),
  );
  await openFiles(page, files);
  const errors = page.getByTestId('load-error');
  await expect(errors).toHaveCount(1);
  await expect(errors).toContainText('200 files');
  await expect(errors).toContainText('valid JSON, but not NIAH results');
  await expect(errors.getByTestId('load-error-file')).toHaveCount(200);
  await expect(errors.getByTestId('load-error-file').last()).toBeHidden();
  await errors.getByTestId('load-error-files').click();
  await expect(errors.getByTestId('load-error-file').last()).toContainText('package-199.json');
  const box = await page.getByTestId('load-errors').boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.height <= viewport.height * 0.5).toBe(true);
});

test('the LongBench v2 example shows its length buckets by name', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('example-longbench-v2').click();
  const figure = heatmap(page, 'example-model (cot)');
  const cells = await cellsOf(figure);
  expect([...new Set(cells.map((c) => c.length))]).toEqual([32000, 128000, 2000000]);
  await expect(figure).toContainText('medium');
  await expect(heatmap(page, 'example-model')).toBeVisible();
});
