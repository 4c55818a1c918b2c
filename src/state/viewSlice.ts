import type { StateCreator } from 'zustand';
import { DEFAULT_THRESHOLD } from '../core/metrics';
import type { Metric } from '../core/types';
import type { PaletteId } from '../chart/palettes';
import type { Store } from './store';

/** How runs are shown; shared by every panel. */
export interface ViewState {
  metric: Metric;
  /** Pass threshold on normalised scores, 0..1. */
  threshold: number;
  palette: PaletteId;
  /** The task shown where results name tasks; null shows all tasks together. */
  task: string | null;
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
};

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  view: DEFAULT_VIEW,
  setView(patch) {
    set((state) => ({ view: { ...state.view, ...patch } }));
  },
});
