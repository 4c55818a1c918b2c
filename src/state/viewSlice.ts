import type { StateCreator } from 'zustand';
import { measureToNextFrame } from './timing';
import type { Store, ViewSlice } from './types';
import { DEFAULT_VIEW } from './viewFields';

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
