import { describe, expect, it } from 'vitest';
import { loadBatch, type TextFile } from './load';
import { cellMean } from './metrics';
import { distinguishingNames, planRuns, runFolder, type RunGroup } from './runIdentity';
import { gkamradtFile } from './testing/factories';

/** An EasyContext file: text cells, or video cells ("Num. Frame") where `frames`. */
function easyContextFile(path: string, score: number, frames = false): TextFile {
  const [length, depth] = frames
    ? ['Num. Frame', 'Frame Depth']
    : ['Context Length', 'Document Depth'];
  const lengths = frames ? [8, 16] : [1000, 2000];
  const rows = lengths.flatMap((l) =>
    [0, 50].map((d) => ({ [length]: l, [depth]: d, Score: score })),
  );
  return { path, text: JSON.stringify(rows) };
}

/** LongVA's layout: four text runs, three video runs, every file named all_accuracies.json. */
const LONGVA: [string, number, boolean][] = [
  ['niah_output/distractor_0/Meta-Llama-3-8B-Instruct', 0.9, false],
  ['niah_output/distractor_3/Meta-Llama-3-8B-Instruct', 0.8, false],
  ['niah_output/distractor_0/LongVA-7B', 0.7, false],
  ['niah_output/distractor_3/LongVA-7B', 0.6, false],
  ['niah_output/video/LongVA-7B/frames_32', 0.5, true],
  ['niah_output/video/LongVA-7B/frames_64', 0.4, true],
  ['niah_output/video/Qwen2-7B', 0.3, true],
];

describe('distinguishingNames', () => {
  it('drops the segments every folder starts and ends with', () => {
    expect(
      distinguishingNames([
        'niah_output/distractor_3/Meta-Llama-3-8B-Instruct/run',
        'niah_output/distractor_0/LongVA-7B/run',
      ]),
    ).toEqual(['distractor_3 / Meta-Llama-3-8B-Instruct', 'distractor_0 / LongVA-7B']);
  });

  it('names a folder that is the shared prefix itself by its last segment', () => {
    expect(distinguishingNames(['results', 'results/b'])).toEqual(['results', 'b']);
    expect(distinguishingNames(['', 'x'])).toEqual(['', 'x']);
    expect(distinguishingNames([])).toEqual([]);
  });
});

describe('runFolder', () => {
  it('treats number segments (RULER length folders) as any number', () => {
    expect(runFolder('m/synthetic/4096/pred')).toBe('m/synthetic/*/pred');
    expect(runFolder('m/synthetic/128k/pred')).toBe('m/synthetic/*/pred');
    expect(runFolder('distractor_3/m')).toBe('distractor_3/m');
  });

  it('treats the task of a NeMo-Skills task folder as any task of its setup', () => {
    expect(runFolder('o/eval-results/ruler.llama_128k.vt')).toBe(
      'o/eval-results/ruler.llama_128k.*',
    );
    expect(runFolder('eval-results/ruler2.q_64k/ruler2.q_64k.qa_basic')).toBe(
      'eval-results/ruler2.q_64k/ruler2.q_64k.*',
    );
    expect(runFolder('eval-results/ruler.llama_128k')).toBe('eval-results/ruler.llama_128k');
  });
});

