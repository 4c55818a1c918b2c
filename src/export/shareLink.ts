import { accept, refuse, type Checked } from '../core/formats/share/guards';
import { readSharePayload, sharePayload } from '../core/formats/share/payload';
import type { Run, RunDraft } from '../core/types';
import { readSharedView, type SharedView } from '../state/sharedView';

/** How a share link's fragment starts. */
export const SHARE_PREFIX = '#s=';

/** The longest link data read, in base64 characters (about 1.5 MB compressed). */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;

/** The most a link's data may unpack to, so a crafted link cannot fill the tab's memory. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

/** About what chat apps keep of a message; longer links are offered as a file. */
export const CHAT_LINK_CHARS = 8000;

/** The name of the file written instead of a link that is too long. */
export const SHARE_FILE_NAME = 'haymap-comparison.json';

/** A share link read back: runs to add (no files, no trial details) and the view to apply. */
export type DecodedShare =
  { ok: true; runs: RunDraft[]; view: SharedView } | { ok: false; reason: string };

/**
 * The fragment (`#s=…`) of a link that reproduces a comparison: the runs' cells (exact, so
 * pass rates are right at any threshold) and the view, as JSON packed with deflate and base64url.
 * Trial details and responses are never put in links. Rejects, saying why, runs a link could
 * not bring back (a name longer than links allow).
 */
export async function encodeShare(runs: readonly Run[], view: SharedView): Promise<string> {
  const payload = sharePayload(runs, view);
  // A link is only made if it will open: the same checks as its reader's (a name too long...).
  const opens = readSharePayload(payload);
  if (!opens.ok) throw new Error(opens.reason);
  const viewOpens = readSharedView(view);
  if (!viewOpens.ok) throw new Error(viewOpens.reason);
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const packed = await pipe(json, new CompressionStream('deflate-raw'));
  return SHARE_PREFIX + toBase64Url(packed);
}

/** The same payload as a link's, as readable JSON, for the file offered instead of a long link. */
export function shareFileText(runs: readonly Run[], view: SharedView): string {
  return `${JSON.stringify(sharePayload(runs, view), null, 2)}\n`;
}

/**
 * Reads a link's fragment back, checking every field; never throws. A refusal says why, in
 * words a user can act on (which size limit, which run and cell).
 */
export async function decodeShare(hash: string): Promise<DecodedShare> {
  if (!hash.startsWith(SHARE_PREFIX)) return refuse('not a share link');
  const data = hash.slice(SHARE_PREFIX.length);
  if (data.length > MAX_LINK_CHARS) {
    return refuse(
      `the link is too long (${megabytes(data.length)}; links up to ${megabytes(MAX_LINK_CHARS)} are read)`,
    );
  }
  const packed = fromBase64Url(data);
  if (!packed) return refuse('the link is damaged (its data is not base64url)');
  const unpacked = await unpack(packed);
  if (!unpacked.ok) return unpacked;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked.value));
  } catch {
    return refuse('the link is damaged (its data is not JSON)');
  }
  const content = readSharePayload(value);
  if (!content.ok) return content;
  const view = readSharedView(content.value.view);
  if (!view.ok) return view;
  return { ok: true, runs: content.value.runs, view: view.value };
}

/** Inflates a link's data, stopping as soon as it passes {@link MAX_UNPACKED_BYTES}. */
async function unpack(packed: Uint8Array<ArrayBuffer>): Promise<Checked<Uint8Array<ArrayBuffer>>> {
  const reader = new Blob([packed])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_UNPACKED_BYTES) {
        await reader.cancel();
        return refuse(`the link's data unpacks to more than ${megabytes(MAX_UNPACKED_BYTES)}`);
      }
      parts.push(value);
    }
  } catch {
    return refuse('the link is damaged (its data does not unpack: cut short or altered?)');
  }
  return accept(concat(parts, total));
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer(),
  );
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Bytes per `String.fromCharCode` call, below engines' limits on arguments. */
const CHARS_PER_CALL = 0x8000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHARS_PER_CALL) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHARS_PER_CALL));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (text === '' || !/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function megabytes(size: number): string {
  return `${(size / 2 ** 20).toFixed(1)} MB`;
}
