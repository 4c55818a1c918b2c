import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { lengthTickFormat, percent } from '../chart/format';
import { lengthInWords } from '../chart/labels';
import { FIGURE_LABELS } from '../core/trialFigures';
import { thresholdPercent } from '../chart/lengthChartLayout';
import { PALETTES } from '../chart/palettes';
import type { RunStyle } from '../chart/runColours';
import { RunSwatch } from '../chart/RunSwatch';
import type { RunSummary } from '../core/summary';
import type { LengthUnit } from '../core/types';
import { LENGTH_UNITS, lengthUnitOf } from '../core/units';
import { selectSummaryView, useRunStyles, useSummaries } from '../state/selectors';
import { useStore } from '../state/store';
import { SummaryActions } from './SummaryActions';
import { nextSort, sortSummaries, type SortKey, type SortOrder } from './summarySort';
import { grouped } from '../core/numberText';

/** A depth bound without padding zeros: 30 -> "30", 12.5 -> "12.5". */
function depthBound(depthPercent: number): string {
  return String(Math.round(depthPercent * 10) / 10);
}

/** " frames" after a length of a frame run; nothing after tokens, the usual unit. */
function unitAfter(unit: LengthUnit): string {
  return unit === 'tokens' ? '' : ` ${LENGTH_UNITS[unit].noun}`;
}

/** "15 · 1K–128K", "1 · 4K", "3 · 1K–3K frames", or "0". */
function lengthRange(lengths: readonly number[], unit: LengthUnit): string {
  const label = lengthTickFormat(lengths);
  const [first] = lengths;
  const last = lengths.at(-1);
  if (first === undefined || last === undefined) return '0';
  const span = first === last ? label(first) : `${label(first)}–${label(last)}`;
  return `${lengths.length} · ${span}${unitAfter(unit)}`;
}

/** A share as a percentage, or a dash when there is none. */
function share(value: number | null): string {
  return value === null ? '—' : percent(value);
}

/** A number for `data-value`, left off when there is none. */
function dataValue(value: number | null): number | undefined {
  return value !== null && Number.isFinite(value) ? value : undefined;
}

