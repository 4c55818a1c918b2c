import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isPaletteId, PALETTES } from '../chart/palettes';
import { METRIC_LABELS } from '../core/metrics';
import type { Metric } from '../core/types';
import { selectSetView, selectViewControls, useSummaries } from '../state/selectors';
import type { ColorScheme } from '../state/types';
import { useStore } from '../state/store';
import { ChoiceField, FractionInput, Toggle } from './fields';

/** The task menu's value for "all tasks together" (no task is named with a NUL). */
const ALL_TASKS = '\u0000all';

function isMetric(value: string): value is Metric {
  return value in METRIC_LABELS;
}

const SCHEMES: Record<ColorScheme, string> = {
  system: 'As the system',
  light: 'Light',
  dark: 'Dark',
};

function isScheme(value: string): value is ColorScheme {
  return Object.hasOwn(SCHEMES, value);
}

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
        <label className="field">
          <span>Task</span>
          <select
            data-testid="task"
            value={view.task ?? ALL_TASKS}
            onChange={(e) => {
              const task = e.currentTarget.value;
              setView({ task: task === ALL_TASKS ? null : task });
            }}
          >
            <option value={ALL_TASKS}>All tasks together</option>
            {tasks.map((task) => (
              <option key={task} value={task}>
                {task}
              </option>
            ))}
          </select>
        </label>
      )}
      <ChoiceField
        label="Colour by"
        testId="metric"
        value={view.metric}
        options={Object.entries(METRIC_LABELS)}
        isChoice={isMetric}
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
      <Toggle testId="align-axes" checked={view.align} onChange={(align) => setView({ align })}>
        Align axes
      </Toggle>
      <Toggle
        testId="small-multiples"
        checked={view.smallMultiples}
        onChange={(smallMultiples) => setView({ smallMultiples })}
      >
        Small multiples by facet
      </Toggle>
      <Toggle
        testId="show-length-mean"
        checked={view.showLengthMean}
        onChange={(showLengthMean) => setView({ showLengthMean })}
      >
        Length means (strip above)
      </Toggle>
      <Toggle
        testId="show-depth-mean"
        checked={view.showDepthMean}
        onChange={(showDepthMean) => setView({ showDepthMean })}
      >
        Depth means (strip beside)
      </Toggle>
      <ChoiceField
        label="Palette"
        testId="palette"
        value={view.palette}
        options={Object.values(PALETTES).map((p) => [p.id, p.label] as const)}
        isChoice={isPaletteId}
        onChange={(palette) => setView({ palette })}
      />
      <ChoiceField
        label="Page"
        testId="color-scheme"
        value={colorScheme}
        title="The page's colours; exported figures keep their own theme"
        options={Object.entries(SCHEMES)}
        isChoice={isScheme}
        onChange={(scheme) => setView({ colorScheme: scheme })}
      />
    </div>
  );
}
