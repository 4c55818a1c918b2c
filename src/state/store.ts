import { create } from 'zustand';
import { cancelLoads, loadInWorker } from '../worker/loadClient';
import { sampleFile } from '../worker/sampleFile';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

/** The one store: runs and the view, each with its actions beside its data. */
export type Store = RunsSlice & ViewSlice;

export const useStore = create<Store>()((...args) => ({
  ...createRunsSlice({ load: loadInWorker, cancel: cancelLoads, sample: sampleFile })(...args),
  ...createViewSlice(...args),
}));
