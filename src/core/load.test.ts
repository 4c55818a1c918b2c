import { describe, expect, it } from 'vitest';
import { cellsToCsv } from './formats/haymapCells';
import { BatchLoader, batchName, loadBatch, recordFile, type TextFile } from './load';
import { cellMean, cellPassRate } from './metrics';
import { csvFile, gkamradtFile } from './testing/factories';
import { realFolder } from './testing/realData';
import { textSource } from './source';
import { fixtureFiles, fixtureFolders } from './testing/fixtures';
import type { BatchResult, Run } from './types';

describe('batchName', () => {
  it.each([
    ['results/a_len_1_depth_0_results.json', 'results'],
    ['OpenAI_OriginalResults.json', 'OpenAI_OriginalResults'],
    ['noext', 'noext'],
  ])('%s -> %s', async (path, name) => {
    expect(batchName(path)).toBe(name);
  });
});

describe('loadBatch', () => {
  it('reads JSON Lines of context_length, depth_percent and score as a generic table', async () => {
    const text = [0, 50, 0]
      .map((d, i) => JSON.stringify({ context_length: 1000, depth_percent: d, score: i % 2 }))
      .join('\n');
    const result = await loadBatch([{ path: 'rows.jsonl', text }]);
    expect(result.errors).toEqual([]);
    expect(result.formats.map((f) => f.formatId)).toEqual(['generic']);
    expect(result.runs[0]?.cells.map((c) => [c.depthPercent, c.n, cellMean(c)])).toEqual([
      [0, 2, 0],
      [50, 1, 1],
    ]);
  });

  it('names the run of unnamed records after the first file that has them', async () => {
    const result = await loadBatch([
      gkamradtFile({ length: 1000, depth: 0, score: 10, model: 'named' }, 'named.json'),
      {
        path: 'OpenAI_OriginalResults.json',
        text: '[{"token_limit": 1000, "depth_percent": 0, "score": 10}]',
      },
    ]);
    expect(result.runs.map((r) => r.name)).toEqual(['named', 'OpenAI_OriginalResults']);
  });

  it('groups mixed files of one drop by model, and unnamed records into a run named after the folder', async () => {
    const result = await loadBatch([
      gkamradtFile(
        { length: 1000, depth: 0, score: 10, model: 'gpt-4' },
        'drop/gpt4_len_1000_depth_0_results.json',
      ),
      csvFile('drop/tidy.csv', 'model,context_length,depth_percent,score', [
        ['claude', 1000, 0, 0],
        ['gpt-4', 2000, 0, 1],
      ]),
      csvFile('drop/anon.csv', 'context_length,depth_percent,score', [[1000, 50, 1]]),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.runs.map((r) => [r.name, r.trialCount, r.formats, r.files])).toEqual([
      [
        'gpt-4',
        2,
        ['gkamradt v1 (JSON)', 'Tidy CSV'],
        ['drop/gpt4_len_1000_depth_0_results.json', 'drop/tidy.csv'],
      ],
      ['claude', 1, ['Tidy CSV'], ['drop/tidy.csv']],
      ['drop', 1, ['Tidy CSV'], ['drop/anon.csv']],
    ]);
    expect(result.formats.map(({ file, format }) => ({ file, format }))).toEqual([
      { file: 'drop/gpt4_len_1000_depth_0_results.json', format: 'gkamradt v1 (JSON)' },
      { file: 'drop/tidy.csv', format: 'Tidy CSV' },
      { file: 'drop/anon.csv', format: 'Tidy CSV' },
    ]);
  });

  it('reports each bad file with its reason and keeps what the good files gave', async () => {
    const result = await loadBatch([
      { path: 'image.json', text: '\u0089PNG\r\n\u001a\n\u0000\u0000' },
      gkamradtFile({ length: 1000, depth: 0, score: 10 }),
      { path: 'notes.txt', text: 'just some notes' },
      { path: 'other.json', text: '{"accuracy": 0.5}' },
    ]);
    expect(result.runs.map((r) => r.trialCount)).toEqual([1]);
    expect(result.errors).toEqual([
      { file: 'image.json', reason: 'not a text file (binary content)' },
      {
        file: 'notes.txt',
        reason:
          'not a known NIAH result format: expected gkamradt JSON, or a CSV with context_length, depth_percent and score columns',
      },
      {
        file: 'other.json',
        reason:
          'valid JSON, but not NIAH results: no records with context_length (or token_limit), depth_percent and score',
      },
    ]);
  });
});

function asRun(draft: Omit<Run, 'id'>): Run {
  return { ...draft, id: 'r' };
}

describe('cells CSV round trip', () => {
  it('writes the exact header and loads back into the same cells', async () => {
    const loaded = await loadBatch([
      csvFile('x.csv', 'model,context_length,depth_percent,score', [
        ['m, "quoted"', 1000, 0.896, 7],
        ['m, "quoted"', 1000, 0.896, 10],
        ['m, "quoted"', 1000, 50, 3],
        ['m, "quoted"', 128000, 50, 5],
        ['m, "quoted"', 128000, 50, 10],
        ['m, "quoted"', 128000, 50, 1],
      ]),
    ]);
    const original = asRun(loaded.runs[0]!);
    const csv = cellsToCsv(original.name, original.cells, 0.7);
    expect(csv.split('\n')[0]).toBe('run,context_length,depth_percent,n,mean_score,pass_rate');
    const back = await loadBatch([{ path: 'cells.csv', text: csv }]);
    expect(back.errors).toEqual([]);
    expect(back.formats[0]?.format).toBe('Haymap cells CSV');
    const reloaded = back.runs[0]!;
    expect(reloaded.name).toBe('m, "quoted"');
    expect(reloaded.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n])).toEqual(
      original.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n]),
    );
    reloaded.cells.forEach((cell, i) => {
      const before = original.cells[i]!;
      expect(cellMean(cell)).toBeCloseTo(cellMean(before), 14);
      expect(cellPassRate(cell, 0.7)).toBeCloseTo(cellPassRate(before, 0.7), 14);
    });
  });
});

