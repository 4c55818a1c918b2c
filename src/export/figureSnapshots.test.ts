/**
 * The exported SVG of two example runs, committed beside this file and reviewed like code: a
 * change of the figure shows up as a diff of these files. The embedded fonts are cut to a
 * marker (they are the same bytes in every figure), so the diff shows only what was drawn.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE } from '../chart/figureOptions';
import { loadBatch } from '../core/load';
import type { Run } from '../core/types';
import { DEFAULT_VIEW } from '../state/viewFields';
import { figureModel, type FigureScope } from './figureModel';
import { renderFigure } from './render';
import type { ViewState } from '../state/types';

const SAMPLES = resolve(import.meta.dirname, '../../public/samples');

async function runsOf(...paths: string[]): Promise<Run[]> {
  const result = await loadBatch(
    paths.map((path) => ({ path, text: readFileSync(join(SAMPLES, path), 'utf8') })),
  );
  return result.runs.map((run, i) => ({ ...run, id: `run-${i + 1}` }));
}

/**
 * The figure's SVG with the embedded fonts' data cut to a marker, an element a line (as the
 * renderer writes one long line), so a review reads a diff of what changed.
 */
function reviewable(svg: string): string {
  return svg
    .replace(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)/g, 'url(data:font/woff2;…)')
    .replace(/></g, '>\n<');
}

async function figureOf(
  runs: Run[],
  scope: FigureScope,
  view: ViewState,
  texts: { title: string; subtitle: string },
): Promise<string> {
  const model = figureModel(runs, scope, view, texts);
  if (!model) throw new Error('no figure');
  const svg = reviewable(renderFigure(model, view.figure).svg);
  expect(svg).toContain('url(data:font/woff2;…)');
  return svg;
}

describe('exported figures of the examples', () => {
  it('Llama-3 524K-style: 16:9, centred title, a callout, the trained length, values below 100%', async () => {
    const runs = await runsOf('llama-3-70b-524k-style.csv');
    const view: ViewState = {
      ...DEFAULT_VIEW,
      metric: 'passRate',
      figure: {
        ...DEFAULT_FIGURE,
        aspect: '16:9',
        valueLabels: 'below100',
        trainedLength: 256100,
        depthHints: true,
      },
      callouts: [
        {
          text: 'First misses past the trained length',
          at: { lengthTokens: 448100, row: 60 },
          to: null,
        },
      ],
    };
    const svg = await figureOf(runs, { kind: 'all' }, view, {
      title: 'Llama-3 70B Instruct Gradient 524K: needle retrieval by context length',
      subtitle: 'Synthetic example shaped like the model card’s figure',
    });
    await expect(svg).toMatchFileSnapshot('__snapshots__/llama-3-524k-16x9.svg');
  });

  it('GPT-4-like checkpoints: three stages side by side, left title, swatch legend, a boxed range', async () => {
    const runs = await runsOf(
      'checkpoints/stage-65k.json',
      'checkpoints/stage-262k.json',
      'checkpoints/stage-524k.json',
    );
    const view: ViewState = {
      ...DEFAULT_VIEW,
      figure: {
        ...DEFAULT_FIGURE,
        titleAlign: 'left',
        legend: 'stops',
        axisTitlePx: 16,
        valueLabels: 'all',
      },
      callouts: [
        {
          text: 'Degrades beyond 65K',
          at: { lengthTokens: 98304, row: 0 },
          to: { lengthTokens: 524288, row: 100 },
        },
      ],
    };
    const svg = await figureOf(runs, { kind: 'all' }, view, {
      title: 'Three training stages on one sweep',
      subtitle: '',
    });
    await expect(svg).toMatchFileSnapshot('__snapshots__/checkpoints-3-stages.svg');
  });
});
