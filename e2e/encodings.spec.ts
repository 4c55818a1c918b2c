import { expect, test, type Page } from '@playwright/test';
import { cellsOf, heatmap, openFiles, type CellData } from './helpers';

/**
 * The same small results written as spreadsheets and scripts write them: other encodings,
 * other line ends, semicolons with decimal commas. Each must load to the cells of the plain
 * UTF-8 CSV. The files are written here, from the rows below.
 */
const ROWS = [
  [1000, 0, 1, 'found it'],
  [1000, 12.5, 0.5, 'half, "maybe"'],
  [1000, 12.5, 1, 'line one\nline two'],
  [2000, 0, 0, 'no'],
  [2000, 12.5, 0.25, 'Müller, café'],
  [2000, 87.5, 1, 'yes'],
] as const;

/** The rows as CSV text with a delimiter, the line end between records, and a decimal mark. */
function csv(
  options: {
    sep?: string;
    eol?: string;
    headerEol?: string;
    fieldEol?: string;
    comma?: boolean;
  } = {},
): string {
  const { sep = ',', eol = '\n', headerEol = eol, fieldEol = eol, comma = false } = options;
  const number = (n: number) => (comma ? String(n).replace('.', ',') : String(n));
  const quote = (text: string) => `"${text.replaceAll('"', '""').replaceAll('\n', fieldEol)}"`;
  const header = ['context_length', 'depth_percent', 'score', 'response'].join(sep);
  const lines = ROWS.map(([length, depth, score, response]) =>
    [number(length), number(depth), number(score), quote(response)].join(sep),
  );
  return `${header}${headerEol}${lines.join(eol)}${eol}`;
}

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
};

const VARIANTS: { file: string; bytes: Buffer }[] = [
  { file: 'utf16-le.csv', bytes: utf16(csv(), 'le') },
  { file: 'utf16-be.csv', bytes: utf16(csv(), 'be') },
  { file: 'utf16-le-crlf.txt', bytes: utf16(csv({ sep: '\t', eol: '\r\n' }), 'le') },
  { file: 'utf8-bom.csv', bytes: Buffer.from(`\uFEFF${csv({ eol: '\r\n' })}`) },
  { file: 'lone-cr.csv', bytes: Buffer.from(csv({ eol: '\r' })) },
  { file: 'lf-header-crlf-rows.csv', bytes: Buffer.from(csv({ headerEol: '\n', eol: '\r\n' })) },
  { file: 'crlf-header-lf-rows.csv', bytes: Buffer.from(csv({ headerEol: '\r\n', eol: '\n' })) },
  { file: 'quoted-crlf.csv', bytes: Buffer.from(csv({ fieldEol: '\r\n' })) },
  { file: 'semicolons.csv', bytes: Buffer.from(csv({ sep: ';', eol: '\r\n', comma: true })) },
  {
    file: 'semicolons-utf16.csv',
    bytes: utf16(csv({ sep: ';', eol: '\r\n', comma: true }), 'le'),
  },
];

function byPlace(cells: CellData[]): CellData[] {
  return [...cells].sort((a, b) => a.length - b.length || a.depth - b.depth);
}

async function loadPlain(page: Page): Promise<CellData[]> {
  await page.goto('/');
  await openFiles(page, [{ name: 'plain.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) }]);
  const cells = byPlace(await cellsOf(heatmap(page, 'plain')));
  // Two lengths by three depths, one of them empty.
  expect(cells).toHaveLength(6);
  expect(cells.filter((c) => c.n === 0)).toHaveLength(1);
  expect(cells.reduce((sum, c) => sum + c.n, 0)).toBe(6);
  return cells;
}

test.describe('encodings and line ends: the same results, however the file was written', () => {
  for (const { file, bytes } of VARIANTS) {
    test(file, async ({ page }) => {
      const plain = await loadPlain(page);
      await openFiles(page, [{ name: file, mimeType: 'application/octet-stream', buffer: bytes }]);
      const name = file.replace(/\.[^.]+$/, '');
      expect(byPlace(await cellsOf(heatmap(page, name)))).toEqual(plain);
      await expect(page.getByTestId('load-error')).toHaveCount(0);
    });
  }

  test('a Windows-1252 file loads, with a note that it was not UTF-8', async ({ page }) => {
    const plain = await loadPlain(page);
    await openFiles(page, [
      { name: 'latin1.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(), 'latin1') },
    ]);
    expect(byPlace(await cellsOf(heatmap(page, 'latin1')))).toEqual(plain);
    const notes = page.locator(
      '[data-testid="run-item"][data-run="latin1"] [data-testid="run-notes"]',
    );
    await expect(notes).toContainText('latin1.csv: not valid UTF-8, so read as Windows-1252');
  });
});

test('a gkamradt v1 file whose long model_response comes first is read as gkamradt v1', async ({
  page,
}) => {
  const result = {
    model: 'claude-2.1',
    context_length: 1000,
    depth_percent: 50,
    version: 1,
    needle: 'The best thing to do in San Francisco is eat a sandwich.',
    model_response: 'The best thing to do is... '.repeat(8000),
    score: 7,
    test_duration_seconds: 3.2,
  };
  await page.goto('/');
  await openFiles(page, [
    {
      name: 'claude_2_1_len_1000_depth_5000_results.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(result, null, 2)),
    },
  ]);
  const cells = await cellsOf(heatmap(page, 'claude-2.1'));
  expect(cells).toEqual([{ length: 1000, depth: 50, value: 0.7, n: 1 }]);
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
  await expect(
    page.locator('[data-testid="file-item"] [data-testid="file-format"] option:checked'),
  ).toHaveText(['gkamradt v1 (JSON)']);
});

test('compressed files Haymap does not read are named', async ({ page }) => {
  await page.goto('/');
  await openFiles(page, [
    {
      name: 'results.csv.bz2',
      mimeType: 'application/x-bzip2',
      buffer: Buffer.from([0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x01]),
    },
    {
      name: 'results.jsonl.zst',
      mimeType: 'application/zstd',
      buffer: Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0x01, 0x00, 0x00]),
    },
  ]);
  const bz2 = page.getByTestId('load-error').filter({ hasText: 'results.csv.bz2' });
  await expect(bz2).toContainText('compressed with bzip2');
  const zst = page.getByTestId('load-error').filter({ hasText: 'results.jsonl.zst' });
  await expect(zst).toContainText('compressed with zstd');
  await expect(page.getByTestId('load-error').filter({ hasText: 'binary content' })).toHaveCount(0);
});

test('repeated column names load from the first, with a note naming it', async ({ page }) => {
  await page.goto('/');
  const text = 'context_length,depth_percent,score,Score\n1000,0,1,0\n2000,0,0,1\n';
  await openFiles(page, [{ name: 'twice.csv', mimeType: 'text/csv', buffer: Buffer.from(text) }]);
  const cells = byPlace(await cellsOf(heatmap(page, 'twice')));
  expect(cells.map((c) => c.value)).toEqual([1, 0]);
  const notes = page.locator(
    '[data-testid="run-item"][data-run="twice"] [data-testid="run-notes"]',
  );
  await expect(notes).toContainText(
    'the columns "score" (3) and "Score" (4) differ only in case: column 3 ("score") is used',
  );
});
