import * as nodeCrypto from 'node:crypto';
import { closeSync, fstatSync, openAsBlob, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import {
  bytesSources,
  fileSources,
  fingerprint,
  fingerprintBytes,
  MAX_FILE_BYTES,
  WHOLE_FILE_BYTES,
  recordFile,
  type FileSources,
  type LoadError,
  type RecordedFile,
  unreadable,
} from './appRead';
import type { DiskInput, InputFile } from './inputs';

/**
 * Node's own SHA-256 as hex, synchronous (WebCrypto's is a trip through the thread pool per
 * file): the one-shot `crypto.hash` where Node has it (20.12 on), a Hash object before.
 */
const sha256 =
  'hash' in nodeCrypto
    ? (data: Uint8Array) => nodeCrypto.hash('sha256', data, 'hex')
    : (data: Uint8Array) => nodeCrypto.createHash('sha256').update(data).digest('hex');

/**
 * An input opened as the app's loader worker opens a file: its content fingerprint and what it
 * holds (the file, or the files of an archive, or why it cannot be opened); or, for a file
 * refused before it is read, only the error. A copy of an earlier file is skipped before its
 * opening counts, as in the app.
 */
export type Opened =
  { read: true; print: string; opened: FileSources } | { read: false; error: LoadError };

/** The bytes of a small file on disk, read at once into a buffer of its own; else its size. */
function readSmall(disk: string): { size: number; bytes?: Uint8Array<ArrayBuffer> } {
  const fd = openSync(disk, 'r');
  try {
    const { size } = fstatSync(fd);
    // Read at once as the app's worker reads a small file; larger ones are streamed.
    if (size > WHOLE_FILE_BYTES) return { size };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, bytes, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return { size: read, bytes: read === size ? bytes : bytes.slice(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** A small file's bytes opened: no `File` is made for them. */
async function openBytes(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<Opened> {
  const print = await fingerprintBytes(bytes, sha256);
  return { read: true, print, opened: await bytesSources(path, bytes, () => {}) };
}

/**
 * Opens an input: a small file read at once and synchronously (a folder of thousands of small
 * files reads several times faster so than through promises); a large one, and standard
 * input, as a `File`, streamed.
 */
export async function openInput(input: InputFile): Promise<Opened> {
  const { path } = input;
  try {
    const small = 'disk' in input ? readSmall(input.disk) : null;
    if (small?.bytes) return await openBytes(path, small.bytes);
    const file =
      'disk' in input ? new File([await openAsBlob(input.disk)], basename(input.disk)) : input.file;
    if (file.size > MAX_FILE_BYTES) {
      return {
        read: false,
        error: { file: path, reason: 'too large to load (over the 2 GB limit)' },
      };
    }
    const print = await fingerprint(file, undefined, sha256);
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
    const { bytes } = readSmall(input.disk);
    if (!bytes) return { read: 'large' };
    const opened = await openBytes(input.path, bytes);
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
