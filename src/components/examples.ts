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
