import type { HeatmapLayout } from './layout';

/** Length ticks under the plot and the axis title below them. */
export function LengthAxis({
  layout,
  lengthLabel,
}: {
  layout: HeatmapLayout;
  lengthLabel: (lengthTokens: number) => string;
}) {
  const { x, plot, rotateX, xTicks } = layout;
  const baseline = plot.y + plot.height;
  return (
    <g className="axis axis-x" aria-hidden="true">
      {xTicks.map((length) => {
        const cx = (x(length) ?? 0) + x.bandwidth() / 2;
        return (
          <g key={length} transform={`translate(${cx},${baseline})`}>
            <line y2={4} />
            <text
              y={rotateX ? 8 : 16}
              x={rotateX ? 2 : 0}
              textAnchor={rotateX ? 'end' : 'middle'}
              transform={rotateX ? 'rotate(-45)' : undefined}
              dominantBaseline={rotateX ? 'hanging' : undefined}
            >
              {lengthLabel(length)}
            </text>
          </g>
        );
      })}
      <text
        className="axis-title"
        x={plot.x + plot.width / 2}
        y={layout.height - 8}
        textAnchor="middle"
      >
        Context length (tokens)
      </text>
    </g>
  );
}

/** Row ticks left of the plot (depths with 0% at the top, or tasks), and the axis title. */
export function RowAxis({
  layout,
  rowLabel,
}: {
  layout: HeatmapLayout;
  rowLabel: (row: number | string) => string;
}) {
  const { y, plot, yTicks } = layout;
  return (
    <g className="axis axis-y" aria-hidden="true">
      {yTicks.map((row) => {
        const cy = (y(row) ?? 0) + y.bandwidth() / 2;
        return (
          <g key={row} transform={`translate(${plot.x},${cy})`}>
            <line x2={-4} />
            <text x={-7} textAnchor="end" dominantBaseline="central">
              {rowLabel(row)}
            </text>
          </g>
        );
      })}
      <text
        className="axis-title"
        transform={`translate(14,${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {layout.rowTitle}
      </text>
    </g>
  );
}
