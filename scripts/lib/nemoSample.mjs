// A synthetic NeMo-Skills RULER + MRCR output folder for the examples (not real results).
import { mulberry32 } from './synth.mjs';

const TASKS = ['niah_single_1', 'niah_multikey_1', 'niah_multivalue', 'vt', 'cwe', 'qa_1'];
const SETUPS = [
  ['llama_32k', 32],
  ['llama_64k', 64],
  ['llama_128k', 128],
];
const ROWS = 4;

/**
 * Fraction of items found, falling with length and by task difficulty.
 * @param {() => number} rand
 * @param {number} k
 * @param {number} taskIndex
 * @param {number} items
 */
function rulerScore(rand, k, taskIndex, items) {
  const p = Math.max(0.05, 0.98 - 0.0035 * k - 0.05 * taskIndex);
  let found = 0;
  for (let i = 0; i < items; i += 1) if (rand() < p) found += 1;
  return found / items;
}

/**
 * `[path, text]` pairs under `nemo-skills/eval-results/`.
 * @returns {Array<[string, string]>}
 */
export function nemoSampleFiles(seed = 12) {
  const rand = mulberry32(seed);
  /** @type {Array<[string, string]>} */
  const files = [];
  for (const [setup, k] of SETUPS) {
    TASKS.forEach((task, taskIndex) => {
      const items = task === 'niah_multivalue' || task === 'cwe' ? 4 : 1;
      const rows = [];
      for (let i = 0; i < ROWS; i += 1) {
        const expected = Array.from({ length: items }, (_, j) => String(1000000 + 7919 * (i + j)));
        const score = rulerScore(rand, Number(k), taskIndex, items);
        const found = expected.slice(0, Math.round(score * items));
        rows.push({
          index: i * 4099,
          question: `[synthetic ${task} prompt of about ${k}K tokens]`,
          expected_answer: expected,
          length: Number(k) * 1024 - 60 - i,
          generation:
            found.length > 0 ? `The answer: ${found.join(', ')}.` : 'I could not find it.',
          num_generated_tokens: 12,
          is_correct: score,
          predicted_answer: found.join(', '),
        });
      }
      files.push([`eval-results/ruler.${setup}.${task}/output.jsonl`, jsonl(rows)]);
    });
  }
  const mrcr = [];
  for (const needles of [2, 4, 8]) {
    for (const tokens of [6000, 12000, 30000, 60000, 120000]) {
      const p = Math.max(0, 0.95 - 0.05 * needles - tokens / 300000);
      const ratio = rand() < 0.1 ? 0 : Math.round(Math.min(1, p + 0.1 * rand()) * 1000) / 1000;
      mrcr.push({
        messages: [{ role: 'user', content: '[synthetic multi-round conversation]' }],
        expected_answer: 'q7Tapirs wander ...',
        random_string_to_prepend: 'q7',
        n_needles: needles,
        desired_msg_index: 9,
        total_messages: 60,
        n_chars: tokens * 4,
        n_tokens: tokens + Math.floor(rand() * 1000),
        generation: ratio > 0 ? 'q7Tapirs wander ...' : 'Tapirs wander ...',
        seq_match_ratio: ratio,
      });
    }
  }
  files.push(['eval-results/mrcr/output.jsonl', jsonl(mrcr)]);
  files.push([
    'eval-results/mrcr/metrics.json',
    `${JSON.stringify({ mrcr: { 'pass@1': { num_entries: mrcr.length, seq_match_ratio: 50 } } }, null, 2)}\n`,
  ]);
  return files.map(
    ([path, text]) => /** @type {[string, string]} */ ([`nemo-skills/${path}`, text]),
  );
}

/** @param {object[]} rows */
function jsonl(rows) {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}
