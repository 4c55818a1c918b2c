/** Bytes read from each end of a file for its fingerprint. */
const SAMPLE_BYTES = 256 * 1024;

/** SHA-256 of some bytes: the digest, or its hex text where the hash gives that directly. */
export type Sha256 = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer> | Uint8Array | string;

const UTF8 = new TextEncoder();

/** WebCrypto's SHA-256, the one a browser's worker has. */
const webSha256: Sha256 = (data) => crypto.subtle.digest('SHA-256', data);

/**
 * A file's content fingerprint: SHA-256 of its size, its first and its last 256 KiB (the
 * whole file up to 512 KiB). The same results dropped twice, under any name, get the same
 * fingerprint, without reading a large file twice over. `sha256` may be a synchronous one
 * (Node's command line hashes thousands of small files, and WebCrypto's is a round trip each).
 */
export async function fingerprint(
  file: Blob,
  bytes?: ArrayBuffer,
  sha256: Sha256 = webSha256,
): Promise<string> {
  if (bytes && bytes.byteLength === file.size) {
    return fingerprintBytes(new Uint8Array(bytes), sha256);
  }
  const head = await file.slice(0, SAMPLE_BYTES).arrayBuffer();
  const tail =
    file.size > 2 * SAMPLE_BYTES
      ? await file.slice(file.size - SAMPLE_BYTES).arrayBuffer()
      : new ArrayBuffer(0);
  return digestOf(file.size, new Uint8Array(head), new Uint8Array(tail), sha256);
}

/** {@link fingerprint} of a file whose bytes are all in memory (no `Blob` needed to read them). */
export async function fingerprintBytes(
  bytes: Uint8Array<ArrayBuffer>,
  sha256: Sha256 = webSha256,
): Promise<string> {
  const [, head, tail] = sampled(bytes);
  return digestOf(bytes.byteLength, head, tail, sha256);
}

/**
 * {@link fingerprintBytes} with a hash that answers at once and takes its input in parts
 * (Node's): a folder of small files is fingerprinted without a wait or a copy per file.
 */
export function fingerprintBytesNow(
  bytes: Uint8Array,
  sha256: (parts: readonly (string | Uint8Array)[]) => string,
): string {
  return sha256(sampled(bytes));
}

/** What a file's fingerprint hashes, in turn: its size, its first and its last bytes. */
function sampled(bytes: Uint8Array): [string, Uint8Array, Uint8Array] {
  const size = bytes.byteLength;
  const tail = size > 2 * SAMPLE_BYTES ? bytes.subarray(size - SAMPLE_BYTES) : bytes.subarray(0, 0);
  return [sizePart(size), bytes.subarray(0, SAMPLE_BYTES), tail];
}

function sizePart(fileSize: number): string {
  return `${fileSize}:`;
}

async function digestOf(
  fileSize: number,
  head: Uint8Array,
  tail: Uint8Array,
  sha256: Sha256,
): Promise<string> {
  const size = UTF8.encode(sizePart(fileSize));
  const data = new Uint8Array(size.byteLength + head.byteLength + tail.byteLength);
  data.set(size, 0);
  data.set(head, size.byteLength);
  data.set(tail, size.byteLength + head.byteLength);
  const digest = await sha256(data);
  if (typeof digest === 'string') return digest;
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
