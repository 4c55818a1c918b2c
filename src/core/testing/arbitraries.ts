import fc from 'fast-check';

/**
 * Arbitraries for property tests of the parsers: text a user might drop, from random code points
 * to records that nearly pass a format's checks, the paths that steer the formats, and the
 * chunk sizes a stream may cut it into.
 */

/** Chunk sizes: tiny ones that cut every token, middling ones, and the whole file at once. */
export const chunkChars = fc.oneof(
  fc.integer({ min: 1, max: 8 }),
  fc.integer({ min: 9, max: 300 }),
  fc.constant(1 << 20),
);

/** Values that have broken parsers: not-numbers, signs, huge and tiny numbers, quotes, breaks. */
export const NASTY = [
  'NaN',
  '-1',
  '""',
  '"',
  "'",
  '\n',
  '\r\n',
  '\r',
  ',',
  '\t',
  ';',
  '|',
  '1e308',
  '-1e308',
  '1e400',
  '99999999999999999999999',
  '9'.repeat(400),
  'Infinity',
  '-Infinity',
  '{',
  '}',
  '[',
  ']',
  ':',
  'null',
  'true',
  'false',
  'True',
  '\u0000',
  '\uFEFF',
  ' ',
  '0',
  '-0',
  '0.896',
  '100.0004',
  '101',
  '1e-320',
  '"a\nb"',
  '\\',
  '\\"',
  '-',
  '',
] as const;

/** Names the formats look for, so that generated text gets past their first checks. */
export const KEYS = [
  'context_length',
  'token_limit',
  'depth_percent',
  'score',
  'target_depth_percent',
  'schema_version',
  'status',
  'correct',
  'Context Length',
  'Document Depth',
  'Num. Frame',
  'Score',
  'pred',
  'outputs',
  'length',
  'doc_id',
  'doc',
  'max_length',
  'results',
  'v',
  'view',
  'runs',
  'cells',
  'dataset',
  'depth %',
  'context length',
  'retrieved needles',
  'total needles',
  'run name',
  'run_name',
  'retrieved_needles_check',
  'Tasks',
  'Nulls',
  'n',
  'mean_score',
  'pass_rate',
  'run',
  'model',
  'task',
  '1000',
  '4096',
  '4096,none',
  'value',
  'error',
  'others',
  'task_type',
  'seed',
  'answer',
  'response',
  'needle',
  'Length4000Depth50_origin_en_4k',
  '4000-50--gpt-4--multi-needle--1',
] as const;

/** A JSON value a record field may hold: numbers near the edges, text, lists, nested scores. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0, 1, 2, 7, 10, 50, 100, 0.5, 0.896, 1000, 4096) },
  fc.constantFrom(-1, 101, 1e308, -0, 1e-320),
  fc.double(),
  fc.integer(),
  fc.constantFrom(...NASTY, ...KEYS),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('a', 'mango', '', 'A'), { maxLength: 3 }),
  fc.record({ value: fc.constantFrom(0, 1, 0.5, 2, -1, 'x'), message: fc.constant('boom') }),
);

/** A JSON object whose keys are ones the formats read. */
const record = fc.dictionary(fc.constantFrom(...KEYS), fieldValue, { maxKeys: 8 });

/** Cells of a delimited table: numbers, words, nasty values, quoted text. */
const tableCell = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('0', '1', '0.5', '10', '50', '100', '1000', '4096', '0.896', '7'),
  },
  fc.constantFrom(...NASTY, ...KEYS),
  fc.string({ maxLength: 5 }),
  fc.string({ maxLength: 5 }).map((text) => `"${text.replace(/"/g, '""')}"`),
);

/** CSV, TSV and the like: a header of known names, rows of cells, any line end. */
const tableText = fc
  .record({
    delimiter: fc.constantFrom(',', '\t', ';', '|'),
    newline: fc.constantFrom('\n', '\r\n'),
    header: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 7 }),
    rows: fc.array(fc.array(tableCell, { maxLength: 8 }), { maxLength: 8 }),
    bom: fc.boolean(),
  })
  .map(
    ({ delimiter, newline, header, rows, bom }) =>
      (bom ? '\uFEFF' : '') +
      [header, ...rows].map((cells) => cells.join(delimiter)).join(newline) +
      newline,
  );

/** Text made of the tokens the parsers care about, in any order. */
const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NASTY),
      fc.constantFrom(...KEYS).map((key) => `"${key}":`),
      fc.constantFrom(...KEYS),
    ),
    { maxLength: 60 },
  )
  .map((tokens) => tokens.join(''));

/** Nesting deeper than any stack, with or without its end. */
const deepNesting = fc
  .record({
    open: fc.constantFrom('[', '{"a":', '{"context_length":', '[{"x":'),
    depth: fc.integer({ min: 1, max: 20_000 }),
    closed: fc.boolean(),
  })
  .map(({ open, depth, closed }) => {
    const close = open.startsWith('[{') ? '}]' : open.startsWith('[') ? ']' : '}';
    return open.repeat(depth) + '1' + (closed ? close.repeat(depth) : '');
  });

