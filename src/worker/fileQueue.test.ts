import { describe, expect, it } from 'vitest';
import { FileQueue } from './fileQueue';
import type { PickedFile } from './protocol';

function picked(path: string): PickedFile {
  return { file: new File([path], path), path };
}

describe('the files of a batch as they come', () => {
  it('gives them in the batch order, whichever worker passed them on first', async () => {
    const queue = new FileQueue(4);
    const taken: string[] = [];
    const reading = (async () => {
      for (let i = 0; ; i += 1) {
        const next = await queue.at(i);
        if (!next) return;
        taken.push(next.picked.path);
      }
    })();
    queue.put(2, [{ picked: picked('c') }, { picked: picked('d') }]);
    await Promise.resolve();
    expect(taken).toEqual([]);
    queue.put(0, [{ picked: picked('a') }, { picked: picked('b') }]);
    await reading;
    expect(taken).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.bytes).toBe(4);
  });

  it('ends past its last file', async () => {
    const queue = new FileQueue(1);
    queue.put(0, [{ picked: picked('a') }]);
    expect((await queue.at(0))?.picked.path).toBe('a');
    expect(await queue.at(1)).toBeUndefined();
  });
});
