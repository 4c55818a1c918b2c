import { useMemo, type ReactNode } from 'react';
import type { LengthPoint } from '../core/lengthStats';
import type { Metric } from '../core/types';
import { useElementWidth } from '../hooks/useElementWidth';
import { TitleBelow } from './Axis';
import { exactLength, lengthTickFormat, percent } from './format';
import {
  bandPath,
  defaultLengthScale,
  dodge,
  lengthChartLayout,
  linePath,
  thresholdLabelY,
  thresholdPercent,
  type LengthChartLayout,
  type LengthScale,
  type LengthScaleChoice,
} from './lengthChartLayout';
import { markerPath, type RunStyle } from './runColours';
import { RunSwatch } from './RunSwatch';
import { grouped } from '../core/numberText';

/** One run's line: its trial-weighted figure at each length, ascending. */
export interface LengthSeries {
  runId: string;
  name: string;
  points: readonly LengthPoint[];
}

interface LengthChartProps {
  series: readonly LengthSeries[];
  /** Each run's colour, dash and marker, by run id. */
  styles: ReadonlyMap<string, RunStyle>;
  metric: Metric;
  /** The metric as the y axis names it, e.g. "Pass rate (score ≥ 0.70)". */
  metricTitle: string;
  effectiveThreshold: number;
  task: string | null;
  scale: LengthScaleChoice;
  /** The menu that picks `scale`, drawn in the chart's head; told what "auto" means for these lengths. */
  scaleField: (autoScale: LengthScale) => ReactNode;
}

/** Which runs lack a line or a band and why, in a sentence; null when none does. */
function missingIntervals(series: readonly LengthSeries[], metric: Metric): string | null {
  const parts = series.flatMap((s) => {
    if (s.points.length === 0) {
      return [
        `${s.name} has no line: ${metric === 'passRate' ? 'its pre-averaged cells have no trials to count passes in' : 'no scored results'}`,
      ];
    }
    const averaged = s.points.filter((p) => p.noInterval === 'averaged').length;
    const single = s.points.filter((p) => p.noInterval === 'one-trial').length;
    const all = (count: number) => count === s.points.length;
    const why = [
      averaged > 0 &&
        `${all(averaged) ? '' : `at ${averaged} lengths, `}its cells are pre-averaged (no spread is known)`,
      single > 0 && `${all(single) ? '' : `at ${single} lengths, `}a single trial`,
    ].filter((text): text is string => typeof text === 'string');
    return why.length > 0 ? [`${s.name} has no interval: ${why.join('; ')}`] : [];
  });
  return parts.length > 0 ? `${parts.join('. ')}.` : null;
}

/**
 * "Score by length": each shown run's trial-weighted figure (the view's metric) per context
 * length, one line per run with its 95 % interval as a band, on a linear or log length axis.
 */
