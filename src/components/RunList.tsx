import { useState } from 'react';
import type { Run } from '../core/types';
import { useStore } from '../state/store';
import { SidebarSection } from './fields';
import { MergeBar, SplitControl } from './RunEditing';
import { grouped } from '../core/numberText';

/** The loaded runs: rename, remove, merge, split, and what loading noted about each. */
export function RunList() {
  const runs = useStore((s) => s.runs);
  const [picked, setPicked] = useState<readonly string[]>([]);
  // Runs removed meanwhile (merged, split) drop out of the pick; the list keeps its order.
  const selected = runs.filter((run) => picked.includes(run.id)).map((run) => run.id);
  const mergeable = runs.length >= 2;
  return (
    <SidebarSection id="runs-title" title="Runs" count={runs.length}>
      {mergeable && <MergeBar selected={selected} onMerged={() => setPicked([])} />}
      <ul className="run-list">
        {runs.map((run, i) => (
          <RunItem
            key={run.id}
            run={run}
            first={i === 0}
            last={i === runs.length - 1}
            picked={mergeable ? selected.includes(run.id) : null}
            onPick={(on) =>
              setPicked(on ? [...selected, run.id] : selected.filter((id) => id !== run.id))
            }
          />
        ))}
      </ul>
    </SidebarSection>
  );
}

function count(n: number, noun: string): string {
  return `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** "15 lengths × 15 depths · 330 trials · 2 files · gkamradt v1 (JSON)" */
function runSummary(run: Run): string {
  const rows =
    run.depths.length > 0 ? count(run.depths.length, 'depth') : count(run.tasks.length, 'task');
  const parts = [
    `${count(run.lengths.length, 'length')} × ${rows}`,
    count(run.trialCount, 'trial'),
    count(run.files.length, 'file'),
    run.formats.join(', '),
  ];
  if (run.depths.length > 0 && run.tasks.length > 0)
    parts.splice(1, 0, count(run.tasks.length, 'task'));
  return parts.join(' · ');
}

interface RunItemProps {
  run: Run;
  first: boolean;
  last: boolean;
  /** Whether the run is picked to merge; null when there is nothing to merge it with. */
  picked: boolean | null;
  onPick: (picked: boolean) => void;
}

function RunItem({ run, first, last, picked, onPick }: RunItemProps) {
  const renameRun = useStore((s) => s.renameRun);
  const moveRun = useStore((s) => s.moveRun);
  const setView = useStore((s) => s.setView);
  const hiddenRunIds = useStore((s) => s.view.hiddenRunIds);
  const hidden = hiddenRunIds.includes(run.id);
  const removeRun = useStore((s) => s.removeRun);
  const [editing, setEditing] = useState(false);
  return (
    <li
      className={hidden ? 'run-item run-hidden' : 'run-item'}
      data-testid="run-item"
      data-run={run.name}
    >
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const input = e.currentTarget.elements.namedItem('name');
            if (input instanceof HTMLInputElement) renameRun(run.id, input.value);
            setEditing(false);
          }}
        >
          <input
            name="name"
            className="rename-input"
            data-testid="rename-input"
            aria-label={`New name for ${run.name}`}
            defaultValue={run.name}
            // Focus follows the user's own click on "Rename".
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            onBlur={(e) => {
              renameRun(run.id, e.currentTarget.value);
              setEditing(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        </form>
      ) : (
        <div className="run-name" title={run.name}>
          {run.name}
        </div>
      )}
      <div className="run-meta muted">{runSummary(run)}</div>
      {run.warnings.length > 0 && (
        <details className="run-warnings" data-testid="run-notes" open={run.warnings.length <= 3}>
          <summary>
            {run.warnings.length} {run.warnings.length === 1 ? 'note' : 'notes'} from loading
          </summary>
          <ul>
            {run.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="run-actions">
        <label className="toggle small">
          <input
            type="checkbox"
            data-testid="toggle-run"
            checked={!hidden}
            onChange={() =>
              setView({
                hiddenRunIds: hidden
                  ? hiddenRunIds.filter((id) => id !== run.id)
                  : [...hiddenRunIds, run.id],
              })
            }
          />
          Shown
        </label>
        {(
          [
            ['up', -1, first, '↑'],
            ['down', 1, last, '↓'],
          ] as const
        ).map(([way, by, disabled, arrow]) => (
          <button
            key={way}
            type="button"
            className="link-button"
            data-testid={`move-${way}`}
            aria-label={`Move ${run.name} ${way}`}
            disabled={disabled}
            onClick={() => moveRun(run.id, by)}
          >
            {arrow}
          </button>
        ))}
        <button
          type="button"
          className="link-button"
          data-testid="rename-run"
          onClick={() => setEditing(true)}
        >
          Rename
        </button>
        <button
          type="button"
          className="link-button danger"
          data-testid="remove-run"
          onClick={() => removeRun(run.id)}
        >
          Remove
        </button>
      </div>
      <div className="run-edits">
        {picked !== null && (
          <label className="toggle small">
            <input
              type="checkbox"
              data-testid="run-pick"
              aria-label={`Pick ${run.name} to merge`}
              checked={picked}
              onChange={(e) => onPick(e.currentTarget.checked)}
            />
            Pick to merge
          </label>
        )}
        <SplitControl run={run} />
      </div>
    </li>
  );
}
