/**
 * Bytes to text: which encoding a file is in (byte-order mark, the zero bytes of UTF-16, else
 * UTF-8 with a Windows-1252 fallback), and which files are no text Haymap reads (archives,
 * compressed files) with a message naming them. Decoding is done by `TextDecoder`, chunk by
 * chunk, so a large file never needs its whole text at once.
 */

/** The encodings Haymap decodes. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Sniffed =
  | {
      ok: true;
      encoding: TextEncoding;
      /** Said when the encoding was guessed rather than declared by a byte-order mark. */
      guessed?: string;
    }
  | { ok: false; reason: string };

/** Signatures of files that are not text, by their first bytes, and what to do about them. */
const SIGNATURES: readonly { bytes: readonly number[]; reason: string }[] = [
  {
    bytes: [0x00, 0x00, 0xfe, 0xff],
    reason: 'UTF-32 text, which Haymap does not read: save it as UTF-8',
  },
  {
    bytes: [0xff, 0xfe, 0x00, 0x00],
    reason: 'UTF-32 text, which Haymap does not read: save it as UTF-8',
  },
  { bytes: [0x1f, 0x8b], reason: compressed('gzip', 'gunzip') },
  { bytes: [0x42, 0x5a, 0x68], reason: compressed('bzip2', 'bunzip2') },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], reason: compressed('zstd (Zstandard)', 'unzstd') },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], reason: compressed('xz', 'unxz') },
  { bytes: [0x5d, 0x00, 0x00], reason: compressed('lzma', 'unlzma') },
  { bytes: [0x04, 0x22, 0x4d, 0x18], reason: compressed('lz4', 'unlz4') },
  { bytes: [0x50, 0x4b, 0x03, 0x04], reason: archive('a zip archive') },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: archive('a 7z archive') },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], reason: archive('a RAR archive') },
];

/** The first bytes of the signatures, to pass over them at once for most files. */
const SIGNATURE_STARTS = new Set(SIGNATURES.map(({ bytes }) => bytes[0]));

function compressed(kind: string, tool: string): string {
  return `compressed with ${kind}, which Haymap does not read: decompress it first (e.g. ${tool}) and load the result`;
}

function archive(kind: string): string {
  return `${kind}, which Haymap does not open: extract it and load the files or folder inside`;
}

/** Bytes looked at to tell UTF-16 without a byte-order mark by its zero bytes. */
const UTF16_SNIFF_BYTES = 1024;

/**
 * The encoding of a file from its first bytes: a byte-order mark (UTF-8, UTF-16 LE/BE), else
 * UTF-16 told by its zero bytes (text that is mostly ASCII has a zero in every other byte),
 * else UTF-8 (a Windows-1252 fallback is decided while decoding). Archives, compressed files and
 * UTF-32 are refused with a message naming them.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (SIGNATURE_STARTS.has(head[0] ?? -1)) {
    for (const { bytes, reason } of SIGNATURES) {
      if (bytes.every((byte, i) => head[i] === byte)) return { ok: false, reason };
    }
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { ok: true, encoding: 'utf-8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encoding: 'utf-16be' };
  const pairs = Math.floor(Math.min(head.length, UTF16_SNIFF_BYTES) / 2);
  // UTF-16 shows by its zero bytes: a head without any (most files) needs no count.
  if (pairs >= 2 && head.subarray(0, pairs * 2).includes(0)) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
      if (head[i] === 0) evenZeros += 1;
      if (head[i + 1] === 0) oddZeros += 1;
    }
    // Plain when the zeros sit on one side only: real UTF-8 text has no zero bytes at all.
    if (oddZeros >= pairs * 0.4 && evenZeros === 0) {
      return { ok: true, encoding: 'utf-16le', guessed: 'UTF-16 LE (no byte-order mark)' };
    }
    if (evenZeros >= pairs * 0.4 && oddZeros === 0) {
      return { ok: true, encoding: 'utf-16be', guessed: 'UTF-16 BE (no byte-order mark)' };
    }
  }
  return { ok: true, encoding: 'utf-8' };
}

/** The note for a file that is not valid UTF-8 and was read as Windows-1252. */
export const LATIN1_NOTE =
  'not valid UTF-8, so read as Windows-1252 (Latin-1): check accented names';

