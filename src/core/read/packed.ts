import type { Gunzip, Inflate } from 'fflate';
import type { ByteFile } from './byteSource';

/**
 * Packed input: a gzip file (`results.jsonl.gz`) or a zip archive of a results folder, opened
 * while streaming with fflate. A zip's entries become files named `<archive>/<entry path>`, so
 * runs and detection work as for the folder it was made from. What comes out is held to a
 * limit: a file or archive that would expand past it is refused before anything of it is read,
 * and one whose headers understate what it holds is stopped as it passes the limit.
 */
export type Unpacked =
  | {
      ok: true;
      files: ByteFile[];
      /** True when each file's size is known (a zip's directory), not estimated (gzip's trailer). */
      exactSizes: boolean;
    }
  | { ok: false; reason: string };

/** What kind of packed file the first bytes say this is, if any. */
export function packedKind(first: Uint8Array): 'gzip' | 'zip' | null {
  if (first[0] === 0x1f && first[1] === 0x8b) return 'gzip';
  if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04)
    return 'zip';
  return null;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** The message for a packed file that expands past the limit. */
export function pastLimit(path: string, bytes: number | null, limitBytes: number): string {
  const name = path.split('/').pop() ?? path;
  const size = bytes === null ? 'more' : megabytes(bytes);
  return `${name} expands to ${size} when unpacked, past the limit of ${megabytes(limitBytes)}: nothing of it was loaded`;
}

/** The files inside a gzip file or zip archive (see {@link Unpacked}); null for other files. */
export async function unpack(file: ByteFile, limitBytes: number): Promise<Unpacked | null> {
  const kind = packedKind(await file.slice(0, 4));
  if (kind === 'gzip') return gunzipped(file, limitBytes);
  if (kind === 'zip') return unzipped(file, limitBytes);
  return null;
}

type Decompressor = Gunzip | Inflate;

/**
 * The decompressor's module, loaded for the first packed file: most loads hold none, and its
 * tables take milliseconds to build at every start.
 */
const fflate = () => import('fflate');

/** The output of `input` through a decompressor, stopped once past `maxBytes`. */
async function* expanded(
  input: AsyncIterable<Uint8Array>,
  make: () => Promise<Decompressor | null>,
  maxBytes: number,
  tooMuch: () => Error,
): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  const decompressor = await make();
  if (decompressor) decompressor.ondata = (chunk) => out.push(chunk);
  let total = 0;
  const flush = function* () {
    for (const chunk of out.splice(0)) {
      total += chunk.length;
      if (total > maxBytes) throw tooMuch();
      yield chunk;
    }
  };
  for await (const chunk of input) {
    if (decompressor) decompressor.push(chunk, false);
    else out.push(chunk);
    yield* flush();
  }
  decompressor?.push(new Uint8Array(0), true);
  yield* flush();
}

/** A file of bytes that come out of a stream: its head is read by streaming from the start. */
function streamedFile(path: string, size: number, stream: () => AsyncIterable<Uint8Array>) {
  const file: ByteFile = {
    path,
    size,
    async slice(start, end) {
      const parts: Uint8Array[] = [];
      let have = 0;
      for await (const chunk of stream()) {
        parts.push(chunk);
        have += chunk.length;
        if (have >= end) break;
      }
      const whole = new Uint8Array(have);
      let at = 0;
      for (const part of parts) {
        whole.set(part, at);
        at += part.length;
      }
      return whole.subarray(start, end);
    },
    stream,
  };
  return file;
}

