/**
 * The figures that say what a run's numbers stand on: trials known one by one, cells known
 * only as pre-averaged means, and the two headline means kept apart. Published figures
 * average cells (Claude 2.1: 60.2 %), the trials of the same run average otherwise (64.2 %);
 * a pass rate exists only where trials are known.
 */
import type { Cell } from './types';

/** What {@link trialFigures} works out from the cells a grid shows. */
export interface TrialFigures {
  /** Trial-weighted mean score of the shown cells (pre-averaged cells with their n); null without a scored trial. */
  meanOfTrials: number | null;
  /** Scored trials known one by one (not through a pre-averaged summary). */
  knownTrials: number;
  /** Shown scored cells known only through pre-averaged summaries. */
  averagedCells: number;
  /**
   * Whether a pass rate means anything: false when every scored cell is pre-averaged, where a
   * "pass rate" could only be the mean again and the threshold changes nothing.
   */
  passRateApplies: boolean;
  /** The pass threshold the pass rate was counted at. */
  threshold: number;
}

/** The labels summaries and their copies carry, so a reader knows which mean is which. */
export const FIGURE_LABELS = {
  meanOfCells: 'Mean of cells',
  meanOfTrials: 'Mean of trials',
  notApplicable: 'n/a (averaged cells)',
  trials: 'Trials',
  cells: 'Cells',
  averagedCells: 'Averaged cells',
} as const;

/** "Pass rate (>= 0.70)": the label of the pass rate at a threshold. */
export function passRateLabel(threshold: number): string {
  return `Pass rate (>= ${threshold.toFixed(2)})`;
}

/** A cell known only through summaries: none of its trials is known one by one. */
export function isAveraged(cell: Cell): boolean {
  return cell.summaryN > 0 && cell.summaryN >= cell.n;
}

/** The figures of the cells a grid shows (see {@link TrialFigures}). */
export function trialFigures(cells: readonly Cell[], threshold: number): TrialFigures {
  const scored = cells.filter((cell) => cell.n > 0);
  const sum = scored.reduce((total, cell) => total + cell.sum, 0);
  const n = scored.reduce((total, cell) => total + cell.n, 0);
  const averagedCells = scored.filter(isAveraged).length;
  return {
    meanOfTrials: n > 0 ? sum / n : null,
    knownTrials: scored.reduce((total, cell) => total + cell.n - cell.summaryN, 0),
    averagedCells,
    passRateApplies: scored.length > averagedCells,
    threshold,
  };
}
