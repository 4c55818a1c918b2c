import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?inline';
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?inline';
import type { FigureOptions } from '../chart/figureOptions';
import type { FigureModel } from './figureModel';
import { placeFigure } from './figureLayout';
import { FigureSvg } from './FigureSvg';

/**
 * Inter embedded as data URLs: a file opened anywhere (or drawn on a canvas, which loads
 * nothing external) renders in the same font. Vite inlines the files (`?inline`).
 */
const FONT_FACES = [
  `@font-face{font-family:Inter;font-weight:400;src:url(${inter400}) format('woff2')}`,
  `@font-face{font-family:Inter;font-weight:600;src:url(${inter600}) format('woff2')}`,
].join('');

/** A rendered figure: standalone SVG text and its size in CSS pixels. */
export interface RenderedFigure {
  svg: string;
  width: number;
  height: number;
}

/** Draws a figure model as a standalone SVG document. */
export function renderFigure(model: FigureModel, options: FigureOptions): RenderedFigure {
  const { width, height } = placeFigure(model, options);
  const markup = renderToStaticMarkup(
    createElement(FigureSvg, { model, options, fontFaces: FONT_FACES }),
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`, width, height };
}

/**
 * The figure as a PNG at `scale` device pixels per CSS pixel: the SVG drawn on a canvas of
 * that size. Nothing leaves the page; the SVG is read from a blob URL of our own.
 */
export async function renderPng(figure: RenderedFigure, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([figure.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(figure.width * scale);
    canvas.height = Math.round(figure.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, figure.width, figure.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Puts a PNG on the clipboard (the page needs the clipboard-write permission). */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
