import { closeSync, fstatSync, openAsBlob, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

/** One input file as the browser would hand it over: its bytes and the path it is shown by. */
export interface InputFile {
  /** What the app would call it: a file's name, or `folder/inner/path` for a walked folder. */
  path: string;
  file: File;
  /** The file's bytes, read already when it is small (the loader takes them, not the File's). */
  bytes?: ArrayBuffer;
}

/** An argument that names nothing readable: the loader reports it like an unreadable file. */
export interface MissingInput {
  path: string;
  reason: string;
}

/** A file found in a folder: where it is on disk, and its path from the folder's name. */
interface Found {
  path: string;
  shown: string;
}

/**
 * Files under a folder, sorted by path, hidden files and folders left out (as a folder drop),
 * each shown as `<shown>/inner/path`.
 */
async function walk(dir: string, shown: string): Promise<Found[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: Found[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const inner = `${shown}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await walk(path, inner)));
    else if (entry.isFile()) found.push({ path, shown: inner });
  }
  return found;
}

/** Files up to this size are read at once; larger ones are opened to be streamed. */
const READ_AT_ONCE_BYTES = 1024 * 1024;

/**
 * A file on disk as a `File`: a small one read at once, into a buffer of its own that the
 * loader takes as it is (synchronously: a folder of thousands of small files reads several
 * times faster so than through promises), a large one lazily.
 */
async function fileOf(path: string, shown: string): Promise<InputFile> {
  const name = basename(path);
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > READ_AT_ONCE_BYTES)
      return { path: shown, file: new File([await openAsBlob(path)], name) };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, bytes, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    const whole = read === size ? bytes : bytes.slice(0, read);
    return { path: shown, file: new File([whole], name), bytes: whole.buffer };
  } finally {
    closeSync(fd);
  }
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
      for (const { path, shown } of await walk(root, basename(root))) {
        files.push(await fileOf(path, shown));
      }
    } else {
      files.push(await fileOf(arg, basename(arg)));
    }
  }
  return { files, missing };
}