/** The keys each format needs together, so that generated records get past the first checks. */
const SHAPES: readonly (readonly string[])[] = [
  ['context_length', 'depth_percent', 'score'],
  ['token_limit', 'depth_percent', 'score', 'model'],
  ['schema_version', 'context_length', 'target_depth_percent', 'score', 'status', 'task_type'],
  ['context_length', 'depth_percent', 'correct', 'answer'],
  ['Context Length', 'Document Depth', 'Score'],
  ['pred', 'outputs', 'length', 'depth_percent'],
  ['doc_id', 'doc', '4096', '8192'],
  ['run', 'context_length', 'depth_percent', 'n', 'mean_score', 'pass_rate'],
  ['depth %', 'context length', 'retrieved needles', 'total needles', 'run_name'],
  ['run name', 'retrieved_needles_check'],
  ['dataset', 'version', 'model'],
  ['depth', '1000', '2000'],
];

/** Records of one shape, as JSON (an array, one object, lines) or as a delimited table. */
const shapedText = fc.constantFrom(...SHAPES).chain((keys) => {
  const object = fc.record(Object.fromEntries(keys.map((key) => [key, fieldValue])));
  const rows = fc.array(object, { minLength: 1, maxLength: 5 });
  const cells = fc.array(tableCell, { minLength: keys.length, maxLength: keys.length });
  return fc.oneof(
    rows.map((items) => JSON.stringify(items)),
    object.map((item) => JSON.stringify(item, null, 2)),
    rows.map((items) => items.map((item) => JSON.stringify(item)).join('\n') + '\n'),
    fc
      .array(cells, { minLength: 1, maxLength: 6 })
      .map((lines) => [keys, ...lines].map((line) => line.join(',')).join('\n') + '\n'),
  );
});

/** Rows led by the names RULER's transposed summary uses. */
const labelledRows = fc
  .array(
    fc.tuple(
      fc.constantFrom('Tasks', 'Score', 'Nulls', '0'),
      fc.array(fc.oneof(tableCell, fc.constantFrom('0/500', '3/100', '95.2')), { maxLength: 4 }),
    ),
    { maxLength: 4 },
  )
  .map((rows) => rows.map(([label, rest]) => [label, ...rest].join(',')).join('\n'));

/** An lm-evaluation-harness results file, scores by `<length>,none`. */
const lmEvalResultsText = fc
  .record({
    results: fc.dictionary(
      fc.constantFrom('niah_single_1', 'niah_multikey_2', 'ruler'),
      fc.dictionary(fc.constantFrom('4096,none', '8192,none', '0,none', 'alias'), fieldValue),
    ),
    'n-samples': fc.dictionary(
      fc.constantFrom('niah_single_1', 'ruler'),
      fc.record({ effective: fieldValue }),
    ),
    groups: fc.dictionary(fc.constantFrom('ruler'), fieldValue),
    model_name: fieldValue,
  })
  .map((root) => JSON.stringify(root));

/** A Haymap share file whose cells are small numbers, so that some are valid. */
const small = fc.constantFrom(0, 1, 2, 3, 0.5, 1000, 50, -1, 1.5);
const shareText = fc
  .record({
    v: fc.constantFrom(1, 2),
    view: fc.constant({}),
    runs: fc.array(
      fc.record({
        name: fc.constantFrom('a', 'b', '', ' '),
        formats: fc.constant([]),
        cells: fc.array(
          fc.tuple(
            fc.constantFrom('', 't'),
            small,
            fc.oneof(small, fc.constant(null)),
            small,
            small,
            small,
            fc.array(small, { maxLength: 2 }),
            fc.array(small, { maxLength: 2 }),
            small,
            small,
          ),
          { maxLength: 3 },
        ),
      }),
      { maxLength: 2 },
    ),
  })
  .map((payload) => JSON.stringify(payload));

/** Any text a user might drop, from random code points to near-valid results. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  tokenSoup,
  fc.json({ maxDepth: 3 }),
  fc.array(record, { maxLength: 6 }).map((items) => JSON.stringify(items)),
  record.map((item) => JSON.stringify(item, null, 2)),
  fc.array(record, { maxLength: 6 }).map((items) => items.map((i) => JSON.stringify(i)).join('\n')),
  tableText,
  { weight: 4, arbitrary: shapedText },
  labelledRows,
  lmEvalResultsText,
  shareText,
  deepNesting,
);

/** Paths that steer the formats that read their path (RULER, lm-eval, gkamradt, extensions). */
export const anyPath = fc.constantFrom(
  'results.json',
  'drop/gpt4_len_1000_depth_50_results.json',
  'data.csv',
  'data.tsv',
  'notes.txt',
  'rows.jsonl',
  'llama/synthetic/4096/pred/niah_single_1.jsonl',
  'llama/synthetic/4096/pred/summary.csv',
  `llama/synthetic/${'9'.repeat(400)}/pred/summary.csv`,
  'llama/synthetic/0/pred/niah.jsonl',
  'meta-llama__Llama-3.1-8B/samples_niah_single_1_2025-03-01T10-00-00.123456.jsonl',
  'meta-llama__Llama-3.1-8B/results_2025-03-01T10-00-00.123456.json',
  'summary/summary_20240601_120000.csv',
  'noext',
);
