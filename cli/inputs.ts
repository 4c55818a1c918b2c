import { readdir, stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';

/**
 * One input file, named as the browser would name it when handed over: a file on disk (read
 * when it is loaded, here or on a reading thread), or standard input's content.
 */
export type InputFile =
  | {
      /** What the app would call it: a file's name, or `folder/inner/path` for a walked folder. */
      path: string;
      /** Where it is on disk. */
      disk: string;
    }
  | { path: string; file: File };

/** An input file on disk. */
export type DiskInput = Extract<InputFile, { disk: string }>;

/** An argument that names nothing readable: the loader reports it like an unreadable file. */
export interface MissingInput {
  path: string;
  reason: string;
}

/**
 * Files under a folder, sorted by path, hidden files and folders left out (as a folder drop),
 * each shown as `<shown>/inner/path`.
 */
async function walk(dir: string, shown: string): Promise<DiskInput[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: DiskInput[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    // `dir` is absolute and normalised already: a name is joined to it as it is.
    const disk = `${dir}${sep}${entry.name}`;
    const inner = `${shown}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await walk(disk, inner)));
    else if (entry.isFile()) found.push({ path: inner, disk });
  }
  return found;
}

/** Standard input, read to its end, as a file named `stdin`. */
async function standardInput(stdin: NodeJS.ReadableStream): Promise<File> {
  const parts: Buffer[] = [];
  for await (const chunk of stdin) parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return new File([Buffer.concat(parts)], 'stdin');
}

/**
 * The files of the arguments, named as a browser names dropped files: a file by its name, a
 * folder's files by `folder/path/inside` (so a folder's runs are named after it, as in the app).
 * `-` reads standard input. Files are found here, not read.
 */
export async function collectInputs(
  args: readonly string[],
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<{ files: InputFile[]; missing: MissingInput[] }> {
  const files: InputFile[] = [];
  const missing: MissingInput[] = [];
  for (const arg of args) {
    if (arg === '-') {
      files.push({ path: 'stdin', file: await standardInput(stdin) });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (!info) {
      missing.push({ path: arg, reason: 'no such file or folder' });
    } else if (info.isDirectory()) {
      const root = resolve(arg);
      files.push(...(await walk(root, basename(root))));
    } else {
      files.push({ path: basename(arg), disk: arg });
    }
  }
  return { files, missing };
}
