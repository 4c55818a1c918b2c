import { interpolateRdBu } from 'd3-scale-chromatic';
import { useMemo } from 'react';
import { diffGrids, type DiffGrid } from '../core/diff';
import { heatmapGrid } from '../core/grid';
import { cellValue, METRIC_LABELS } from '../core/metrics';
import type { Run } from '../core/types';
import { useStore } from '../state/store';
import { percent } from './format';
import { HeatmapPlot, type PlotCell } from './HeatmapPlot';
import type { LegendTick } from './Legend';
import { cellPlace, TooltipBox } from './Tooltip';

/** Diverging colour of a difference in -1..1: blue where A scores higher, red where B does. */
const diverging = (t: number) => interpolateRdBu(t);
const colourOfDifference = (value: number) => interpolateRdBu((value + 1) / 2);

const DIFF_TICKS: LegendTick[] = [-1, -0.5, 0, 0.5, 1].map((value) => ({
  at: (value + 1) / 2,
  label: value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(value * 100)} pts`,
}));

/** A signed difference in points: +12.5 pts, −3.0 pts. */
function points(value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value * 100).toFixed(1)} pts`;
}

function diffCells(diff: DiffGrid): PlotCell[] {
  return diff.slots.map((slot) => ({
    lengthTokens: slot.lengthTokens,
    row: slot.row,
    value: slot.value,
    n: (slot.a?.n ?? 0) + (slot.b?.n ?? 0),
    significant: slot.significant,
    label:
      slot.value === null
        ? `${cellPlace(slot.lengthTokens, slot.row)}: not in both runs`
        : `${cellPlace(slot.lengthTokens, slot.row)}: difference ${points(slot.value)}${slot.significant ? ', beyond chance' : ''}`,
  }));
}

/** Chooses A and B among the shown runs: the user's picks, else the first two loaded. */
function pickPair(runs: Run[], a: string | null, b: string | null): [Run, Run] | null {
  const runA = runs.find((r) => r.id === a) ?? runs[0];
  const runB =
    runs.find((r) => r.id === b && r.id !== runA?.id) ?? runs.find((r) => r.id !== runA?.id);
  return runA && runB ? [runA, runB] : null;
}

/** The difference view: A minus B on the cells both runs have, with cells that differ beyond chance marked. */
export function DiffView({ runs }: { runs: Run[] }) {
  const { metric, threshold, task, diffA, diffB } = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const pair = pickPair(runs, diffA, diffB);
  const [runA, runB] = pair ?? [null, null];
  const diff = useMemo(
    () =>
      runA && runB
        ? diffGrids(
            heatmapGrid(runA, task, metric, threshold),
            heatmapGrid(runB, task, metric, threshold),
            threshold,
            metric,
          )
        : null,
    [runA, runB, task, metric, threshold],
  );
  const cells = useMemo(() => (diff ? diffCells(diff) : []), [diff]);
  if (!pair || !diff) return null;
  const [a, b] = pair;
  const metricName = METRIC_LABELS[metric].toLowerCase();

  return (
    <figure className="panel diff-panel" data-testid="diff" data-a={a.name} data-b={b.name}>
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">
            Difference: {a.name} − {b.name}
          </h2>
          <p className="panel-sub muted" data-testid="diff-note">
            {diff.compared.toLocaleString('en-US')} cells compared (in both runs) ·{' '}
            {diff.significantCount} differ beyond chance (●: p &lt; 0.05, Fisher&apos;s exact test
            on pass counts at ≥ {threshold.toFixed(2)}) · {metricName} in points
          </p>
        </div>
        <div className="diff-pickers">
          <label className="field">
            <span>A</span>
            <select
              data-testid="diff-a"
              value={a.id}
              onChange={(e) =>
                setView({
                  diffA: e.currentTarget.value,
                  diffB: b.id === e.currentTarget.value ? a.id : b.id,
                })
              }
            >
              {runs.map((run) => (
                <option key={run.id} value={run.id}>
                  {run.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>B</span>
            <select
              data-testid="diff-b"
              value={b.id}
              onChange={(e) =>
                setView({
                  diffB: e.currentTarget.value,
                  diffA: a.id === e.currentTarget.value ? b.id : a.id,
                })
              }
            >
              {runs.map((run) => (
                <option key={run.id} value={run.id}>
                  {run.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </figcaption>
      {diff.mismatch ? (
        <p className="panel-note">
          These runs cannot be compared cell by cell: one has depths, the other only tasks.
        </p>
      ) : (
        <HeatmapPlot
          axes={diff}
          cells={cells}
          colour={colourOfDifference}
          legend={{
            title: `${a.name.length > 14 ? 'A' : a.name} − ${b.name.length > 14 ? 'B' : b.name}`,
            interpolate: diverging,
            ticks: DIFF_TICKS,
          }}
          ariaLabel={`Difference in ${metricName}, ${a.name} minus ${b.name}`}
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
    </figure>
  );
}
