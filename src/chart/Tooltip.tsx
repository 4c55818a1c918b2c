import type { ReactNode } from 'react';
import { cellMean, cellPasses } from '../core/metrics';
import type { Cell } from '../core/types';
import { percent } from './format';
import { cellPlace } from './labels';

/** The frame of every tooltip: a heading and a list of figures. */
export function TooltipBox({
  head,
  children,
  note,
}: {
  head: string;
  children: ReactNode;
  note?: ReactNode;
}) {
  return (
    <div className="tooltip" data-testid="tooltip" role="tooltip">
      <div className="tooltip-head">{head}</div>
      <dl>{children}</dl>
      {note && <div className="tooltip-note">{note}</div>}
    </div>
  );
}

/** The exact figures of a run's cell. */
export function CellTooltip({
  cell,
  row,
  threshold,
  head,
}: {
  cell: Cell;
  row: number | string;
  threshold: number;
  /** Where the cell sits, where it is not its own length and row (a bin). */
  head?: string;
}) {
  const passes = cellPasses(cell, threshold);
  return (
    <TooltipBox
      head={head ?? cellPlace(cell.lengthTokens, row)}
      note={
        cell.summaryN > 0
          ? 'Pre-averaged by the producer: pass rate as given, or the mean.'
          : undefined
      }
    >
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
    </TooltipBox>
  );
}
