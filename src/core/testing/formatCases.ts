import { expect, it } from 'vitest';
import type { ParseOutcome, ResultFormat } from '../formats/format';
import { loadBatch, type TextFile } from '../load';
import type { RunDraft } from '../types';

/** A detection case: what the file is, its path, its first characters, the confidence expected. */
export type DetectionCase = readonly [name: string, path: string, head: string, confidence: number];

/** One test a case, titled `<name> -> <confidence>` after `title`: `format` gives that confidence. */
export function itDetects(
  format: ResultFormat,
  cases: readonly DetectionCase[],
  title = '%s -> %s',
): void {
  it.each(cases)(title, (_name, path, head, confidence) => {
    expect(format.detect(path, head)).toBe(confidence);
  });
}

/** That `outcome` failed at `line` (none: no line) for a reason that starts with `reason`. */
export function expectFailureStartingWith(
  outcome: ParseOutcome,
  reason: string,
  line: number | undefined,
): void {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.reason.startsWith(reason)).toBe(true);
  expect(outcome.line).toBe(line);
}

/**
 * That `file` loads with no error into one run of `trialCount` trials that says just `warnings`;
 * the run, for what a test checks beyond.
 */
export async function expectOneRun(
  file: TextFile,
  trialCount: number,
  warnings: readonly string[],
): Promise<RunDraft | undefined> {
  const result = await loadBatch([file]);
  expect(result.errors).toEqual([]);
  const [run] = result.runs;
  expect(run?.trialCount).toBe(trialCount);
  expect(run?.warnings).toEqual(warnings);
  return run;
}
