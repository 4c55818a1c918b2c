// A synthetic LongBench v2 results folder: one model in two prompt settings (plain and _cot),
// 6 domains x short/medium/long x 6 questions. Seeded, so a rerun gives the same bytes.
import { mulberry32 } from './synth.mjs';

const DOMAINS = [
  'Single-Document QA',
  'Multi-Document QA',
  'Long In-context Learning',
  'Long-dialogue History Understanding',
  'Code Repository Understanding',
  'Long Structured Data Understanding',
];
/** @type {Record<string, number>} */
const BASE = { short: 0.55, medium: 0.45, long: 0.38 };

/** @returns {{ name: string, text: string }[]} */
export function longBenchV2Files() {
  const random = mulberry32(12);
  return [
    ['example-model.jsonl', 0],
    ['example-model_cot.jsonl', 0.06],
  ].map(([name, bonus]) => {
    const rows = [];
    let id = 0;
    for (const [d, domain] of DOMAINS.entries()) {
      for (const [l, length] of ['short', 'medium', 'long'].entries()) {
        for (let k = 0; k < 6; k += 1) {
          id += 1;
          // One difficulty per cell: Haymap shows a cell of mixed facet values only once split.
          const difficulty = (d + l) % 3 === 0 ? 'easy' : 'hard';
          const chance = (BASE[length] ?? 0) + Number(bonus) + (difficulty === 'easy' ? 0.12 : 0);
          const right = random() < chance;
          const pred = random() < 0.04 ? null : 'ABCD'[Math.floor(random() * 4)];
          const answer = right && pred !== null ? pred : 'ABCD'[(id + 1) % 4];
          rows.push(
            JSON.stringify({
              _id: `66f${String(id).padStart(5, '0')}`,
              domain,
              sub_domain: 'Synthetic',
              difficulty,
              length,
              question: `Synthetic question ${id}?`,
              choice_A: 'first',
              choice_B: 'second',
              choice_C: 'third',
              choice_D: 'fourth',
              answer,
              context: 'Synthetic context. '.repeat(4),
              response: pred === null ? 'I cannot tell.' : `The correct answer is (${pred})`,
              pred,
              judge: pred === answer,
            }),
          );
        }
      }
    }
    return { name: String(name), text: `${rows.join('\n')}\n` };
  });
}
