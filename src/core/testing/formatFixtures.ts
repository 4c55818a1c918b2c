import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellsToCsv } from '../formats/haymapCells';
import { sharePayload } from '../formats/share/payload';
import type { TextFile } from '../load';
import { csvFile, gkamradtFile } from './factories';
import { fixtureFiles, fixtureFolders, FORMAT_FIXTURES_DIR } from './fixtures';
import { hayRun } from './summaryRuns';

/**
 * Small files, written from the formats specification, for the formats that have no fixture
 * folder under `e2e/fixtures/formats/<id>/`. A new producer gives one or the other.
 */
const SMALL_FIXTURES: Record<string, () => TextFile[]> = {
  'gkamradt-v1': () => [
    gkamradtFile({ length: 1000, depth: 50, score: 10 }),
    {
      path: 'OpenAI_OriginalResults.json',
      text: '[{"token_limit": 1000, "depth_percent": 0, "score": 10}]',
    },
  ],
  'tidy-csv': () => [
    csvFile('tidy.csv', 'model,context_length,depth_percent,score,needle', [
      ['m', 1000, 50, 1, 'n'],
      ['m', 2000, 0, 0, 'n'],
    ]),
  ],
  'haymap-cells': () => [
    { path: 'haymap-cells.csv', text: cellsToCsv('hay', hayRun().cells, 0.5) },
  ],
  'haymap-share': () => [
    {
      path: 'haymap-comparison.json',
      text: JSON.stringify(sharePayload([hayRun()], { metric: 'mean' })),
    },
  ],
  // Sidecars make no run, so they have no fixture folder of their own to drop (and see a heatmap).
  'nemo-metrics': () =>
    ['eval-results/mrcr/metrics.json', 'eval-results/ruler.llama_128k/metrics.json'].map(
      (path) => ({
        path: `nemo-metrics/${path}`,
        text: readFileSync(join(FORMAT_FIXTURES_DIR, '../nemo-metrics', path), 'utf8'),
      }),
    ),
};

/** The files that stand for a format in the contract test: its fixture folder, else its small files. */
export function formatFixture(formatId: string): TextFile[] {
  if (fixtureFolders().includes(formatId)) return fixtureFiles(formatId);
  return SMALL_FIXTURES[formatId]?.() ?? [];
}
