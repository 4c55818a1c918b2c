import { extname } from 'node:path';
import { figureModel, renderFigure, type RenderedFigure, type Run } from './app';
import { COMMON_OPTIONS, loadRuns, parseCommand, reporter, writeOutput, type Io } from './command';
import { figurePng } from './png';
import { UsageError } from './usage';
import { scopeOf, VIEW_OPTIONS, viewOf, type ViewArgs } from './view';

export const RENDER_OPTIONS = {
  ...COMMON_OPTIONS,
  ...VIEW_OPTIONS,
  run: { type: 'string' },
  all: { type: 'boolean' },
  diff: { type: 'string' },
  title: { type: 'string' },
  subtitle: { type: 'string' },
  scale: { type: 'string' },
} as const;

/** What the render options ask for, checked before any file is read. */
function figureRequest(values: ViewArgs & { output?: string; scale?: string }) {
  const output = values.output;
  if (output === undefined) throw new UsageError('-o fig.svg or -o fig.png is required', 'render');
  const kind = extname(output).toLowerCase();
  if (kind !== '.svg' && kind !== '.png') {
    throw new UsageError(`-o must name a .svg or .png file, not ${output}`, 'render');
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (![1, 2, 3].includes(scale)) throw new UsageError('--scale must be 1, 2 or 3', 'render');
  if (kind === '.svg' && values.scale !== undefined) {
    throw new UsageError('--scale applies to PNG output; an SVG has no pixels', 'render');
  }
  return { output, png: kind === '.png', scale, view: viewOf(values) };
}

/** The figure the app's export draws for these runs and choices. */
export function figureOf(
  runs: readonly Run[],
  values: ViewArgs & {
    run?: string;
    all?: boolean;
    diff?: string;
    title?: string;
    subtitle?: string;
  },
): RenderedFigure {
  const { scope, view } = scopeOf(runs, values, viewOf(values));
  const model = figureModel(runs, scope, view, {
    title: values.title ?? '',
    subtitle: values.subtitle ?? '',
  });
  if (!model) throw new UsageError('--diff needs two runs', 'render');
  return renderFigure(model, view.figure);
}

/** haymap render: the figure as SVG or PNG. */
export async function render(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('render', args, RENDER_OPTIONS);
  const request = figureRequest(values);
  const runs = await loadRuns('render', positionals, io, values);
  const figure = figureOf(runs, values);
  const data = request.png ? figurePng(figure, request.scale) : figure.svg;
  await writeOutput(io, request.output, data);
  const size = request.png
    ? `${figure.width * request.scale} × ${figure.height * request.scale} px`
    : `${figure.width} × ${figure.height}`;
  reporter(io, values.quiet).note(`wrote ${request.output} (${size})`);
}
