import { create } from 'zustand';
import { cancelLoads, loadInWorker } from '../worker/loadClient';
import { sampleFile } from '../worker/sampleFile';
import { createRunsSlice } from './runsSlice';
import type { Store } from './types';
import { createViewSlice } from './viewSlice';

export const useStore = create<Store>()((...args) => ({
  ...createRunsSlice({ load: loadInWorker, cancel: cancelLoads, sample: sampleFile })(...args),
  ...createViewSlice(...args),
}));
