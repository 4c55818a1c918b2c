import { useState } from 'react';
import type { GridAxes } from '../core/grid';
import { exactLength } from './format';
import type { PlotCell } from './HeatmapBody';
import { rowLabel } from './labels';

/**
 * The heatmap's text alternative: its values as a table a screen reader can read (and anyone
 * can copy), drawn only once opened so thousands of cells cost nothing until asked for.
 */
export function DataTable({
  axes,
  cells,
  caption,
}: {
  axes: GridAxes;
  cells: PlotCell[];
  caption: string;
}) {
  const [open, setOpen] = useState(false);
  const columns = axes.lengths.length;
  return (
    <details className="data-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Data table</summary>
      {open && (
        // A region that scrolls on its own takes focus, so the keyboard can scroll it too
        // (WCAG 2.1.1; axe's scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="data-table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table data-testid="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{axes.rowKind === 'depth' ? 'Depth' : 'Task'}</th>
                {axes.lengths.map((length) => (
                  <th key={length} scope="col" title={exactLength(length)}>
                    {length.toLocaleString('en-US')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {axes.rows.map((row, r) => (
                <tr key={row}>
                  <th scope="row">{rowLabel(row)}</th>
                  {cells.slice(r * columns, (r + 1) * columns).map((cell) => (
                    <td key={cell.lengthTokens}>
                      {/* A cell without a label (a difference that rounds to 0) still reads in the table. */}
                      {cell.value === null
                        ? '–'
                        : (cell.valueText ?? String(Math.round(cell.value * 100)))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