/** Each shown run's headline figures, side by side; sortable, and copied as CSV or Markdown. */
export function SummaryTable() {
  const summaries = useSummaries();
  const styles = useRunStyles();
  const { threshold, effectiveThreshold, task } = useStore(useShallow(selectSummaryView));
  const units = useStore(
    useShallow((s) => Object.fromEntries(s.runs.map((run) => [run.id, lengthUnitOf(run)]))),
  );
  const [order, setOrder] = useState<SortOrder | null>(null);
  const rows = useMemo(() => sortSummaries(summaries, order), [summaries, order]);
  const columns: [SortKey, string][] = [
    ['name', 'Run'],
    ['meanScore', FIGURE_LABELS.meanOfCells],
    ['meanOfTrials', FIGURE_LABELS.meanOfTrials],
    ['passRate', `Pass rate (≥\u00a0${threshold.toFixed(2)})`],
    ['trials', FIGURE_LABELS.trials],
    ['cells', FIGURE_LABELS.cells],
    ['lengths', 'Lengths'],
    ['depths', 'Depths'],
    ['effectiveLength', 'Effective length'],
    ['worstBand', 'Worst depth band'],
  ];

  return (
    <section className="panel summary" aria-label="Run summary">
      <SummaryActions rows={rows} />
      <div className="table-scroll">
        <table className="summary-table" data-testid="summary-table">
          <caption>
            Summary of the shown runs
            <span className="muted">
              {' '}
              · {task === null ? 'all tasks' : `task “${task}”`} · effective length: the longest
              length up to which every length’s mean score is ≥{' '}
              {thresholdPercent(effectiveThreshold)}
            </span>
          </caption>
          <thead>
            <tr>
              {columns.map(([key, label]) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={order?.key === key ? order.direction : 'none'}
                  className={key === 'name' ? undefined : 'numeric'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    data-sort={key}
                    onClick={() => setOrder((current) => nextSort(current, key))}
                  >
                    {label}
                    <span className="sort-mark" aria-hidden="true">
                      {order?.key === key ? (order.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Mean per length</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <SummaryRow
                key={row.runId}
                row={row}
                style={styles.get(row.runId)}
                unit={units[row.runId] ?? 'tokens'}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One run's row. */
function SummaryRow({
  row,
  style,
  unit,
}: {
  row: RunSummary;
  style: RunStyle | undefined;
  unit: LengthUnit;
}) {
  const label = lengthTickFormat(row.lengths);
  const band = row.worstBand;
  return (
    <tr data-run={row.name}>
      <th scope="row" className="summary-run">
        <RunSwatch style={style} />
        {row.name}
      </th>
      <td className="numeric" data-testid="mean-score" data-value={dataValue(row.meanScore)}>
        {share(row.meanScore)}
      </td>
      <td
        className="numeric"
        data-testid="mean-of-trials"
        data-value={dataValue(row.meanOfTrials ?? null)}
      >
        {share(row.meanOfTrials ?? null)}
      </td>
      <td className="numeric" data-testid="pass-rate" data-value={dataValue(row.passRate)}>
        {row.passRateApplies === false ? FIGURE_LABELS.notApplicable : share(row.passRate)}
      </td>
      <td
        className="numeric"
        data-testid="trials"
        title={row.failedCalls > 0 ? `${row.failedCalls} failed calls, not scored` : undefined}
      >
        {grouped(row.trials)}
      </td>
      <td
        className="numeric"
        data-testid="cells"
        title={
          row.averagedCells
            ? `${grouped(row.averagedCells)} ${FIGURE_LABELS.averagedCells.toLowerCase()}: known only as pre-averaged means`
            : undefined
        }
      >
        {grouped(row.cells)}
        {row.averagedCells ? (
          <span className="muted" data-testid="averaged-cells">
            {' '}
            ({grouped(row.averagedCells)} averaged)
          </span>
        ) : null}
      </td>
      <td className="numeric" data-testid="lengths">
        {lengthRange(row.lengths, unit)}
      </td>
      <td className="numeric">{row.depths.length}</td>
      <td
        className="numeric"
        data-testid="effective-length"
        data-value={dataValue(row.effectiveLength)}
        title={row.effectiveLength === null ? undefined : lengthInWords(row.effectiveLength, unit)}
      >
        {row.effectiveLength === null ? '—' : `${label(row.effectiveLength)}${unitAfter(unit)}`}
      </td>
      <td className="numeric" data-testid="worst-band">
        {band
          ? `${depthBound(band.fromPercent)}–${depthBound(band.toPercent)}% · ${percent(band.mean)}`
          : '—'}
      </td>
      <td>
        <LengthStrip row={row} lengthLabel={label} />
      </td>
    </tr>
  );
}

/** Mean score per length as a row of squares in the heatmap's palette, shortest first. */
function LengthStrip({
  row,
  lengthLabel,
}: {
  row: RunSummary;
  lengthLabel: (lengthTokens: number) => string;
}) {
  const palette = useStore((s) => s.view.palette);
  const { interpolate } = PALETTES[palette];
  const described = row.byLength.map((p) => `${lengthLabel(p.lengthTokens)}: ${percent(p.mean)}`);
  return (
    <span
      className="length-strip"
      role="img"
      aria-label={`Mean per length: ${described.join(', ')}`}
    >
      {row.byLength.map((p, i) => (
        <span
          key={p.lengthTokens}
          className="length-square"
          data-length={p.lengthTokens}
          data-value={dataValue(p.mean)}
          style={{ background: Number.isFinite(p.mean) ? interpolate(p.mean) : undefined }}
          title={described[i]}
        />
      ))}
    </span>
  );
}
