import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cellsOf, heatmap, openFiles } from './helpers';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const HOSTILE = '<img src=x onerror=alert(1)>';

test.describe('privacy and security', () => {
  test('loading, exporting and sharing send no request outside the page origin', async ({
    page,
    context,
  }, testInfo) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await page.goto('/');
    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    await openFiles(page, 'e2e/fixtures/compare/two-models.csv');
    await expect(page.getByTestId('heatmap')).toHaveCount(5);

    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    await (await png).saveAs(testInfo.outputPath('figure.png'));
    const svg = page.waitForEvent('download');
    await page.getByTestId('export-svg').click();
    await (await svg).saveAs(testInfo.outputPath('figure.svg'));
    await page.getByTestId('copy-png').click();
    await expect(page.getByTestId('export-status')).toContainText('copied');

    const outside = requests.filter(
      (url) => !url.startsWith(`${ORIGIN}/`) && !/^(blob|data):/.test(url),
    );
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });

  test('HTML in model and file names shows as text everywhere, exports included', async ({
    page,
  }, testInfo) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/');
    await openFiles(page, [
      {
        name: '<b>bold</b>.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `model,context_length,depth_percent,score\n"${HOSTILE}",1000,0,1\n"${HOSTILE}",2000,50,0\n`,
        ),
      },
      {
        name: '<script>x</script>.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"broken": '),
      },
    ]);
    const figure = heatmap(page, HOSTILE);
    expect(await cellsOf(figure)).toHaveLength(4);
    await expect(figure.locator('h2')).toHaveText(HOSTILE);
    await expect(page.getByTestId('load-error')).toContainText('<script>x</script>.json');
    await expect(page.getByTestId('file-item').first()).toContainText('<b>bold</b>.csv');
    expect(await page.locator('img[src="x"], b:text("bold"), script:text("x")').count()).toBe(0);

    await figure.locator('[data-length="1000"]').first().click();
    await expect(page.getByTestId('drilldown')).toContainText(HOSTILE);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-svg').click();
    const path = testInfo.outputPath('hostile.svg');
    await (await download).saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dialogs).toEqual([]);
  });

  test('the built app carries a strict Content-Security-Policy and nothing in it is blocked', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    await page.goto('/');
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');

    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    await page
      .getByTestId('heatmap')
      .first()
      .locator('[data-length="2048"][data-depth="0"]')
      .hover();
    await expect(page.getByTestId('tooltip')).toBeVisible();
    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    await png;
    await openFiles(page, 'e2e/fixtures/unknown-shape/results.csv');
    await expect(page.getByTestId('mapping-preview')).toBeVisible();
    await page.getByTestId('mapping-confirm').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(4);
    expect(violations).toEqual([]);
  });

  test('once loaded, the app works offline', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker takes control once it has precached everything.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('example-llama3').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    await png;
  });
});
