import { useId } from 'react';
import type { HeatmapLayout } from './layout';
import type { FigureTheme } from './theme';

/** A legend tick: where on the bar (0 = bottom, 1 = top) and what it says. */
export interface LegendTick {
  at: number;
  label: string;
}

export interface LegendSpec {
  title: string;
  /** Colour at a position of the bar, 0 = bottom, 1 = top. */
  interpolate: (t: number) => string;
  ticks: LegendTick[];
}

const STOPS = Array.from({ length: 21 }, (_, i) => i / 20);

/** A vertical colour bar, best at the top, with its ticks and title. */
export function Legend({
  layout,
  spec,
  theme,
}: {
  layout: HeatmapLayout;
  spec: LegendSpec;
  theme: FigureTheme;
}) {
  const id = useId();
  const { x, y, width, height } = layout.legend;
  return (
    <g className="legend" aria-hidden="true" fill={theme.muted}>
      <defs>
        <linearGradient id={id} x1="0" y1="1" x2="0" y2="0">
          {STOPS.map((t) => (
            <stop key={t} offset={t} stopColor={spec.interpolate(t)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={x} y={y} width={width} height={height} fill={`url(#${id})`} />
      {spec.ticks.map((tick) => (
        <g key={tick.label} transform={`translate(${x + width},${y + (1 - tick.at) * height})`}>
          <line x2={4} stroke={theme.axis} />
          <text x={7} dominantBaseline="central">
            {tick.label}
          </text>
        </g>
      ))}
      <text
        className="axis-title"
        transform={`translate(${x + width + 44},${y + height / 2}) rotate(90)`}
        textAnchor="middle"
        fill={theme.text}
        fontWeight={600}
      >
        {spec.title}
      </text>
    </g>
  );
}
