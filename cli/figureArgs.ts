/**
 * The figure's shape, type and callouts from render options. Each flag is checked with a
 * message naming it; the result then passes the app's own readers of the view fields, so the
 * command line draws no figure a share link of the app would refuse.
 */
import {
  AXIS_TITLE_RANGE,
  DEFAULT_VIEW,
  FIGURE_PX_RANGE,
  readLinked,
  refusalOf,
  type Callout,
  type FigureOptions,
} from './app';
import { UsageError } from './usage';

type Shape = Pick<
  FigureOptions,
  'aspect' | 'widthPx' | 'heightPx' | 'titleAlign' | 'axisTitlePx' | 'legend'
>;

const LIMITS = { maxTaskChars: 200 };

function pixels(value: string, flag: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < FIGURE_PX_RANGE.min || number > FIGURE_PX_RANGE.max) {
    throw new UsageError(
      `${flag} takes whole pixels from ${FIGURE_PX_RANGE.min} to ${FIGURE_PX_RANGE.max}, not ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/** `--aspect 16:9|4:3|square|screen|WxH`, `--width`, `--title-align`, `--axis-title-size`, `--legend`. */
export function shapeOf(args: {
  aspect?: string;
  width?: string;
  'title-align'?: string;
  'axis-title-size'?: string;
  legend?: string;
}): Shape {
  const base = DEFAULT_VIEW.figure;
  let shape: Shape = {
    aspect: base.aspect,
    widthPx: args.width === undefined ? base.widthPx : pixels(args.width, '--width'),
    heightPx: null,
    titleAlign: base.titleAlign,
    axisTitlePx: base.axisTitlePx,
    legend: base.legend,
  };
  const aspect = args.aspect;
  if (aspect !== undefined) {
    const custom = /^(\d+)x(\d+)$/.exec(aspect);
    if (custom) {
      if (args.width !== undefined) {
        throw new UsageError('--aspect WxH names the width already; leave out --width');
      }
      const [, w = '', h = ''] = custom;
      shape = {
        ...shape,
        aspect: 'custom',
        widthPx: pixels(w, '--aspect'),
        heightPx: pixels(h, '--aspect'),
      };
    } else if (
      aspect === '16:9' ||
      aspect === '4:3' ||
      aspect === 'square' ||
      aspect === 'screen'
    ) {
      shape = { ...shape, aspect };
    } else {
      throw new UsageError(
        `--aspect must be 16:9, 4:3, square, screen or WxH in pixels (1600x800); not ${JSON.stringify(aspect)}`,
      );
    }
  }
  const align = args['title-align'];
  if (align !== undefined) {
    if (align !== 'center' && align !== 'left') {
      throw new UsageError(`--title-align must be center or left; not ${JSON.stringify(align)}`);
    }
    shape.titleAlign = align;
  }
  const size = args['axis-title-size'];
  if (size !== undefined) {
    const px = Number(size);
    if (
      size.trim() === '' ||
      !Number.isFinite(px) ||
      px < AXIS_TITLE_RANGE.min ||
      px > AXIS_TITLE_RANGE.max
    ) {
      throw new UsageError(
        `--axis-title-size takes pixels from ${AXIS_TITLE_RANGE.min} to ${AXIS_TITLE_RANGE.max}; not ${JSON.stringify(size)}`,
      );
    }
    shape.axisTitlePx = px;
  }
  const legend = args.legend;
  if (legend !== undefined) {
    if (legend !== 'bar' && legend !== 'stops') {
      throw new UsageError(`--legend must be bar or stops; not ${JSON.stringify(legend)}`);
    }
    shape.legend = legend;
  }
  return shape;
}

/** "165000", "165K" or "1.5M" as tokens (K = 1000), or NaN. */
function tokensOf(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const [, digits = '', unit = ''] = match;
  return Number(digits) * (unit === '' ? 1 : /k/i.test(unit) ? 1e3 : 1e6);
}

/** A cell as the command line names it: a length in tokens and a depth in % (or a task). */
function cellOf(text: string, flag: string) {
  const [length = '', ...rest] = text.split(',');
  const row = rest.join(',').trim().replace(/%$/, '');
  const lengthTokens = tokensOf(length);
  if (!Number.isFinite(lengthTokens) || row === '') {
    throw new UsageError(
      `${flag} names a cell as LENGTH,DEPTH (tokens and %, e.g. 165K,50); not ${JSON.stringify(text)}`,
    );
  }
  const depth = Number(row);
  return { lengthTokens, row: Number.isFinite(depth) ? depth : row };
}

/**
 * `--callout LENGTH,DEPTH=TEXT` (an arrow to a cell) or `--callout L1,D1:L2,D2=TEXT` (a dashed
 * box round the range), repeatable; checked by the app's reader of callouts.
 */
export function calloutsOf(values: readonly string[] | undefined): Callout[] {
  const callouts = (values ?? []).map((value): Callout => {
    const at = value.indexOf('=');
    if (at < 0 || value.slice(at + 1).trim() === '') {
      throw new UsageError('--callout takes LENGTH,DEPTH=TEXT or L1,D1:L2,D2=TEXT');
    }
    const [from = '', to] = value.slice(0, at).split(':');
    return {
      text: value.slice(at + 1).trim(),
      at: cellOf(from, '--callout'),
      to: to === undefined ? null : cellOf(to, '--callout'),
    };
  });
  const read = readLinked('callouts', callouts, LIMITS);
  if (read === undefined) throw new UsageError(`--callout: ${refusalOf('callouts')}`);
  return read;
}

/** The figure options as the app's reader of share links takes them, or a usage error. */
export function checkedFigure(figure: FigureOptions): FigureOptions {
  const read = readLinked('figure', figure, LIMITS);
  if (read === undefined) throw new UsageError(refusalOf('figure'));
  return read;
}