export function LengthChart({
  series,
  styles,
  metric,
  metricTitle,
  effectiveThreshold,
  task,
  scale,
  scaleField,
}: LengthChartProps) {
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const lengths = useMemo(
    () =>
      [...new Set(series.flatMap((s) => s.points.map((p) => p.lengthTokens)))].sort(
        (a, b) => a - b,
      ),
    [series],
  );
  const lengthLabel = useMemo(() => lengthTickFormat(lengths), [lengths]);
  const autoScale = defaultLengthScale(lengths);
  const shownScale = scale === 'auto' ? autoScale : scale;
  const layout = useMemo(
    () =>
      width > 0 && lengths.length > 0
        ? lengthChartLayout({ width, lengths, lengthLabel, scale: shownScale })
        : null,
    [width, lengths, lengthLabel, shownScale],
  );
  const offsets = dodge(series.length);
  // Each run's colour and sideways offset, shared by its band and its line.
  const placed = series.map((s, i) => ({
    series: s,
    style: styles.get(s.runId),
    dx: offsets[i] ?? 0,
  }));
  const names = series.map((s) => s.name).join(', ');
  const intervalKind = metric === 'mean' ? 't-intervals over trials' : 'Wilson intervals';
  const missing = missingIntervals(series, metric);

  return (
    <figure className="panel length-chart" data-testid="length-chart">
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">Score by length</h2>
          <p className="panel-sub muted">
            {metricTitle}, trial-weighted, at each context length
            {layout?.log ? ' (log scale)' : ''} · shaded: 95 % {intervalKind} ·{' '}
            {task === null ? 'all tasks' : `task “${task}”`}
          </p>
          {missing && (
            <p className="panel-sub muted small" data-testid="interval-note">
              {missing}
            </p>
          )}
        </div>
        {scaleField(autoScale)}
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
            data-scale={layout.log ? 'log' : 'linear'}
            aria-label={`${metricTitle} by context length of ${names}, trial-weighted, with 95 % intervals${metric === 'mean' ? `, and the effective-length threshold at ${thresholdPercent(effectiveThreshold)}` : ''}`}
          >
            <Axes layout={layout} lengthLabel={lengthLabel} metricTitle={metricTitle} />
            {metric === 'mean' && <ThresholdLine layout={layout} threshold={effectiveThreshold} />}
            {/* Every band under every line, so no run's band veils another run's line. */}
            {placed.map((p) => (
              <Band key={p.series.runId} layout={layout} {...p} />
            ))}
            {placed.map((p) => (
              <Series
                key={p.series.runId}
                layout={layout}
                {...p}
                metricTitle={metricTitle}
                lengthLabel={lengthLabel}
              />
            ))}
          </svg>
        )}
      </div>
      {layout && (
        <ul className="series-legend" aria-label="Runs">
          {series.map((s) => (
            <li key={s.runId} data-run={s.name}>
              <RunSwatch style={styles.get(s.runId)} />
              {s.name}
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
  metricTitle: string;
}

/** Score gridlines and ticks on the left, length ticks below, and both axis titles. */
function Axes({ layout, lengthLabel, metricTitle }: AxesProps) {
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
      <TitleBelow plot={plot} height={layout.height}>
        Context length (tokens{layout.log ? ', log scale' : ''})
      </TitleBelow>
      <text
        className="axis-title"
        transform={`translate(14,${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {metricTitle.replace(/ \(.*\)$/, '')}
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
        {plot.width > 420 ? 'effective-length threshold' : 'threshold'}{' '}
        {thresholdPercent(threshold)}
      </text>
    </g>
  );
}

interface SeriesProps {
  layout: LengthChartLayout;
  series: LengthSeries;
  style: RunStyle | undefined;
  /** Sideways offset in pixels, so runs with the same figures do not hide each other. */
  dx: number;
}

const GREY = '#8a939e';

/** One run's 95 % intervals: a band where neighbouring lengths have them, a whisker where one stands alone. */
function Band({ layout, series, style, dx }: SeriesProps) {
  const colour = style?.colour ?? GREY;
  const points = series.points;
  const lone = points.filter(
    (p, i) => p.interval && !points[i - 1]?.interval && !points[i + 1]?.interval,
  );
  const band = bandPath(layout, points, dx);
  return (
    <g className="series-interval" data-run={series.name} pointerEvents="none">
      {band && (
        <path
          className="series-band"
          data-testid="length-band"
          data-run={series.name}
          d={band}
          fill={colour}
        />
      )}
      {lone.map((p) =>
        p.interval ? (
          <line
            key={p.lengthTokens}
            className="series-whisker"
            x1={layout.x(p.lengthTokens) + dx}
            x2={layout.x(p.lengthTokens) + dx}
            y1={layout.y(p.interval.lower)}
            y2={layout.y(p.interval.upper)}
            stroke={colour}
          />
        ) : null,
      )}
    </g>
  );
}

/** What a point says on hover: the run, the length, the figure, its interval and its trials. */
function pointTitle(
  name: string,
  p: LengthPoint,
  metricTitle: string,
  lengthLabel: (lengthTokens: number) => string,
): string {
  const interval = p.interval
    ? `95 % interval ${percent(Math.max(0, p.interval.lower))} to ${percent(Math.min(1, p.interval.upper))}`
    : p.noInterval === 'averaged'
      ? 'no interval: pre-averaged cells give no spread'
      : 'no interval: a single trial';
  return `${name}\n${lengthLabel(p.lengthTokens)} (${exactLength(p.lengthTokens)})\n${metricTitle} ${percent(p.value)}, trial-weighted over ${grouped(p.n)} trials in ${grouped(p.cells)} cells\n${interval}`;
}

/** Markers shrink where lengths crowd (35 lengths on a phone), so the lines still show between them. */
function markerRadius(layout: LengthChartLayout, points: number): number {
  const spacing = layout.plot.width / Math.max(1, points);
  return Math.max(2.25, Math.min(3.75, spacing * 0.3));
}

/** One run's line, with a marker per length that names its exact figures on hover. */
function Series({
  layout,
  series,
  style,
  dx,
  metricTitle,
  lengthLabel,
}: SeriesProps & { metricTitle: string; lengthLabel: (lengthTokens: number) => string }) {
  const colour = style?.colour ?? GREY;
  const marker = markerPath(style?.marker ?? 'circle', markerRadius(layout, series.points.length));
  return (
    <g className="series">
      <path
        className="series-line"
        data-run={series.name}
        d={linePath(layout, series.points, dx)}
        stroke={colour}
        strokeDasharray={style?.dash}
      />
      {series.points.map((p) => (
        <path
          key={p.lengthTokens}
          className="series-point"
          d={marker}
          transform={`translate(${layout.x(p.lengthTokens) + dx},${layout.y(p.value)})`}
          fill={colour}
          data-run={series.name}
          data-length={p.lengthTokens}
          data-value={p.value}
          data-n={p.n}
          data-lower={p.interval?.lower}
          data-upper={p.interval?.upper}
        >
          <title>{pointTitle(series.name, p, metricTitle, lengthLabel)}</title>
        </path>
      ))}
    </g>
  );
}
