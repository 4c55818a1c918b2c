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
