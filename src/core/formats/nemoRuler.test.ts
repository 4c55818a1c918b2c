import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { NULL_SINK } from '../testing/factories';
import { loadFixtureFolder } from '../testing/fixtures';
import { itDetects } from '../testing/formatCases';
import { nemoPlace, nemoRuler } from './nemoRuler';

/** Chunk sizes that cut through lines, strings and numbers. */
const CHUNKS = [5, 64, 1 << 20];

/** One NeMo-Skills RULER row; tests name what they are about. */
function row(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    index: 18342,
    question: 'Some special magic numbers are hidden ... What is the special magic number?',
    expected_answer: ['7281934'],
    length: 130987,
    generation: 'The special magic number is 7281934.',
    num_generated_tokens: 9,
    generation_time: 1.5,
    is_correct: 1.0,
    predicted_answer: 'The special magic number is 7281934.',
    ...fields,
  });
}

const jsonl = (...rows: string[]) => `${rows.join('\n')}\n`;
const TASK_DIR = 'out/eval-results/ruler.llama_128k.vt';

describe('NeMo-Skills RULER paths', () => {
  it.each([
    [`${TASK_DIR}/output.jsonl`, { setup: 'llama_128k', task: 'vt', lengthTokens: 131072 }],
    [
      'eval-results/ruler.llama_64k/ruler.llama_64k.niah_single_1/output-rs3.jsonl',
      { setup: 'llama_64k', task: 'niah_single_1', lengthTokens: 65536, seed: 3 },
    ],
    [
      'eval-results/ruler.my-model.cwe/output.jsonl',
      { setup: 'my-model', task: 'cwe', lengthTokens: null },
    ],
    ['eval-results/ruler.llama_128k/output.jsonl', null],
    [`${TASK_DIR}/output.json`, null],
    ['eval-results/ruler2.llama_128k.vt/output.jsonl', null],
  ])('%s', (path, place) => {
    expect(nemoPlace(path, 'ruler')).toEqual(place);
  });
});

describe('NeMo-Skills RULER detection', () => {
  itDetects(nemoRuler, [
    ['an output in its folder', `${TASK_DIR}/output.jsonl`, row(), 0.95],
    [
      'a long question hiding the row shape',
      `${TASK_DIR}/output-rs0.jsonl`,
      '{"index": 0, "question": "xx',
      0.9,
    ],
    ['a chunk part in its folder', `${TASK_DIR}/output_chunk_0.jsonl`, row(), 0.95],
    ['outside the layout, row shape in view', 'rows.jsonl', row(), 0.8],
    ['outside the layout, no is_correct', 'rows.jsonl', row({ is_correct: undefined }), 0],
    ['a JSON array', `${TASK_DIR}/output.jsonl`, `[${row()}]`, 0],
  ]);
});

describe('NeMo-Skills RULER rows', () => {
  it('reads every row as a trial of the setup at its nominal length, never keyed on index', async () => {
    const text = jsonl(row({ is_correct: 0.5 }), row({ is_correct: 0.25 }), row({ is_correct: 1 }));
    const result = await loadBatch([{ path: `${TASK_DIR}/output.jsonl`, text }]);
    expect(result.runs.map((run) => run.name)).toEqual(['llama_128k']);
    const [cell] = result.runs[0]?.cells ?? [];
    expect(cell).toMatchObject({
      task: 'ruler/vt',
      lengthTokens: 131072,
      depthPercent: null,
      n: 3,
    });
    expect(cellMean(cell!)).toBeCloseTo((0.5 + 0.25 + 1) / 3, 12);
  });

  it('falls back to the power of two above the largest row length, with a note', async () => {
    const path = 'eval-results/ruler.my-model.vt/output.jsonl';
    const text = jsonl(row({ length: 3900 }), row({ length: 4050, is_correct: 0 }));
    const result = await loadBatch([{ path, text }]);
    const run = result.runs[0];
    expect(run?.lengths).toEqual([4096]);
    expect(cellMean(run!.cells[0]!)).toBe(0.5);
    expect(run?.warnings).toEqual([
      expect.stringMatching(/read as 4096.*largest row "length" \(4050\)/),
    ]);
  });

  it('skips a row whose is_correct is outside 0..1 or missing', async () => {
    const text = jsonl(row({ is_correct: 2 }), row({ is_correct: null }), row());
    const outcome = await nemoRuler.parse(textSource(`${TASK_DIR}/output.jsonl`, text), NULL_SINK);
    expect(outcome).toMatchObject({ ok: true, records: 1 });
    expect(outcome.ok && outcome.warnings.join('\n')).toMatch(/is_correct 2 is outside 0\.\.1/);
  });

  it('passes over chunk parts quietly', async () => {
    const outcome = await nemoRuler.parse(
      textSource(`${TASK_DIR}/output_chunk_1.jsonl`, jsonl(row())),
      NULL_SINK,
    );
    expect(outcome).toEqual({ ok: true, records: 0, warnings: [] });
  });

  it('gives each seed file its seed as the repeat', async () => {
    const result = await loadBatch([
      { path: `${TASK_DIR}/output-rs0.jsonl`, text: jsonl(row()) },
      { path: `${TASK_DIR}/output-rs1.jsonl`, text: jsonl(row({ is_correct: 0 })) },
    ]);
    expect(result.runs[0]?.details.map((trial) => trial.repeat)).toEqual([0, 1]);
  });
});

describe('NeMo-Skills RULER fixture', () => {
  it.each(CHUNKS)(
    'shows one run per setup, both layouts, seeds pooled (chunks of %i)',
    async (chunk) => {
      const { result } = await loadFixtureFolder('nemo-ruler', chunk);
      // By hand: 128k niah_multivalue rs0 (1, 0.5) + rs1 (0.75, 1) = 3.25 / 4; qa_1 (1, 0, 1) = 2 / 3.
      const [big, small] = result.runs;
      const mean = (task: string, run = big) =>
        cellMean(run!.cells.find((cell) => cell.task === task)!);
      expect(mean('ruler/niah_multivalue')).toBe(3.25 / 4);
      expect(mean('ruler/qa_1')).toBeCloseTo(2 / 3, 12);
      // 64k, nested layout: niah_multivalue (1, 0.25), qa_1 (0, 1).
      expect(mean('ruler/niah_multivalue', small)).toBe(1.25 / 2);
      expect(mean('ruler/qa_1', small)).toBe(0.5);
      expect(small?.lengths).toEqual([65536]);
    },
  );
});
