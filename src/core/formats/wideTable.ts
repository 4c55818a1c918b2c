import { depthProblem, toFiniteNumber } from '../normalize';
import { headerColumns, readCsvRows } from '../read/csv';
import { problem, type Result } from '../result';
import type { Source } from '../source';
import type { ParseOutcome, ResultFormat } from './format';
import { depthsAreFractions, fractionDepthsNote } from './kit/depthUnit';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { ScaleProbe } from './kit/scaleProbe';

/** A header cell read as a context length: a positive whole number, else null. */
function lengthOf(cell: string): number | null {
  const length = toFiniteNumber(cell);
  return length !== null && length > 0 && Number.isInteger(length) ? length : null;
}

/** The lengths of a header row (all cells after the first), or null when one is not a length. */
function headerLengths(cells: readonly string[]): number[] | null {
  const lengths = cells.slice(1).map(lengthOf);
  return lengths.every((length) => length !== null) ? lengths : null;
}

/**
 * A pivoted table, as people paste from figures (A-Roucher's `gpt4.csv`): the header row holds
 * context lengths (its first cell anything), the first column depths, each cell the mean score
 * of that (length, depth): a pre-averaged cell of unknown size, counted as 1. The score scale
 * (0..1, 1..10, 0..100) is inferred from all values, so the whole table is read before any cell
 * is given. Depths are percent, except that a first column whose values all lie in 0..1 (and
 * whose name does not say percent) holds fractions, multiplied by 100.
 */
export const wideTable: ResultFormat = {
  id: 'wide-table',
  label: 'Wide table (CSV)',
  opens: 'text',

  detect(path, head) {
    const [first, second] = firstLines(head.replace(/^\uFEFF/, ''), 2);
    if (first === undefined || second === undefined) return 0;
    const lengths = headerLengths(headerColumns(first));
    if (!lengths || lengths.length < 2) return 0;
    // Columns of a sweep ascend; a headerless table of numbers seldom does by chance.
    if (lengths.some((length, i) => i > 0 && length <= (lengths[i - 1] ?? 0))) return 0;
    if (toFiniteNumber(headerColumns(second)[0]) === null) return 0;
    return /\.(csv|tsv|txt)$/i.test(path) ? 0.8 : 0.7;
  },

  parse(source, sink) {
    return parseWideTable(source, new FileReading(source, sink));
  },
};

interface WideRow {
  depth: number;
  line: number;
  cells: { lengthTokens: number; value: number }[];
}

/** The context lengths of a header row, or why it has none. */
function readHeader(cells: readonly string[]): Result<{ lengths: number[] }> {
  const lengths = headerLengths(cells);
  if (lengths && lengths.length > 0) return { ok: true, lengths };
  const bad = cells.slice(1).find((cell) => lengthOf(cell) === null);
  return problem(
    bad === undefined
      ? 'the header has no context lengths after its first cell'
      : `header cell ${given(bad)} is not a context length (a whole number of tokens)`,
    1,
  );
}

async function parseWideTable(source: Source, reading: FileReading): Promise<ParseOutcome> {
  // Held in an object: the row callback sets it, which control-flow narrowing cannot see.
  const table: { header: Result<{ lengths: number[] }> | null; depthName: string } = {
    header: null,
    depthName: '',
  };
  const rows: WideRow[] = [];
  const read = await readCsvRows(source, (cells, line) => {
    if (!table.header) {
      table.header = readHeader(cells);
      table.depthName = cells[0] ?? '';
      return table.header.ok ? undefined : false;
    }
    if (!table.header.ok) return false;
    const { lengths } = table.header;
    if (cells.length !== lengths.length + 1) {
      reading.skip(
        'fields',
        `${cells.length} fields where the header has ${lengths.length + 1}`,
        line,
      );
      return;
    }
    const check = new RecordCheck(reading, { line });
    const depth = check.number('depth', cells[0] ?? '');
    if (depth === null) return;
    const row: WideRow = { depth, line, cells: [] };
    lengths.forEach((lengthTokens, i) => {
      const raw = (cells[i + 1] ?? '').trim();
      if (raw === '') reading.skip('empty', `no score at length ${lengthTokens}`, line);
      else {
        const value = check.number('score', raw);
        if (value !== null) row.cells.push({ lengthTokens, value });
      }
    });
    rows.push(row);
  });
  if (!read.ok) return reading.fail(read.reason, read.line);
  if (!table.header) return reading.fail('the file is empty');
  if (!table.header.ok) return reading.fail(table.header.reason, table.header.line);

  // Fractions of the document (0..1) or percent: the column's name, else its values, decide.
  const fractions =
    !/%|percent|pct/i.test(table.depthName) && depthsAreFractions(rows.map((row) => row.depth));
  const probe = new ScaleProbe();
  const cells: { lengthTokens: number; depthPercent: number; value: number; line: number }[] = [];
  for (const row of rows) {
    const depthPercent = fractions ? row.depth * 100 : row.depth;
    const bad = depthProblem(depthPercent);
    if (bad) {
      reading.skip('depth-range', bad, row.line);
      continue;
    }
    for (const cell of row.cells) {
      probe.see(cell.value);
      cells.push({ ...cell, depthPercent, line: row.line });
    }
  }
  const scale = probe.scale();
  if (cells.length > 0 && !scale.ok) return reading.fail(scale.reason);
  const top = scale.ok ? scale.scale.top : 1;
  for (const { lengthTokens, depthPercent, value, line } of cells) {
    const source = { file: reading.file, line };
    reading.summary({ lengthTokens, depthPercent, n: 1, meanScore: value / top, source });
  }
  if (fractions) reading.note(fractionDepthsNote());
  if (scale.ok) for (const note of probe.notes(scale.scale)) reading.note(note);
  return reading.finish('score', 'no rows under the header');
}

/** The first `count` lines of `text` that are not blank, read no further than they are. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let at = 0;
  while (lines.length < count && at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    at = end < 0 ? text.length : end + 1;
  }
  return lines;
}
