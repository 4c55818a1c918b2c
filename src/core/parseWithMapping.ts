import { failure, type ParseOutcome, type RecordSink } from './formats/format';
import {
  depthProblem,
  inferScale,
  lengthProblem,
  optionalText,
  SCALE_HUNDRED,
  SCALE_TEN,
  SCALE_UNIT,
  toFiniteNumber,
  type ScoreScale,
} from './normalize';
import { readTable, toScore, type TableRecord } from './read/table';
import type { Source } from './source';
import type { ColumnMapping, FlatValue, ScaleChoice, Trial } from './types';
import { SkipLog } from './warnings';

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

/** Why a value is not a number: `score "abc" is not a number`, `no score`. */
function notANumber(column: string, value: FlatValue | undefined): string {
  return value === undefined
    ? `no ${column}`
    : `${column} ${JSON.stringify(value)} is not a number`;
}

/**
 * Parses a whole source with a mapping into the sink, streaming: CSV rows, JSONL lines or JSON
 * array items one at a time. Rows that cannot be used are skipped and counted by kind with the
 * first line (or item) where it happened. With the `auto` scale the scores go to the sink raw
 * and `scoreDivisor` says what to divide them by, as the scale shows only once all is read.
 */
export async function parseWithMapping(
  source: Source,
  mapping: ColumnMapping,
  sink: RecordSink,
): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  const scale = mapping.scoreScale === 'auto' ? null : SCALES[mapping.scoreScale];
  let unit = mapping.depthUnit === 'auto' ? null : mapping.depthUnit;
  /** Trials waiting for the depth unit, with the item they came from (JSON arrays). */
  const held: { trial: Trial; where: string }[] = [];
  let records = 0;
  let minScore = Infinity;
  let maxScore = -Infinity;

  /** Hands a trial on with its depth in percent, or skips it when the depth is out of range. */
  const emit = (trial: Trial, where: string): void => {
    const raw = trial.depthPercent;
    if (raw !== null) {
      const depthPercent = unit === 'fraction' ? raw * 100 : raw;
      const problem = depthProblem(depthPercent);
      if (problem) {
        const detail =
          unit === 'fraction'
            ? `depth ${raw} read as a fraction is ${depthPercent}%, outside 0..100`
            : problem;
        skips.skip('depth-range', where + detail, trial.source.line);
        return;
      }
      trial.depthPercent = depthPercent;
    }
    records += 1;
    minScore = Math.min(minScore, trial.score);
    maxScore = Math.max(maxScore, trial.score);
    sink.trial(trial);
  };
  const decide = (decided: 'percent' | 'fraction'): void => {
    unit = decided;
    for (const { trial, where } of held) emit(trial, where);
    held.length = 0;
  };

  const onRecord = ({ values, line, index }: TableRecord): void => {
    const where = index !== undefined && index >= 0 ? `item ${index + 1}: ` : '';
    const skip = (kind: string, detail: string) => skips.skip(kind, where + detail, line);
    const number = (column: string, read: (v: FlatValue | undefined) => number | null) => {
      const value = read(values[column]);
      if (value === null) skip(`nan-${column}`, notANumber(column, values[column]));
      return value;
    };
    const lengthTokens = number(mapping.length, toFiniteNumber);
    if (lengthTokens === null) return;
    const depth = mapping.depth === null ? null : number(mapping.depth, toFiniteNumber);
    if (mapping.depth !== null && depth === null) return;
    const rawScore = number(mapping.score, toScore);
    if (rawScore === null) return;
    const problem = lengthProblem(lengthTokens);
    if (problem) return skip('length-range', problem);
    if (scale && (rawScore < 0 || rawScore > scale.top)) {
      return skip('score-range', `score ${rawScore} is outside 0..${scale.top}`);
    }
    const text = (column: string | null) =>
      column === null ? undefined : optionalText(values[column]);
    const trial: Trial = {
      lengthTokens,
      depthPercent: depth,
      score: scale ? rawScore / scale.top : rawScore,
      model: text(mapping.model)?.trim() || undefined,
      task: text(mapping.task)?.trim() || undefined,
      needle: text(mapping.needle),
      expected: text(mapping.expected),
      response: text(mapping.response),
      source: line === undefined ? { file } : { file, line },
    };
    if (unit !== null || depth === null) return emit(trial, where);
    held.push({ trial, where });
    if (depth > 1) decide('percent');
    else if (held.length >= DEPTH_LOOKAHEAD) decide('fraction');
  };

  const read = await readTable(source, onRecord, (kind, detail, line) =>
    skips.skip(kind, detail, line),
  );
  if (!read.ok) return failure(file, read.reason, read.line);
  if (unit === null) decide('fraction');

  const mapped = [mapping.length, mapping.depth, mapping.score, mapping.model, mapping.task];
  mapped.push(mapping.needle, mapping.response, mapping.expected);
  const missing = mapped.filter((c): c is string => c !== null && !read.columns.includes(c));
  if (missing.length > 0) {
    return failure(
      file,
      `no column ${missing.map((c) => JSON.stringify(c)).join(', ')} (columns: ${read.columns.join(', ')})`,
      read.kind === 'csv' ? 1 : undefined,
    );
  }
  if (records === 0) {
    return skips.nothingUsable('row', 'no rows to read');
  }

  const warnings = skips.messages();
  if (mapping.depthUnit === 'auto' && mapping.depth !== null && unit === 'fraction') {
    warnings.push(
      `${file}: depths in ${mapping.depth} lie in 0..1: read as fractions of the document and multiplied by 100`,
    );
  }
  if (scale) return { ok: true, records, warnings };
  const inferred = inferScale(minScore, maxScore);
  if (!inferred) {
    return failure(
      file,
      `scores range from ${minScore} to ${maxScore}: not on a 0..1, 1..10 or 0..100 scale`,
    );
  }
  if (inferred.top !== 1) {
    warnings.push(
      `${file}: scores read on the ${inferred.label} scale (highest ${maxScore}) and divided by ${inferred.top}`,
    );
  }
  return { ok: true, records, warnings, scoreDivisor: inferred.top };
}
