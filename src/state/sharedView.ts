import type { FigureOptions } from '../chart/figureOptions';
import { PALETTES } from '../chart/palettes';
import { METRIC_LABELS } from '../core/metrics';
import { isJsonObject } from '../core/read/json';
import { MAX_TASK_CHARS } from '../core/formats/share/cell';
import {
  accept,
  isCount,
  isNumberIn,
  isText,
  refuse,
  type Checked,
} from '../core/formats/share/guards';
import type { Metric, Run } from '../core/types';
import type { ViewState } from './viewSlice';

/**
 * The parts of the view worth sharing (links) and keeping (the saved copy): how runs are
 * coloured, compared and drawn. Run references are positions in a list of runs, as ids change
 * from one page to the next. Not shared: hidden runs (a link holds the shown ones only) and
 * the drill-down (a passing look at one cell).
 */
export interface SharedView extends Pick<
  ViewState,
  | 'metric'
  | 'threshold'
  | 'palette'
  | 'task'
  | 'align'
  | 'effectiveThreshold'
  | 'showLengthMean'
  | 'figure'
> {
  /** The runs of the difference view by position; null picks the first two. */
  diffA: number | null;
  diffB: number | null;
}

/** The shared parts of a view, its difference runs as positions in `runs` (null when absent). */
export function sharedViewOf(view: ViewState, runs: readonly Run[]): SharedView {
  const { metric, threshold, palette, task, align, effectiveThreshold, showLengthMean, figure } =
    view;
  return {
    metric,
    threshold,
    palette,
    task,
    align,
    effectiveThreshold,
    showLengthMean,
    figure,
    diffA: positionOf(view.diffA, runs),
    diffB: positionOf(view.diffB, runs),
  };
}

/**
 * The view change that applies a shared view, its positions read in `runIds` (a position
 * whose run is missing, or undefined there, picks none).
 */
export function viewPatchOf(
  shared: SharedView,
  runIds: readonly (string | undefined)[],
): Partial<ViewState> {
  const { diffA, diffB, ...rest } = shared;
  return { ...rest, diffA: idAt(diffA, runIds), diffB: idAt(diffB, runIds) };
}

/** Reads a shared view field by field, or says which field is wrong. */
export function readSharedView(value: unknown, maxTaskChars = MAX_TASK_CHARS): Checked<SharedView> {
  if (!isJsonObject(value)) return refuse('the view must be an object');
  const { metric, threshold, palette, task, align, effectiveThreshold, showLengthMean } = value;
  const { diffA, diffB } = value;
  if (!isMetric(metric)) return refuse('the view names an unknown metric');
  if (!isNumberIn(threshold, 0, 1) || !isNumberIn(effectiveThreshold, 0, 1)) {
    return refuse('the view’s thresholds must be numbers in 0..1');
  }
  if (!isPalette(palette)) return refuse('the view names an unknown palette');
  if (task !== null && !isText(task, maxTaskChars)) return refuse('the view’s task is not text');
  if (typeof align !== 'boolean' || typeof showLengthMean !== 'boolean') {
    return refuse('the view’s switches must be true or false');
  }
  if ((diffA !== null && !isCount(diffA)) || (diffB !== null && !isCount(diffB))) {
    return refuse('the view’s difference runs must be positions or null');
  }
  const figure = readFigure(value.figure);
  if (!figure) return refuse('the view’s figure options are not valid');
  return accept({
    metric,
    threshold,
    palette,
    task,
    align,
    effectiveThreshold,
    showLengthMean,
    figure,
    diffA,
    diffB,
  });
}

function isMetric(value: unknown): value is Metric {
  return typeof value === 'string' && Object.hasOwn(METRIC_LABELS, value);
}

// `Object.hasOwn`, not `in`: "toString" is in every object, and must not pass for a palette.
function isPalette(value: unknown): value is ViewState['palette'] {
  return typeof value === 'string' && Object.hasOwn(PALETTES, value);
}

function readFigure(value: unknown): FigureOptions | null {
  if (!isJsonObject(value)) return null;
  const { theme, valueLabels, gridlines, trainedLength, depthHints } = value;
  if (
    (theme !== 'light' && theme !== 'dark') ||
    (valueLabels !== 'off' && valueLabels !== 'all' && valueLabels !== 'below100') ||
    typeof gridlines !== 'boolean' ||
    (trainedLength !== null && !isNumberIn(trainedLength, 0, Number.MAX_VALUE)) ||
    typeof depthHints !== 'boolean'
  ) {
    return null;
  }
  return { theme, valueLabels, gridlines, trainedLength, depthHints };
}

function positionOf(id: string | null, runs: readonly Run[]): number | null {
  const at = id === null ? -1 : runs.findIndex((run) => run.id === id);
  return at === -1 ? null : at;
}

function idAt(position: number | null, runIds: readonly (string | undefined)[]): string | null {
  return position === null ? null : (runIds[position] ?? null);
}
