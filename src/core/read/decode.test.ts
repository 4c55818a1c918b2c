import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { readAll } from '../source';
import { byteSource, memoryFile } from './byteSource';
import { ChunkDecoder, decodeWhole, LATIN1_NOTE, sniffEncoding } from './decode';

const utf16le = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());

describe('sniffEncoding', () => {
  it('reads byte-order marks', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      ok: true,
      encoding: 'utf-8',
    });
    expect(sniffEncoding(utf16le('a,b'))).toEqual({ ok: true, encoding: 'utf-16le' });
    expect(sniffEncoding(utf16be('a,b'))).toEqual({ ok: true, encoding: 'utf-16be' });
    expect(sniffEncoding(new TextEncoder().encode('a,b\n1,2'))).toEqual({
      ok: true,
      encoding: 'utf-8',
    });
  });

  it('tells UTF-16 without a byte-order mark by its zero bytes', () => {
    const le = new Uint8Array(Buffer.from('context_length,score\n1000,1\n', 'utf16le'));
    expect(sniffEncoding(le)).toMatchObject({ ok: true, encoding: 'utf-16le', guessed: /LE/ });
    const be = new Uint8Array(Buffer.from('context_length,score\n', 'utf16le').swap16());
    expect(sniffEncoding(be)).toMatchObject({ ok: true, encoding: 'utf-16be' });
  });

  it.each([
    ['bzip2', [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x00]],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00]],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00]],
    ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
    ['RAR', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]],
    ['zip', [0x50, 0x4b, 0x03, 0x04]],
    ['UTF-32', [0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]],
  ])('names %s, which it cannot read', (name, bytes) => {
    const sniffed = sniffEncoding(new Uint8Array(bytes));
    expect(sniffed.ok).toBe(false);
    expect(sniffed.ok ? '' : sniffed.reason).toContain(name);
  });
});

describe('ChunkDecoder', () => {
  it('decodes UTF-8 and UTF-16 cut anywhere, even inside a character', () => {
    const text = 'depth 12,5 % — café 😀 end';
    const cases = [
      ['utf-8', new TextEncoder().encode(text)],
      ['utf-16le', new Uint8Array(Buffer.from(text, 'utf16le'))],
      ['utf-16be', new Uint8Array(Buffer.from(text, 'utf16le').swap16())],
    ] as const;
    for (const [encoding, bytes] of cases) {
      for (let cut = 0; cut <= bytes.length; cut += 1) {
        const decoder = new ChunkDecoder(encoding);
        const out =
          decoder.decode(bytes.subarray(0, cut)) + decoder.decode(bytes.subarray(cut), true);
        expect(out).toBe(text);
        expect(decoder.fellBack).toBe(false);
      }
    }
  });

  it('falls back to Windows-1252 at the first byte that is not UTF-8, keeping a cut sequence', () => {
    const decoder = new ChunkDecoder('utf-8');
    expect(decoder.decode(new TextEncoder().encode('name,score\n'))).toBe('name,score\n');
    // 0xC3 may start "é" in UTF-8; the 0x28 after it says it did not: both are Windows-1252.
    expect(decoder.decode(new Uint8Array([0x43, 0x61, 0x66, 0xc3]))).toBe('Caf');
    expect(decoder.decode(new Uint8Array([0x28, 0x80, 0xe9]), true)).toBe('Ã(€é');
    expect(decoder.fellBack).toBe(true);
  });

  it('notes a whole file read as Windows-1252', () => {
    const decoded = decodeWhole(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]));
    expect(decoded).toEqual({ ok: true, text: 'Müller', notes: [LATIN1_NOTE] });
  });
});

describe('byteSource', () => {
  const csv = 'model,context_length,depth_percent,score\nMüller 😀,1000,0,1\nMüller 😀,2000,50,0\n';

  it.each([1, 3, 1 << 16])(
    'streams UTF-16 text in chunks of %d bytes, and a large Windows-1252 file with its note',
    async (chunk) => {
      for (const bytes of [utf16le(csv), utf16be(csv)]) {
        const source = await byteSource(memoryFile('t.csv', bytes, chunk), () => undefined);
        expect(await readAll(source)).toBe(csv);
        expect(source.head).toBe(csv);
        expect(source.notes).toEqual([]);
      }
      const latin1 = new Uint8Array([...Buffer.from('name\nA\n'), 0xfc, 0x0a]);
      const source = await byteSource(memoryFile('l.csv', latin1, chunk), () => undefined);
      expect(await readAll(source)).toBe('name\nA\nü\n');
      expect(source.notes).toEqual([`l.csv: ${LATIN1_NOTE}`]);
    },
  );

  it('gives a compressed file no text and the reason, whole or streamed', async () => {
    const bz2 = new Uint8Array([0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59]);
    for (const whole of [bz2, undefined]) {
      const source = await byteSource(memoryFile('r.csv.bz2', bz2), () => undefined, whole);
      expect(source.unreadable).toMatch(/compressed with bzip2/);
      expect(await readAll(source)).toBe('');
    }
  });

  it('loads UTF-16 files through detection and parsing', async () => {
    for (const bytes of [utf16le(csv), utf16be(csv)]) {
      const source = await byteSource(memoryFile('t.csv', bytes), () => undefined, bytes);
      const text = await readAll(source);
      const plain = await loadBatch([{ path: 't.csv', text: csv }]);
      expect(await loadBatch([{ path: 't.csv', text }])).toEqual(plain);
      expect(plain.runs[0]?.cells).toHaveLength(2);
    }
  });
});

describe('the start of a file (a preview)', () => {
  it('leaves out a character cut at the end instead of falling back to Windows-1252', async () => {
    const bytes = new TextEncoder().encode('name\ncafé\n€');
    const start = bytes.subarray(0, bytes.length - 1);
    const source = await byteSource(
      { ...memoryFile('p.csv', start), size: bytes.length },
      () => undefined,
      start,
    );
    expect(await readAll(source)).toBe('name\ncafé\n');
    expect(source.notes).toEqual([]);
  });
});
