import { createStore } from 'zustand/vanilla';
import type { BatchResult } from '../../core/types';
import type { PickedFile } from '../../worker/protocol';
import { createRunsSlice } from '../runsSlice';
import type { Loader, Store } from '../types';
import { createViewSlice } from '../viewSlice';

/** A store whose loader is a stub: `loader` overrides the parts a test needs. */
export function testStore(loader: Partial<Loader> = {}) {
  const stub: Loader = {
    load: () => Promise.resolve('cancelled'),
    cancel: () => undefined,
    sample: () => Promise.resolve({ file: 'x', reason: 'stub' }),
    ...loader,
  };
  return createStore<Store>()((...args) => ({
    ...createRunsSlice(stub)(...args),
    ...createViewSlice(...args),
  }));
}

/** A picked file of a given path; its content is never read by the stub loaders. */
export function picked(path: string): PickedFile {
  return { file: new File(['x'], path), path };
}

/** A batch result with its formats one per file, each read as gkamradt v1. */
export function resultOf(files: string[], parts: Partial<BatchResult> = {}): BatchResult {
  return {
    runs: [],
    errors: [],
    unmapped: [],
    formats: files.map((file) => ({ file, formatId: 'v1', format: 'v1', confidence: 0.9 })),
    ...parts,
  };
}
