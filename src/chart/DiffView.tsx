import type { ReactNode } from 'react';
import type { BinnedDiff } from '../core/binDiff';
import type { DiffGrid } from '../core/diff';
import { cellValue } from '../core/metrics';
import type { Metric, Run } from '../core/types';
import { binPlace } from './binPanels';
import { DataTable } from './DataTable';
import { colourOfDifference } from './diverging';
import type { FigureOptions } from './figureOptions';
import { percent } from './format';
import { HeatmapPlot } from './HeatmapPlot';
import { cellPlace, points } from './labels';
import { significanceNote, type PanelModel } from './panels';
import { TooltipBox } from './Tooltip';
import { grouped } from '../core/numberText';

/** The difference panel: cell by cell, or on shared bins. */
export type DiffPanelModel =
  | (PanelModel & { kind: 'exact'; diff: DiffGrid })
  | (PanelModel & { kind: 'bins'; binnedDiff: BinnedDiff });

interface DiffViewProps {
  a: Run;
  b: Run;
  /** The runs either side may be picked from. */
  runs: readonly Run[];
  panel: DiffPanelModel;
  view: { metric: Metric; threshold: number; figure: FigureOptions };
  /** Why the view compares as it does (cells or bins), in a sentence. */
  reason: string;
  /** The comparison's own controls (exact or bins, and the bins). */
  controls?: ReactNode;
  /** Picks the runs of A and B. */
  onPick: (a: string, b: string) => void;
}

function averagedNote(diff: BinnedDiff, a: Run, b: Run): string | null {
  const sides = [
    [a.name, diff.averagedCells.a],
    [b.name, diff.averagedCells.b],
  ] as const;
  const parts = sides
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${grouped(count)} of ${name}`);
  return parts.length === 0
    ? null
    : `Pre-averaged cells pooled into bins (${parts.join(', ')}) count with their n where their file gives it, else as one trial.`;
}

/** The difference view: A minus B on the cells (or bins) both runs have, with cells that differ beyond chance marked. */
export function DiffView({ a, b, runs, panel, view, reason, controls, onPick }: DiffViewProps) {
  const { metric, threshold, figure } = view;
  const exact = panel.kind === 'exact' ? panel.diff : null;
  const binned = panel.kind === 'bins' ? panel.binnedDiff : null;
  const note = exact ? exact.significance?.note : binned?.significance.note;
  const averaged = binned ? averagedNote(binned, a, b) : null;

  return (
    <figure
      className="panel diff-panel"
      data-testid="diff"
      data-a={a.name}
      data-b={b.name}
      data-mode={panel.kind}
    >
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">{panel.title}</h2>
          <p className="panel-sub muted" data-testid="diff-note">
            {panel.subtitle}
          </p>
          <p className="panel-sub muted small" data-testid="diff-reason">
            {reason}
          </p>
          {note && (
            <p className="panel-sub muted small" data-testid="significance-note">
              {note}
            </p>
          )}
          {averaged && (
            <p className="panel-sub muted small" data-testid="diff-averaged">
              {averaged}
            </p>
          )}
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
        {controls}
      </figcaption>
      {!exact?.mismatch && <DifferenceKey a={a.name} b={b.name} />}
      {exact?.mismatch ? (
        <p className="panel-note">
          These runs cannot be compared cell by cell: one has depths, the other only tasks.
        </p>
      ) : (
        <HeatmapPlot
          panel={panel}
          options={figure}
          tooltip={(index) => {
            if (binned) {
              const slot = binned.slots[index];
              if (!slot || slot.value === null || slot.a.value === null || slot.b.value === null)
                return null;
              const test = slot.test;
              return (
                <TooltipBox head={binPlace(slot)}>
                  <dt>A: {a.name}</dt>
                  <dd>
                    {percent(slot.a.value)} <span className="muted">({slot.a.n} trials)</span>
                  </dd>
                  <dt>B: {b.name}</dt>
                  <dd>
                    {percent(slot.b.value)} <span className="muted">({slot.b.n} trials)</span>
                  </dd>
                  <dt>Difference</dt>
                  <dd>{points(slot.value)}</dd>
                  <dt>q-value (BH)</dt>
                  <dd>{test?.testable ? test.adjustedP.toPrecision(2) : 'not testable'}</dd>
                </TooltipBox>
              );
            }
            const slot = exact?.slots[index];
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
      {exact && !exact.mismatch && (
        <DataTable
          axes={exact}
          cells={panel.cells}
          caption={`${panel.title}, in points, by row and context length in tokens`}
        />
      )}
    </figure>
  );
}

/**
 * What the colours say, naming both runs in full: page text wraps where the turned legend title
 * beside the plot must shorten them on a narrow screen.
 */
function DifferenceKey({ a, b }: { a: string; b: string }) {
  const swatch = (value: number) => (
    <span className="diff-swatch" style={{ background: colourOfDifference(value) }} />
  );
  return (
    <p className="diff-key small" data-testid="diff-legend">
      <span>
        {swatch(0.75)} <strong>{a}</strong> higher
      </span>
      <span>
        {swatch(-0.75)} <strong>{b}</strong> higher
      </span>
      <span>{swatch(0)} the same</span>
      <span className="muted">
        colour: {a} − {b}, in points
      </span>
    </p>
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
