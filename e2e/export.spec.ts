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

  test('16:9 with a title and a callout: the viewBox is wide, the callout has its text and arrow, and links keep it', async ({
    page,
    browser,
  }, testInfo) => {
    await page.getByTestId('figure-aspect').selectOption('16:9');
    await page.getByTestId('figure-title-input').fill('Needle retrieval across context lengths');
    await page.getByTestId('figure-trained').fill('256100');
    await page.getByTestId('callout-text-input').fill('First misses past the trained length');
    await page.getByTestId('callout-at-length').selectOption({ label: '448K' });
    await page.getByTestId('callout-at-row').selectOption({ label: '60%' });
    await page.getByTestId('callout-add').click();
    await expect(page.getByTestId('callout-item')).toHaveCount(1);
    await page.getByTestId('callout-text-input').fill('Weakest corner');
    await page.getByTestId('callout-range').check();
    await page.getByTestId('callout-at-length').selectOption({ label: '512K' });
    await page.getByTestId('callout-at-row').selectOption({ label: '0%' });
    await page.getByTestId('callout-to-length').selectOption({ label: '608K' });
    await page.getByTestId('callout-to-row').selectOption({ label: '40%' });
    await page.getByTestId('callout-add').click();
    await expect(page.getByTestId('callout-item')).toHaveCount(2);
    // The preview shows them where the file will.
    await page.getByTestId('figure-preview-toggle').click();
    await expect(page.getByTestId('figure-preview').getByTestId('callout')).toHaveCount(2);

    const svg = (await download(page, 'export-svg', testInfo.outputPath('wide.svg'))).toString(
      'utf8',
    );
    const viewBox = /<svg[^>]*\sviewBox="0 0 (\d+) (\d+)"/.exec(svg);
    expect(Number(viewBox?.[1]) / Number(viewBox?.[2])).toBeCloseTo(16 / 9, 2);
    expect(svg).toContain('Needle retrieval across context lengths');

    // Drawn where they say, in the file opened on its own.
    const fresh = await page.context().newPage();
    await fresh.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''));
    const callouts = fresh.getByTestId('callout');
    await expect(callouts).toHaveCount(2);
    await expect(callouts.first().getByTestId('callout-text')).toHaveText(
      'First misses past the trained length',
    );
    await expect(callouts.first().getByTestId('callout-arrow').locator('polygon')).toHaveCount(1);
    await expect(callouts.nth(1).getByTestId('callout-range')).toHaveAttribute(
      'stroke-dasharray',
      /\d/,
    );
    // The arrow's tip touches the cell it names: the cell at 448,100 tokens and 60 %.
    const tip = await callouts
      .first()
      .getByTestId('callout-arrow')
      .locator('line')
      .evaluate((line) => {
        const x2 = Number(line.getAttribute('x2'));
        const y2 = Number(line.getAttribute('y2'));
        const matrix = (line as SVGGraphicsElement).getScreenCTM();
        return matrix ? { x: matrix.a * x2 + matrix.e, y: matrix.d * y2 + matrix.f } : null;
      });
    const cell = await fresh.locator('rect[data-length="448100"][data-depth="60"]').boundingBox();
    expect(tip && cell).toBeTruthy();
    if (tip && cell) {
      expect(tip.x).toBeGreaterThanOrEqual(cell.x - 2);
      expect(tip.x).toBeLessThanOrEqual(cell.x + cell.width + 2);
      expect(tip.y).toBeGreaterThanOrEqual(cell.y - 2);
      expect(tip.y).toBeLessThanOrEqual(cell.y + cell.height + 2);
    }
    // The trained-length marker sits on a column edge, its label above the first row.
    const marker = fresh.getByTestId('trained-length');
    const markerX = Number(await marker.locator('line').getAttribute('x1'));
    const edge = Number(
      await fresh.locator('rect[data-length="288100"][data-depth="0"]').getAttribute('x'),
    );
    expect(markerX).toBeCloseTo(edge, 5);
    const label = await marker.locator('text').boundingBox();
    const firstRow = await fresh
      .locator('rect[data-length="288100"][data-depth="0"]')
      .boundingBox();
    expect((label?.y ?? 0) + (label?.height ?? 0)).toBeLessThanOrEqual((firstRow?.y ?? 0) + 1);
    await fresh.screenshot({ path: testInfo.outputPath('wide-opened.png'), fullPage: true });

    // A share link carries the callouts and the shape.
    await page.getByTestId('share-link').click();
    const link = await page.getByTestId('share-url').inputValue();
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('heatmap')).toHaveCount(1);
    await expect(other.getByTestId('callout-item')).toHaveCount(2);
    await expect(other.getByTestId('figure-aspect')).toHaveValue('16:9');
    await expect(other.getByTestId('callout-item').first()).toContainText(
      'First misses past the trained length',
    );
    await context.close();
  });
});
