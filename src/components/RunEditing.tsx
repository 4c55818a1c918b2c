import { useId, useState } from 'react';
import { fieldValues, splitFields } from '../core/facets';
import type { Run } from '../core/types';
import { useStore } from '../state/store';

/**
 * Merging the runs picked in the list: one run in their place, each cell the trials of all of
 * them. A refusal (tokens beside frames) is said where the button is, and changes nothing.
 */
export function MergeBar({
  selected,
  onMerged,
}: {
  selected: readonly string[];
  onMerged: () => void;
}) {
  const mergeRuns = useStore((s) => s.mergeRuns);
  const [refusal, setRefusal] = useState<{ ids: string; reason: string } | null>(null);
  const key = selected.join(' ');
  // A refusal speaks of the runs it was about: picking others clears it.
  const reason = refusal?.ids === key ? refusal.reason : null;
  return (
    <div className="run-merge-bar">
      <button
        type="button"
        className="button button-quiet"
        data-testid="run-merge"
        disabled={selected.length < 2}
        title="Replaces the picked runs with one run holding all their trials"
        onClick={() => {
          const merged = mergeRuns(selected);
          if (merged.ok) {
            setRefusal(null);
            onMerged();
          } else {
            setRefusal({ ids: key, reason: merged.reason });
          }
        }}
      >
        Merge {selected.length >= 2 ? `${selected.length} runs` : 'runs'}
      </button>
      <span className="muted small-note">
        {selected.length < 2 ? 'Pick two or more runs to merge them into one.' : ''}
      </span>
      {reason && (
        <p className="run-merge-refusal" role="alert" data-testid="run-merge-refusal">
          Not merged: {reason}
        </p>
      )}
    </div>
  );
}

/**
 * Splitting a run by a field it has several values of (needle count, task, mode, language):
 * one run per value in its place. Shown only for runs that have such a field.
 */
export function SplitControl({ run }: { run: Run }) {
  const splitRun = useStore((s) => s.splitRun);
  const fields = splitFields(run);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = useId();
  if (fields.length === 0) return null;
  const field = chosen !== null && fields.includes(chosen) ? chosen : (fields[0] ?? '');
  return (
    <div className="run-split">
      <label htmlFor={id} className="muted">
        Split by
      </label>
      <select
        id={id}
        data-testid="run-split-field"
        value={field}
        onChange={(e) => setChosen(e.currentTarget.value)}
      >
        {fields.map((f) => (
          <option key={f} value={f}>
            {f} ({fieldValues(run, f).length})
          </option>
        ))}
      </select>
      <button
        type="button"
        className="link-button"
        data-testid="run-split"
        aria-label={`Split ${run.name} by ${field}`}
        title="Replaces the run with one run per value"
        onClick={() => splitRun(run.id, field)}
      >
        Split
      </button>
    </div>
  );
}
