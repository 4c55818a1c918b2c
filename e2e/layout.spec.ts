import { expect, test, type Page } from '@playwright/test';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import { heatmap, LOAD_TIMEOUT } from './helpers';

/** What the page measures: its scroll size and where the first heatmap cell starts. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const cell = document.querySelector('figure[data-testid="heatmap"] [data-length]');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      firstCellTop: cell ? cell.getBoundingClientRect().top + window.scrollY : Infinity,
    };
  });
}

/** Waits until a resize has been laid out and the heatmap redrawn. */
async function settle(page: Page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

test('the page fits the window at 1440 and 390, with 1,376 files and every data table open', async ({
  page,
}, testInfo) => {
  test.setTimeout(LOAD_TIMEOUT + 60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const dir = testInfo.outputPath('claude-like');
  writeClaudeLikeFolder(dir);
  await page.getByTestId('folder-input').setInputFiles(dir);
  const figure = heatmap(page, 'claude-2.1');
  await expect(figure.locator('[data-length]').first()).toBeVisible({ timeout: LOAD_TIMEOUT });

  const summaries = page.locator('details.data-table > summary');
  const count = await summaries.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await summaries.nth(i).click();
  await expect(page.getByTestId('data-table').first()).toBeVisible();
  await settle(page);

  const wide = await measure(page);
  expect(wide.scrollWidth).toBeLessThanOrEqual(wide.innerWidth);
  expect(wide.scrollHeight).toBeLessThanOrEqual(3 * wide.innerHeight);

  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await expect
    .poll(async () => (await measure(page)).scrollWidth, { timeout: 10_000 })
    .toBeLessThanOrEqual(390);
  const phone = await measure(page);
  expect(phone.scrollWidth).toBeLessThanOrEqual(phone.innerWidth);
  expect(phone.firstCellTop).toBeLessThanOrEqual(1.2 * phone.innerHeight);
  // The pickers stay in the page for Playwright and the drawer's buttons.
  await expect(page.getByTestId('file-input')).toHaveCount(1);
  await expect(page.getByTestId('folder-input')).toHaveCount(1);
});

test('the threshold takes a score on its own scale and says what it read', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('example-checkpoints').click();
  const figure = heatmap(page, 'llama-3-8b-long stage 262K');
  await expect(figure.locator('[data-length]').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
  const threshold = page.getByTestId('threshold');
  await threshold.fill('7');
  await expect(page.getByTestId('threshold-note')).toHaveText('7 on a 1..10 scale, read as 0.7');
  await threshold.fill('70');
  await expect(page.getByTestId('threshold-note')).toHaveText('70 on a 0..100 scale, read as 0.7');
  await threshold.blur();
  await expect(threshold).toHaveValue('0.7');
  await expect(page.getByTestId('threshold-note')).toHaveCount(0);
});
