import type { PickedFile } from '../worker/protocol';

/** Example result sets shipped in public/samples (synthetic, see its README). */
export interface Example {
  id: string;
  title: string;
  description: string;
  files: string[];
}

export const EXAMPLES: Example[] = [
  {
    id: 'llama3',
    title: 'Llama-3 70B 524K-style eval',
    description: '20 lengths up to 608K × 6 depths, 2 samples per cell (tidy CSV)',
    files: ['llama-3-70b-524k-style.csv'],
  },
  {
    id: 'checkpoints',
    title: 'Three training checkpoints',
    description: 'One model at its 65K, 262K and 524K stages (gkamradt JSON)',
    files: [
      'checkpoints/stage-65k.json',
      'checkpoints/stage-262k.json',
      'checkpoints/stage-524k.json',
    ],
  },
  {
    id: 'helmet',
    title: 'HELMET JSON KV',
    description: 'Llama-3.1-8B: 5 lengths 8K … 128K × 6 depths, 2 items per cell (HELMET outputs)',
    files: [
      'helmet/output/Llama-3.1-8B-Instruct/json_kv_eval_test_k50_dep6_in131072_size12_shots2_sampFalsemax100min0t0.0p1.0_chatFalse_42.json',
      'helmet/output/Llama-3.1-8B-Instruct/json_kv_eval_test_k50_dep6_in16384_size12_shots2_sampFalsemax100min0t0.0p1.0_chatFalse_42.json',
      'helmet/output/Llama-3.1-8B-Instruct/json_kv_eval_test_k50_dep6_in32768_size12_shots2_sampFalsemax100min0t0.0p1.0_chatFalse_42.json',
      'helmet/output/Llama-3.1-8B-Instruct/json_kv_eval_test_k50_dep6_in65536_size12_shots2_sampFalsemax100min0t0.0p1.0_chatFalse_42.json',
      'helmet/output/Llama-3.1-8B-Instruct/json_kv_eval_test_k50_dep6_in8192_size12_shots2_sampFalsemax100min0t0.0p1.0_chatFalse_42.json',
    ],
  },
  {
    id: 'nolima',
    title: 'NoLiMa, two tests',
    description:
      'gpt-4o: 6 lengths 1K … 32K × 11 depths, one-hop and two-hop tests as a facet (NoLiMa JSON)',
    files: [
      'nolima/CL16K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251208.json',
      'nolima/CL16K/0402_T05_twohop/gpt-4o_book_0402_T05_twohop_1739251209.json',
      'nolima/CL1K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251200.json',
      'nolima/CL1K/0402_T05_twohop/gpt-4o_book_0402_T05_twohop_1739251201.json',
      'nolima/CL2K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251202.json',
      'nolima/CL2K/0402_T05_twohop/gpt-4o_book_0402_T05_twohop_1739251203.json',
      'nolima/CL32K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251210.json',
      'nolima/CL32K/0402_T05_twohop/gpt-4o_book_0402_T05_twohop_1739251211.json',
      'nolima/CL4K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251204.json',
      'nolima/CL4K/0402_T05_twohop/gpt-4o_book_0402_T05_twohop_1739251205.json',
      'nolima/CL8K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251206.json',
      'nolima/CL8K/0402_T05_twohop/gpt-4o_book_0402_T05_twohop_1739251207.json',
    ],
  },
  {
    id: 'evalscope',
    title: 'EvalScope needle_haystack',
    description:
      'qwen-plus: 6 lengths × 10 depths, English and Chinese pre-averaged cells (EvalScope report)',
    files: ['evalscope/outputs/20250301_101500/reports/qwen-plus/needle_haystack.json'],
  },
  {
    id: 'nemo-skills',
    title: 'NeMo-Skills RULER and MRCR',
    description:
      'One model at 32K, 64K and 128K setups × 6 RULER tasks, and MRCR by needle count (JSONL)',
    files: [
      ...['llama_32k', 'llama_64k', 'llama_128k'].flatMap((setup) =>
        ['niah_single_1', 'niah_multikey_1', 'niah_multivalue', 'vt', 'cwe', 'qa_1'].map(
          (task) => `nemo-skills/eval-results/ruler.${setup}.${task}/output.jsonl`,
        ),
      ),
      'nemo-skills/eval-results/mrcr/output.jsonl',
      'nemo-skills/eval-results/mrcr/metrics.json',
    ],
  },
  {
    id: 'longbench-v2',
    title: 'LongBench v2, two prompt settings',
    description: '6 domains × short, medium and long, with and without chain of thought (JSONL)',
    files: ['longbench-v2/example-model.jsonl', 'longbench-v2/example-model_cot.jsonl'],
  },
  {
    id: 'babilong',
    title: 'BABILong answers, qa1–qa5',
    description: 'One model at 0k … 64k, 10 answers per file, scored by the benchmark’s rule',
    files: ['qa1', 'qa2', 'qa3', 'qa4', 'qa5'].flatMap((task) =>
      ['0k', '1k', '4k', '16k', '64k'].map(
        (length) =>
          `babilong/babilong_evals/haymap-demo/demo-8b/${task}_${length}_instruction_yes_examples_yes_post_prompt_yes_chat_template_no.csv`,
      ),
    ),
  },
];

/** Fetches an example's files from the app's own origin, as if they had been dropped. */
export async function fetchExample(example: Example): Promise<PickedFile[]> {
  return Promise.all(
    example.files.map(async (path) => {
      const response = await fetch(`${import.meta.env.BASE_URL}samples/${path}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const name = path.slice(path.lastIndexOf('/') + 1);
      return { file: new File([await response.blob()], name), path };
    }),
  );
}
