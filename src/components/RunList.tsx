import { useState } from 'react';
import type { Run } from '../core/types';
import { useStore } from '../state/store';

/** The loaded runs: rename, remove, and what loading noted about each. */
export function RunList() {
  const runs = useStore((s) => s.runs);
  return (
    <section className="sidebar-section" aria-labelledby="runs-title">
      <h2 id="runs-title" className="sidebar-title">
        Runs <span className="count">{runs.length}</span>
      </h2>
      <ul className="run-list">
        {runs.map((run) => (
          <RunItem key={run.id} run={run} />
        ))}
      </ul>
    </section>
  );
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
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

function RunItem({ run }: { run: Run }) {
  const renameRun = useStore((s) => s.renameRun);
  const removeRun = useStore((s) => s.removeRun);
  const [editing, setEditing] = useState(false);
  return (
    <li className="run-item" data-testid="run-item" data-run={run.name}>
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
        <details className="run-warnings">
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
    </li>
  );
}
