import { useState } from 'react';
import type { GridAxes } from '../core/grid';
import type { PlotCell } from './plotCell';
import { lengthInWords, rowLabel } from './labels';
import type { LengthUnit } from '../core/types';
import { grouped } from '../core/numberText';

/**
 * The heatmap's text alternative: its values as a table a screen reader can read (and anyone
 * can copy), drawn only once opened so thousands of cells cost nothing until asked for. On
 * shared bins it holds the bins the panel draws, each row and column named by its range.
 */
export function DataTable({
  axes,
  cells,
  caption,
  unit = 'tokens',
  lengthLabel,
  rowLabel: binRowLabel,
}: {
  axes: GridAxes;
  cells: PlotCell[];
  caption: string;
  unit?: LengthUnit;
  /** Column labels where they are not the lengths (bins: "9.1K–17.3K"). */
  lengthLabel?: (length: number) => string;
  /** Row labels where they are not the depths or tasks (bins: "40–50%"). */
  rowLabel?: (row: number | string) => string;
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
                  <th
                    key={length}
                    scope="col"
                    title={
                      lengthLabel ? `${lengthLabel(length)} ${unit}` : lengthInWords(length, unit)
                    }
                  >
                    {lengthLabel ? lengthLabel(length) : grouped(length)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {axes.rows.map((row, r) => (
                <tr key={row}>
                  <th scope="row">{binRowLabel ? binRowLabel(row) : rowLabel(row)}</th>
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
