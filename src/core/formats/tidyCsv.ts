import { parseWithMapping } from '../parseWithMapping';
import { headerColumns } from '../read/csv';
import type { ColumnMapping } from '../types';
import type { ResultFormat } from './format';

const REQUIRED = ['context_length', 'depth_percent', 'score'] as const;

/** The tidy table's columns as a column mapping: the optional ones where the header has them. */
function tidyMapping(columns: readonly string[]): ColumnMapping {
  const optional = (name: string) => (columns.includes(name) ? name : null);
  return {
    length: 'context_length',
    depth: 'depth_percent',
    depthUnit: 'percent',
    score: 'score',
    scoreScale: 'auto',
    model: optional('model'),
    task: optional('task'),
    needle: optional('needle'),
    response: optional('response'),
    expected: optional('expected'),
  };
}

/**
 * A tidy table, one trial per row: `context_length, depth_percent, score` and optionally
 * `model, task, needle, response, expected`, named in any case. The score scale (0..1, 1..10 or
 * 0..100) is read from the values, as the file does not say it. It is a column mapping fixed
 * by the column names.
 */
export const tidyCsv: ResultFormat = {
  id: 'tidy-csv',
  label: 'Tidy CSV',
  opens: 'text',

  detect(path, head) {
    const columns = headerColumns(head);
    if (!REQUIRED.every((name) => columns.includes(name))) return 0;
    return /\.(csv|tsv|txt)$/i.test(path) ? 0.9 : 0.8;
  },

  parse(source, sink) {
    const mapping = tidyMapping(headerColumns(source.head));
    return parseWithMapping(source, mapping, sink, { kind: 'csv', normaliseHeader: true });
  },
};
