import { useId } from 'react';
import type { HeatmapLayout } from './layout';

interface LegendProps {
  layout: HeatmapLayout;
  interpolate: (t: number) => string;
  title: string;
}

const STOPS = Array.from({ length: 11 }, (_, i) => i / 10);
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** A vertical colour bar for 0..100%, best at the top, with its title. */
export function Legend({ layout, interpolate, title }: LegendProps) {
  const id = useId();
  const { x, y, width, height } = layout.legend;
  return (
    <g className="legend" aria-hidden="true">
      <defs>
        <linearGradient id={id} x1="0" y1="1" x2="0" y2="0">
          {STOPS.map((t) => (
            <stop key={t} offset={t} stopColor={interpolate(t)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={x} y={y} width={width} height={height} fill={`url(#${id})`} />
      {TICKS.map((t) => {
        const ty = y + (1 - t) * height;
        return (
          <g key={t} transform={`translate(${x + width},${ty})`}>
            <line x2={4} />
            <text x={7} dominantBaseline="central">
              {Math.round(t * 100)}%
            </text>
          </g>
        );
      })}
      <text
        className="axis-title"
        transform={`translate(${x + width + 44},${y + height / 2}) rotate(90)`}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}
