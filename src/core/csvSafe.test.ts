import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { GridAccumulator } from './aggregate';
import { cellsToCsv } from './formats/haymapCells';
import { escapeFormula, toSafeCsv, unescapeFormula } from './csvSafe';
import { loadBatch } from './load';
import { makeTrial } from './testing/factories';

const ATTACKS = ['=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", '+1', '@SUM(1)', '-2+3'];

describe('toSafeCsv', () => {
  it('writes formula-like text with a quote in front, inside quotes', () => {
    expect(toSafeCsv([['run', 'n'], ...ATTACKS.map((name) => [name, 3])])).toBe(
      [
        'run,n',
        '"\'=HYPERLINK(""http://x"")",3',
        "\"'=cmd|' /C calc'!A0\",3",
        '"\'+1",3',
        '"\'@SUM(1)",3',
        '"\'-2+3",3',
        '',
      ].join('\n'),
    );
  });

  it('leaves numbers, plain text and inner formula characters alone', () => {
    expect(toSafeCsv([[-0.5, 'a=b', 'x-1', 12]])).toBe('-0.5,a=b,x-1,12\n');
  });

  it('escapes tab and carriage return starts too', () => {
    expect(escapeFormula('\tx')).toBe("'\tx");
    expect(escapeFormula('\rx')).toBe("'\rx");
  });

  it('never writes a field a spreadsheet would run, and reads back to the original', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (fields) => {
        const parsed = Papa.parse<string[]>(toSafeCsv([fields]), { delimiter: ',' });
        const row = parsed.data[0] ?? [];
        for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
        expect(row.map(unescapeFormula)).toEqual(fields);
      }),
    );
  });
});

describe('Download CSV round trip', () => {
  it('loads formula-like run and task names back as they were', async () => {
    const trials = ATTACKS.map((name, i) =>
      makeTrial({ lengthTokens: 1000 * (i + 1), task: name, model: name }),
    );
    const acc = new GridAccumulator();
    for (const trial of trials) acc.addTrial(trial);
    const { cells } = acc.finish();
    const files = ATTACKS.map((name, i) => ({
      path: `cells-${i}.csv`,
      text: cellsToCsv(name, cells, 0.5),
    }));
    for (const file of files) {
      for (const line of file.text.split('\n')) expect(line).not.toMatch(/(^|,)[=+\-@]/);
    }
    const batch = await loadBatch(files);
    expect(batch.errors).toEqual([]);
    expect(batch.runs.map((run) => run.name).sort()).toEqual([...ATTACKS].sort());
    expect(batch.runs[0]?.tasks).toEqual([...ATTACKS].sort());
  });
});
