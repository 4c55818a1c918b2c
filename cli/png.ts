import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { RenderedFigure } from './app';

/**
 * The figure's font files: the Inter the SVG embeds (from @fontsource/inter, the same
 * package), and DejaVu Sans for the few symbols Inter lacks (≥ of pass thresholds, ● of the
 * difference view), which a browser takes from a system font. resvg reads TrueType/OpenType
 * only, so the packages' WOFF files are unpacked.
 */
const FONT_FILES = [
  '@fontsource/inter/files/inter-latin-400-normal.woff',
  '@fontsource/inter/files/inter-latin-600-normal.woff',
  '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
];

/** A WOFF 1.0 font as the TrueType/OpenType file it wraps (each table zlib-compressed or not). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/**
 * Names a static instance by its family alone: fontsource's Inter 600 calls its family
 * "Inter SemiBold" (name ID 1, no typographic family), and resvg matches
 * `font-family="Inter" font-weight="600"` by that name, so it would draw titles in 400. The
 * name records are shortened to the `family` prefix of their own strings; the weight stays the
 * OS/2 table's.
 */
export function nameFamily(sfnt: Buffer, family: string): Buffer {
  const numTables = sfnt.readUInt16BE(4);
  for (let i = 0; i < numTables; i += 1) {
    const at = 12 + i * 16;
    if (sfnt.toString('latin1', at, at + 4) !== 'name') continue;
    const table = sfnt.readUInt32BE(at + 8);
    const count = sfnt.readUInt16BE(table + 2);
    const strings = table + sfnt.readUInt16BE(table + 4);
    for (let j = 0; j < count; j += 1) {
      const record = table + 6 + j * 12;
      if (sfnt.readUInt16BE(record + 6) !== 1) continue;
      // Windows names are UTF-16BE, Macintosh ones one byte a character.
      const wide = sfnt.readUInt16BE(record) !== 1;
      const start = strings + sfnt.readUInt16BE(record + 10);
      const bytes = sfnt.subarray(start, start + sfnt.readUInt16BE(record + 8));
      const name = wide ? bytes.swap16().toString('utf16le') : bytes.toString('latin1');
      if (wide) bytes.swap16();
      if (name.startsWith(`${family} `)) {
        sfnt.writeUInt16BE(family.length * (wide ? 2 : 1), record + 8);
      }
    }
  }
  return sfnt;
}

/** Bumped when the unpacking above changes what it writes for the same WOFF file. */
const UNPACKING = 1;

/**
 * The fonts as TrueType files resvg can open (its Node build reads font files, not buffers),
 * unpacked into the temporary folder under a name of the WOFF file's content: once there, a
 * run reads three small files and unpacks nothing.
 */
function interFonts(require: NodeJS.Require): string[] {
  return FONT_FILES.map((name) => {
    const woff = readFileSync(require.resolve(name));
    const digest = createHash('sha256').update(`${UNPACKING}:`).update(woff).digest('hex');
    const path = join(tmpdir(), `haymap-${basename(name, '.woff')}-${digest.slice(0, 16)}.ttf`);
    if (!existsSync(path)) {
      // Written aside and renamed, so a concurrent run never reads half a font.
      const partial = `${path}.${process.pid}`;
      writeFileSync(partial, nameFamily(woffToSfnt(woff), 'Inter'));
      renameSync(partial, path);
    }
    return path;
  });
}

/** What resvg's native binding offers here: its renderer, which takes its options as JSON. */
interface NativeResvg {
  Resvg: new (svg: string, options: string) => { render(): { asPng(): Buffer } };
}

/**
 * resvg's platform packages for this machine, in the order to try: the one npm installed
 * (its `os`, `cpu` and `libc` match) loads, a wrong libc's fails to, and is passed over.
 */
export function platformBindings(
  platform: string = process.platform,
  arch: string = process.arch,
): string[] {
  const names: Partial<Record<string, string[]>> = {
    linux: [`linux-${arch}-gnu`, `linux-${arch}-musl`],
    darwin: [`darwin-${arch}`],
    win32: [`win32-${arch}-msvc`],
  };
  return (names[platform] ?? []).map((name) => `@resvg/resvg-js-${name}`);
}

/**
 * resvg's native binding, loaded here on the first PNG, not when the command line starts:
 * straight from its platform package where one loads, else through @resvg/resvg-js, whose
 * loader first asks `process.report` which C library this is (a full diagnostic report, a
 * tenth of a PNG's time) and tries a dozen paths. Both are the same binding.
 */
export function resvgBinding(
  require: NodeJS.Require,
  candidates: readonly string[] = platformBindings(),
): { binding: NativeResvg; from: string } {
  for (const name of candidates) {
    try {
      return { binding: require(name) as NativeResvg, from: name };
    } catch {
      // Not installed here, or built for another C library: the next, or the package's loader.
    }
  }
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  // The package's class takes the options as an object and passes them on as JSON.
  const binding: NativeResvg = {
    Resvg: class extends Resvg {
      constructor(svg: string, options: string) {
        super(svg, JSON.parse(options) as ConstructorParameters<typeof Resvg>[1]);
      }
    },
  };
  return { binding, from: '@resvg/resvg-js' };
}

/**
 * The figure as a PNG of `scale` times its size, drawn by resvg with Inter only: system fonts
 * are left out, so the same figure gives the same pixels on any machine.
 */
export function figurePng(figure: RenderedFigure, scale: number): Buffer {
  const require = createRequire(import.meta.url);
  const { Resvg } = resvgBinding(require).binding;
  const options = {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: interFonts(require), loadSystemFonts: false, defaultFontFamily: 'Inter' },
    background: 'rgba(0,0,0,0)',
  };
  return new Resvg(figure.svg, JSON.stringify(options)).render().asPng();
}