const gpt4 = realFolder('gkamradt-gpt-4-128k');

const gpt4Result = await loadBatch(gpt4 ?? []);

describe.skipIf(!gpt4)('the published GPT-4 128K run (shared/data/real)', () => {
  const result = gpt4Result;
  const run = result.runs[0]!;
  const cell = (length: number, depth: number) =>
    run.cells.find((c) => c.lengthTokens === length && c.depthPercent === depth)!;

  it('loads both files as one run of 15 x 15 cells and 330 trials', async () => {
    expect(result.errors).toEqual([]);
    expect(result.runs).toHaveLength(1);
    expect(run.name).toBe('gkamradt-gpt-4-128k');
    expect(run.lengths).toHaveLength(15);
    expect(run.depths).toHaveLength(15);
    expect(run.cells).toHaveLength(225);
    expect(run.trialCount).toBe(330);
  });

  it.each([
    [82643, 43, 2, 0.85],
    [118929, 21, 2, 0.4],
    [1000, 0, 1, 1],
  ])('cell (%d, %d) holds %d trials with mean %d', async (length, depth, n, mean) => {
    expect(cell(length, depth).n).toBe(n);
    expect(cellMean(cell(length, depth))).toBeCloseTo(mean, 12);
  });
});

describe('recordFile and take', () => {
  /** The batch as `take` builds it from files recorded apart and cloned, as across threads. */
  async function loadRecorded(files: TextFile[]): Promise<BatchResult> {
    const loader = new BatchLoader();
    const recorded = await Promise.all(
      files.map(async (file) =>
        structuredClone(await recordFile(textSource(file.path, file.text))),
      ),
    );
    for (const file of recorded) loader.take(file);
    return loader.finish();
  }

  const broken: TextFile[] = [
    { path: 'cut.json', text: '{"context_length": 1000, "depth_percent": 0, "sco' },
    { path: 'notes.txt', text: 'just some words\nand more words' },
    csvFile('mappable.csv', 'len,where,points', [[1000, 0, 1]]),
  ];

  it.each([
    ...fixtureFolders().map((id) => [id, fixtureFiles(id)] as const),
    ['broken files', broken] as const,
  ])('%s: the same batch as reading each file into the loader', async (_name, files) => {
    const read = await loadBatch(files);
    const taken = await loadRecorded(files);
    expect(taken).toEqual(read);
    expect(read.runs.length + read.errors.length + read.unmapped.length).toBeGreaterThan(0);
  });

  it('adds nothing for a file that fails halfway, as `add` does', async () => {
    const files = [gkamradtFile({ length: 1000, depth: 0, score: 10 }, 'run/a.json'), broken[0]!];
    const taken = await loadRecorded(files);
    expect(taken.runs[0]?.trialCount).toBe(1);
    expect(taken.errors.map((e) => e.file)).toEqual(['cut.json']);
  });
});
