import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PALETTES } from '../chart/palettes';
import { METRIC_LABELS } from '../core/metrics';
import { selectSetView, selectViewControls, useSummaries } from '../state/selectors';
import type { ColorScheme } from '../state/types';
import { useStore } from '../state/store';
import { ChoiceField, choicesOf, FractionInput, Toggle } from './fields';

/** The task menu's value for "all tasks together" (no task is named with a NUL). */
const ALL_TASKS = '\u0000all';

/** The view's menus: label, test id and choices of each, by the view field it sets. */
const MENUS = {
  metric: { label: 'Colour by', testId: 'metric', options: choicesOf(METRIC_LABELS) },
  palette: {
    label: 'Palette',
    testId: 'palette',
    options: Object.values(PALETTES).map((p) => [p.id, p.label] as const),
  },
  colorScheme: {
    label: 'Page',
    testId: 'color-scheme',
    title: "The page's colours; exported figures keep their own theme",
    options: choicesOf<ColorScheme>({ system: 'As the system', light: 'Light', dark: 'Dark' }),
  },
};

/** The view's switches, each with its label, in the order they show. */
const TOGGLES = [
  ['align', 'align-axes', 'Align axes'],
  ['smallMultiples', 'small-multiples', 'Small multiples by facet'],
  ['showLengthMean', 'show-length-mean', 'Length means (strip above)'],
  ['showDepthMean', 'show-depth-mean', 'Depth means (strip beside)'],
] as const;

/** Metric, pass threshold and palette, shared by every panel. */
export function ViewControls() {
  const view = useStore(useShallow(selectViewControls));
  const setView = useStore(selectSetView);
  const runs = useStore((s) => s.runs);
  const colorScheme = useStore((s) => s.view.colorScheme);
  const tasks = useMemo(() => [...new Set(runs.flatMap((r) => r.tasks))].sort(), [runs]);
  const summaries = useSummaries();
  const averagedRuns = summaries.filter((s) => s.passRateApplies === false).map((s) => s.name);
  return (
    <div className="view-controls">
      {tasks.length > 0 && (
        <ChoiceField
          label="Task"
          testId="task"
          value={view.task ?? ALL_TASKS}
          options={[
            [ALL_TASKS, 'All tasks together'],
            ...tasks.map((task) => [task, task] as const),
          ]}
          onChange={(task) => setView({ task: task === ALL_TASKS ? null : task })}
        />
      )}
      <ChoiceField
        {...MENUS.metric}
        value={view.metric}
        onChange={(metric) => setView({ metric })}
      />
      <FractionInput
        label="Pass at score ≥"
        testId="threshold"
        value={view.threshold}
        onChange={(threshold) => setView({ threshold })}
      />
      {averagedRuns.length > 0 && (
        <p className="muted small" data-testid="threshold-note">
          The pass threshold does not apply to pre-averaged runs ({averagedRuns.join(', ')}): their
          cells are means, with no trials to count.
        </p>
      )}
      {TOGGLES.map(([key, testId, label]) => (
        <Toggle
          key={key}
          testId={testId}
          checked={view[key]}
          onChange={(checked) => setView({ [key]: checked })}
        >
          {label}
        </Toggle>
      ))}
      <ChoiceField
        {...MENUS.palette}
        value={view.palette}
        onChange={(palette) => setView({ palette })}
      />
      <ChoiceField
        {...MENUS.colorScheme}
        value={colorScheme}
        onChange={(scheme) => setView({ colorScheme: scheme })}
      />
    </div>
  );
}
