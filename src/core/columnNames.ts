/**
 * The vocabulary of column names the mapping guess reads: names and keywords per role, and
 * how well a column's name fits one.
 */

export type NumericRole = 'length' | 'depth' | 'score';
export type TextRole = 'model' | 'task' | 'needle' | 'response' | 'expected';

/** Column names per role, best first, compared as {@link nameKey} writes them. */
const SYNONYMS: Record<NumericRole | TextRole, readonly string[]> = {
  length: [
    'context_length',
    'tokens',
    'ctx_len',
    'context',
    'length',
    'seq_len',
    'max_length',
    'token_limit',
    'context_len',
    'ctx_length',
    'ctx',
    'context_size',
    'context_tokens',
    'context_length_tokens',
    'length_tokens',
    'num_tokens',
    'n_tokens',
    'sequence_length',
    'seq_length',
    'input_length',
    'haystack_length',
  ],
  depth: [
    'depth_percent',
    'depth',
    'needle_depth',
    'depth_ratio',
    'position',
    'needle_position',
    'insertion',
    'target_depth_percent',
    'document_depth',
    'depth_pct',
    'needle_depth_percent',
    'depth_fraction',
    'insertion_depth',
    'insertion_percentage',
    'position_percent',
    'relative_position',
  ],
  score: [
    'score',
    'accuracy',
    'acc',
    'correct',
    'is_correct',
    'passed',
    'pass',
    'success',
    'exact_match',
    'em',
    'correctness',
    'match',
    'hit',
    'recall',
  ],
  model: ['model', 'model_name', 'model_id', 'run', 'run_name', 'llm'],
  task: ['task', 'task_name', 'task_type', 'dataset', 'subset', 'benchmark'],
  needle: ['needle', 'needles', 'needle_text'],
  response: [
    'response',
    'model_response',
    'pred',
    'prediction',
    'output',
    'model_output',
    'completion',
    'generation',
    'answer',
  ],
  expected: [
    'expected',
    'expected_answer',
    'target',
    'gold',
    'label',
    'answer',
    'outputs',
    'reference',
    'ground_truth',
  ],
};

/** Words that make a name look like a numeric role when no synonym matches it whole. */
const KEYWORDS: Record<NumericRole, readonly string[]> = {
  length: ['length', 'len', 'tokens', 'token', 'ctx', 'context'],
  depth: ['depth', 'position', 'insertion', 'placement'],
  score: ['score', 'accuracy', 'acc', 'correct', 'passed', 'pass', 'success', 'em', 'match'],
};

/** Words that rule a name out as a length (`response_length` is not the context length). */
const NOT_LENGTH = ['needle', 'response', 'answer', 'output', 'prompt', 'question', 'duration'];

/** Words of bookkeeping columns, never guessed from their values alone (a seed fits 0..100). */
export const BOOKKEEPING = [
  'index',
  'idx',
  'id',
  'seed',
  'version',
  'repeat',
  'sample',
  'trial',
  'unnamed',
  'row',
  'duration',
  'seconds',
  'time',
  'timestamp',
  'cost',
];

/** A name's words: lower case, `%` read as "percent", split at anything not a letter or digit. */
export function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/%/g, ' percent ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function nameKey(name: string): string {
  return words(name).join('_');
}

/**
 * How well a column's name fits a role, lower is better, null when not at all: the whole name
 * a synonym, then one part of a flattened name (`config.ctx`), then a keyword among its words.
 */
export function nameRank(column: string, role: NumericRole | TextRole): number | null {
  const synonyms = SYNONYMS[role];
  const whole = synonyms.indexOf(nameKey(column));
  if (whole >= 0) return whole;
  const parts = column.split('.').map(nameKey);
  if (parts.length > 1) {
    const part = Math.min(...parts.map((p) => synonyms.indexOf(p)).filter((i) => i >= 0));
    if (Number.isFinite(part)) return 100 + part;
  }
  if (role === 'length' || role === 'depth' || role === 'score') {
    const ws = words(column);
    if (role === 'length' && ws.some((w) => NOT_LENGTH.includes(w))) return null;
    if (ws.some((w) => KEYWORDS[role].includes(w))) return 200;
  }
  return null;
}
