import { addCount, DETAILS_PER_CELL, finishedCell } from '../../aggregate';
import type { Cell, Trial } from '../../types';
import type { AggregatedTrials } from '../format';

/** A trial whose score is still on the file's own scale, unknown until the file is read. */
export interface RawTrial extends Omit<Trial, 'score'> {
  rawScore: number;
}

interface PendingCell {
  model?: string;
  task: string;
  lengthTokens: number;
  depthPercent: number | null;
  n: number;
  /** Raw score -> number of trials with it. */
  scores: Map<number, number>;
  details: number;
}

/** The cells of one (model, task), by length, then by depth in thousandths of a percent. */
type CellsByLength = Map<number, Map<number, PendingCell>>;

/** The key of a depth: its value rounded to 3 decimals, in thousandths; NaN for no depth. */
function depthKey(depthPercent: number | null): number {
  return depthPercent === null ? NaN : Math.round(depthPercent * 1000);
}

/**
 * Trials of a file whose score scale shows only once all of it is read (a tidy CSV on 1..10).
 * They are aggregated per (model, cell) on the raw scale as they come, keeping the details the
 * drill-down shows, and handed on once on 0..1: memory follows the cells, not the rows, and no
 * raw score ever reaches the grid. Cells are found by number (length, then depth in
 * thousandths), not by a string built per trial: a million-row table spends its time reading,
 * not keying.
 */
export class PendingTrials {
  private readonly groups = new Map<string, CellsByLength>();
  /** Cells in the order they were first seen. */
  private readonly cells: PendingCell[] = [];
  private readonly details: RawTrial[] = [];
  private lastModel: string | undefined = undefined;
  private lastTask = '';
  private lastGroup: CellsByLength | null = null;

  add(trial: RawTrial): void {
    const cell = this.cellAt(trial.model, trial.task ?? '', trial.lengthTokens, trial.depthPercent);
    cell.n += 1;
    addCount(cell.scores, trial.rawScore, 1);
    if (cell.details < DETAILS_PER_CELL) {
      cell.details += 1;
      this.details.push(trial);
    }
  }

  /**
   * The same as {@link add} for a trial known by its coordinates and score: true when its cell
   * still keeps details, and the caller hands the whole trial to {@link keepDetail}.
   */
  addScore(
    model: string | undefined,
    task: string,
    lengthTokens: number,
    depthPercent: number | null,
    rawScore: number,
  ): boolean {
    const cell = this.cellAt(model, task, lengthTokens, depthPercent);
    cell.n += 1;
    addCount(cell.scores, rawScore, 1);
    if (cell.details >= DETAILS_PER_CELL) return false;
    cell.details += 1;
    return true;
  }

  /** The details of a trial {@link addScore} said to keep. */
  keepDetail(trial: RawTrial): void {
    this.details.push(trial);
  }

  private cellAt(
    model: string | undefined,
    task: string,
    lengthTokens: number,
    depthPercent: number | null,
  ): PendingCell {
    let group = this.lastGroup;
    if (group === null || model !== this.lastModel || task !== this.lastTask) {
      const key = `${model ?? ''}\u0000${task}`;
      group = this.groups.get(key) ?? null;
      if (group === null) {
        group = new Map();
        this.groups.set(key, group);
      }
      this.lastGroup = group;
      this.lastModel = model;
      this.lastTask = task;
    }
    let byDepth = group.get(lengthTokens);
    if (!byDepth) {
      byDepth = new Map();
      group.set(lengthTokens, byDepth);
    }
    const key = depthKey(depthPercent);
    let cell = byDepth.get(key);
    if (!cell) {
      cell = {
        model,
        task,
        lengthTokens,
        depthPercent: depthPercent === null ? null : key / 1000,
        n: 0,
        scores: new Map(),
        details: 0,
      };
      byDepth.set(key, cell);
      this.cells.push(cell);
    }
    return cell;
  }

  /** Every trial so far, its score divided by `top`: whole cells and the details in reading order. */
  normalised(top: number): AggregatedTrials {
    const cells = this.cells.map(({ model, ...pending }) => ({
      model,
      cell: normalisedCell(pending, top),
    }));
    const details = this.details.map(({ rawScore, ...trial }): Trial => ({
      ...trial,
      score: rawScore / top,
    }));
    return { cells, details };
  }
}

function normalisedCell(
  { scores: raw, ...pending }: Omit<PendingCell, 'model'>,
  top: number,
): Cell {
  const scores = new Map<number, number>();
  let sum = 0;
  for (const [rawScore, count] of raw) {
    const score = rawScore / top;
    addCount(scores, score, count);
    sum += score * count;
  }
  const { task, lengthTokens, depthPercent, n } = pending;
  const none = { failedCalls: 0, summaryN: 0, summaryPasses: 0 };
  return finishedCell({ task, lengthTokens, depthPercent, n, sum, scores, ...none });
}
