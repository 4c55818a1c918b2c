/**
 * The store's shape: both slices and what they hold. Slices, selectors and tests import these
 * types from here, so no slice needs to import the store or another slice.
 */
import type { Callout, FigureOptions } from '../chart/figureOptions';
import type { LengthScaleChoice } from '../chart/lengthChartLayout';
import type { PaletteId } from '../chart/palettes';
import type { FileFormat, ReadChoice, RunDraft, UnmappedFile } from '../core/types';
import type { ColumnMapping } from '../core/types';
import type { LoadError, Metric, Run } from '../core/types';
import type { LoadOutcome } from '../worker/loadClient';
import type { LoadProgress, PickedFile } from '../worker/protocol';

/** How runs are shown; shared by every panel. Each field's policy is in `viewFields.ts`. */
/** The page's colours: the system's setting, or light or dark whatever it says. */
export type ColorScheme = 'system' | 'light' | 'dark';

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
  /** Draw each length's trial-weighted mean in a strip above the heatmaps, on its own 0..100 % scale. */
  showLengthMean: boolean;
  /** Draw each depth's (or task's) trial-weighted mean in a strip beside the heatmaps. */
  showDepthMean: boolean;
  /** The score-by-length chart's length axis: log for geometric sweeps (auto), or as set. */
  lengthScale: LengthScaleChoice;
  /** The cell whose trials the drill-down panel lists, or null when it is closed. */
  drill: DrillTarget | null;
  /** How figures are drawn, on screen and in exports. */
  figure: FigureOptions;
  /** Notes placed on the exported figure, each pointing at a cell or a range of cells. */
  callouts: Callout[];
  /** The page's colours (the exported figure keeps its own theme, `figure.theme`). */
  colorScheme: ColorScheme;
  /** How the difference view compares: chosen from the sweeps (auto), cell by cell, or on shared bins. */
  diffMode: DiffMode;
  /** Length bins of shared bins; null lets the core choose. */
  binCount: number | null;
  /** Spacing of length bins; auto is log for geometric sweeps. */
  binScale: BinScaleChoice;
  /** Width of a depth band of shared bins, in percentage points. */
  depthBand: number;
  /** Draw a run with several values of a facet as one heatmap per value. */
  smallMultiples: boolean;
}

/** How the difference view compares two runs. */
export type DiffMode = 'auto' | 'exact' | 'bins';

/** The spacing of length bins the user picked. */
export type BinScaleChoice = 'auto' | 'linear' | 'log';

/** A cell of a run, as the drill-down names it. */
export interface DrillTarget {
  runId: string;
  lengthTokens: number;
  /** A depth in percent, or a task for length x task matrices. */
  row: number | string;
  /** The small multiple the cell is in (a task, a facet value): only its trials are listed. */
  within?: { field: string; value: string };
}

export interface ViewSlice {
  view: ViewState;
  setView: (patch: Partial<ViewState>) => void;
}

/** A load problem as shown to the user, with an id to dismiss it by. */
export interface ShownError extends LoadError {
  id: number;
  /** The batch whose load reported it; a re-read of the batch replaces its errors. */
  batchId?: number;
}

/** One drop or pick: its files (kept to re-read them as the user asks) and the runs it made. */
export interface Batch {
  id: number;
  files: PickedFile[];
  runIds: string[];
  /** How each file that could be read was read. */
  formats: FileFormat[];
}

/** A file waiting for the user to map its columns. */
export interface PendingMapping extends UnmappedFile {
  batchId: number;
  picked: PickedFile;
}

/** A saved run that failed its check at start: kept aside in storage, not restored. */
export interface SetAsideRun {
  /** Its storage key. */
  key: number;
  /** Its saved name where it has one, else a label naming its key. */
  name: string;
  reason: string;
  /** The record as it was saved, for the user to download. */
  raw: unknown;
}

/** Loading files: progress, what loading said, and the files waiting for a column mapping. */
export interface LoadingSlice {
  /** Saved runs that could not be restored; the saved copy keeps them until dismissed. */
  setAside: SetAsideRun[];
  /** Forgets a set-aside run: the next save deletes its record. */
  dismissSetAside: (key: number) => void;
  errors: ShownError[];
  /** Files waiting in the column-mapping dialog, first shown first. */
  pendingMappings: PendingMapping[];
  /** The batch being loaded, or null. */
  loading: LoadProgress | null;
  /** A short notice after a load, e.g. that it was cancelled. */
  notice: string | null;
  /**
   * Loads files (in the worker) and adds their runs; never replaces what is loaded.
   * `startedAt` is when the files reached the app (a drop walks folders first).
   */
  addFiles: (files: PickedFile[], startedAt?: number) => Promise<void>;
  /** Reads one file of a batch again as the user chose; the batch's runs are rebuilt. */
  rereadFile: (batchId: number, path: string, choice: ReadChoice) => Promise<void>;
  /** Confirms (a mapping) or dismisses (null) the first pending mapping. */
  resolveMapping: (mapping: ColumnMapping | null) => Promise<void>;
  /** Asks for the column-mapping dialog for a loaded file. */
  requestMapping: (batchId: number, path: string) => void;
  cancelLoad: () => void;
  dismissError: (id: number) => void;
  /** Dismisses several errors at once (a grouped message). */
  dismissErrors: (ids: readonly number[]) => void;
  /** Shows problems that arose outside a load (an example that could not be fetched). */
  addErrors: (errors: LoadError[]) => void;
}

/** The loaded runs and the batches they came from, with the user's edits of them. */
export interface RunEditingSlice {
  runs: Run[];
  batches: Batch[];
  renameRun: (id: string, name: string) => void;
  /** Moves a run `delta` places in the order (panels, summary, difference defaults follow it). */
  moveRun: (id: string, delta: number) => void;
  /**
   * Merges the runs `ids` (two or more) into one that takes the place of the first: cells of
   * the same place add their trials. Refused, changing nothing, when the runs count length in
   * different units (tokens and frames). Returns the merged run's id, or why it was refused.
   */
  mergeRuns: (ids: readonly string[]) => { ok: true; id: string } | { ok: false; reason: string };
  /**
   * Splits a run into one run per value of `field` (a facet such as `needles`, or `task`), in
   * its place. Returns the new runs' ids; none, changing nothing, when it has one value or none.
   */
  splitRun: (id: string, field: string) => string[];
  /** Removes a run, and every reference the view holds to it. */
  removeRun: (id: string) => void;
  /**
   * Adds runs that need no reading (the saved copy's, a share link's) after those loaded, as a
   * batch with no files, with fresh ids and unique names. Returns their ids, in order.
   */
  restoreRuns: (runs: RunDraft[]) => string[];
  /** Removes every run, batch, error and waiting mapping, stops a load, and resets the view. */
  clearAll: () => void;
}

/** Loaded runs and what loading said. */
export type RunsSlice = LoadingSlice & RunEditingSlice;

/** The one store: runs and the view, each with its actions beside its data. */
export type Store = RunsSlice & ViewSlice;

/** The loader the slice uses: the worker in the app, a stub in tests. */
export interface Loader {
  /** `known` maps fingerprints of files already loaded to their paths: those are skipped. */
  load: (
    files: PickedFile[],
    onProgress: (p: LoadProgress) => void,
    known?: Record<string, string>,
  ) => Promise<LoadOutcome>;
  cancel: () => void;
  /** The sample a mapping dialog needs, for a file the user asks to map. */
  sample: (picked: PickedFile) => Promise<UnmappedFile | LoadError>;
}
