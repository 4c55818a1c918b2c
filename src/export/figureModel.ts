import {
  runPanel,
  diffPanel,
  metricTitle,
  pickPair,
  significanceNote,
  type PanelModel,
  type PanelView,
} from '../chart/panels';
import type { Callout } from '../chart/figureOptions';
import type { Run } from '../core/types';

/** What an exported figure shows: one run, the difference view, or every shown run. */
export type FigureScope = { kind: 'all' } | { kind: 'diff' } | { kind: 'run'; runId: string };

/** An exported figure before it is drawn: its texts and panels. */
export interface FigureModel {
  title: string;
  subtitle: string;
  panels: PanelModel[];
  /** States what the colours mean, the threshold and the trials per cell; a line each. */
  footnote: string[];
  /** Notes placed on the first panel. */
  callouts: Callout[];
}

function trialsPerCell(panels: PanelModel[]): string {
  const counts = panels.flatMap((p) => p.cells.filter((c) => c.value !== null).map((c) => c.n));
  if (counts.length === 0) return 'no trials';
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return `${low === high ? low : `${low}–${high}`} ${high === 1 ? 'trial' : 'trials'} per cell`;
}

/** The figure of a scope, with the user's title and subtitle or sensible ones. */
export function figureModel(
  runs: readonly Run[],
  scope: FigureScope,
  view: PanelView & { diffA: string | null; diffB: string | null; callouts: Callout[] },
  texts: { title: string; subtitle: string },
): FigureModel | null {
  const task = view.task === null ? '' : ` · task ${view.task}`;
  const colour = `Colour: ${metricTitle(view.metric, view.threshold).toLowerCase()}`;
  if (scope.kind === 'diff') {
    const pair = pickPair(runs, view.diffA, view.diffB);
    if (!pair) return null;
    const [a, b] = pair;
    return {
      title: texts.title.trim() || `Difference: ${a.name} − ${b.name}`,
      subtitle: texts.subtitle.trim(),
      panels: [diffPanel(a, b, view)],
      callouts: view.callouts,
      footnote: [
        `${colour}, A − B in points · pass threshold ${view.threshold.toFixed(2)} · A: ${trialsPerCell([runPanel(a, view)])}, B: ${trialsPerCell([runPanel(b, view)])}${task}`,
        `${significanceNote(view.threshold)} · made with Haymap`,
      ],
    };
  }
  const chosen = scope.kind === 'run' ? runs.filter((r) => r.id === scope.runId) : runs;
  if (chosen.length === 0) return null;
  const panels = chosen.map((run) => runPanel(run, view));
  return {
    title:
      texts.title.trim() ||
      (chosen.length === 1 ? (chosen[0]?.name ?? '') : 'Needle in a haystack'),
    subtitle: texts.subtitle.trim(),
    panels,
    callouts: view.callouts,
    footnote: [
      `${colour} · pass threshold ${view.threshold.toFixed(2)} · ${trialsPerCell(panels)}${task} · made with Haymap`,
    ],
  };
}
