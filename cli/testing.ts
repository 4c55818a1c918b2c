import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Io } from './command';
import { main } from './main';

/** What a run of the command line gave: its exit status and what it wrote. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `haymap ...args` in this process, with standard input `stdin`. */
export async function haymap(args: string[], stdin = ''): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (data) => (stdout += typeof data === 'string' ? data : '<binary>') },
    stderr: { write: (data) => (stderr += data), isTTY: false },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'haymap-cli-'));
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The size an SVG declares on its root. */
export function svgSize(svg: string): { width: number; height: number } {
  return {
    width: Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]),
    height: Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1]),
  };
}

/** The cells of an SVG figure, from their data attributes. */
export function svgCells(svg: string) {
  return [...svg.matchAll(/<rect[^>]*data-length="[^"]*"[^>]*>/g)].map(([tag]) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
    const value = attr('data-value');
    return {
      length: Number(attr('data-length')),
      depth: Number(attr('data-depth')),
      value: value === '' ? null : Number(value),
      n: Number(attr('data-n')),
    };
  });
}
