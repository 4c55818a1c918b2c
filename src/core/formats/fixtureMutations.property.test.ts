import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatById } from '../detect';
import { loadBatch, type TextFile } from '../load';
import { cellMean, DEFAULT_THRESHOLD } from '../metrics';
import { sharePayload } from './share/payload';
import { textSource } from '../source';
import { chunkChars } from '../testing/arbitraries';
import { csvFile, gkamradtFile } from '../testing/factories';
import { fixtureFiles, fixtureFolders } from '../testing/fixtures';
import {
  batchProblems,
  outcomeProblems,
  propertyRuns,
  propertyTimeout,
  recordProblems,
  RecordingSink,
} from '../testing/properties';
import { mutate, mutation } from '../testing/mutations';
import { runsToShare } from '../testing/shareRuns';
import { hayRun } from '../testing/summaryRuns';
import { CELLS_CSV_COLUMNS, cellsToCsv } from './haymapCells';

const RUNS = 40;
const TIMEOUT_MS = propertyTimeout(20_000);

/**
 * A valid file of every format with its format's id: the fixture folders, and files made by the
 * factories for the formats that have none (gkamradt v1, tidy CSV, Haymap's own files).
 */
function validFiles(): { formatId: string; file: TextFile }[] {
  const made: [string, TextFile][] = [
    ['gkamradt-v1', gkamradtFile({ length: 1000, depth: 50, score: 7 })],
    [
      'gkamradt-v1',
      {
        path: 'OpenAI_OriginalResults.json',
        text: JSON.stringify(
          [0, 11.1, 50, 100].map((depth, i) => ({
            token_limit: 1000 * (i + 1),
            depth_percent: depth,
            score: i * 3,
          })),
          null,
          2,
        ),
      },
    ],
    [
      'tidy-csv',
      csvFile('drop/tidy.csv', 'model,context_length,depth_percent,score,needle,response', [
        ['m, "q"', 1000, 0.896, 7, 'n', 'two\nlines'],
        ['m, "q"', 1000, 50, 10, 'n', 'r'],
        ['other', 128000, 100, 3, 'n', ''],
      ]),
    ],
    [
      'haymap-cells',
      { path: 'cells.csv', text: cellsToCsv('run', hayRun().cells, DEFAULT_THRESHOLD) },
    ],
    [
      'haymap-share',
      {
        path: 'comparison.json',
        text: JSON.stringify(sharePayload(runsToShare(), { metric: 'mean' }), null, 2),
      },
    ],
  ];
  return [
    ...fixtureFolders().flatMap((formatId) =>
      fixtureFiles(formatId).map((file) => ({ formatId, file })),
    ),
    ...made.map(([formatId, file]) => ({ formatId, file })),
  ];
}

const damage = fc.record({
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  chunk: chunkChars,
});

describe('every fixture, damaged', () => {
  it.each(validFiles().map(({ formatId, file }) => [file.path, formatId, file] as const))(
    '%s: its format and detection still give well-formed results in 0..1, in any chunks',
    async (_path, formatId, file) => {
      const format = formatById(formatId)!;
      await fc.assert(
        fc.asyncProperty(damage, async ({ mutations, chunk }) => {
          const text = mutations.reduce(mutate, file.text);
          const read = async (chars: number) => {
            const sink = new RecordingSink();
            const outcome = await format.parse(textSource(file.path, text, chars), sink);
            return { outcome, sink };
          };
          const { outcome, sink } = await read(chunk);
          expect(outcomeProblems(outcome, file.path)).toEqual([]);
          expect(recordProblems(outcome, sink)).toEqual([]);
          // A failed file adds nothing, so only a success must have handed over the same records.
          const whole = await read(1 << 20);
          expect(whole.outcome).toEqual(outcome);
          if (outcome.ok) expect(whole.sink).toEqual(sink);
          // Twice, so that the same cells from two files add up in one run.
          const again = `again/${file.path}`;
          const result = await loadBatch(
            [
              { path: file.path, text },
              { path: again, text },
            ],
            chunk,
          );
          expect(batchProblems(result, [file.path, again])).toEqual([]);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it('the fixtures load as they are (the properties start from valid files)', async () => {
    for (const { formatId, file } of validFiles()) {
      const outcome = await formatById(formatId)!.parse(
        textSource(file.path, file.text),
        new RecordingSink(),
      );
      expect({ path: file.path, ok: outcome.ok }).toEqual({ path: file.path, ok: true });
    }
  });
});

describe('regressions the properties found', () => {
  /**
   * Two files of one model in one folder, so that their counts add up in one cell (files of
   * the same name in different folders are different runs).
   */
  const twice = (path: string, text: string): TextFile[] => [
    { path, text },
    { path: path.replace(/(\.[^./]+)$/, '-again$1'), text },
  ];

  it('counts a RULER summary score as 1 sample where Nulls holds a count too large to be one', async () => {
    const text = `Tasks,niah_single_1\nScore,80.0\nNulls,0/${'9'.repeat(400)}\n`;
    const result = await loadBatch(twice('m/synthetic/4096/pred/summary.csv', text));
    const cells = result.runs.flatMap((run) => run.cells);
    expect(cells.map((cell) => [cell.n, cellMean(cell)])).toEqual([[2, 0.8]]);
  });

  it('skips a Haymap cells row whose n is too large to count, instead of showing NaN', async () => {
    const header = CELLS_CSV_COLUMNS.join(',');
    const text = `${header}\nrun,1000,0,1e308,0.5,0.5\nrun,1000,50,2,0.5,0.5\n`;
    const result = await loadBatch(twice('cells.csv', text));
    expect(result.runs[0]?.cells.map((cell) => [cell.depthPercent, cell.n])).toEqual([[50, 4]]);
    expect(result.runs[0]?.warnings).toEqual([
      'cells.csv: 1 record skipped (line 2: n 1e+308 is not a positive whole number)',
      'cells-again.csv: 1 record skipped (line 2: n 1e+308 is not a positive whole number)',
    ]);
  });

  it('counts lm-eval results as 1 sample per length where n-samples is too large to count', async () => {
    const text = JSON.stringify({
      model_name: 'm',
      results: { niah_single_1: { '4096,none': 0.5 } },
      'n-samples': { niah_single_1: { effective: 1e308 } },
    });
    const result = await loadBatch(twice('m/results_2025-03-01T10-00-00.json', text));
    const cells = result.runs.flatMap((run) => run.cells);
    expect(cells.map((cell) => [cell.n, cellMean(cell)])).toEqual([[2, 0.5]]);
  });
});
