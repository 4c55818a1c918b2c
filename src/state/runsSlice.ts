import type { StateCreator } from 'zustand';
import { createLoadingSlice } from './loadingSlice';
import { createRunEditingSlice } from './runEditingSlice';
import type { Loader, RunsSlice, Store } from './types';

/** The run slice: loading files into runs, and editing the runs loaded. */
export const createRunsSlice =
  (loader: Loader): StateCreator<Store, [], [], RunsSlice> =>
  (...args) => ({
    ...createLoadingSlice(loader)(...args),
    ...createRunEditingSlice(loader)(...args),
  });
