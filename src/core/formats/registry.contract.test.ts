import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect';
import { HEAD_CHARS, textSource } from '../source';
import { NULL_SINK } from '../testing/factories';
import { detectionSamples } from '../testing/fixtures';
import { formatFixture } from '../testing/formatFixtures';
import { FORMATS } from './registry';

/**
 * What every registered format promises, checked for each one the registry lists: a new
 * producer is tested here the moment it has its line in the registry and its fixture.
 */
describe.each(FORMATS.map((format) => [format.id, format] as const))('%s', (_id, format) => {
  const files = formatFixture(format.id);

  it('has a fixture', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [file.path, file] as const))(
    'claims %s, and no other format claims it more strongly',
    (_path, { path, text }) => {
      const head = text.slice(0, HEAD_CHARS);
      const mine = format.detect(path, head);
      expect(mine).toBeGreaterThan(0);
      const stronger = FORMATS.filter((other) => other !== format)
        .map((other) => ({ id: other.id, confidence: other.detect(path, head) }))
        .filter((claim) => claim.confidence > mine);
      expect(stronger).toEqual([]);
    },
  );

  it.each(files.map((file) => [file.path, file] as const))(
    'reads %s',
    async (_path, { path, text }) => {
      const outcome = await format.parse(textSource(path, text), NULL_SINK);
      expect(outcome).toMatchObject({ ok: true });
    },
  );

  it('never throws, whatever the file holds', async () => {
    const path = files[0]?.path ?? 'file.txt';
    const start = files[0]?.text.slice(0, 200) ?? '';
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.boolean(), async (text, afterStart) => {
        const body = afterStart ? start + text : text;
        const outcome = await format.parse(textSource(path, body, 7), NULL_SINK);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 40 },
    );
  });
});

/** Producers whose detection is strict enough to claim no other format's files at all. */
const CLAIMS_ONLY_ITS_OWN = [
  'babilong',
  'easycontext',
  'evalscope-needle-haystack',
  'gkamradt-v2',
  'helmet',
  'langchain-multi-needle',
  'lm-eval-samples',
  'lm-eval-results',
  'lwm',
  'nolima',
  'nemo-metrics',
  'nemo-mrcr',
  'nemo-ruler',
  'nemo-ruler2',
  'opencompass-needlebench',
  'ruler-pred',
  'ruler-summary',
  'wide-table',
];

describe.each(
  FORMATS.filter((format) => CLAIMS_ONLY_ITS_OWN.includes(format.id)).map(
    (f) => [f.id, f] as const,
  ),
)("%s among every format's files", (_id, format) => {
  it.each(detectionSamples())('$formatId: $path', ({ formatId, path, head }) => {
    const mine = formatId === format.id;
    expect(format.detect(path, head) > 0).toBe(mine);
    if (mine) expect(detectFormat(path, head)[0]?.format.id).toBe(format.id);
  });
});
