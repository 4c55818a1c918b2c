/** How figures are drawn, on screen and in exports; kept in the view and in share links. */
export interface FigureOptions {
  theme: 'light' | 'dark';
  /** Percent labels in cells: none, all, or only cells below 100% (as in the GPT-4 figure). */
  valueLabels: 'off' | 'all' | 'below100';
  /** Thin lines between cells. */
  gridlines: boolean;
  /** A dashed marker at the context length the model was trained to, in tokens. */
  trainedLength: number | null;
  /** "Top of document" / "Bottom of document" beside the depth axis. */
  depthHints: boolean;
  /**
   * The exported figure's shape: cells near square as on screen, a fixed ratio, or `widthPx`
   * by `heightPx` exactly (custom).
   */
  aspect: FigureAspect;
  /** The exported figure's width in CSS pixels; null for the automatic width. */
  widthPx: number | null;
  /** The exported figure's height where the aspect is custom; null otherwise. */
  heightPx: number | null;
  /** Where the exported figure's title and subtitle sit. */
  titleAlign: 'center' | 'left';
  /** Size of the axis and legend titles in the exported figure, in CSS pixels. */
  axisTitlePx: number;
  /** The colour key: a bar with its title, or a few labelled swatches (100 % / 50 % / 0 %). */
  legend: 'bar' | 'stops';
}

/** The shapes an exported figure can take. */
export const FIGURE_ASPECTS = ['screen', '16:9', '4:3', 'square', 'custom'] as const;
export type FigureAspect = (typeof FIGURE_ASPECTS)[number];

/** Axis-title sizes offered, in CSS pixels; readers accept any size in `AXIS_TITLE_RANGE`. */
export const AXIS_TITLE_SIZES = [12, 14, 16, 18, 20] as const;
export const AXIS_TITLE_RANGE = { min: 9, max: 28 } as const;

/** Widths and heights a figure may ask for, in CSS pixels. */
export const FIGURE_PX_RANGE = { min: 320, max: 4000 } as const;

export const DEFAULT_FIGURE: FigureOptions = {
  theme: 'light',
  valueLabels: 'off',
  gridlines: true,
  trainedLength: null,
  depthHints: false,
  aspect: 'screen',
  widthPx: null,
  heightPx: null,
  titleAlign: 'center',
  axisTitlePx: 14,
  legend: 'bar',
};

/** A cell of a figure, named by its values: a context length and a depth (or a task). */
export interface CellRef {
  lengthTokens: number;
  row: number | string;
}

/**
 * A note placed on an exported figure: text with an arrow to one cell, or with a dashed box
 * round the cells from `at` to `to` (both corners included) and an arrow to the box.
 */
export interface Callout {
  text: string;
  at: CellRef;
  to: CellRef | null;
}

/** The most callouts a figure (and a link) holds, and the longest callout text. */
export const CALLOUT_LIMITS = { count: 12, chars: 200 } as const;
