import { useId } from 'react';
import type { HeatmapLayout } from './layout';
import type { FigureTheme } from './theme';

/** A legend tick: where on the bar (0 = bottom, 1 = top) and what it says. */
export interface LegendTick {
  at: number;
  label: string;
}

export interface LegendSpec {
  title: string;
  /** Colour at a position of the bar, 0 = bottom, 1 = top. */
  interpolate: (t: number) => string;
  ticks: LegendTick[];
}

const STOPS = Array.from({ length: 21 }, (_, i) => i / 20);

/** Average advance of a character of the 12 px semibold title. */
const TITLE_CHAR_PX = 7.2;
/** The title's first line, right of the bar: clear of tick labels up to {@link TICK_LABEL_CHARS}, its glyphs (about 12 px) ending within the room the layout keeps plus a panel's padding. */
export const TITLE_OFFSET_PX = 40;
/** Between the lines of a title that takes two. */
export const TITLE_LINE_PX = 15;
/** Tick labels start this far right of the bar. */
export const TICK_LABEL_PX = 7;
/** The longest tick label that stays clear of the title ("100%", "+100"). */
export const TICK_LABEL_CHARS = 4;

/** Lines a title would like beside the bar: two when it names two runs and is long. */
export function wantedTitleLines(title: string): number {
  return title.includes(' − ') && title.length > 18 ? 2 : 1;
}

function cut(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/**
 * The title in at most `maxLines` lines that each fit along a bar `barPx` long. A metric's
 * title ("Pass rate (score ≥ 0.50)") is short and always drawn whole, past the bar's ends if
 * need be: it says what the colours mean. A difference's title names two runs, so it may be any
 * length: whole when it fits, else broken after the minus of "A − B" (or at a space), each line
 * ending in "…" when still too long, with the full title in a tooltip.
 */
export function legendTitleLines(title: string, barPx: number, maxLines: number): string[] {
  if (!title.includes(' − ')) return [title];
  const fit = Math.max(4, Math.floor(barPx / TITLE_CHAR_PX));
  if (title.length <= fit || maxLines < 2) return [cut(title, fit)];
  const minus = title.indexOf(' − ');
  const space = title.lastIndexOf(' ', fit);
  const at = minus > 0 ? minus + 2 : space;
  if (at <= 0) return [cut(title, fit)];
  return [cut(title.slice(0, at).trimEnd(), fit), cut(title.slice(at).trimStart(), fit)];
}

/** What a legend draws from: the panel's layout (its legend box), the key and the theme. */
export interface LegendProps {
  layout: HeatmapLayout;
  spec: LegendSpec;
  theme: FigureTheme;
}

/** A vertical colour bar, best at the top, with its ticks and title. */
export function Legend({ layout, spec, theme }: LegendProps) {
  const id = useId();
  const { x, y, width, height, titleLines } = layout.legend;
  const lines = legendTitleLines(spec.title, height, titleLines);
  return (
    <g className="legend" aria-hidden="true" fill={theme.muted}>
      <defs>
        <linearGradient id={id} x1="0" y1="1" x2="0" y2="0">
          {STOPS.map((t) => (
            <stop key={t} offset={t} stopColor={spec.interpolate(t)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={x} y={y} width={width} height={height} fill={`url(#${id})`} />
      {spec.ticks.map((tick) => (
        <g key={tick.label} transform={`translate(${x + width},${y + (1 - tick.at) * height})`}>
          <line x2={4} stroke={theme.axis} />
          <text x={TICK_LABEL_PX} dominantBaseline="central">
            {tick.label}
          </text>
        </g>
      ))}
      <g data-testid="legend-title">
        {/* A metric's title is drawn whole; a difference's may be cut, so it keeps a tooltip. */}
        {spec.title.includes(' − ') && <title>{spec.title}</title>}
        {lines.map((line, i) => (
          <text
            key={i}
            className="axis-title"
            // Turned a quarter clockwise, a line's top faces right: the first line goes rightmost.
            transform={`translate(${x + width + TITLE_OFFSET_PX + (lines.length - 1 - i) * TITLE_LINE_PX},${y + height / 2}) rotate(90)`}
            textAnchor="middle"
            fill={theme.text}
            fontWeight={600}
          >
            {line}
          </text>
        ))}
      </g>
    </g>
  );
}
