import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { summarizeRun } from './summary';
import { summaryCsv, summaryMarkdown } from './summaryTable';
import { hayRun, shortRun } from './testing/summaryRuns';

const rows = () => [summarizeRun(hayRun(), null, 0.7), summarizeRun(shortRun(), null, 0.7)];

const HEADER =
  'run,mean_score,pass_rate,trials,lengths,depths,effective_length,worst_depth_band,' +
  'worst_band_mean,len_1000,len_2000,len_4000,len_8000,len_16000';

describe('summaryCsv', () => {
  it('writes one row per run, a column per length any run has, every figure by hand', () => {
    expect(summaryCsv(rows())).toBe(
      [
        HEADER,
        '"Model ""A"", v2",0.9091,0.8636,22,4,3,2000,50-60%,0.8500,1.0000,0.9000,0.8000,0.9500,',
        'short | fast,0.6500,0.7500,4,2,2,,90-100%,0.4000,0.8000,,,,0.5000',
        '',
      ].join('\n'),
    );
  });

  it('reads back into the same names and figures', () => {
    const parsed = Papa.parse<Record<string, string>>(summaryCsv(rows()), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.map((row) => [row.run, row.effective_length, row.len_16000])).toEqual([
      ['Model "A", v2', '2000', ''],
      ['short | fast', '', '0.5000'],
    ]);
  });

  it('writes only the header when there is no run', () => {
    expect(summaryCsv([])).toBe(
      'run,mean_score,pass_rate,trials,lengths,depths,effective_length,worst_depth_band,worst_band_mean\n',
    );
  });
});

describe('summaryMarkdown', () => {
  it('writes percents with one decimal, — where a figure is absent, and escapes |', () => {
    const header = HEADER.split(',');
    expect(summaryMarkdown(rows())).toBe(
      [
        `| ${header.join(' | ')} |`,
        `| --- |${' ---: |'.repeat(header.length - 1)}`,
        '| Model "A", v2 | 90.9% | 86.4% | 22 | 4 | 3 | 2000 | 50-60% | 85.0% | 100.0% | 90.0% | 80.0% | 95.0% | — |',
        '| short \\| fast | 65.0% | 75.0% | 4 | 2 | 2 | — | 90-100% | 40.0% | 80.0% | — | — | — | 50.0% |',
        '',
      ].join('\n'),
    );
  });

  it('keeps a run name with a line break on its row', () => {
    const [row] = rows();
    const table = summaryMarkdown([{ ...row!, name: 'two\nlines' }]);
    expect(table.split('\n')[2]).toMatch(/^\| two lines \| 90\.9% /);
  });
});
