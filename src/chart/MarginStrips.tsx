import { memo } from 'react';
import { percent } from './format';
import type { PlotCell } from './plotCell';
import type { HeatmapLayout } from './layout';
import { marginBoxes, marginMeans, type MarginChoice } from './margins';
import type { FigureTheme } from './theme';
import { grouped } from '../core/numberText';

export interface MarginStripsProps {
  layout: HeatmapLayout;
  cells: readonly PlotCell[];
  colour: (value: number) => string;
  /** "mean score" or "pass rate": what the strips average. */
  metricName: string;
  show: MarginChoice;
  depthHints: boolean;
  lengthLabel: (lengthTokens: number) => string;
  rowLabel: (row: number | string) => string;
  theme: FigureTheme;
}

const trials = (n: number) => `${grouped(n)} ${n === 1 ? 'trial' : 'trials'}`;

/**
 * Each length's figure as a bar above its column, and each row's as a bar beside it, on their
 * own 0..100 % scales: read against those, never against the depth axis (as a line drawn over
 * the cells was). Trial-weighted, in the cells' colours; the bars carry their figures as data
 * attributes (not `data-length`, which names the heatmap's cells).
 */
export const MarginStrips = memo(function MarginStrips({
  layout,
  cells,
  colour,
  metricName,
  show,
  depthHints,
  lengthLabel,
  rowLabel,
  theme,
}: MarginStripsProps) {
  const boxes = marginBoxes(layout, depthHints);
  const { x, y } = layout;
  const rowKey = layout.y.domain().some((row) => typeof row === 'string') ? 'task' : 'depth';
  return (
    <g className="margins" fontSize={10}>
      {show.length && (
        <g className="margin margin-length" data-testid="length-margin">
          <title>{`Trial-weighted ${metricName} of each length, over all its ${rowKey === 'depth' ? 'depths' : 'tasks'} (0–100 %)`}</title>
          <MarginScale
            x={boxes.length.x - 4}
            top={boxes.length.y}
            bottom={boxes.length.y + boxes.length.height}
            theme={theme}
          />
          {marginMeans(cells, 'length').map((m) => {
            const left = x(Number(m.at)) ?? 0;
            const h = m.value * boxes.length.height;
            const width = Math.max(1, x.bandwidth() - 1);
            return (
              <g key={m.at}>
                <rect
                  className="margin-track"
                  x={left + 0.5}
                  y={boxes.length.y}
                  width={width}
                  height={boxes.length.height}
                  fill={theme.noDataFill}
                />
                <rect
                  className="margin-bar"
                  x={left + 0.5}
                  y={boxes.length.y + boxes.length.height - h}
                  width={width}
                  height={h}
                  fill={colour(m.value)}
                  data-margin-length={m.at}
                  data-value={m.value}
                  data-n={m.n}
                >
                  <title>{`${lengthLabel(Number(m.at))}: ${metricName} ${percent(m.value)}, trial-weighted over ${trials(m.n)} in ${m.cells} cells`}</title>
                </rect>
              </g>
            );
          })}
          <text
            className="margin-title"
            x={boxes.length.x + boxes.length.width + (show.depth ? 16 : 8)}
            y={boxes.length.y + boxes.length.height / 2}
            dominantBaseline="central"
            fill={theme.muted}
          >
            length mean
          </text>
        </g>
      )}
      {show.depth && (
        <g className="margin margin-depth" data-testid="depth-margin">
          <title>{`Trial-weighted ${metricName} of each ${rowKey}, over all its lengths (0–100 %)`}</title>
          <rect
            className="margin-track"
            x={boxes.depth.x}
            y={boxes.depth.y}
            width={boxes.depth.width}
            height={boxes.depth.height}
            fill={theme.noDataFill}
          />
          {marginMeans(cells, 'row').map((m) => {
            const top = y(m.at) ?? 0;
            return (
              <rect
                key={m.at}
                className="margin-bar"
                x={boxes.depth.x}
                y={top + 0.5}
                width={m.value * boxes.depth.width}
                height={Math.max(1, y.bandwidth() - 1)}
                fill={colour(m.value)}
                {...(rowKey === 'depth'
                  ? { 'data-margin-depth': m.at }
                  : { 'data-margin-task': m.at })}
                data-value={m.value}
                data-n={m.n}
              >
                <title>{`${rowKey === 'depth' ? `Depth ${rowLabel(m.at)}` : rowLabel(m.at)}: ${metricName} ${percent(m.value)}, trial-weighted over ${trials(m.n)} in ${m.cells} cells`}</title>
              </rect>
            );
          })}
          <g className="margin-axis" fill={theme.muted} aria-hidden="true">
            <text x={boxes.depth.x} y={boxes.depth.y + boxes.depth.height + 14}>
              0
            </text>
            <text
              x={boxes.depth.x + boxes.depth.width}
              y={boxes.depth.y + boxes.depth.height + 14}
              textAnchor="end"
            >
              100%
            </text>
            <text
              className="margin-title"
              x={boxes.depth.x}
              y={boxes.depth.y - (depthHints ? 8 : 5)}
              fill={theme.muted}
            >
              {rowKey} mean
            </text>
          </g>
        </g>
      )}
    </g>
  );
});

/** The length strip's own scale, left of it: 100 % at the top, 0 at the bottom. */
function MarginScale({
  x,
  top,
  bottom,
  theme,
}: {
  x: number;
  top: number;
  bottom: number;
  theme: FigureTheme;
}) {
  return (
    <g className="margin-axis" fill={theme.muted} aria-hidden="true" textAnchor="end">
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={theme.axis} />
      <text x={x - 3} y={top} dominantBaseline="hanging">
        100%
      </text>
      <text x={x - 3} y={bottom}>
        0
      </text>
    </g>
  );
}
