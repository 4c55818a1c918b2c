import type { ReactNode, SVGProps } from 'react';
import type { HeatmapLayout } from './layout';
import type { FigureTheme } from './theme';

/** An x axis title, centred under a plot at the foot of a chart `height` high. */
export function TitleBelow({
  plot,
  height,
  children,
  ...text
}: {
  plot: { x: number; width: number };
  height: number;
  children: ReactNode;
} & Pick<SVGProps<SVGTextElement>, 'fill' | 'fontWeight'>) {
  return (
    <text
      className="axis-title"
      x={plot.x + plot.width / 2}
      y={height - 8}
      textAnchor="middle"
      {...text}
    >
      {children}
    </text>
  );
}

/** Length ticks under the plot and the axis title below them. */
export function LengthAxis({
  layout,
  lengthLabel,
  theme,
  title = 'Context length (tokens)',
}: {
  layout: HeatmapLayout;
  lengthLabel: (lengthTokens: number) => string;
  theme: FigureTheme;
  /** The axis title: what the lengths count ("Number of frames" for video runs). */
  title?: string;
}) {
  const { x, plot, rotateX, xTicks } = layout;
  const baseline = plot.y + plot.height;
  return (
    <g className="axis axis-x" aria-hidden="true" fill={theme.muted}>
      {xTicks.map((length) => {
        const cx = (x(length) ?? 0) + x.bandwidth() / 2;
        return (
          <g key={length} transform={`translate(${cx},${baseline})`}>
            <line y2={4} stroke={theme.axis} />
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
      <TitleBelow plot={plot} height={layout.height} fill={theme.text} fontWeight={600}>
        {title}
      </TitleBelow>
    </g>
  );
}

/**
 * Row ticks left of the plot (depths with 0% at the top, or tasks), the axis title, and with
 * `depthHints` "Top of document" above the plot and "Bottom of document" below it.
 */
export function RowAxis({
  layout,
  rowLabel,
  theme,
  depthHints = false,
}: {
  layout: HeatmapLayout;
  rowLabel: (row: number | string) => string;
  theme: FigureTheme;
  depthHints?: boolean;
}) {
  const { y, plot, yTicks } = layout;
  const hints = depthHints && typeof yTicks[0] === 'number';
  return (
    <g className="axis axis-y" aria-hidden="true" fill={theme.muted}>
      {yTicks.map((row) => {
        const cy = (y(row) ?? 0) + y.bandwidth() / 2;
        return (
          <g key={row} transform={`translate(${plot.x},${cy})`}>
            <line x2={-4} stroke={theme.axis} />
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
        fill={theme.text}
        fontWeight={600}
      >
        {layout.rowTitle}
      </text>
      {hints && (
        <g fontSize={11} fontStyle="italic" data-testid="depth-hints">
          <text x={plot.x} y={plot.y - 8}>
            ↑ Top of document
          </text>
          <text x={plot.x} y={layout.height - 8}>
            ↓ Bottom of document
          </text>
        </g>
      )}
    </g>
  );
}