/**
 * Decodes a file's bytes chunk by chunk in one encoding. UTF-8 is checked as it goes: at the
 * first byte that is not UTF-8 the rest of the file (from the chunk it is in) is decoded as
 * Windows-1252, which is what spreadsheets on Windows write, and {@link fellBack} turns true.
 * What came before was valid UTF-8, so plain ASCII in either reading.
 */
export class ChunkDecoder {
  private decoder: TextDecoder;
  private previous: Uint8Array | null = null;
  private latin1 = false;

  constructor(encoding: TextEncoding) {
    // UTF-16 decodes every byte pair, so only UTF-8 can fail (fatal) and fall back.
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  }

  /** Whether the file turned out not to be UTF-8 and was read as Windows-1252. */
  get fellBack(): boolean {
    return this.latin1;
  }

  /** The text of the next chunk; `last` flushes a sequence the file ends inside. */
  decode(chunk: Uint8Array, last = false): string {
    if (!this.latin1) {
      try {
        const text = this.decoder.decode(chunk, { stream: !last });
        this.previous = chunk;
        return text;
      } catch {
        // The fatal decoder held back the start of a sequence cut by the chunk edge: take it along.
        const held = this.previous ? incompleteTail(this.previous) : new Uint8Array(0);
        this.latin1 = true;
        this.decoder = new TextDecoder('windows-1252');
        this.previous = null;
        const joined = new Uint8Array(held.length + chunk.length);
        joined.set(held);
        joined.set(chunk, held.length);
        return windows1252(this.decoder.decode(joined, { stream: !last }));
      }
    }
    return this.latin1
      ? windows1252(this.decoder.decode(chunk, { stream: !last }))
      : this.decoder.decode(chunk, { stream: !last });
  }
}

/**
 * Windows-1252's characters for bytes 0x80..0x9F (`‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ`; 5 unused).
 * Browsers decode them so; Node 20 decodes "windows-1252" as ISO-8859-1, giving C1 controls.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/** The bytes at the end of a chunk that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i -= 1) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return bytes.length - i < needs ? bytes.subarray(i) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** The decoder of whole UTF-8 texts (see {@link decodeWhole}), made when first needed. */
let wholeUtf8: TextDecoder | null = null;

/**
 * A whole file's text, with the notes to show about how it was decoded. With `complete` false
 * the bytes are only the start of a file: a character they end inside is left out.
 */
export function decodeWhole(
  bytes: Uint8Array,
  complete = true,
): { ok: true; text: string; notes: string[] } | { ok: false; reason: string } {
  const sniffed = sniffEncoding(bytes);
  if (!sniffed.ok) return sniffed;
  if (complete && sniffed.encoding === 'utf-8') {
    // A whole text decoded in one call leaves the decoder as it was: one serves every file.
    wholeUtf8 ??= new TextDecoder('utf-8', { fatal: true });
    try {
      return { ok: true, text: wholeUtf8.decode(bytes), notes: [] };
    } catch {
      // Not UTF-8: decoded below, with the fallback and its note.
    }
  }
  const decoder = new ChunkDecoder(sniffed.encoding);
  const text = decoder.decode(bytes, complete);
  const notes = sniffed.guessed ? [guessedNote(sniffed.guessed)] : [];
  if (decoder.fellBack) notes.push(LATIN1_NOTE);
  return { ok: true, text, notes };
}

/** The note for an encoding told without a byte-order mark. */
export function guessedNote(guessed: string): string {
  return `read as ${guessed}`;
}
