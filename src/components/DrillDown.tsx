import { useEffect, useMemo, useState } from 'react';
import { percent } from '../chart/format';
import { cellPlace, lengthInWords } from '../chart/labels';
import { lengthUnitOf } from '../core/units';
import { useStore } from '../state/store';
import { matchesQuery, trialsOfCell } from './drillTrials';

/** A side panel listing the trials behind a cell, failures first, searchable. */
export function DrillDown() {
  const drill = useStore((s) => s.view.drill);
  const task = useStore((s) => s.view.task);
  const threshold = useStore((s) => s.view.threshold);
  const run = useStore((s) => s.runs.find((r) => r.id === drill?.runId));
  const setView = useStore((s) => s.setView);
  const [query, setQuery] = useState('');
  const trials = useMemo(() => {
    if (!run || !drill) return [];
    return trialsOfCell(run, drill, task).sort((x, y) => x.score - y.score);
  }, [run, drill, task]);
  if (!drill || !run) return null;
  const shown = trials.filter((trial) => matchesQuery(trial, query));
  const close = () => setView({ drill: null });

  return (
    <aside className="drilldown" data-testid="drilldown" aria-labelledby="drilldown-title">
      <EscapeCloses onEscape={close} />
      <div className="drilldown-head">
        <div>
          <h2 id="drilldown-title">{run.name}</h2>
          <p className="muted">{cellPlace(drill.lengthTokens, drill.row, lengthUnitOf(run))}</p>
        </div>
        <button
          type="button"
          className="button button-quiet"
          data-testid="drilldown-close"
          onClick={close}
        >
          Close
        </button>
      </div>
      <label className="field field-stacked">
        <span>Search needle, answer, response, file</span>
        <input
          type="search"
          data-testid="drilldown-search"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      <p className="muted small" data-testid="drilldown-count">
        {shown.length} of {trials.length} kept {trials.length === 1 ? 'trial' : 'trials'}, failures
        first
        {trials.length === 0 &&
          ' (this format keeps no trial details, or the cell was pre-averaged)'}
      </p>
      <ol className="trial-list">
        {shown.map((trial, i) => {
          const passed = trial.score >= threshold - 1e-9;
          return (
            <li key={i} className="trial" data-testid="trial" data-score={trial.score}>
              <div className="trial-head">
                <span className={passed ? 'badge badge-pass' : 'badge badge-fail'}>
                  {passed ? 'pass' : 'fail'}
                </span>
                <strong>{percent(trial.score)}</strong>
                {trial.repeat !== undefined && (
                  <span className="muted">repeat/seed {trial.repeat}</span>
                )}
                {trial.task && <span className="muted">{trial.task}</span>}
              </div>
              {trial.needle && <TrialText label="Needle" text={trial.needle} />}
              {trial.expected && <TrialText label="Expected" text={trial.expected} />}
              {trial.response && <TrialText label="Response" text={trial.response} />}
              <div className="trial-source muted">
                {trial.source.file}
                {trial.source.line !== undefined && `:${trial.source.line}`} ·{' '}
                {lengthInWords(trial.lengthTokens, lengthUnitOf(run))}
              </div>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

/** Escape closes the panel wherever focus is, as it would a dialog. */
function EscapeCloses({ onEscape }: { onEscape: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onEscape();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onEscape]);
  return null;
}

function TrialText({ label, text }: { label: string; text: string }) {
  return (
    <div className="trial-text">
      <span className="trial-label">{label}</span>
      <p>{text.length > 600 ? `${text.slice(0, 600)}…` : text}</p>
    </div>
  );
}
