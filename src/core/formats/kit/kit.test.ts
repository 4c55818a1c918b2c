import { describe, expect, it } from 'vitest';
import { GridAccumulator } from '../../aggregate';
import { cellMean, cellPassRate } from '../../metrics';
import { textSource } from '../../source';
import { makeTrial, NULL_SINK } from '../../testing/factories';
import { depthsAreFractions } from './depthUnit';
import { RecordCheck } from './fields';
import { PendingTrials } from './pendingTrials';
import { JsonHead, jsonDetect } from './jsonHead';
import { FileReading } from './reading';
import { ScaleProbe } from './scaleProbe';

describe('PendingTrials', () => {
  it('hands trials on divided once, beside a whole cell of the same place left as it was', () => {
    const pending = new PendingTrials();
    pending.add({ ...makeTrial(), rawScore: 5, response: 'r' });
    const { cells, details } = pending.normalised(10);
    expect(details.map((d) => [d.score, d.response])).toEqual([[0.5, 'r']]);
    const known = new GridAccumulator();
    known.addTrial(makeTrial({ score: 0.5 }));
    known.addTrial(makeTrial({ score: 1 }));
    const whole = known.finish().cells[0]!;
    const acc = new GridAccumulator();
    acc.addCell(whole);
    for (const { cell } of cells) acc.addCell(cell);
    const cell = acc.finish().cells[0]!;
    expect(cell).toMatchObject({ n: 3, scoreValues: [0.5, 1], scoreCounts: [2, 1] });
    expect(cellMean(cell)).toBeCloseTo(2 / 3, 12);
    expect(cellPassRate(cell, 0.7)).toBeCloseTo(1 / 3, 12);
  });

  it('keeps cells apart by model', () => {
    const pending = new PendingTrials();
    pending.add({ ...makeTrial({ model: 'a' }), rawScore: 100 });
    pending.add({ ...makeTrial({ model: 'b' }), rawScore: 0 });
    const { cells } = pending.normalised(100);
    expect(cells.map(({ model, cell }) => [model, cell.n, cell.sum])).toEqual([
      ['a', 1, 1],
      ['b', 1, 0],
    ]);
  });
});

describe('ScaleProbe', () => {
  it.each([
    [[0, 1], '0..1', []],
    [[3, 10], '1..10', ['scores read on the 1..10 scale (highest 10) and divided by 10']],
    [
      [0.5, 70],
      '0..100',
      [
        expect.stringMatching(/^scores mix scales: 1 between 0 and 1/),
        expect.stringMatching(/divided by 100$/),
      ],
    ],
  ])('%j -> %s', (scores, label, notes) => {
    const probe = new ScaleProbe();
    scores.forEach((score) => probe.see(score));
    const scale = probe.scale();
    expect(scale.ok && scale.scale.label).toBe(label);
    if (scale.ok) expect(probe.notes(scale.scale)).toEqual(notes);
  });

  it('refuses scores above 100', () => {
    const probe = new ScaleProbe();
    probe.see(101);
    expect(probe.scale()).toEqual({
      ok: false,
      reason: 'scores range from 101 to 101: not on a 0..1, 1..10 or 0..100 scale',
    });
  });
});

describe('depthsAreFractions', () => {
  it.each([
    [[0, 0.5, 1], true],
    [[0, 0], false],
    [[0, 50], false],
  ])('%j -> %s', (depths, fractions) => {
    expect(depthsAreFractions(depths)).toBe(fractions);
  });
});

describe('RecordCheck and FileReading', () => {
  it('skips with the item prefix and ends with the first problem when nothing was usable', () => {
    const reading = new FileReading(textSource('f.json', ''), NULL_SINK);
    const check = new RecordCheck(reading, { index: 2 });
    expect(check.number('score', 'x')).toBeNull();
    expect(check.placed(0, 50)).toBe(false);
    expect(check.placed(0, null, { zeroLength: true })).toBe(true);
    expect(reading.finish('result', 'empty')).toEqual({
      ok: false,
      file: 'f.json',
      reason: 'no usable result: item 3: score "x" is not a number',
    });
  });
});

describe('FileReading.passOver', () => {
  it('reads a file it understands and uses for nothing as ok, with no record and no note', () => {
    const reading = new FileReading(textSource('qa1_0k_cfg.json', '{}'), NULL_SINK);
    expect(reading.passOver()).toEqual({ ok: true, records: 0, warnings: [] });
  });
});

describe('jsonDetect', () => {
  const detect = jsonDetect('[', (json) => (json.names('Num. Frame', 'Score') ? 1 : 0.5));

  it.each([
    ['an array naming both keys', '\uFEFF  [{"Num. Frame": 1, "Score": 1}]', 1],
    ['a key whose dot is another character', '[{"NumX Frame": 1, "Score": 1}]', 0.5],
    ['an object', '{"Num. Frame": 1, "Score": 1}', 0],
    ['an empty head', '', 0],
    ['keys spaced from their colons', '[{"Num. Frame" : 1,\n "Score"\t: 1}]', 1],
    ['a key only quoted inside a text value', '[{"Num. Frame": 1, "note": "\\"Score\\": 1"}]', 0.5],
    ['a key only as a value', '[{"Num. Frame": 1, "name": "Score"}]', 0.5],
    ['a key cut off by the end of the head', '[{"Num. Frame": 1, "Sco', 0.5],
  ])('%s -> %s', (_name, head, confidence) => {
    expect(detect('f.json', head)).toBe(confidence);
  });

  it('answers each head by its own keys when one head follows another', () => {
    expect(detect('a.json', '[{"Num. Frame": 1, "Score": 1}]')).toBe(1);
    expect(detect('b.json', '[{"Num. Frame": 1}]')).toBe(0.5);
    expect(detect('a.json', '[{"Num. Frame": 1, "Score": 1}]')).toBe(1);
  });

  it('reads the first line as the first row', () => {
    expect(new JsonHead('\n {"a": 1}\n{"b": 2}').firstLine).toBe('{"a": 1}');
  });
});
