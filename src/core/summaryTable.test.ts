import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { summarizeRun } from './summary';
import { summaryCsv, summaryMarkdown } from './summaryTable';
import { makeSummary, runOf } from './testing/runs';
import { hayRun, shortRun } from './testing/summaryRuns';

const rows = () => [summarizeRun(hayRun(), null, 0.7), summarizeRun(shortRun(), null, 0.7)];

// The labelled figures: both means named for what they average, the pass rate with
// its threshold, cells and averaged cells counted apart from trials.
const HEADER =
  'run,mean_of_cells,mean_of_trials,pass_rate_ge_0.70,trials,cells,averaged_cells,lengths,depths,' +
  'effective_length,worst_depth_band,worst_band_mean,len_1000,len_2000,len_4000,len_8000,len_16000';

describe('summaryCsv', () => {
  it('writes one row per run, a column per length any run has, every figure by hand', () => {
    expect(summaryCsv(rows())).toBe(
      [
        HEADER,
        '"Model ""A"", v2",0.9091,0.9091,0.8636,22,11,0,4,3,2000,50-60%,0.8500,1.0000,0.9000,0.8000,0.9500,',
        'short | fast,0.6500,0.6500,0.7500,4,4,0,2,2,,90-100%,0.4000,0.8000,,,,0.5000',
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
      'run,mean_of_cells,mean_of_trials,pass_rate_ge_0.70,trials,cells,averaged_cells,lengths,depths,effective_length,worst_depth_band,worst_band_mean\n',
    );
  });
});

describe('summaryMarkdown', () => {
  it('writes percents with one decimal, — where a figure is absent, and escapes |', () => {
    const header = HEADER.split(',').map(
      (column) =>
        ({
          mean_of_cells: 'Mean of cells',
          mean_of_trials: 'Mean of trials',
          'pass_rate_ge_0.70': 'Pass rate (>= 0.70)',
          trials: 'Trials',
          cells: 'Cells',
          averaged_cells: 'Averaged cells',
        })[column] ?? column,
    );
    expect(summaryMarkdown(rows())).toBe(
      [
        `| ${header.join(' | ')} |`,
        `| --- |${' ---: |'.repeat(header.length - 1)}`,
        '| Model "A", v2 | 90.9% | 90.9% | 86.4% | 22 | 11 | 0 | 4 | 3 | 2000 | 50-60% | 85.0% | 100.0% | 90.0% | 80.0% | 95.0% | — |',
        '| short \\| fast | 65.0% | 65.0% | 75.0% | 4 | 4 | 0 | 2 | 2 | — | 90-100% | 40.0% | 80.0% | — | — | — | 50.0% |',
        '',
      ].join('\n'),
    );
  });

  it('writes n/a for the pass rate of a pre-averaged run, in both copies', () => {
    const averaged = runOf([], {
      name: 'averaged',
      summaries: [
        makeSummary({ lengthTokens: 1000, depthPercent: 0, n: 1, meanScore: 0.9 }),
        makeSummary({ lengthTokens: 2000, depthPercent: 0, n: 3, meanScore: 0.5 }),
      ],
    });
    const row = summarizeRun(averaged, null, 0.7);
    expect(summaryCsv([row]).split('\n')[1]).toBe(
      'averaged,0.7000,0.6000,n/a (averaged cells),4,2,2,2,1,1000,0-10%,0.7000,0.9000,0.5000',
    );
    expect(summaryMarkdown([row]).split('\n')[2]).toBe(
      '| averaged | 70.0% | 60.0% | n/a (averaged cells) | 4 | 2 | 2 | 2 | 1 | 1000 | 0-10% | 70.0% | 90.0% | 50.0% |',
    );
  });

  it('keeps a run name with a line break on its row', () => {
    const [row] = rows();
    const table = summaryMarkdown([{ ...row!, name: 'two\nlines' }]);
    expect(table.split('\n')[2]).toMatch(/^\| two lines \| 90\.9% /);
  });
});
