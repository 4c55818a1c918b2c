import { cellMean, cellPasses } from '../core/metrics';
import type { Cell } from '../core/types';
import { exactDepth, exactLength, percent } from './format';
import type { GridSlot, RowKind } from '../core/grid';

interface TooltipProps {
  slot: GridSlot & { cell: Cell };
  rowKind: RowKind;
  threshold: number;
  /** Anchor in the chart's coordinates. */
  left: number;
  top: number;
  /** Show to the left of the anchor when the right side has no room. */
  flip: boolean;
}

/** The exact figures of the hovered cell. */
export function Tooltip({ slot, rowKind, threshold, left, top, flip }: TooltipProps) {
  const { cell } = slot;
  const passes = cellPasses(cell, threshold);
  const where = rowKind === 'depth' ? `depth ${exactDepth(Number(slot.row))}` : String(slot.row);
  return (
    <div
      className={`tooltip${flip ? ' tooltip-flip' : ''}`}
      data-testid="tooltip"
      role="tooltip"
      style={{ left, top }}
    >
      <div className="tooltip-head">
        {exactLength(cell.lengthTokens)} · {where}
      </div>
      <dl>
        {cell.n > 0 && (
          <>
            <dt>Mean score</dt>
            <dd>{percent(cellMean(cell))}</dd>
            <dt>Pass rate (≥ {threshold.toFixed(2)})</dt>
            <dd>
              {percent(passes / cell.n)}{' '}
              <span className="muted">
                ({Math.round(passes * 100) / 100} of {cell.n})
              </span>
            </dd>
          </>
        )}
        <dt>Trials</dt>
        <dd>{cell.n}</dd>
        {cell.failedCalls > 0 && (
          <>
            <dt>Failed calls (not scored)</dt>
            <dd>{cell.failedCalls}</dd>
          </>
        )}
      </dl>
      {cell.summaryN > 0 && (
        <div className="tooltip-note">
          Pre-averaged by the producer: pass rate as given, or the mean.
        </div>
      )}
    </div>
  );
}
