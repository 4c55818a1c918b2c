import type { StateCreator } from 'zustand';
import { DEFAULT_THRESHOLD } from '../core/metrics';
import type { Metric } from '../core/types';
import { DEFAULT_FIGURE, type FigureOptions } from '../chart/figureOptions';
import type { PaletteId } from '../chart/palettes';
import type { Store } from './store';
import { measureToNextFrame } from './timing';

/** How runs are shown; shared by every panel. */
export interface ViewState {
  metric: Metric;
  /** Pass threshold on normalised scores, 0..1. */
  threshold: number;
  palette: PaletteId;
  /** The task shown where results name tasks; null shows all tasks together. */
  task: string | null;
  /** Runs the user hid from the comparison (they stay loaded). */
  hiddenRunIds: string[];
  /** Draw runs with different sweeps on the union of their lengths and depths. */
  align: boolean;
  /** The runs of the difference view, A minus B; null picks the first two shown. */
  diffA: string | null;
  diffB: string | null;
  /** The mean score every length must keep for the effective context length. */
  effectiveThreshold: number;
  /** Draw each length's mean over the heatmaps (OpenCompass's average line). */
  showLengthMean: boolean;
  /** The cell whose trials the drill-down panel lists, or null when it is closed. */
  drill: DrillTarget | null;
  /** How figures are drawn, on screen and in exports. */
  figure: FigureOptions;
}

/** A cell of a run, as the drill-down names it. */
export interface DrillTarget {
  runId: string;
  lengthTokens: number;
  /** A depth in percent, or a task for length x task matrices. */
  row: number | string;
}

export interface ViewSlice {
  view: ViewState;
  setView: (patch: Partial<ViewState>) => void;
}

export const DEFAULT_VIEW: ViewState = {
  metric: 'mean',
  threshold: DEFAULT_THRESHOLD,
  palette: 'classic',
  task: null,
  hiddenRunIds: [],
  align: false,
  diffA: null,
  diffB: null,
  effectiveThreshold: 0.85,
  showLengthMean: false,
  drill: null,
  figure: DEFAULT_FIGURE,
};

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  view: DEFAULT_VIEW,
  setView(patch) {
    const started = performance.now();
    set((state) => ({ view: { ...state.view, ...patch } }));
    if ('palette' in patch || 'metric' in patch || 'threshold' in patch) {
      measureToNextFrame('haymap:render', started);
    }
  },
});
