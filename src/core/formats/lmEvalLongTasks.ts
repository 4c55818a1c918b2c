import { optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject } from '../read/json';
import { folderOf } from '../runIdentity';
import { baseName, type CompanionLength, type PendingLength } from './format';

/**
 * lm-evaluation-harness tasks scored by `acc` (0/1) per sample: `babilong_qa*`, whose length
 * only the run's results file names, and `longbench2_*`, whose samples carry a length bucket.
 */
export function isAccTask(task: string): boolean {
  return /^(babilong|longbench2)_/.test(task);
}

export function isBabilongTask(task: string): boolean {
  return task.startsWith('babilong_');
}

/** The `<date>` lm-eval stamps on `samples_<task>_<date>.jsonl` and `results_<date>.json`. */
export function stampOf(path: string): string {
  const stamp = /_(\d{4}-\d{2}-\d{2}T[\d.:-]+)\.jsonl?$/i.exec(baseName(path));
  return stamp?.[1] ?? '';
}

/** What ties a babilong samples file to the results file of its run: folder, date, task. */
export function babilongLengthKey(path: string, task: string): string {
  return [folderOf(path), stampOf(path), task].join('\u0000');
}

/** The promise of a babilong samples file: its length comes from the results file of its run. */
export function babilongPendingLength(path: string, task: string): PendingLength {
  return {
    key: babilongLengthKey(path, task),
    whenAbsent: `no results_${stampOf(path) || '<date>'}.json of the same run beside it names the length (configs.${task}.metadata.max_seq_lengths): read as 0k, no filler`,
  };
}

/** `4k` = 4000, `0k` = 0, `1M` = 1,000,000, or a number of tokens; null for anything else. */
export function babilongLength(value: unknown): number | null {
  const number = toFiniteNumber(value);
  if (number !== null) return Number.isSafeInteger(number) && number >= 0 ? number : null;
  const match = /^(\d+(?:\.\d+)?)([kKmM])$/.exec(optionalText(value)?.trim() ?? '');
  if (!match) return null;
  const scale = match[2]?.toLowerCase() === 'k' ? 1000 : 1_000_000;
  return Math.round(Number(match[1]) * scale);
}

/**
 * The length of each babilong task of a results file: `configs.<task>.metadata.max_seq_lengths`,
 * absent meaning `0k` (no filler), one per run, keyed as the samples of the same run are.
 */
export function babilongLengths(path: string, root: Record<string, unknown>): CompanionLength[] {
  const configs = isJsonObject(root.configs) ? root.configs : {};
  const lengths: CompanionLength[] = [];
  for (const [task, config] of Object.entries(configs)) {
    if (!isBabilongTask(task) || !isJsonObject(config)) continue;
    const metadata = isJsonObject(config.metadata) ? config.metadata : {};
    const given = metadata.max_seq_lengths;
    const one: unknown = Array.isArray(given) && given.length === 1 ? given[0] : given;
    const lengthTokens = one === undefined ? 0 : babilongLength(one);
    if (lengthTokens !== null) lengths.push({ key: babilongLengthKey(path, task), lengthTokens });
  }
  return lengths;
}

/** LongBench v2's length buckets as columns (by words: <32K, 32K–128K, 128K–2M), labelled by name. */
export const LONGBENCH2_LENGTHS: Readonly<Record<string, number>> = {
  short: 32_000,
  medium: 128_000,
  long: 2_000_000,
};
