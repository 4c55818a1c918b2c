import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TextFile } from '../load';

/** The shared folder of real published results, beside the repository; absent on some machines. */
export const REAL_DATA_DIR = resolve(import.meta.dirname, '../../../../shared/data/real');

/** The files of one real-data folder as a drop would give them, or null when absent. */
export function realFolder(name: string): TextFile[] | null {
  const dir = join(REAL_DATA_DIR, name);
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .sort()
    .map((file) => ({ path: `${name}/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}
