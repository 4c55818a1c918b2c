import { baseName, type ResultFormat } from './format';
import { jsonDetect } from './kit/jsonHead';

/**
 * NeMo-Skills `metrics.json` beside its outputs: `{<benchmark>: {pass@1 | pass@k | …: {num_entries,
 * accuracy, …}}}`, percentages summed up from the rows. The rows are read instead, so the file is
 * recognised and passed over: no records, no run, nothing to report.
 */
export const nemoMetrics: ResultFormat = {
  id: 'nemo-metrics',
  label: 'NeMo-Skills metrics (passed over)',
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    if (baseName(path) !== 'metrics.json') return 0;
    if (!/"pass@\d+(?:\[[^\]"]*\])?"\s*:\s*\{/.test(json.text)) return 0;
    return /(?:^|\/)eval-results\//.test(path) ? 0.95 : 0.85;
  }),

  parse() {
    return Promise.resolve({ ok: true, records: 0, warnings: [] });
  },
};
