import { DEFAULT_FIGURE } from '../chart/figureOptions';
import { PALETTES, type PaletteId } from '../chart/palettes';
import { DEFAULT_THRESHOLD, METRIC_LABELS } from '../core/metrics';
import { isCount, isNumberIn, isText } from '../core/formats/share/guards';
import type { Metric } from '../core/types';
import { buildFrom, keysOf } from './fieldTables';
import type { LengthScaleChoice } from '../chart/lengthChartLayout';
import { readCallouts, readFigure } from './figureReaders';
import type { ColorScheme, ViewState } from './types';

/** Bounds a reader of untrusted input applies (links are bounded; the saved copy is not). */
export interface ReadLimits {
  maxTaskChars: number;
}

/** A field share links (and the saved copy) carry as it is. */
interface LinkedField<T> {
  default: T;
  link: 'value';
  /** The value read from untrusted input, or undefined when it is not one. */
  read: (value: unknown, limits: ReadLimits) => T | undefined;
  /** Why a link with a bad value is refused, in the user's words. */
  refusal: string;
}

/** A field naming a run: carried as the run's position among those shared, as ids change. */
interface RunField {
  default: null;
  link: 'run';
  refusal: string;
}

/** A field links do not carry. */
interface LocalField<T> {
  default: T;
  link: 'none';
}

/** A preference of this browser: saved with the preferences, never carried by links. */
interface PreferenceField<T> {
  default: T;
  link: 'preference';
  read: (value: unknown) => T | undefined;
}

type FieldPolicy<T> =
  | LinkedField<T>
  | LocalField<T>
  | PreferenceField<T>
  | (null extends T ? (T extends string | null ? RunField : never) : never);

function guarded<T>(guard: (value: unknown) => value is T) {
  return (value: unknown): T | undefined => (guard(value) ? value : undefined);
}

const isMetric = (value: unknown): value is Metric =>
  typeof value === 'string' && Object.hasOwn(METRIC_LABELS, value);

// `Object.hasOwn`, not `in`: "toString" is in every object, and must not pass for a palette.
const isPalette = (value: unknown): value is PaletteId =>
  typeof value === 'string' && Object.hasOwn(PALETTES, value);

const isFraction = (value: unknown): value is number => isNumberIn(value, 0, 1);
const isSwitch = (value: unknown): value is boolean => typeof value === 'boolean';
const isLengthScale = (value: unknown): value is LengthScaleChoice =>
  value === 'auto' || value === 'linear' || value === 'log';

/**
 * The reader of a field added after links were first written: a link without it opens with
 * the default, a link with a bad value is still refused.
 */
function optional<T>(read: (value: unknown) => T | undefined, fallback: T) {
  return (value: unknown): T | undefined => (value === undefined ? fallback : read(value));
}

const isColorScheme = (value: unknown): value is ColorScheme =>
  value === 'system' || value === 'light' || value === 'dark';

/** Length bins a user may ask for. */
export const MAX_BINS = 100;

const THRESHOLDS = 'the view’s thresholds must be numbers in 0..1';
const SWITCHES = 'the view’s switches must be true or false';
const DIFFERENCE_RUNS = 'the view’s difference runs must be positions or null';

/**
 * Every view field's policy: its default, whether share links carry it (and so the saved copy,
 * which also keeps the hidden runs by position; see `persist/savedState.ts`), and its reader
 * from untrusted input. Not carried: hidden runs (a link holds the shown ones only) and the
 * drill-down (a passing look at one cell). Keyed by the view's keys: a new field without a
 * policy does not compile.
 */
