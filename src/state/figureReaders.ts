/**
 * Readers of the figure's view fields from untrusted input (share links, the saved copy). A
 * field added after links were first written may be missing: it reads as its default, so old
 * links still open; a field that is present must be valid.
 */
import {
  AXIS_TITLE_RANGE,
  CALLOUT_LIMITS,
  DEFAULT_FIGURE,
  FIGURE_ASPECTS,
  FIGURE_PX_RANGE,
  type Callout,
  type CellRef,
  type FigureOptions,
} from '../chart/figureOptions';
import { isJsonObject } from '../core/read/json';
import { isNumberIn, isText } from '../core/formats/share/guards';

/** `value`, or the default where it is missing; undefined when present and not valid. */
function orDefault<T>(value: unknown, fallback: T, valid: (value: unknown) => value is T) {
  if (value === undefined) return fallback;
  return valid(value) ? value : undefined;
}

const isPixels = (value: unknown): value is number | null =>
  value === null ||
  (Number.isInteger(value) && isNumberIn(value, FIGURE_PX_RANGE.min, FIGURE_PX_RANGE.max));

const isAspect = (value: unknown): value is FigureOptions['aspect'] =>
  FIGURE_ASPECTS.some((aspect) => aspect === value);

/** The figure options, or undefined when any is not valid. */
export function readFigure(value: unknown): FigureOptions | undefined {
  if (!isJsonObject(value)) return undefined;
  const { theme, valueLabels, gridlines, trainedLength, depthHints } = value;
  if (
    (theme !== 'light' && theme !== 'dark') ||
    (valueLabels !== 'off' && valueLabels !== 'all' && valueLabels !== 'below100') ||
    typeof gridlines !== 'boolean' ||
    (trainedLength !== null && !isNumberIn(trainedLength, 0, Number.MAX_VALUE)) ||
    typeof depthHints !== 'boolean'
  ) {
    return undefined;
  }
  const aspect = orDefault(value.aspect, DEFAULT_FIGURE.aspect, isAspect);
  const widthPx = orDefault(value.widthPx, DEFAULT_FIGURE.widthPx, isPixels);
  const heightPx = orDefault(value.heightPx, DEFAULT_FIGURE.heightPx, isPixels);
  const titleAlign = orDefault(
    value.titleAlign,
    DEFAULT_FIGURE.titleAlign,
    (v): v is FigureOptions['titleAlign'] => v === 'center' || v === 'left',
  );
  const axisTitlePx = orDefault(value.axisTitlePx, DEFAULT_FIGURE.axisTitlePx, (v) =>
    isNumberIn(v, AXIS_TITLE_RANGE.min, AXIS_TITLE_RANGE.max),
  );
  const legend = orDefault(
    value.legend,
    DEFAULT_FIGURE.legend,
    (v): v is FigureOptions['legend'] => v === 'bar' || v === 'stops',
  );
  if (
    aspect === undefined ||
    widthPx === undefined ||
    heightPx === undefined ||
    titleAlign === undefined ||
    axisTitlePx === undefined ||
    legend === undefined ||
    // A custom figure names both sides; no other aspect has a height of its own.
    (aspect === 'custom') !== (widthPx !== null && heightPx !== null) ||
    (aspect !== 'custom' && heightPx !== null)
  ) {
    return undefined;
  }
  return {
    theme,
    valueLabels,
    gridlines,
    trainedLength,
    depthHints,
    aspect,
    widthPx,
    heightPx,
    titleAlign,
    axisTitlePx,
    legend,
  };
}

function readCell(value: unknown, maxTaskChars: number): CellRef | undefined {
  if (!isJsonObject(value)) return undefined;
  const { lengthTokens, row } = value;
  if (!isNumberIn(lengthTokens, 0, Number.MAX_VALUE)) return undefined;
  if (!isNumberIn(row, 0, 100) && !(isText(row, maxTaskChars) && row !== '')) return undefined;
  return { lengthTokens, row };
}

/**
 * The figure's callouts, at most {@link CALLOUT_LIMITS}: each a text and the cell (or the
 * corners of the range) it points at. Missing reads as none (links from before callouts).
 */
export function readCallouts(value: unknown, maxTaskChars: number): Callout[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > CALLOUT_LIMITS.count) return undefined;
  const callouts: Callout[] = [];
  for (const item of value) {
    if (!isJsonObject(item) || !isText(item.text, CALLOUT_LIMITS.chars)) return undefined;
    if (item.text.trim() === '') return undefined;
    const at = readCell(item.at, maxTaskChars);
    const to = item.to === null ? null : readCell(item.to, maxTaskChars);
    if (at === undefined || to === undefined) return undefined;
    callouts.push({ text: item.text, at, to });
  }
  return callouts;
}
