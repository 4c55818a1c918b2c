import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import { FORMAT_FIXTURES_DIR } from '../src/core/testing/fixtures';
import { fingerprint } from '../src/worker/fingerprint';
import { collectInputs } from './inputs';
import { loadInputs } from './load';
import { MAX_FILE_BYTES, WHOLE_FILE_BYTES } from './appRead';
import { openInput, recordInput, type RecordedInput } from './read';
import type { Readers } from './readers';
import { tempDir } from './testing';

const STAGE = resolve(import.meta.dirname, '../public/samples/checkpoints/stage-65k.json');

describe('loading on the command line', () => {
  it("fingerprints as the app's worker does, with Node's synchronous SHA-256", async () => {
    const bytes = readFileSync(STAGE);
    const file = new File([bytes], 'stage-65k.json');
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();
    expect(await fingerprint(file, new Uint8Array(bytes).buffer, sha256)).toBe(
      await fingerprint(file),
    );
  });

  it("opens a file with the app's fingerprint, whatever its size or packing", async () => {
    const dir = tempDir();
    const text = readFileSync(STAGE, 'utf8');
    // Small; past both 256 KiB samples (the tail hashed apart); past the size read at once.
    const sizes = { small: 1, samples: 2 * 256 * 1024 + 9, large: WHOLE_FILE_BYTES + 3 };
    const files: Record<string, Uint8Array<ArrayBuffer>> = {};
    for (const [name, size] of Object.entries(sizes)) {
      const padded = `${text}${' '.repeat(Math.max(0, size - text.length))}`;
      files[`${name}.json`] = new TextEncoder().encode(padded);
    }
    files['packed.json.gz'] = new Uint8Array(gzipSync(text));
    for (const [name, bytes] of Object.entries(files)) {
      const disk = join(dir, name);
      writeFileSync(disk, bytes);
      const opened = await openInput({ path: name, disk });
      expect(opened.read && opened.print, name).toBe(await fingerprint(new File([bytes], name)));
    }
  });

  it('refuses a file past the size limit unread, in the words of the app', async () => {
    const disk = join(tempDir(), 'huge.jsonl');
    // Sparse: the size is past the limit without the bytes written.
    writeFileSync(disk, '');
    truncateSync(disk, MAX_FILE_BYTES + 2 ** 20);
    expect(await openInput({ path: 'huge.jsonl', disk })).toEqual({
      read: false,
      error: { file: 'huge.jsonl', reason: 'too large to load (2049 MB; the limit is 2048 MB)' },
    });
  });

  it('reads the same content once, listing the copy as the app does', async () => {
    const dir = tempDir();
    copyFileSync(STAGE, join(dir, 'a.json'));
    copyFileSync(STAGE, join(dir, 'b.json'));
    const { files, missing } = await collectInputs([dir]);
    expect(files.map((f) => f.path)).toEqual([
      `${dir.split('/').pop()}/a.json`,
      `${dir.split('/').pop()}/b.json`,
    ]);
    const loaded = await loadInputs(files, missing);
    expect(loaded.runs).toHaveLength(1);
    expect(loaded.duplicates).toEqual([{ file: files[1]!.path, sameAs: files[0]!.path }]);
  });
});

describe('reading on other threads', () => {
  /**
   * Readers in this process that answer late, as threads do, each with its own delay per chunk;
   * one with `loseAfter` gives back the chunk after that many and stops, as a thread that dies.
   */
  function laterReaders(threads: { delay: number; loseAfter?: number }[]) {
    let lost = 0;
    const given = new Map<string, number>();
    const readers: Readers = {
      start(next) {
        for (const { delay, loseAfter } of threads) {
          void (async () => {
            for (let taken = 0; ; taken += 1) {
              const chunk = next();
              if (!chunk) return;
              const first = chunk.inputs[0]?.path ?? '';
              given.set(first, (given.get(first) ?? 0) + 1);
              if (loseAfter !== undefined && taken >= loseAfter) {
                lost += 1;
                chunk.lost();
                return;
              }
              await new Promise((resolve) => setTimeout(resolve, delay));
              const results: RecordedInput[] = [];
              for (const input of chunk.inputs) results.push(await recordInput(input));
              // What crosses between threads is a structured clone.
              chunk.done(structuredClone(results));
            }
          })();
        }
      },
    };
    return {
      readers,
      lost: () => lost,
      givenTwice: () => [...given.values()].filter((n) => n > 1).length,
    };
  }

  let inputs: Awaited<ReturnType<typeof collectInputs>>;
  let alone: Awaited<ReturnType<typeof loadInputs>>;
  beforeAll(async () => {
    // A folder of many small files, and one of every producer's fixtures with a copy, a
    // truncated and a binary file, a table too large to read on another thread, and a zip.
    const dir = tempDir();
    writeClaudeLikeFolder(join(dir, 'sigmoid'));
    const mixed = join(dir, 'mixed');
    cpSync(FORMAT_FIXTURES_DIR, mixed, { recursive: true });
    copyFileSync(STAGE, join(mixed, 'stage.json'));
    copyFileSync(STAGE, join(mixed, 'stage-copy.json'));
    writeFileSync(join(mixed, 'cut.json'), '{"context_length": 1000, "depth_percent": 0, "sco');
    writeFileSync(join(mixed, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `${1000 * (1 + (i % 7))},${i % 11}0,${(i % 3) / 2}`,
    );
    writeFileSync(
      join(mixed, 'big.csv'),
      ['context_length,depth_percent,score', ...rows].join('\n'),
    );
    writeFileSync(join(mixed, 'packed.zip'), zipSync({ 'inner/stage.json': readFileSync(STAGE) }));
    inputs = await collectInputs([join(dir, 'sigmoid'), mixed]);
    alone = await loadInputs(inputs.files, inputs.missing);
    expect(statSync(join(mixed, 'big.csv')).size).toBeGreaterThan(WHOLE_FILE_BYTES);
  });

  it.each([
    ['one reader, quick', [0]],
    ['three readers, each late', [1, 7, 3]],
  ])('gives the batch this thread gives alone: %s', async (_name, delays) => {
    const { readers } = laterReaders(delays.map((delay) => ({ delay })));
    const loaded = await loadInputs(inputs.files, inputs.missing, () => {}, readers);
    expect(loaded.readElsewhere).toBeGreaterThan(0);
    expect({ ...loaded, readElsewhere: 0 }).toEqual(alone);
    expect(alone.errors.map((e) => e.file)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/cut\.json$/),
        expect.stringMatching(/image\.png$/),
      ]),
    );
    expect(alone.duplicates).toHaveLength(1);
    expect(alone.runs.some((run) => run.files.some((file) => file.endsWith('big.csv')))).toBe(true);
  });

  it('reads what a reader gave back, here or on another reader, losing nothing', async () => {
    // The first thread dies with its first chunk before the second asks for one: the second
    // is handed that chunk again.
    const { readers, lost, givenTwice } = laterReaders([{ delay: 0, loseAfter: 0 }, { delay: 2 }]);
    const loaded = await loadInputs(inputs.files, inputs.missing, () => {}, readers);
    expect(lost()).toBe(1);
    expect(givenTwice()).toBeGreaterThan(0);
    expect({ ...loaded, readElsewhere: 0 }).toEqual(alone);
  });

  it('counts every file once for progress, in order', async () => {
    const seen: number[] = [];
    const { readers } = laterReaders([{ delay: 0 }]);
    await loadInputs(inputs.files, inputs.missing, (done) => seen.push(done), readers);
    expect(seen).toEqual(inputs.files.map((_, i) => i + 1));
  });
});