export const VIEW_FIELDS = {
  metric: {
    default: 'mean',
    link: 'value',
    read: guarded(isMetric),
    refusal: 'the view names an unknown metric',
  },
  threshold: {
    default: DEFAULT_THRESHOLD,
    link: 'value',
    read: guarded(isFraction),
    refusal: THRESHOLDS,
  },
  palette: {
    default: 'classic',
    link: 'value',
    read: guarded(isPalette),
    refusal: 'the view names an unknown palette',
  },
  task: {
    default: null,
    link: 'value',
    read: (value, { maxTaskChars }) =>
      value === null || isText(value, maxTaskChars) ? value : undefined,
    refusal: 'the view’s task is not text',
  },
  hiddenRunIds: { default: [], link: 'none' },
  align: { default: false, link: 'value', read: guarded(isSwitch), refusal: SWITCHES },
  diffA: { default: null, link: 'run', refusal: DIFFERENCE_RUNS },
  diffB: { default: null, link: 'run', refusal: DIFFERENCE_RUNS },
  effectiveThreshold: {
    default: 0.85,
    link: 'value',
    read: guarded(isFraction),
    refusal: THRESHOLDS,
  },
  showLengthMean: { default: false, link: 'value', read: guarded(isSwitch), refusal: SWITCHES },
  showDepthMean: {
    default: false,
    link: 'value',
    read: optional(guarded(isSwitch), false),
    refusal: SWITCHES,
  },
  lengthScale: {
    default: 'auto',
    link: 'value',
    read: optional(guarded(isLengthScale), 'auto'),
    refusal: 'the view’s length scale must be auto, linear or log',
  },
  drill: { default: null, link: 'none' },
  figure: {
    default: DEFAULT_FIGURE,
    link: 'value',
    read: readFigure,
    refusal: 'the view’s figure options are not valid',
  },
  callouts: {
    default: [],
    link: 'value',
    read: (value, { maxTaskChars }) => readCallouts(value, maxTaskChars),
    refusal:
      'the view’s figure callouts are not valid (each a text and a cell by length and depth)',
  },
  colorScheme: { default: 'system', link: 'preference', read: guarded(isColorScheme) },
  // Local for now: links written before these fields existed must still open.
  diffMode: { default: 'auto', link: 'none' },
  binCount: { default: null, link: 'none' },
  binScale: { default: 'auto', link: 'none' },
  depthBand: { default: 10, link: 'none' },
  smallMultiples: { default: false, link: 'none' },
} satisfies { [K in keyof ViewState]: FieldPolicy<ViewState[K]> };

type Fields = typeof VIEW_FIELDS;

/** The view fields links carry as they are. */
export type LinkedKey = {
  [K in keyof Fields]: Fields[K]['link'] extends 'value' ? K : never;
}[keyof Fields];

/** The view fields that name a run, carried as its position. */
export type RunKey = {
  [K in keyof Fields]: Fields[K]['link'] extends 'run' ? K : never;
}[keyof Fields];

const ALL: { [K in keyof ViewState]: { default: ViewState[K]; link: string } } = VIEW_FIELDS;
const LINKED: { [K in LinkedKey]: LinkedField<ViewState[K]> } = VIEW_FIELDS;

export const VIEW_KEYS = keysOf(ALL);
export const LINKED_KEYS = VIEW_KEYS.filter((key): key is LinkedKey => ALL[key].link === 'value');
export const RUN_KEYS = VIEW_KEYS.filter((key): key is RunKey => ALL[key].link === 'run');

/** The view fields saved as this browser's preferences. */
export type PreferenceKey = {
  [K in keyof Fields]: Fields[K]['link'] extends 'preference' ? K : never;
}[keyof Fields];

const PREFERENCES: { [K in PreferenceKey]: PreferenceField<ViewState[K]> } = VIEW_FIELDS;

export const PREFERENCE_KEYS = VIEW_KEYS.filter(
  (key): key is PreferenceKey => ALL[key].link === 'preference',
);

/** Reads one preference from untrusted input, or undefined when it is not valid. */
export function readPreference<K extends PreferenceKey>(
  key: K,
  value: unknown,
): ViewState[K] | undefined {
  return PREFERENCES[key].read(value);
}

/** The view before the user changes anything. */
export const DEFAULT_VIEW: ViewState = buildFrom<ViewState, keyof ViewState>(
  VIEW_KEYS,
  (key) => ALL[key].default,
);

/** Reads one linked field of `value`, or undefined when it is not valid. */
export function readLinked<K extends LinkedKey>(
  key: K,
  value: unknown,
  limits: ReadLimits,
): ViewState[K] | undefined {
  return LINKED[key].read(value, limits);
}

/** Reads a run position: a count, or null for none; undefined when it is neither. */
export function readRunPosition(value: unknown): number | null | undefined {
  return value === null || isCount(value) ? value : undefined;
}

/** Why a link whose `key` is bad is refused. */
export function refusalOf(key: LinkedKey | RunKey): string {
  return VIEW_FIELDS[key].refusal;
}
