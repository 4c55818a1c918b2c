import { fractionDepthsNote } from './formats/kit/depthUnit';
import { RecordCheck } from './formats/kit/fields';
import { PendingTrials, type RawTrial } from './formats/kit/pendingTrials';
import { FileReading } from './formats/kit/reading';
import { ScaleProbe } from './formats/kit/scaleProbe';
import type { ParseOutcome, RecordSink } from './formats/format';
import {
  depthProblem,
  optionalText,
  SCALE_HUNDRED,
  SCALE_TEN,
  SCALE_UNIT,
  toFiniteNumber,
  type ScoreScale,
} from './normalize';
import { fastTrials } from './fastTrials';
import {
  readTable,
  toScore,
  type FlatRecord,
  type TableOptions,
  type TableRecord,
} from './read/table';
import type { Source } from './source';
import type { ColumnMapping, FlatValue, ScaleChoice } from './types';

const SCALES: Record<Exclude<ScaleChoice, 'auto'>, ScoreScale> = {
  '0..1': SCALE_UNIT,
  '1..10': SCALE_TEN,
  '0..100': SCALE_HUNDRED,
};

/**
 * Trials held back while an `auto` depth unit is open: the first depth above 1 makes the column
 * percent; this many trials with all depths in 0..1 (or the whole file) make it fractions.
 */
export const DEPTH_LOOKAHEAD = 10_000;

/**
 * Parses a whole source with a mapping into the sink, streaming: CSV rows, JSONL lines or JSON
 * array items one at a time. Rows that cannot be used are skipped and counted by kind with the
 * first line (or item) where it happened. With the `auto` scale the trials are aggregated per
 * cell on their own scale and handed on once the whole file has shown it ({@link PendingTrials}).
 */
export async function parseWithMapping(
  source: Source,
  mapping: ColumnMapping,
  sink: RecordSink,
  options: Omit<TableOptions, 'limit' | 'fast'> & {
    /** false: every record the general way (to check the fast path against it). */
    fastPath?: boolean;
  } = {},
): Promise<ParseOutcome> {
  const { fastPath = true, ...tableOptions } = options;
  const reading = new FileReading(source, sink);
  const chosen = mapping.scoreScale === 'auto' ? null : SCALES[mapping.scoreScale];
  const probe = new ScaleProbe();
  const pending = new PendingTrials();
  let unit = mapping.depthUnit === 'auto' ? null : mapping.depthUnit;
  /** Trials waiting for the depth unit, with their checks (for the item they came from). */
  const held: { trial: RawTrial; check: RecordCheck }[] = [];

  /** Hands a trial on with its depth in percent, or skips it when the depth is out of range. */
  const emit = (trial: RawTrial, check: RecordCheck): void => {
    const raw = trial.depthPercent;
    if (raw !== null) {
      const depthPercent = unit === 'fraction' ? raw * 100 : raw;
      const problem = depthProblem(depthPercent);
      if (problem) {
        const asFraction = `depth ${raw} read as a fraction is ${depthPercent}%, outside 0..100`;
        check.skip('depth-range', unit === 'fraction' ? asFraction : problem);
        return;
      }
      trial.depthPercent = depthPercent;
    }
    if (chosen) {
      const { rawScore, ...rest } = trial;
      reading.trial({ ...rest, score: rawScore / chosen.top });
    } else {
      probe.see(trial.rawScore);
      pending.add(trial);
    }
  };
  const decide = (decided: 'percent' | 'fraction'): void => {
    unit = decided;
    for (const { trial, check } of held) emit(trial, check);
    held.length = 0;
  };

  /** The trial of a record whose coordinates and score are read, with its texts. */
  const rawTrial = (
    values: FlatRecord,
    line: number | undefined,
    lengthTokens: number,
    depthPercent: number | null,
    rawScore: number,
  ): RawTrial => {
    const text = (column: string | null) =>
      column === null ? undefined : optionalText(values[column]);
    return {
      lengthTokens,
      depthPercent,
      rawScore,
      model: text(mapping.model)?.trim() || undefined,
      task: text(mapping.task)?.trim() || undefined,
      needle: text(mapping.needle),
      expected: text(mapping.expected),
      response: text(mapping.response),
      source: line === undefined ? { file: reading.file } : { file: reading.file, line },
    };
  };

  const onRecord = ({ values, line, index }: TableRecord): void => {
    const check = new RecordCheck(reading, { index, line });
    const number = (column: string, read: (v: FlatValue | undefined) => number | null) => {
      const value = read(values[column]);
      if (value !== null) return value;
      const absent = values[column] === undefined ? `no ${column}` : undefined;
      return check.number(column, values[column], absent);
    };
    const lengthTokens = number(mapping.length, toFiniteNumber);
    if (lengthTokens === null) return;
    const depth = mapping.depth === null ? null : number(mapping.depth, toFiniteNumber);
    if (mapping.depth !== null && depth === null) return;
    const rawScore = number(mapping.score, toScore);
    if (rawScore === null || !check.placed(lengthTokens, null)) return;
    if (chosen && !check.inRange('score', rawScore, chosen.top)) return;
    const trial = rawTrial(values, line, lengthTokens, depth, rawScore);
    if (unit !== null || depth === null) return emit(trial, check);
    held.push({ trial, check });
    if (depth > 1) decide('percent');
    else if (held.length >= DEPTH_LOOKAHEAD) decide('fraction');
  };

  const onBad = (kind: string, detail: string, line?: number) => reading.skip(kind, detail, line);
  const fast = fastTrials(mapping, {
    open: () => chosen === null && (unit !== null || mapping.depth === null),
    fraction: () => unit === 'fraction',
    add: (model, task, lengthTokens, depthPercent, rawScore, row) => {
      probe.see(rawScore);
      if (pending.addScore(model, task, lengthTokens, depthPercent, rawScore)) {
        pending.keepDetail(rawTrial(row.record(), row.line, lengthTokens, depthPercent, rawScore));
      }
    },
  });
  const read = await readTable(
    source,
    onRecord,
    onBad,
    fastPath ? { ...tableOptions, fast } : tableOptions,
  );
  if (!read.ok) return reading.fail(read.reason, read.line);
  if (unit === null) decide('fraction');

  const mapped = [mapping.length, mapping.depth, mapping.score, mapping.model, mapping.task];
  mapped.push(mapping.needle, mapping.response, mapping.expected);
  const missing = mapped.filter((c): c is string => c !== null && !read.columns.includes(c));
  if (missing.length > 0) {
    const names = missing.map((c) => JSON.stringify(c)).join(', ');
    const reason = `no column ${names} (columns: ${read.columns.join(', ')})`;
    return reading.fail(reason, read.kind === 'csv' ? 1 : undefined);
  }
  if (mapping.depthUnit === 'auto' && mapping.depth !== null && unit === 'fraction') {
    reading.note(fractionDepthsNote(mapping.depth));
  }
  if (!chosen) {
    const inferred = probe.scale();
    if (!inferred.ok) return reading.fail(inferred.reason);
    reading.aggregated(pending.normalised(inferred.scale.top));
    for (const note of probe.notes(inferred.scale)) reading.note(note);
  }
  return reading.finish('row', noRows(read.kind));
}

function noRows(kind: string): string {
  return kind === 'csv' ? 'no rows under the header' : 'no rows to read';
}
