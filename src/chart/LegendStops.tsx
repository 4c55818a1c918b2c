import type { LegendProps } from './Legend';

const SWATCH_PX = 14;
const STEP_PX = 22;

/**
 * The colour key as labelled swatches, best at the top ("100 %", "50 %", "0 %"): reads at a
 * glance in print, where a gradient's in-between shades are hard to match with a cell.
 */
export function LegendStops({ layout, spec, theme }: LegendProps) {
  const { x, y } = layout.legend;
  const stops = [...spec.ticks].sort((a, b) => b.at - a.at);
  return (
    <g
      className="legend legend-stops"
      aria-hidden="true"
      fill={theme.muted}
      data-testid="legend-stops"
    >
      {stops.map((stop, i) => (
        <g key={stop.label} transform={`translate(${x},${y + i * STEP_PX})`}>
          <rect
            width={SWATCH_PX}
            height={SWATCH_PX}
            fill={spec.interpolate(stop.at)}
            stroke={theme.axis}
            strokeWidth={0.5}
          />
          <text x={SWATCH_PX + 5} y={SWATCH_PX / 2} dominantBaseline="central">
            {stop.label}
          </text>
        </g>
      ))}
    </g>
  );
}
