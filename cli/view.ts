import { DEFAULT_VIEW, isPaletteId, type FigureScope, type Run, type ViewState } from './app';
import { calloutsOf, checkedFigure, shapeOf } from './figureArgs';
import { UsageError } from './usage';

/** The view options as parseArgs hands them over (strings and switches). */
export interface ViewArgs {
  metric?: string;
  threshold?: string;
  palette?: string;
  task?: string;
  theme?: string;
  values?: string;
  'trained-length'?: string;
  'no-gridlines'?: boolean;
  'depth-hints'?: boolean;
  effective?: string;
  aspect?: string;
  width?: string;
  'title-align'?: string;
  'axis-title-size'?: string;
  legend?: string;
  callout?: string[];
}

/** The parseArgs options of the view, shared by the commands that draw or summarise. */
export const VIEW_OPTIONS = {
  metric: { type: 'string' },
  threshold: { type: 'string' },
  palette: { type: 'string' },
  task: { type: 'string' },
  theme: { type: 'string' },
  values: { type: 'string' },
  'trained-length': { type: 'string' },
  'no-gridlines': { type: 'boolean' },
  'depth-hints': { type: 'boolean' },
  aspect: { type: 'string' },
  width: { type: 'string' },
  'title-align': { type: 'string' },
  'axis-title-size': { type: 'string' },
  legend: { type: 'string' },
  callout: { type: 'string', multiple: true },
} as const;

/** A number in 0..1 from an option, or a usage error naming it. */
export function unitNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--${flag} must be a number in 0..1, not ${JSON.stringify(value)}`);
  }
  return number;
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    throw new UsageError(`--${flag} must be ${allowed.join(', ')}; not ${JSON.stringify(value)}`);
  }
  return found;
}

/** The app's view with the options applied: what the app shows after the same choices. */
export function viewOf(args: ViewArgs): ViewState {
  const metric = oneOf(args.metric, 'metric', ['mean', 'pass'] as const);
  if (args.palette !== undefined && !isPaletteId(args.palette)) {
    throw new UsageError(
      `--palette must be classic, viridis or cividis; not ${JSON.stringify(args.palette)}`,
    );
  }
  let trainedLength = DEFAULT_VIEW.figure.trainedLength;
  if (args['trained-length'] !== undefined) {
    const tokens = Number(args['trained-length']);
    if (!Number.isInteger(tokens) || tokens <= 0) {
      throw new UsageError('--trained-length must be a whole number of tokens above 0');
    }
    trainedLength = tokens;
  }
  return {
    ...DEFAULT_VIEW,
    metric: metric === 'pass' ? 'passRate' : 'mean',
    threshold: unitNumber(args.threshold, 'threshold', DEFAULT_VIEW.threshold),
    palette: args.palette ?? DEFAULT_VIEW.palette,
    task: args.task ?? null,
    effectiveThreshold: unitNumber(args.effective, 'effective', DEFAULT_VIEW.effectiveThreshold),
    callouts: calloutsOf(args.callout),
    figure: checkedFigure({
      ...shapeOf(args),
      theme: oneOf(args.theme, 'theme', ['light', 'dark'] as const) ?? DEFAULT_VIEW.figure.theme,
      valueLabels:
        oneOf(args.values, 'values', ['off', 'all', 'below100'] as const) ??
        DEFAULT_VIEW.figure.valueLabels,
      gridlines: !args['no-gridlines'],
      trainedLength,
      depthHints: args['depth-hints'] ?? DEFAULT_VIEW.figure.depthHints,
    }),
  };
}

/** The run a `--run` or `--diff` names: by name, else by its 1-based position. */
export function findRun(runs: readonly Run[], name: string, flag: string): Run {
  const byName = runs.find((run) => run.name === name);
  if (byName) return byName;
  const position = Number(name);
  const byPosition = Number.isInteger(position) ? runs[position - 1] : undefined;
  if (byPosition) return byPosition;
  throw new UsageError(
    `${flag}: no run ${JSON.stringify(name)}; the runs are ${runs.map((r) => JSON.stringify(r.name)).join(', ')}`,
  );
}

/** What the figure shows, from --run, --all and --diff, and the view's difference runs. */
export function scopeOf(
  runs: readonly Run[],
  args: { run?: string; all?: boolean; diff?: string },
  view: ViewState,
): { scope: FigureScope; view: ViewState } {
  const chosen = [args.run !== undefined, args.all === true, args.diff !== undefined];
  if (chosen.filter(Boolean).length > 1) {
    throw new UsageError('--run, --all and --diff choose what the figure shows: give one of them');
  }
  if (args.run !== undefined) {
    return { scope: { kind: 'run', runId: findRun(runs, args.run, '--run').id }, view };
  }
  if (args.diff !== undefined) {
    const names = args.diff.split(',');
    const [a, b] = names;
    if (names.length !== 2 || a === undefined || b === undefined) {
      throw new UsageError('--diff takes two runs, A,B');
    }
    const runA = findRun(runs, a, '--diff');
    const runB = findRun(runs, b, '--diff');
    if (runA.id === runB.id) throw new UsageError('--diff needs two different runs');
    return { scope: { kind: 'diff' }, view: { ...view, diffA: runA.id, diffB: runB.id } };
  }
  return { scope: { kind: 'all' }, view };
}
