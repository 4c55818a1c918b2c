import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mergeCells } from '../cells';
import { loadBatch, type TextFile } from '../load';
import { cellMean } from '../metrics';
import type { BatchResult, Cell, RunDraft } from '../types';

/** One folder per format: a few hand-made files, dropped whole by the e2e test. */
export const FORMAT_FIXTURES_DIR = resolve(import.meta.dirname, '../../../e2e/fixtures/formats');

/** What each fixture folder shows, `<format-id>.json`, kept apart so a drop of the folder holds data only. */
export const EXPECTED_DIR = resolve(import.meta.dirname, '../../../e2e/fixtures/expected');

/** A cell as the expected file lists it: by depth, or by task for runs without depths. */
export interface ShownCell {
  length: number;
  depth?: number;
  task?: string;
  /** Mean score, 0..1; null where the cell holds only failed calls. */
  value: number | null;
  n: number;
}

/** What the app shows after a fixture folder is dropped, in the shape of its expected file. */
export interface Shown {
  format: string;
  runs: { name: string; rows: 'depth' | 'task'; cells: ShownCell[] }[];
}

/** The formats that have a fixture folder, by id. */
export function fixtureFolders(): string[] {
  return readdirSync(FORMAT_FIXTURES_DIR).sort();
}

/** Paths of the files under a folder, relative to it, depth first. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

/** The files of a fixture folder as dropping the folder gives them. */
export function fixtureFiles(formatId: string): TextFile[] {
  const dir = join(FORMAT_FIXTURES_DIR, formatId);
  return filesUnder(dir)
    .map((path) => ({ path: `${formatId}/${path}`, text: readFileSync(join(dir, path), 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Loads a fixture folder as a drop would (in chunks of `chunkChars`), with its expected file
 * parsed, and what the load shows in the expected file's shape: compare them with `toEqual`.
 */
export async function loadFixtureFolder(
  formatId: string,
  chunkChars?: number,
): Promise<{ result: BatchResult; expected: unknown; shown: Shown }> {
  const result = await loadBatch(fixtureFiles(formatId), chunkChars);
  const text = readFileSync(join(EXPECTED_DIR, `${formatId}.json`), 'utf8');
  const expected: unknown = JSON.parse(text);
  return { result, expected, shown: shownOf(result) };
}

/** Means compare at 10 decimals: the expected files are written by hand. */
function rounded(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

/**
 * A run as its heatmap shows it by default (all tasks together): rows are depths, each cell
 * merging its tasks, or tasks where the run records no depth.
 */
function shownRun(run: RunDraft): Shown['runs'][number] {
  const withDepth = run.cells.filter((cell) => cell.depthPercent !== null);
  const byDepth = withDepth.length > 0;
  const groups = new Map<string, Cell[]>();
  for (const cell of byDepth ? withDepth : run.cells) {
    const key = `${byDepth ? cell.depthPercent : cell.task}\u0000${cell.lengthTokens}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const cells = [...groups.values()].map((group): ShownCell => {
    const cell = mergeCells(group);
    const value = cell.n > 0 ? rounded(cellMean(cell)) : null;
    const row = byDepth ? { depth: cell.depthPercent ?? 0 } : { task: group[0]?.task || run.name };
    return { length: cell.lengthTokens, ...row, value, n: cell.n };
  });
  // Row by row, as the heatmap lays them out.
  cells.sort(
    (a, b) =>
      (a.depth ?? 0) - (b.depth ?? 0) ||
      (a.task ?? '').localeCompare(b.task ?? '') ||
      a.length - b.length,
  );
  return { name: run.name, rows: byDepth ? 'depth' : 'task', cells };
}

/** What a batch shows, in the expected file's shape. */
export function shownOf(result: BatchResult): Shown {
  return {
    format: [...new Set(result.formats.map((f) => f.format))].join(', '),
    runs: result.runs.map(shownRun),
  };
}
