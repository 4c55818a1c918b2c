import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/worker/fingerprint';
import { collectInputs } from './inputs';
import { loadInputs } from './load';
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
