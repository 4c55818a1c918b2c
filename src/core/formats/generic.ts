import { guessMapping } from '../guessMapping';
import { describeMapping, sampleHead, sampleTable } from '../mapping';
import { parseWithMapping } from '../parseWithMapping';
import { failure, type ResultFormat } from './format';

/**
 * Any other CSV/TSV, JSON or JSONL table whose columns for length, depth and score can be
 * guessed with confidence from their names and values (the formats specification, "Anything else").
 * It claims a file only weakly, so a producer's own format always wins; files it is not sure of
 * are left to the user's mapping.
 */
export const generic: ResultFormat = {
  id: 'generic',
  label: 'Generic table (guessed columns)',
  fallback: true,

  detect(path, head) {
    const sample = sampleHead(path, head);
    return sample && guessMapping(sample).confident ? 0.3 : 0;
  },

  async parse(source, sink) {
    const sampled = await sampleTable(source);
    if (!sampled.ok) return failure(source.path, sampled.reason, sampled.line);
    const { mapping } = guessMapping(sampled.sample);
    const outcome = await parseWithMapping(source, mapping, sink);
    if (!outcome.ok) return outcome;
    const guessed = `${source.path}: columns guessed: ${describeMapping(mapping)}`;
    return { ...outcome, warnings: [guessed, ...outcome.warnings] };
  },
};