async function gunzipped(file: ByteFile, limitBytes: number): Promise<Unpacked> {
  // The trailer holds the size mod 2^32: a guide for progress and a first check, not a promise.
  const trailer = await file.slice(Math.max(0, file.size - 4), file.size);
  const declared =
    trailer.length === 4
      ? ((trailer[0] ?? 0) | ((trailer[1] ?? 0) << 8) | ((trailer[2] ?? 0) << 16)) +
        (trailer[3] ?? 0) * 2 ** 24
      : 0;
  if (declared > limitBytes)
    return { ok: false, reason: pastLimit(file.path, declared, limitBytes) };
  const path = file.path.replace(/\.gz$/i, '');
  const tooMuch = () => new Error(pastLimit(file.path, null, limitBytes));
  return {
    ok: true,
    exactSizes: false,
    files: [
      streamedFile(path, declared, () =>
        expanded(file.stream(), async () => new (await fflate()).Gunzip(), limitBytes, tooMuch),
      ),
    ],
  };
}

/** An entry of a zip archive's central directory. */
interface ZipEntry {
  name: string;
  method: number;
  compressedBytes: number;
  bytes: number;
  headerAt: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Entries a folder on disk would not show: macOS resource forks and folder settings. */
const HIDDEN = /(^|\/)(__MACOSX\/|\.DS_Store$)/;

async function centralDirectory(file: ByteFile): Promise<ZipEntry[] | string> {
  const tailStart = Math.max(0, file.size - EOCD_SEARCH);
  const tail = await file.slice(tailStart, file.size);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1)
    if (view.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  if (at < 0) return 'a zip archive without its directory (cut short?)';
  const count = view.getUint16(at + 10, true);
  const dirBytes = view.getUint32(at + 12, true);
  const dirAt = view.getUint32(at + 16, true);
  if (count === 0xffff || dirAt === 0xffffffff)
    return 'a ZIP64 archive, which Haymap does not open';
  const dir = await file.slice(dirAt, dirAt + dirBytes);
  const d = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let p = 0, i = 0; i < count; i += 1) {
    if (p + 46 > dir.length || d.getUint32(p, true) !== CENTRAL)
      return 'a zip archive whose directory is damaged';
    const nameBytes = d.getUint16(p + 28, true);
    const next = p + 46 + nameBytes + d.getUint16(p + 30, true) + d.getUint16(p + 32, true);
    const name = names.decode(dir.subarray(p + 46, p + 46 + nameBytes));
    if (!name.endsWith('/') && !HIDDEN.test(name))
      entries.push({
        name,
        method: d.getUint16(p + 10, true),
        compressedBytes: d.getUint32(p + 20, true),
        bytes: d.getUint32(p + 24, true),
        headerAt: d.getUint32(p + 42, true),
      });
    p = next;
  }
  return entries;
}

async function* chunked(file: ByteFile, start: number, end: number): AsyncIterable<Uint8Array> {
  const step = 1 << 20;
  for (let at = start; at < end; at += step) yield file.slice(at, Math.min(end, at + step));
}

async function unzipped(file: ByteFile, limitBytes: number): Promise<Unpacked> {
  const entries = await centralDirectory(file);
  if (typeof entries === 'string') return { ok: false, reason: entries };
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total > limitBytes) return { ok: false, reason: pastLimit(file.path, total, limitBytes) };
  const files = entries.map((entry) => {
    const path = `${file.path}/${entry.name}`;
    const tooMuch = () =>
      new Error(`${entry.name} holds more than the ${entry.bytes} bytes its archive says`);
    return streamedFile(path, entry.bytes, async function* () {
      const local = await file.slice(entry.headerAt, entry.headerAt + 30);
      const view = new DataView(local.buffer, local.byteOffset, local.byteLength);
      const start = entry.headerAt + 30 + view.getUint16(26, true) + view.getUint16(28, true);
      if (entry.method !== 0 && entry.method !== 8)
        throw new Error(
          `${entry.name} is packed in a way Haymap does not open (method ${entry.method})`,
        );
      const make = async () => (entry.method === 8 ? new (await fflate()).Inflate() : null);
      yield* expanded(
        chunked(file, start, start + entry.compressedBytes),
        make,
        entry.bytes,
        tooMuch,
      );
    });
  });
  return { ok: true, files, exactSizes: true };
}
