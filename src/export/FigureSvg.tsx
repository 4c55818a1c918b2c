import { HeatmapBody } from '../chart/HeatmapBody';
import type { FigureOptions } from '../chart/figureOptions';
import { lengthTickFormat } from '../chart/format';
import { rowLabel } from '../chart/labels';
import { heatmapLayout, type HeatmapLayout } from '../chart/layout';
import type { PanelModel } from '../chart/panels';
import { THEMES } from '../chart/theme';
import type { FigureModel } from './figureModel';

/** Width of one panel in an exported figure, in CSS pixels. */
export const PANEL_WIDTH = 600;
const PAD = 28;
const GAP = 28;
const LINE = { title: 26, subtitle: 18, panelTitle: 18, panelSub: 15, footnote: 15 };

interface PlacedPanel {
  panel: PanelModel;
  layout: HeatmapLayout;
  /** The panel's own title, or null when the figure's title already says it. */
  title: string | null;
  subtitle: string[];
  x: number;
  y: number;
  /** Height of the title and subtitle above the plot. */
  head: number;
}

/** Panels per row: up to three in a row, four as two by two, more in rows of three. */
function columnsFor(count: number): number {
  return count <= 3 ? count : count === 4 ? 2 : 3;
}

/** Characters per line of text at about `fontSize` px in `width` px (Inter's average advance). */
function charsFor(width: number, fontSize: number): number {
  return Math.floor(width / (fontSize * 0.55));
}

/** Lines of at most `maxChars`, broken between words: SVG text does not wrap by itself. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Where each panel and line of text goes, and how big the figure is. */
export function placeFigure(model: FigureModel, options: FigureOptions) {
  const columns = columnsFor(model.panels.length);
  const width = PAD * 2 + columns * PANEL_WIDTH + (columns - 1) * GAP;
  const inner = width - PAD * 2;
  const title = wrapText(model.title, charsFor(inner, 20));
  const subtitle = wrapText(model.subtitle, charsFor(inner, 13));
  const footnote = model.footnote.flatMap((line) => wrapText(line, charsFor(inner, 11)));
  const top = PAD + title.length * LINE.title + subtitle.length * LINE.subtitle + 14;
  const single = model.panels.length === 1;
  const heads = model.panels.map((panel) => {
    const ownTitle = single && panel.title === model.title ? null : panel.title;
    const sub = wrapText(panel.subtitle, charsFor(PANEL_WIDTH, 11.5));
    return {
      ownTitle,
      sub,
      head: (ownTitle ? LINE.panelTitle : 0) + sub.length * LINE.panelSub + 12,
    };
  });
  const laid = model.panels.map((panel) =>
    heatmapLayout({
      width: PANEL_WIDTH,
      lengths: panel.axes.lengths,
      rows: panel.axes.rows,
      rowKind: panel.axes.rowKind,
      lengthLabel: panel.lengthLabel ?? lengthTickFormat(panel.axes.lengths, panel.lengthLabels),
      rowLabel: panel.rowLabel ?? rowLabel,
      depthHints: options.depthHints,
    }),
  );
  const placed: PlacedPanel[] = [];
  let y = top;
  for (let start = 0; start < laid.length; start += columns) {
    let rowHeight = 0;
    for (let i = start; i < Math.min(start + columns, laid.length); i += 1) {
      const panel = model.panels[i];
      const layout = laid[i];
      const head = heads[i];
      if (!panel || !layout || !head) continue;
      rowHeight = Math.max(rowHeight, head.head + layout.height);
      placed.push({
        panel,
        layout,
        title: head.ownTitle,
        subtitle: head.sub,
        head: head.head,
        x: PAD + (i - start) * (PANEL_WIDTH + GAP),
        y,
      });
    }
    y += rowHeight + GAP;
  }
  // Whole pixels, so a PNG at any scale has exactly scale x the figure's size.
  const height = Math.ceil(y - GAP + 12 + footnote.length * LINE.footnote + PAD - 8);
  return { placed, width, height, title, subtitle, footnote };
}

/**
 * A whole figure as one standalone SVG: title, subtitle, panels drawn by the same HeatmapBody
 * as the screen, and a footnote. `fontFaces` is CSS with the embedded fonts.
 */
export function FigureSvg({
  model,
  options,
  fontFaces,
}: {
  model: FigureModel;
  options: FigureOptions;
  fontFaces: string;
}) {
  const theme = THEMES[options.theme];
  const { placed, width, height, title, subtitle, footnote } = placeFigure(model, options);
  const subtitleTop = PAD + title.length * LINE.title;
  const footnoteTop = height - PAD + 8 - (footnote.length - 1) * LINE.footnote;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={theme.fontFamily}
      fontSize={12}
      data-panels={placed.length}
    >
      <defs>
        <style>{fontFaces}</style>
      </defs>
      <rect width={width} height={height} fill={theme.background} />
      <text fontSize={20} fontWeight={600} fill={theme.text}>
        {title.map((line, i) => (
          <tspan key={i} x={PAD} y={PAD + 18 + i * LINE.title}>
            {line}
          </tspan>
        ))}
      </text>
      <text fontSize={13} fill={theme.muted}>
        {subtitle.map((line, i) => (
          <tspan key={i} x={PAD} y={subtitleTop + 12 + i * LINE.subtitle}>
            {line}
          </tspan>
        ))}
      </text>
      {placed.map((place, i) => (
        <g key={i} transform={`translate(${place.x},${place.y})`}>
          {place.title && (
            <text y={13} fontSize={14} fontWeight={600} fill={theme.text}>
              {place.title}
            </text>
          )}
          <text fontSize={11.5} fill={theme.muted}>
            {place.subtitle.map((line, j) => (
              <tspan key={j} x={0} y={(place.title ? LINE.panelTitle : 0) + 11 + j * LINE.panelSub}>
                {line}
              </tspan>
            ))}
          </text>
          <g transform={`translate(0,${place.head})`}>
            <HeatmapBody
              layout={place.layout}
              cells={place.panel.cells}
              colour={place.panel.colour}
              legend={place.panel.legend}
              theme={theme}
              options={options}
              lengthLabel={
                place.panel.lengthLabel ??
                lengthTickFormat(place.panel.axes.lengths, place.panel.lengthLabels)
              }
              rowLabel={place.panel.rowLabel ?? rowLabel}
              lengthTitle={place.panel.lengthTitle}
            />
          </g>
        </g>
      ))}
      <text fontSize={11} fill={theme.muted}>
        {footnote.map((line, i) => (
          <tspan key={i} x={PAD} y={footnoteTop + i * LINE.footnote}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
}
