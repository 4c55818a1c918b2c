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
}

export const DEFAULT_FIGURE: FigureOptions = {
  theme: 'light',
  valueLabels: 'off',
  gridlines: true,
  trainedLength: null,
  depthHints: false,
};
