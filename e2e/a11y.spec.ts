import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, openFiles } from './helpers';

/** WCAG 2.1 A and AA rules, over the whole page. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

test.describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  test('the empty start screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('example-llama3')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('a loaded run', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('example-llama3').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    expect(await violations(page)).toEqual([]);

    // The heatmap's text alternative: its values as a table.
    await page.getByTestId('heatmap').getByText('Data table').click();
    const table = page.getByTestId('data-table');
    await expect(table.locator('tbody tr')).toHaveCount(6);
    await expect(table.locator('tbody td')).toHaveCount(120);
    expect(await violations(page)).toEqual([]);

    // A focused cell says its value.
    const cell = page.getByTestId('heatmap').locator('[data-length="100"][data-depth="0"]');
    await cell.focus();
    await expect(cell).toHaveAttribute(
      'aria-label',
      /100 tokens · depth 0%: mean score 100\.0%, 2 trials/,
    );
  });

  test('a comparison, with the drill-down open', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    await expect(page.getByTestId('diff')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page
      .getByTestId('heatmap')
      .first()
      .locator('[data-length="2048"][data-depth="0"]')
      .click();
    await expect(page.getByTestId('drilldown')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('the column-mapping dialog', async ({ page }) => {
    await page.goto('/');
    await openFiles(page, join(FIXTURES, 'unknown-shape', 'results.csv'));
    await expect(page.getByTestId('mapping-dialog')).toBeVisible();
    await expect(page.getByTestId('mapping-preview')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('accessibility in dark mode (the system setting)', () => {
  test.use({ colorScheme: 'dark' });

  test('the empty start screen and a loaded run', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('example-llama3')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('example-llama3').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    await page.getByTestId('heatmap').getByText('Data table').click();
    await expect(page.getByTestId('data-table')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
