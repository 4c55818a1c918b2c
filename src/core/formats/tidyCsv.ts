import { coordinateProblem, inferScale, optionalText, toFiniteNumber } from '../normalize';
import { headerColumns, readCsv } from '../read/csv';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

const REQUIRED = ['context_length', 'depth_percent', 'score'] as const;

/**
 * A tidy table, one trial per row: `context_length, depth_percent, score` and optionally
 * `model, task, needle, response, expected`. The score scale (0..1, 1..10 or 0..100) is read from
 * the values, as the file does not say it.
 */
export const tidyCsv: ResultFormat = {
  id: 'tidy-csv',
  label: 'Tidy CSV',

  detect(path, head) {
    const columns = headerColumns(head);
    if (!REQUIRED.every((name) => columns.includes(name))) return 0;
    return /\.(csv|tsv|txt)$/i.test(path) ? 0.9 : 0.8;
  },

  parse(source, sink) {
    return parseTidyCsv(source, sink);
  },
};

async function parseTidyCsv(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  // Scores go to the sink raw; the divisor follows once the whole file has shown its scale.
  let records = 0;
  let minScore = Infinity;
  let maxScore = -Infinity;
  // Scores strictly between 0 and 1 beside scores above 1 mean two scales in one file.
  let fractions = 0;
  let firstFraction = 0;

  const read = await readCsv(
    source,
    ({ fields, line }) => {
      const lengthTokens = toFiniteNumber(fields.context_length);
      const depthPercent = toFiniteNumber(fields.depth_percent);
      const score = toFiniteNumber(fields.score);
      for (const [name, value] of [
        ['context_length', lengthTokens],
        ['depth_percent', depthPercent],
        ['score', score],
      ] as const) {
        if (value === null) {
          skips.skip(
            `nan-${name}`,
            `${name} ${JSON.stringify(fields[name] ?? '')} is not a number`,
            line,
          );
          return;
        }
      }
      if (lengthTokens === null || depthPercent === null || score === null) return;
      const problem = coordinateProblem(lengthTokens, depthPercent);
      if (problem) {
        skips.skip(problem.kind, problem.detail, line);
        return;
      }
      minScore = Math.min(minScore, score);
      maxScore = Math.max(maxScore, score);
      if (score > 0 && score < 1) {
        if (fractions === 0) firstFraction = score;
        fractions += 1;
      }
      records += 1;
      sink.trial({
        lengthTokens,
        depthPercent,
        score,
        model: optionalText(fields.model)?.trim() || undefined,
        task: optionalText(fields.task)?.trim() || undefined,
        needle: optionalText(fields.needle),
        expected: optionalText(fields.expected),
        response: optionalText(fields.response),
        source: { file, line },
      });
    },
    (line, reason) => skips.skip(`csv-${reason}`, reason, line),
  );

  if (!read.ok) return failure(file, read.reason, read.line);
  const missing = REQUIRED.filter((name) => !read.columns.includes(name));
  if (missing.length > 0) {
    return failure(
      file,
      `no ${missing.join(', ')} column (columns: ${read.columns.join(', ')})`,
      1,
    );
  }
  if (records === 0) {
    return skips.nothingUsable('row', 'no rows under the header');
  }
  const scale = inferScale(minScore, maxScore);
  if (!scale) {
    return failure(
      file,
      `scores range from ${minScore} to ${maxScore}: not on a 0..1, 1..10 or 0..100 scale`,
    );
  }
  const warnings = skips.messages();
  if (scale.top !== 1 && fractions > 0) {
    warnings.push(
      `${file}: scores mix scales: ${fractions} between 0 and 1 (first ${firstFraction}) beside scores up to ${maxScore}; all were read on the ${scale.label} scale, so check the file`,
    );
  }
  if (scale.top !== 1) {
    warnings.push(
      `${file}: scores read on the ${scale.label} scale (highest ${maxScore}) and divided by ${scale.top}`,
    );
  }
  return { ok: true, records, warnings, scoreDivisor: scale.top };
}
