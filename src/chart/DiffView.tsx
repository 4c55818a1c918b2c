import type { DiffGrid } from '../core/diff';
import { cellValue } from '../core/metrics';
import type { Metric, Run } from '../core/types';
import { DataTable } from './DataTable';
import type { FigureOptions } from './figureOptions';
import { percent } from './format';
import { HeatmapPlot } from './HeatmapPlot';
import { cellPlace, points } from './labels';
import { significanceNote, type PanelModel } from './panels';
import { TooltipBox } from './Tooltip';

interface DiffViewProps {
  a: Run;
  b: Run;
  /** The runs either side may be picked from. */
  runs: readonly Run[];
  panel: PanelModel & { diff: DiffGrid };
  view: { metric: Metric; threshold: number; figure: FigureOptions };
  /** Picks the runs of A and B. */
  onPick: (a: string, b: string) => void;
}

/** The difference view: A minus B on the cells both runs have, with cells that differ beyond chance marked. */
export function DiffView({ a, b, runs, panel, view, onPick }: DiffViewProps) {
  const { diff } = panel;
  const { metric, threshold, figure } = view;

  return (
    <figure className="panel diff-panel" data-testid="diff" data-a={a.name} data-b={b.name}>
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">{panel.title}</h2>
          <p className="panel-sub muted" data-testid="diff-note">
            {panel.subtitle}
          </p>
          <p className="panel-sub muted small">{significanceNote(threshold)}</p>
        </div>
        <div className="diff-pickers">
          <RunPicker
            label="A"
            runs={runs}
            value={a.id}
            onPick={(id) => onPick(id, b.id === id ? a.id : b.id)}
          />
          <RunPicker
            label="B"
            runs={runs}
            value={b.id}
            onPick={(id) => onPick(a.id === id ? b.id : a.id, id)}
          />
        </div>
      </figcaption>
      {diff.mismatch ? (
        <p className="panel-note">
          These runs cannot be compared cell by cell: one has depths, the other only tasks.
        </p>
      ) : (
        <HeatmapPlot
          panel={panel}
          options={figure}
          tooltip={(index) => {
            const slot = diff.slots[index];
            if (!slot || slot.value === null || !slot.a || !slot.b) return null;
            return (
              <TooltipBox head={cellPlace(slot.lengthTokens, slot.row)}>
                <dt>A: {a.name}</dt>
                <dd>
                  {percent(cellValue(slot.a, metric, threshold))}{' '}
                  <span className="muted">({slot.a.n})</span>
                </dd>
                <dt>B: {b.name}</dt>
                <dd>
                  {percent(cellValue(slot.b, metric, threshold))}{' '}
                  <span className="muted">({slot.b.n})</span>
                </dd>
                <dt>Difference</dt>
                <dd>{points(slot.value)}</dd>
                <dt>p-value</dt>
                <dd>{slot.pValue === null ? 'not testable' : slot.pValue.toPrecision(2)}</dd>
              </TooltipBox>
            );
          }}
        />
      )}
      {!diff.mismatch && (
        <DataTable
          axes={diff}
          cells={panel.cells}
          caption={`${panel.title}, in points, by row and context length in tokens`}
        />
      )}
    </figure>
  );
}

/** A menu of the shown runs for one side of the difference; picking the other side's run swaps them. */
function RunPicker({
  label,
  runs,
  value,
  onPick,
}: {
  label: 'A' | 'B';
  runs: readonly Run[];
  value: string;
  onPick: (id: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        data-testid={`diff-${label.toLowerCase()}`}
        value={value}
        onChange={(e) => onPick(e.currentTarget.value)}
      >
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {run.name}
          </option>
        ))}
      </select>
    </label>
  );
}
