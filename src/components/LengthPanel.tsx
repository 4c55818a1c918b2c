import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LengthChart } from '../chart/LengthChart';
import type { LengthScale, LengthScaleChoice } from '../chart/lengthChartLayout';
import { metricTitle } from '../chart/panels';
import { lengthPoints } from '../core/lengthStats';
import { selectLengthView, selectSetView, useRunStyles, useShownRuns } from '../state/selectors';
import { useStore } from '../state/store';
import { ChoiceField, type Choices } from './fields';

const SCALES: Choices<LengthScaleChoice> = [
  ['auto', 'Auto'],
  ['linear', 'Linear'],
  ['log', 'Log'],
];

/** "Score by length" for the shown runs, in their colours, on the view's metric. */
export function LengthPanel() {
  const runs = useShownRuns();
  const styles = useRunStyles();
  const { metric, threshold, task, effectiveThreshold, lengthScale } = useStore(
    useShallow(selectLengthView),
  );
  const setView = useStore(selectSetView);
  const series = useMemo(
    () =>
      runs.map((run) => ({
        runId: run.id,
        name: run.name,
        points: lengthPoints(run, { task, metric, threshold }),
      })),
    [runs, task, metric, threshold],
  );
  const scaleField = useCallback(
    (autoScale: LengthScale) => (
      <ChoiceField
        label="Length axis"
        testId="length-scale"
        value={lengthScale}
        options={SCALES.map(([id, label]) => [
          id,
          id === 'auto' ? `${label} (${autoScale})` : label,
        ])}
        onChange={(scale) => setView({ lengthScale: scale })}
      />
    ),
    [lengthScale, setView],
  );
  return (
    <LengthChart
      series={series}
      styles={styles}
      metric={metric}
      metricTitle={metricTitle(metric, threshold)}
      effectiveThreshold={effectiveThreshold}
      task={task}
      scale={lengthScale}
      scaleField={scaleField}
    />
  );
}
