/** One cell as a plot draws it; the grid's rows and lengths come from the layout. */
export interface PlotCell {
  lengthTokens: number;
  /** The upper edge of the cell's length bin, where the cell is a bin. */
  lengthTo?: number;
  row: number | string;
  /** The upper edge of the cell's depth band, where the cell is a bin. */
  depthTo?: number;
  /** The task the cell shows, where a figure shows one task. */
  task?: string;
  /** The value the colour shows, or null where there is no data. */
  value: number | null;
  /** Trials behind the cell. */
  n: number;
  /** Calls that failed and were not scored. */
  failed?: number;
  /** Marked as differing beyond chance (the difference view). */
  significant?: boolean;
  /** What the cell says to keyboard and screen-reader users. */
  label: string;
  /** The cell's label when value labels are on, e.g. "85%" (percent) or "-12" (points). */
  valueText?: string;
}
