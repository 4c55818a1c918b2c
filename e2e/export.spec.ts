import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function download(page: Page, testId: string, path: string): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await waiting;
  await file.saveAs(path);
  return readFileSync(path);
}

test.describe('figure export', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('example-llama3').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
  });

  test('SVG: one cell per grid cell, fonts embedded, no external reference', async ({
    page,
  }, testInfo) => {
    const svg = (await download(page, 'export-svg', testInfo.outputPath('figure.svg'))).toString(
      'utf8',
    );
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/<rect[^>]*data-length=/g)).toHaveLength(120);
    expect(svg).toContain('@font-face');
    expect(svg).not.toMatch(/(?:href|src)=["'](?!#|data:)/);
    expect(svg).not.toMatch(/url\((?!#|data:)/);
    expect(svg).not.toMatch(/@import/);
    expect(svg).toContain('Llama-3-70B-Instruct-Gradient-524k (synthetic)');
    expect(svg).toContain('pass threshold 0.70');

    // Opened on its own in a fresh page, it draws the same cells.
    const fresh = await page.context().newPage();
    await fresh.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''));
    await expect(fresh.locator('svg rect[data-length]')).toHaveCount(120);
    await fresh.screenshot({ path: testInfo.outputPath('svg-opened.png') });
  });

  test('PNG at 2x has the PNG signature and twice the figure size', async ({ page }, testInfo) => {
    const svg = (await download(page, 'export-svg', testInfo.outputPath('figure.svg'))).toString(
      'utf8',
    );
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(300);

    const png = await download(page, 'export-png', testInfo.outputPath('figure.png'));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: width * 2, height: height * 2 });

    await page.getByTestId('export-scale').selectOption('3');
    const png3 = await download(page, 'export-png', testInfo.outputPath('figure@3x.png'));
    expect(pngSize(png3)).toEqual({ width: width * 3, height: height * 3 });
  });

  test('Copy PNG puts an image/png on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`,
    });
    await page.getByTestId('copy-png').click();
    await expect(page.getByTestId('export-status')).toContainText('copied');
    const types = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      return items.flatMap((item) => item.types);
    });
    expect(types).toContain('image/png');
  });

  test('the whole comparison and the difference view export as one figure each', async ({
    page,
  }, testInfo) => {
    await page
      .getByTestId('file-input')
      .setInputFiles([
        'public/samples/checkpoints/stage-65k.json',
        'public/samples/checkpoints/stage-262k.json',
      ]);
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    const all = (await download(page, 'export-svg', testInfo.outputPath('all.svg'))).toString(
      'utf8',
    );
    expect(all.match(/<rect[^>]*data-length=/g)).toHaveLength(120 + 132 + 132);
    expect(all).toContain('data-panels="3"');

    await page.getByTestId('figure-scope').selectOption('diff');
    await page.getByTestId('figure-theme').selectOption('dark');
    await page.getByTestId('figure-title-input').fill('Stage 65K against stage 262K');
    const diff = (await download(page, 'export-svg', testInfo.outputPath('diff.svg'))).toString(
      'utf8',
    );
    expect(diff).toContain('Stage 65K against stage 262K');
    expect(diff).toContain('#15181d'); // the dark background
    expect(diff.match(/<rect[^>]*data-length=/g)?.length).toBeGreaterThan(0);
  });
});
