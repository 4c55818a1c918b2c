/**
 * Run summaries as a table to take away: CSV for a spreadsheet or a script, Markdown for a
 * report or an issue. Both have the same columns, so a reader can move between them.
 */
import { toSafeCsv } from './csvSafe';
import type { RunSummary } from './summary';
import { DEFAULT_THRESHOLD } from './metrics';
import { FIGURE_LABELS, passRateLabel } from './trialFigures';

/**
 * The columns before the one-per-length ones, in order. Both means are named for what they
 * average; `pass_rate` is written with its threshold, `pass_rate_ge_0.70`.
 */
export const SUMMARY_COLUMNS = [
  'run',
  'mean_of_cells',
  'mean_of_trials',
  'pass_rate',
  'trials',
  'cells',
  'averaged_cells',
  'lengths',
  'depths',
  'effective_length',
  'worst_depth_band',
  'worst_band_mean',
] as const;

/** How one output writes a score and a figure that is absent. */
interface Style {
  score: (value: number) => string;
  missing: string;
  /** The pass-rate column's name at a threshold. */
  passRate: (threshold: number) => string;
  header?: Partial<Record<(typeof SUMMARY_COLUMNS)[number], string>>;
}

/** Markdown headers in words, so a pasted table says which mean is which. */
const MARKDOWN_HEADERS: Partial<Record<(typeof SUMMARY_COLUMNS)[number], string>> = {
  mean_of_cells: FIGURE_LABELS.meanOfCells,
  mean_of_trials: FIGURE_LABELS.meanOfTrials,
  trials: FIGURE_LABELS.trials,
  cells: FIGURE_LABELS.cells,
  averaged_cells: FIGURE_LABELS.averagedCells,
};

/** Every length any of the runs has a mean at, ascending: one column each. */
function lengthColumns(rows: readonly RunSummary[]): number[] {
  return [...new Set(rows.flatMap((row) => row.byLength.map((l) => l.lengthTokens)))].sort(
    (a, b) => a - b,
  );
}

/** The header and the rows of cells, as strings, in a style; names left as they are. */
function table(rows: readonly RunSummary[], style: Style): { header: string[]; body: string[][] } {
  const lengths = lengthColumns(rows);
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? style.missing : style.score(value);
  const body = rows.map((row) => {
    const band = row.worstBand;
    const meanAt = new Map(row.byLength.map((l) => [l.lengthTokens, l.mean]));
    return [
      row.name,
      score(row.meanScore),
      score(row.meanOfTrials),
      row.passRateApplies === false ? FIGURE_LABELS.notApplicable : score(row.passRate),
      String(row.trials),
      String(row.cells),
      row.averagedCells === undefined ? style.missing : String(row.averagedCells),
      String(row.lengths.length),
      String(row.depths.length),
      row.effectiveLength === null ? style.missing : String(row.effectiveLength),
      band ? `${band.fromPercent}-${band.toPercent}%` : style.missing,
      score(band?.mean),
      ...lengths.map((length) => score(meanAt.get(length))),
    ];
  });
  const threshold = rows[0]?.threshold ?? DEFAULT_THRESHOLD;
  const columns = SUMMARY_COLUMNS.map((column) =>
    column === 'pass_rate' ? style.passRate(threshold) : (style.header?.[column] ?? column),
  );
  return { header: [...columns, ...lengths.map((l) => `len_${l}`)], body };
}

/**
 * The summaries as a tidy CSV: the {@link SUMMARY_COLUMNS}, then `len_<tokens>` for every
 * length any run has, holding that run's mean score there (empty where it has none). Scores
 * 0..1 with 4 decimals; `lengths` and `depths` count those covered; the worst band reads like
 * `40-50%`. Quoted as CSV requires; names safe for spreadsheets ({@link toSafeCsv}).
 */
export function summaryCsv(rows: readonly RunSummary[]): string {
  const { header, body } = table(rows, {
    score: (v) => v.toFixed(4),
    missing: '',
    passRate: (threshold) => `pass_rate_ge_${threshold.toFixed(2)}`,
  });
  return toSafeCsv([header, ...body]);
}

/** A run name that cannot break out of its Markdown table cell. */
function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/**
 * The summaries as a Markdown table with the columns of {@link summaryCsv}: scores as
 * percents with one decimal (`87.3%`), an absent figure as `—`, figures aligned right.
 */
export function summaryMarkdown(rows: readonly RunSummary[]): string {
  const { header, body } = table(rows, {
    score: (v) => `${(v * 100).toFixed(1)}%`,
    missing: '—',
    passRate: passRateLabel,
    header: MARKDOWN_HEADERS,
  });
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return (
    [
      line(header),
      line(align),
      ...body.map(([name = '', ...rest]) => line([markdownCell(name), ...rest])),
    ].join('\n') + '\n'
  );
}
