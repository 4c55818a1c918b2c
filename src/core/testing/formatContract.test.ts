import { describe, expect, it } from 'vitest';
import { baseName, type ResultFormat } from '../formats/format';
import { FORMATS } from '../formats/registry';
import type { TextFile } from '../load';
import { detectionBreaches, detectionSamples } from './formatContract';
import { formatFixture } from './formatFixtures';

/** A producer as a new one would be written: its `detect` and a `parse`, no entry in any list. */
function producer(id: string, detect: ResultFormat['detect'], fallback?: true): ResultFormat {
  return {
    id,
    label: id,
    detect,
    parse: () => Promise.resolve({ ok: true, records: 0, warnings: [] }),
    ...(fallback ? { fallback } : {}),
  };
}

const PROBE_FILES: TextFile[] = [{ path: 'probe/run.probe', text: '{"probe": 1}' }];

/** The registry with `format` added on its line, and its fixture beside the others. */
function registered(format: ResultFormat, files: TextFile[] = PROBE_FILES) {
  const formats = [...FORMATS, format];
  const fixtureOf = (id: string) => (id === format.id ? files : formatFixture(id));
  return { formats, samples: detectionSamples(formats, fixtureOf) };
}

describe('the detection contract, for a producer added to the registry with its fixture', () => {
  const probe = producer('probe', (path) => (path.endsWith('.probe') ? 0.9 : 0));

  it("takes the producer's fixture into the samples every format is checked against", () => {
    const { samples } = registered(probe);
    expect(samples.filter((s) => s.formatId === 'probe')).toEqual([
      { formatId: 'probe', path: 'probe/run.probe', head: '{"probe": 1}' },
    ]);
  });

  it('finds no breach in a producer that claims its own files only, nor in the others beside it', () => {
    const { formats, samples } = registered(probe);
    expect(formats.flatMap((format) => detectionBreaches(format, formats, samples))).toEqual([]);
  });

  it('names a producer registered without a fixture', () => {
    const { formats, samples } = registered(probe, []);
    expect(detectionBreaches(probe, formats, samples)).toEqual(['probe has no fixture']);
  });

  it('names the files of other formats a greedy producer claims, and the formats it outranks', () => {
    const greedy = producer('greedy', (path) =>
      path.endsWith('.probe') || baseName(path) === 'needle_results.json' ? 0.99 : 0,
    );
    const { formats, samples } = registered(greedy);
    expect(detectionBreaches(greedy, formats, samples)).toEqual([
      "claims lwm's lwm/needle_results.json",
    ]);
    const lwm = formats.find((format) => format.id === 'lwm')!;
    expect(detectionBreaches(lwm, formats, samples)).toEqual([
      'greedy claims lwm/needle_results.json more strongly',
      'detection does not pick it first for lwm/needle_results.json',
    ]);
  });

  it("lets a producer that declares itself a fallback claim other formats' files, never outrank them", () => {
    const anyJson = (path: string) => (/\.(json|probe)$/.test(path) ? 0.01 : 0);
    const fallback = registered(producer('weak', anyJson, true));
    expect(detectionBreaches(fallback.formats.at(-1)!, fallback.formats, fallback.samples)).toEqual(
      [],
    );
    const undeclared = registered(producer('weak', anyJson));
    expect(
      detectionBreaches(undeclared.formats.at(-1)!, undeclared.formats, undeclared.samples),
    ).toContain("claims lwm's lwm/needle_results.json");
  });

  it('names a producer that does not claim its own file', () => {
    const blind = producer('blind', () => 0);
    const { formats, samples } = registered(blind);
    expect(detectionBreaches(blind, formats, samples)).toEqual([
      'does not claim its own probe/run.probe',
      'detection does not pick it first for probe/run.probe',
    ]);
  });
});
