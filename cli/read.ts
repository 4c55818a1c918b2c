import * as nodeCrypto from 'node:crypto';
import { closeSync, openAsBlob, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import {
  bytesSources,
  fileSources,
  fingerprint,
  fingerprintBytesNow,
  MAX_FILE_BYTES,
  WHOLE_FILE_BYTES,
  recordFile,
  smallFileSources,
  type FileSources,
  type LoadError,
  type RecordedFile,
  tooLarge,
  unreadable,
} from './appRead';
import type { DiskInput, InputFile } from './inputs';

/** What the fingerprint's parts are joined in before they are hashed, grown as needed. */
let joined = new Uint8Array(64 * 1024);

const UTF8 = new TextEncoder();

/** Node's one-shot hash (20.12 on), which needs no Hash object. */
const hashOnce = 'hash' in nodeCrypto ? nodeCrypto.hash : null;

/**
 * Node's own SHA-256 as hex, of some parts in turn, synchronous (WebCrypto's is a trip through
 * the thread pool per file): the parts joined in one buffer kept for it and hashed by the
 * one-shot hash where Node has it, through a Hash object before.
 */
const sha256 = (parts: readonly (string | Uint8Array)[]): string => {
  if (!hashOnce) {
    const hash = nodeCrypto.createHash('sha256');
    for (const part of parts) hash.update(part);
    return hash.digest('hex');
  }
  // A string takes at most three bytes a character in UTF-8.
  const most = parts.reduce(
    (sum, part) => sum + part.length * (typeof part === 'string' ? 3 : 1),
    0,
  );
  if (most > joined.length) joined = new Uint8Array(most);
  let at = 0;
  for (const part of parts) {
    if (typeof part === 'string') at += UTF8.encodeInto(part, joined.subarray(at)).written;
    else {
      joined.set(part, at);
      at += part.byteLength;
    }
  }
  return hashOnce('sha256', joined.subarray(0, at), 'hex');
};

/**
 * An input opened as the app's loader worker opens a file: its content fingerprint and what it
 * holds (the file, or the files of an archive, or why it cannot be opened); or, for a file
 * refused before it is read, only the error. A copy of an earlier file is skipped before its
 * opening counts, as in the app.
 */
export type Opened =
  { read: true; print: string; opened: FileSources } | { read: false; error: LoadError };

/**
 * The buffer this thread reads small files into, one past {@link WHOLE_FILE_BYTES} so that a
 * larger file shows by filling it. A file read into it is hashed and decoded before anything
 * else runs (see {@link openSmall}), so one buffer serves every file.
 */
let scratch: Uint8Array<ArrayBuffer> | null = null;

/**
 * A file on disk opened at once if it is small, as the app's worker reads a small file: its
 * fingerprint and text sources, all done synchronously with no buffer of its own for a text
 * file (a folder of thousands of small files reads several times faster so than through
 * promises). `large` for a file past {@link WHOLE_FILE_BYTES}, to be streamed; a packed file's
 * bytes, copied out, to be unpacked.
 */
function openSmall(
  path: string,
  disk: string,
): { opened: Opened } | { packed: Uint8Array<ArrayBuffer>; print: string } | 'large' {
  scratch ??= new Uint8Array(WHOLE_FILE_BYTES + 1);
  const buffer = scratch;
  const fd = openSync(disk, 'r');
  let read = 0;
  try {
    // Read to the end, or until the buffer is full: no stat is needed to know the size.
    while (read < buffer.length) {
      const got = readSync(fd, buffer, read, buffer.length - read, read);
      if (got === 0) break;
      read += got;
    }
  } finally {
    closeSync(fd);
  }
  if (read > WHOLE_FILE_BYTES) return 'large';
  const bytes = buffer.subarray(0, read);
  const print = fingerprintBytesNow(bytes, sha256);
  const sources = smallFileSources(path, bytes);
  if (sources) return { opened: { read: true, print, opened: sources } };
  return { packed: bytes.slice(), print };
}

/**
 * A small file on disk opened: {@link openSmall}, at once; a packed one unpacked, later;
 * `large` to stream.
 */
function openDisk(path: string, disk: string): Opened | 'large' | Promise<Opened> {
  const small = openSmall(path, disk);
  if (small === 'large') return small;
  if ('opened' in small) return small.opened;
  const { print, packed } = small;
  return bytesSources(path, packed, () => {}).then((opened) => ({ read: true, print, opened }));
}

/**
 * Opens an input: a small file read at once and synchronously (a folder of thousands of small
 * files reads several times faster so than through promises); a large one, and standard
 * input, as a `File`, streamed.
 */
export async function openInput(input: InputFile): Promise<Opened> {
  const { path } = input;
  try {
    const onDisk = 'disk' in input ? openDisk(path, input.disk) : 'large';
    const small = onDisk instanceof Promise ? await onDisk : onDisk;
    if (small !== 'large') return small;
    const file =
      'disk' in input ? new File([await openAsBlob(input.disk)], basename(input.disk)) : input.file;
    if (file.size > MAX_FILE_BYTES) {
      return { read: false, error: tooLarge(path, file.size) };
    }
    const print = await fingerprint(file, undefined, (data) => sha256([data]));
    return { read: true, print, opened: await fileSources(file, path, () => {}) };
  } catch (error) {
    return { read: false, error: unreadable(path, error) };
  }
}

/**
 * An input read on a reading thread, as data: its fingerprint and each source's records (see
 * `recordFile`), or why it could not be opened; `large` for a file past
 * `WHOLE_FILE_BYTES`, left unread for the loading thread to stream in its place (its records
 * would all be held).
 */
export type RecordedInput =
  | { read: true; print: string; files: RecordedFile[] | { error: LoadError } }
  | { read: false; error: LoadError }
  | { read: 'large' };

/** Reads a small input on disk and keeps what it gave, to be taken into the batch elsewhere. */
export async function recordInput(input: DiskInput): Promise<RecordedInput> {
  try {
    const onDisk = openDisk(input.path, input.disk);
    const opened = onDisk instanceof Promise ? await onDisk : onDisk;
    if (opened === 'large') return { read: 'large' };
    if (!opened.read) return opened;
    const { print } = opened;
    if (!opened.opened.ok) {
      return {
        read: true,
        print,
        files: { error: { file: input.path, reason: opened.opened.reason } },
      };
    }
    try {
      const files: RecordedFile[] = [];
      for (const source of opened.opened.sources) files.push(await recordFile(source));
      return { read: true, print, files };
    } catch (error) {
      return { read: true, print, files: { error: unreadable(input.path, error) } };
    }
  } catch (error) {
    return { read: false, error: unreadable(input.path, error) };
  }
}
