import { useShallow } from 'zustand/react/shallow';
import { LengthChart } from '../chart/LengthChart';
import { selectSummaryView, useRunStyles, useSummaries } from '../state/selectors';
import { useStore } from '../state/store';

/** "Score by length" for the shown runs, in their colours. */
export function LengthPanel() {
  const summaries = useSummaries();
  const styles = useRunStyles();
  const { effectiveThreshold, task } = useStore(useShallow(selectSummaryView));
  return (
    <LengthChart
      summaries={summaries}
      styles={styles}
      effectiveThreshold={effectiveThreshold}
      task={task}
    />
  );
}
