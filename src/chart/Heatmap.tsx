import { memo, useId, useMemo, useState, type MouseEvent } from 'react';
import { cellsToCsv } from '../core/cellsCsv';
import { METRIC_LABELS, runMean } from '../core/metrics';
import type { Run } from '../core/types';
import { downloadText, fileSlug } from '../export/download';
import { useElementWidth } from '../hooks/useElementWidth';
import { useStore } from '../state/store';
import { DepthAxis, LengthAxis } from './Axis';
import { depthTick, lengthTickFormat, percent } from './format';
import { gridSlots, type GridSlot } from './grid';
import { heatmapLayout, type HeatmapLayout } from './layout';
import { Legend } from './Legend';
import { PALETTES } from './palettes';
import { Tooltip } from './Tooltip';

/** A run's depth x length heatmap with its caption, axes, legend, tooltip and CSV download. */
export const Heatmap = memo(function Heatmap({ run }: { run: Run }) {
  const { metric, threshold, palette } = useStore((s) => s.view);
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const [hovered, setHovered] = useState<number | null>(null);
  const lengthLabel = useMemo(() => lengthTickFormat(run.lengths), [run.lengths]);
  const layout = useMemo(
    () =>
      width > 0
        ? heatmapLayout({
            width,
            lengths: run.lengths,
            depths: run.depths,
            lengthLabel,
            depthLabel: depthTick,
          })
        : null,
    [width, run.lengths, run.depths, lengthLabel],
  );
  const slots = useMemo(() => gridSlots(run, metric, threshold), [run, metric, threshold]);
  const overall = useMemo(() => runMean(run, metric, threshold), [run, metric, threshold]);
  const interpolate = PALETTES[palette].interpolate;
  const metricTitle =
    metric === 'mean'
      ? METRIC_LABELS.mean
      : `${METRIC_LABELS.passRate} (score ≥ ${threshold.toFixed(2)})`;
  const hoveredSlot = hovered === null ? undefined : slots[hovered];

  const onHover = (event: MouseEvent<SVGGElement>) => {
    const index = event.target instanceof SVGRectElement ? event.target.dataset.index : undefined;
    setHovered(index === undefined ? null : Number(index));
  };

  return (
    <figure className="panel" data-testid="heatmap" data-run={run.name}>
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">{run.name}</h2>
          <p className="panel-sub" data-testid="run-mean">
            {metric === 'mean' ? 'Mean score' : 'Pass rate'} <strong>{percent(overall)}</strong>
            <span className="muted">
              {' '}
              · mean of {run.cells.length.toLocaleString('en-US')} cells ·{' '}
              {run.trialCount.toLocaleString('en-US')} trials
            </span>
          </p>
        </div>
        <button
          type="button"
          className="button button-quiet"
          data-testid="download-csv"
          onClick={() =>
            downloadText(`${fileSlug(run.name)}-cells.csv`, cellsToCsv(run, threshold), 'text/csv')
          }
        >
          Download CSV
        </button>
      </figcaption>
      <div className="chart" ref={chartRef}>
        {layout && (
          <svg
            width={layout.width}
            height={layout.height}
            className="heatmap-svg"
            role="img"
            aria-label={`${metricTitle} of ${run.name} by context length and needle depth`}
          >
            <Cells
              layout={layout}
              slots={slots}
              interpolate={interpolate}
              onHover={onHover}
              onLeave={() => setHovered(null)}
            />
            <LengthAxis layout={layout} lengthLabel={lengthLabel} />
            <DepthAxis layout={layout} depthLabel={depthTick} />
            <Legend layout={layout} interpolate={interpolate} title={metricTitle} />
          </svg>
        )}
        {layout && hoveredSlot?.cell && (
          <Tooltip
            cell={hoveredSlot.cell}
            threshold={threshold}
            left={(layout.x(hoveredSlot.lengthTokens) ?? 0) + layout.x.bandwidth() * 0.5}
            top={(layout.y(hoveredSlot.depthPercent) ?? 0) + layout.y.bandwidth()}
            flip={(layout.x(hoveredSlot.lengthTokens) ?? 0) > layout.width * 0.6}
          />
        )}
      </div>
    </figure>
  );
});

interface CellsProps {
  layout: HeatmapLayout;
  slots: GridSlot[];
  interpolate: (t: number) => string;
  onHover: (event: MouseEvent<SVGGElement>) => void;
  onLeave: () => void;
}

/** The cells, with the data attributes tests and tools read; gaps hatched as "no data". */
function Cells({ layout, slots, interpolate, onHover, onLeave }: CellsProps) {
  const hatch = useId();
  const { x, y } = layout;
  const w = x.bandwidth();
  const h = y.bandwidth();
  return (
    <g className="cells" onMouseOver={onHover} onMouseLeave={onLeave}>
      <defs>
        <pattern
          id={hatch}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} className="nodata-bg" />
          <line x1={0} y1={0} x2={0} y2={6} className="nodata-line" />
        </pattern>
      </defs>
      {slots.map((slot, index) => (
        <rect
          key={`${slot.lengthTokens}|${slot.depthPercent}`}
          x={x(slot.lengthTokens)}
          y={y(slot.depthPercent)}
          width={w}
          height={h}
          fill={slot.value === null ? `url(#${hatch})` : interpolate(slot.value)}
          data-index={index}
          data-length={slot.lengthTokens}
          data-depth={slot.depthPercent}
          data-value={slot.value ?? undefined}
          data-n={slot.cell?.n ?? 0}
        />
      ))}
    </g>
  );
}
