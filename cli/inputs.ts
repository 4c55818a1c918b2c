import { openAsBlob, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';

/** One input file as the browser would hand it over: its bytes and the path it is shown by. */
export interface InputFile {
  /** What the app would call it: a file's name, or `folder/inner/path` for a walked folder. */
  path: string;
  file: File;
}

/** An argument that names nothing readable: the loader reports it like an unreadable file. */
export interface MissingInput {
  path: string;
  reason: string;
}

/** Files under a folder, sorted by path, hidden files and folders left out (as a folder drop). */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) paths.push(...(await walk(path)));
    else if (entry.isFile()) paths.push(path);
  }
  return paths;
}

/** Files up to this size are read at once; larger ones are opened to be streamed. */
const READ_AT_ONCE_BYTES = 1024 * 1024;

/**
 * A file on disk as a `File`: a small one read at once (synchronously: a folder of thousands
 * of small files reads several times faster so than through promises), a large one lazily.
 */
async function fileOf(path: string, name: string): Promise<File> {
  const size = statSync(path).size;
  return new File([size <= READ_AT_ONCE_BYTES ? readFileSync(path) : await openAsBlob(path)], name);
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
 * `-` reads standard input.
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
      const name = basename(root);
      for (const path of await walk(root)) {
        const shown = join(name, relative(root, path)).split('\\').join('/');
        files.push({ path: shown, file: await fileOf(path, basename(path)) });
      }
    } else {
      files.push({ path: basename(arg), file: await fileOf(arg, basename(arg)) });
    }
  }
  return { files, missing };
}