describe('planRuns', () => {
  const group = (folder: string, files: string[], model: string | null = null): RunGroup => ({
    key: { model, folder, unit: 'tokens' },
    files: files.map((f) => (folder ? `${folder}/${f}` : f)),
  });

  it('keeps files of different names in one folder as one run, named after the folder', () => {
    expect(planRuns([group('claude', ['a.json', 'b.json'])])).toEqual([
      { name: 'claude', members: [0], unit: 'tokens' },
    ]);
  });

  it('makes look-alike files in different folders runs of their own', () => {
    const plan = planRuns([
      group('out/a/m', ['all_accuracies.json']),
      group('out/b/m', ['all_accuracies.json']),
    ]);
    expect(plan.map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('splits a model by folder only where its file names repeat across folders', () => {
    const same = planRuns([
      group('x/distractor_0/llama', ['r.csv'], 'llama'),
      group('x/distractor_3/llama', ['r.csv'], 'llama'),
    ]);
    expect(same.map((r) => r.name)).toEqual(['llama (distractor_0)', 'llama (distractor_3)']);
    const different = planRuns([
      group('x/a', ['one.csv'], 'llama'),
      group('x/b', ['two.csv'], 'llama'),
    ]);
    expect(different).toEqual([{ name: 'llama', members: [0, 1], unit: 'tokens' }]);
  });

  it('keeps RULER length folders of one model together', () => {
    const plan = planRuns([
      group('m/synthetic/4096/pred', ['niah_single_1.jsonl']),
      group('m/synthetic/8192/pred', ['niah_single_1.jsonl']),
    ]);
    expect(plan).toEqual([{ name: 'm', members: [0, 1], unit: 'tokens' }]);
  });

  it('puts frames apart from tokens, and says so where the names would be alike', () => {
    const plan = planRuns([
      group('drop', ['text.json']),
      { key: { model: null, folder: 'drop', unit: 'frames' }, files: ['drop/video.json'] },
    ]);
    expect(plan.map((r) => [r.name, r.unit])).toEqual([
      ['drop', 'tokens'],
      ['drop (frames)', 'frames'],
    ]);
  });

  it('numbers names that are still alike', () => {
    const plan = planRuns([
      group('a/x', ['r.json']),
      group('b/x', ['r.json']),
      group('a/x/x', ['r.json']),
    ]);
    expect(new Set(plan.map((r) => r.name)).size).toBe(3);
  });
});

describe('loading look-alike files', () => {
  const files = LONGVA.map(([folder, score, frames]) =>
    easyContextFile(`${folder}/all_accuracies.json`, score, frames),
  );

  it('gives one run per file of a LongVA-like folder, each exact, video runs in frames', async () => {
    const result = await loadBatch(files);
    expect(result.errors).toEqual([]);
    expect(
      result.runs.map((run) => [
        run.name,
        run.lengthUnit,
        run.cells.length,
        cellMean(run.cells[0]!),
      ]),
    ).toEqual([
      ['distractor_0 / Meta-Llama-3-8B-Instruct', 'tokens', 4, 0.9],
      ['distractor_3 / Meta-Llama-3-8B-Instruct', 'tokens', 4, 0.8],
      ['distractor_0 / LongVA-7B', 'tokens', 4, 0.7],
      ['distractor_3 / LongVA-7B', 'tokens', 4, 0.6],
      ['video / LongVA-7B / frames_32', 'frames', 4, 0.5],
      ['video / LongVA-7B / frames_64', 'frames', 4, 0.4],
      ['video / Qwen2-7B', 'frames', 4, 0.3],
    ]);
    const video = result.runs.find((run) => run.lengthUnit === 'frames');
    expect(video?.lengths).toEqual([8, 16]);
  });

  it('gives seven runs for the seven files picked with their relative paths', async () => {
    const picked = files.map((file) => ({
      ...file,
      path: file.path.replace(/^niah_output\//, ''),
    }));
    const result = await loadBatch(picked);
    expect(result.runs).toHaveLength(7);
    expect(result.runs[0]?.name).toBe('distractor_0 / Meta-Llama-3-8B-Instruct');
  });

  it('keeps a folder of per-test files of different names as one run', async () => {
    const result = await loadBatch([
      gkamradtFile({ length: 1000, depth: 0, score: 10 }, 'claude/a_len_1000_depth_0.json'),
      gkamradtFile({ length: 2000, depth: 0, score: 5 }, 'claude/a_len_2000_depth_0.json'),
    ]);
    expect(result.runs.map((run) => [run.name, run.cells.length])).toEqual([['gpt-4', 2]]);
  });
});
