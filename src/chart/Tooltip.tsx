import { cellMean, cellPasses } from '../core/metrics';
import type { Cell } from '../core/types';
import { exactDepth, exactLength, percent } from './format';

interface TooltipProps {
  cell: Cell;
  threshold: number;
  /** Anchor in the chart's coordinates: the cell's right edge and top. */
  left: number;
  top: number;
  /** Show to the left of the anchor when the right side has no room. */
  flip: boolean;
}

/** The exact figures of the hovered cell. */
export function Tooltip({ cell, threshold, left, top, flip }: TooltipProps) {
  const passes = cellPasses(cell, threshold);
  return (
    <div
      className={`tooltip${flip ? ' tooltip-flip' : ''}`}
      data-testid="tooltip"
      role="tooltip"
      style={{ left, top }}
    >
      <div className="tooltip-head">
        {exactLength(cell.lengthTokens)} · depth {exactDepth(cell.depthPercent)}
      </div>
      <dl>
        <dt>Mean score</dt>
        <dd>{percent(cellMean(cell))}</dd>
        <dt>Pass rate (≥ {threshold.toFixed(2)})</dt>
        <dd>
          {percent(passes / cell.n)}{' '}
          <span className="muted">
            ({Math.round(passes * 100) / 100} of {cell.n})
          </span>
        </dd>
        <dt>Trials</dt>
        <dd>{cell.n}</dd>
      </dl>
    </div>
  );
}
