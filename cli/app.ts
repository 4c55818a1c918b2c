/**
 * Everything the command line takes from the app, in one place: the loader and its readers,
 * the figure model and renderer of the app's SVG export, the summary table, the cells CSV and
 * the share payload. The rest of cli/ imports the app only through this file and appRead.ts (the
 * reading alone), so a change of the app's modules touches one import list.
 */
export * from './appRead';

export { figureModel, type FigureScope, type FigureModel } from '../src/export/figureModel';
export { renderFigure, type RenderedFigure } from '../src/export/render';
export {
  AXIS_TITLE_RANGE,
  FIGURE_PX_RANGE,
  type Callout,
  type FigureOptions,
} from '../src/chart/figureOptions';
export { PALETTES, isPaletteId, type PaletteId } from '../src/chart/palettes';

export { summarizeRun, type RunSummary } from '../src/core/summary';
export { summaryCsv, summaryMarkdown } from '../src/core/summaryTable';
export { cellsToCsv } from '../src/core/formats/haymapCells';
export { gridCells, heatmapGrid } from '../src/core/grid';

export { encodeShare } from '../src/export/shareLink';
export { sharedViewOf } from '../src/state/sharedView';
export { DEFAULT_VIEW, readLinked, refusalOf } from '../src/state/viewFields';
export type { ViewState } from '../src/state/types';
