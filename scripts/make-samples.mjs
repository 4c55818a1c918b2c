// Writes the app's example files into public/samples/ (run as `npm run samples`).
// Deterministic: fixed seeds, no dates, so a rerun gives byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nemoSampleFiles } from './lib/nemoSample.mjs';
import { longBenchV2Files } from './lib/longBenchSample.mjs';
import { babilongFiles } from './lib/babilongSample.mjs';
import { checkSynth, checkpointFiles, gradientLikeCsv } from './lib/synth.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(root, 'public', 'samples');

const README = `# Example files

Every file in this folder is **synthetic**: written by \`scripts/make-samples.mjs\`
(\`npm run samples\`) from a fixed random seed, so rerunning it gives the same bytes.
They are **not real model results**; they only mimic the shape of published evaluations so the
app has something to show.

| file | format | shaped like |
| --- | --- | --- |
| \`llama-3-70b-524k-style.csv\` | tidy CSV, one row per trial: \`model,context_length,depth_percent,score,needle,expected,response\`; score 0/1 (exact match of a 7-digit number) | the EasyContext evaluation on the model card of Gradient's Llama-3 70B Instruct 524K: 20 lengths 100 ... 608,100 (step 32,000) x depths 0, 20 ... 100 x 2 samples = 240 trials |
| \`checkpoints/stage-65k.json\`, \`stage-262k.json\`, \`stage-524k.json\` | gkamradt v1 JSON arrays (\`model, context_length, depth_percent, version, needle, model_response, score\`, score 1..10) | three training stages of one long-context model on the same sweep: 12 lengths 2,048 ... 524,288 x 11 depths 0, 10 ... 100, one trial per cell; each stage holds up to its training length and degrades beyond it |
| \`nemo-skills/eval-results/ruler.llama_<N>k.<task>/output.jsonl\`, \`nemo-skills/eval-results/mrcr/output.jsonl\`, \`mrcr/metrics.json\` | NeMo-Skills RULER rows (\`expected_answer, length, generation, is_correct\`) and MRCR rows (\`n_needles, n_tokens, seq_match_ratio\`) | a NeMo-Skills RULER run of one model at three setups (32K, 64K, 128K) x 6 tasks x 4 rows, and MRCR with 2/4/8 needles x 5 prompt sizes |
| \`longbench-v2/example-model.jsonl\`, \`example-model_cot.jsonl\` | LongBench v2 JSONL, one row per question (\`_id, domain, difficulty, length, answer, pred, judge\`) | one model answering LongBench v2's 6 domains at its short, medium and long buckets, 6 questions each, without and with chain of thought (\`_cot\`) |
| \`babilong/babilong_evals/haymap-demo/demo-8b/qa<N>_<len>_<cfg>.csv\` | BABILong answers (\`,target,output,question\`), scored by the benchmark's rule | a BABILong evaluation of one model in one prompt configuration: qa1..qa5 x lengths 0k, 1k, 4k, 16k, 64k, 10 answers per file, fewer right as the filler grows |
`;

checkSynth();

/** @type {Array<[string, string]>} */
const outputs = [
  ['llama-3-70b-524k-style.csv', gradientLikeCsv()],
  ...checkpointFiles().map(
    ({ name, text }) => /** @type {[string, string]} */ ([join('checkpoints', name), text]),
  ),
  ...nemoSampleFiles(),
  ...longBenchV2Files().map(
    ({ name, text }) => /** @type {[string, string]} */ ([join('longbench-v2', name), text]),
  ),
  ...babilongFiles().map(({ name, text }) => /** @type {[string, string]} */ ([name, text])),
  ['README.md', README],
];

for (const [rel, text] of outputs) {
  const path = join(samples, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  process.stdout.write(`${join('public', 'samples', rel)}  ${Buffer.byteLength(text)} bytes\n`);
}
