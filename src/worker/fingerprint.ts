/** Bytes read from each end of a file for its fingerprint. */
const SAMPLE_BYTES = 256 * 1024;

/** SHA-256 of some bytes. */
export type Sha256 = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer> | Uint8Array;

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
  const size = new TextEncoder().encode(`${file.size}:`);
  const head =
    bytes && bytes.byteLength <= SAMPLE_BYTES
      ? bytes
      : await file.slice(0, SAMPLE_BYTES).arrayBuffer();
  const tail =
    file.size > 2 * SAMPLE_BYTES
      ? await file.slice(file.size - SAMPLE_BYTES).arrayBuffer()
      : new ArrayBuffer(0);
  const data = new Uint8Array(size.byteLength + head.byteLength + tail.byteLength);
  data.set(size, 0);
  data.set(new Uint8Array(head), size.byteLength);
  data.set(new Uint8Array(tail), size.byteLength + head.byteLength);
  const digest = await sha256(data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
