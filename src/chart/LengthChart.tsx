import { useMemo } from 'react';
import type { RunSummary } from '../core/summary';
import { useElementWidth } from '../hooks/useElementWidth';
import { exactLength, lengthTickFormat, percent } from './format';
import {
  lengthChartLayout,
  linePath,
  thresholdLabelY,
  thresholdPercent,
  type LengthChartLayout,
} from './lengthChartLayout';
import type { RunStyle } from './runColours';
import { RunSwatch } from './RunSwatch';

/** The lengths with a mean to draw, ascending. */
function points(summary: RunSummary) {
  return summary.byLength.filter((p) => Number.isFinite(p.mean));
}

interface LengthChartProps {
  summaries: readonly RunSummary[];
  /** Each run's colour and dash, by run id. */
  styles: ReadonlyMap<string, RunStyle>;
  effectiveThreshold: number;
  task: string | null;
}

/** "Score by length": each shown run's mean score per context length, one line per run. */
export function LengthChart({ summaries, styles, effectiveThreshold, task }: LengthChartProps) {
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const lengths = useMemo(
    () =>
      [...new Set(summaries.flatMap((s) => points(s).map((p) => p.lengthTokens)))].sort(
        (a, b) => a - b,
      ),
    [summaries],
  );
  const lengthLabel = useMemo(() => lengthTickFormat(lengths), [lengths]);
  const layout = useMemo(
    () =>
      width > 0 && lengths.length > 0 ? lengthChartLayout({ width, lengths, lengthLabel }) : null,
    [width, lengths, lengthLabel],
  );
  const names = summaries.map((s) => s.name).join(', ');

  return (
    <figure className="panel length-chart" data-testid="length-chart">
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">Score by length</h2>
          <p className="panel-sub muted">
            Mean score at each context length{layout?.log ? ' (log scale)' : ''} ·{' '}
            {task === null ? 'all tasks' : `task “${task}”`}
          </p>
        </div>
      </figcaption>
      {lengths.length === 0 && (
        <p className="panel-note">The shown runs have no scored results to draw.</p>
      )}
      <div className="chart" ref={chartRef}>
        {layout && (
          <svg
            width={layout.width}
            height={layout.height}
            className="length-chart-svg"
            role="img"
            aria-label={`Mean score by context length of ${names}, with the effective-length threshold at ${thresholdPercent(effectiveThreshold)}`}
          >
            <Axes layout={layout} lengthLabel={lengthLabel} />
            <ThresholdLine layout={layout} threshold={effectiveThreshold} />
            {summaries.map((summary) => (
              <Series
                key={summary.runId}
                layout={layout}
                summary={summary}
                style={styles.get(summary.runId)}
                lengthLabel={lengthLabel}
              />
            ))}
          </svg>
        )}
      </div>
      {layout && (
        <ul className="series-legend" aria-label="Runs">
          {summaries.map((summary) => (
            <li key={summary.runId} data-run={summary.name}>
              <RunSwatch style={styles.get(summary.runId)} />
              {summary.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

interface AxesProps {
  layout: LengthChartLayout;
  lengthLabel: (lengthTokens: number) => string;
}

/** Score gridlines and ticks on the left, length ticks below, and both axis titles. */
function Axes({ layout, lengthLabel }: AxesProps) {
  const { plot, x, y, xTicks, yTicks } = layout;
  const baseline = plot.y + plot.height;
  return (
    <g className="axis" aria-hidden="true">
      {yTicks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line
            className={t === 0 ? 'axis-line' : 'grid-line'}
            x1={plot.x}
            x2={plot.x + plot.width}
          />
          <text x={plot.x - 8} textAnchor="end" dominantBaseline="central">
            {percent(t, 0)}
          </text>
        </g>
      ))}
      {xTicks.map((length) => (
        <g key={length} transform={`translate(${x(length)},${baseline})`}>
          <line y2={5} />
          <text y={18} textAnchor="middle">
            {lengthLabel(length)}
          </text>
        </g>
      ))}
      <text
        className="axis-title"
        x={plot.x + plot.width / 2}
        y={layout.height - 8}
        textAnchor="middle"
      >
        Context length (tokens)
      </text>
      <text
        className="axis-title"
        transform={`translate(14,${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        Mean score
      </text>
    </g>
  );
}

/** The dashed line every length's mean must reach for the effective context length. */
function ThresholdLine({ layout, threshold }: { layout: LengthChartLayout; threshold: number }) {
  const { plot, y } = layout;
  return (
    <g className="threshold" data-testid="effective-threshold-line" data-value={threshold}>
      <line x1={plot.x} x2={plot.x + plot.width} y1={y(threshold)} y2={y(threshold)} />
      {/* At the left, where short contexts usually score high, the label is rarely crossed. */}
      <text x={plot.x + 6} y={thresholdLabelY(layout, threshold)}>
        effective-length threshold {thresholdPercent(threshold)}
      </text>
    </g>
  );
}

interface SeriesProps {
  layout: LengthChartLayout;
  summary: RunSummary;
  style: RunStyle | undefined;
  lengthLabel: (lengthTokens: number) => string;
}

/** One run's line, with a marker per length that names its exact figures on hover. */
function Series({ layout, summary, style, lengthLabel }: SeriesProps) {
  const shown = points(summary);
  const colour = style?.colour ?? '#8a939e';
  return (
    <g className="series">
      <path
        className="series-line"
        data-run={summary.name}
        d={linePath(layout, shown)}
        stroke={colour}
        strokeDasharray={style?.dash}
      />
      {shown.map((p) => (
        <circle
          key={p.lengthTokens}
          className="series-point"
          cx={layout.x(p.lengthTokens)}
          cy={layout.y(p.mean)}
          r={3.5}
          fill={colour}
          data-run={summary.name}
          data-length={p.lengthTokens}
          data-value={p.mean}
        >
          <title>
            {`${summary.name}\n${lengthLabel(p.lengthTokens)} (${exactLength(p.lengthTokens)})\nMean score ${percent(p.mean)} over ${p.cells.toLocaleString('en-US')} cells`}
          </title>
        </circle>
      ))}
    </g>
  );
}
