import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textSource } from '../source';
import { NULL_SINK } from '../testing/factories';
import { fixtureFolders, loadFixtureFolder } from '../testing/fixtures';
import { detectionBreaches, detectionSamples } from '../testing/formatContract';
import { formatFixture } from '../testing/formatFixtures';
import { FORMATS } from './registry';

/** Chunk sizes that cut through rows, quotes, keys, numbers and line ends. */
const CHUNKS = [3, 5, 7, 64, 1 << 20];

const SAMPLES = detectionSamples(FORMATS, formatFixture);

/**
 * What every registered format promises, checked for each one the registry lists: a new
 * producer is tested here the moment it has its line in the registry and its fixture. What
 * sets a format apart (a fallback may claim other formats' files) it declares itself.
 */
describe.each(FORMATS.map((format) => [format.id, format] as const))('%s', (_id, format) => {
  const files = formatFixture(format.id);

  it(`claims its own files${format.fallback ? '' : " and no other format's"}, and no other format claims one more strongly`, () => {
    expect(detectionBreaches(format, FORMATS, SAMPLES)).toEqual([]);
  });

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

/** Each fixture folder is dropped whole by the e2e test; here it loads as a drop would, in chunks. */
describe.each(fixtureFolders())('the %s fixture folder', (formatId) => {
  it('is a registered format', () => {
    expect(FORMATS.map((format) => format.id)).toContain(formatId);
  });

  it.each(CHUNKS)('shows as its expected file says (chunks of %d)', async (chunk) => {
    const { result, expected, shown } = await loadFixtureFolder(formatId, chunk);
    expect(result.errors).toEqual([]);
    expect(shown).toEqual(expected);
  });
});
