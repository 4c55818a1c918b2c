/** Where everything of an exported figure goes, and how big it is. Pure: sizes and texts. */
import type { FigureOptions } from '../chart/figureOptions';
import { valueLabelFit, widestValue } from '../chart/figureMarks';
import { lengthTickFormat } from '../chart/format';
import { rowLabel } from '../chart/labels';
import { heatmapLayout, type HeatmapLayout } from '../chart/layout';
import type { PanelModel } from '../chart/panels';
import { placeCallouts, type PlacedCallout } from './calloutLayout';
import type { FigureModel } from './figureModel';

/** Width of one panel in an automatic-width figure, in CSS pixels. */
export const PANEL_WIDTH = 600;
export const PAD = 28;
const GAP = 28;
export const LINE = { subtitle: 19, panelTitle: 18, panelSub: 15, footnote: 15 };
export const SIZE = { subtitle: 13, panelSub: 11.5, footnote: 11 };

/** The default width of each fixed aspect, wide enough for a sweep of 35 lengths. */
const ASPECT_WIDTH = { '16:9': 1200, '4:3': 960, square: 760 } as const;
const RATIO = { '16:9': 16 / 9, '4:3': 4 / 3, square: 1 } as const;

export interface PlacedPanel {
  panel: PanelModel;
  layout: HeatmapLayout;
  /** The panel's own title, or null when the figure's heading already says it. */
  title: string | null;
  subtitle: string[];
  x: number;
  y: number;
  /** Height of the title and subtitle above the plot. */
  head: number;
  callouts: PlacedCallout[];
}

/** A line of the heading block: the title, or a smaller line under it. */
export interface HeadingLine {
  text: string;
  y: number;
  kind: 'title' | 'subtitle';
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

/**
 * The figure's width, and its height where the aspect fixes one (null: the content's height).
 * `autoWidth` is the width the panels take at {@link PANEL_WIDTH} each.
 */
export function figureSize(
  options: Pick<FigureOptions, 'aspect' | 'widthPx' | 'heightPx'>,
  autoWidth: number,
): { width: number; height: number | null } {
  const { aspect, widthPx, heightPx } = options;
  if (aspect === 'custom' && widthPx !== null && heightPx !== null) {
    return { width: widthPx, height: heightPx };
  }
  if (aspect === 'screen' || aspect === 'custom')
    return { width: widthPx ?? autoWidth, height: null };
  const width = widthPx ?? Math.max(autoWidth, ASPECT_WIDTH[aspect]);
  return { width, height: Math.round(width / RATIO[aspect]) };
}

/** The title's type size: larger on wider figures, as a printed figure's title is. */
export function titlePx(width: number): number {
  return Math.round(Math.min(26, Math.max(20, width / 46)));
}

/** The heading block: the title, then the user's subtitle, then (one panel) what it shows. */
function headingOf(model: FigureModel, inner: number, width: number): HeadingLine[] {
  const size = titlePx(width);
  const lines: HeadingLine[] = [];
  let y = PAD + size * 0.85;
  for (const text of wrapText(model.title, charsFor(inner, size))) {
    lines.push({ text, y: Math.round(y * 10) / 10, kind: 'title' });
    y += size * 1.25;
  }
  y += 2;
  const single = model.panels[0];
  const panelLine =
    model.panels.length === 1 && single
      ? single.title === model.title
        ? single.subtitle
        : `${single.title} · ${single.subtitle}`
      : '';
  for (const text of [model.subtitle, panelLine].flatMap((t) =>
    wrapText(t, charsFor(inner, SIZE.subtitle)),
  )) {
    lines.push({ text, y: Math.round((y + 1) * 10) / 10, kind: 'subtitle' });
    y += LINE.subtitle;
  }
  return lines;
}

/** Where each panel and line of text goes, and how big the figure is. */
export function placeFigure(model: FigureModel, options: FigureOptions) {
  const columns = columnsFor(model.panels.length);
  const panelRows = Math.ceil(model.panels.length / columns);
  const autoWidth = PAD * 2 + columns * PANEL_WIDTH + (columns - 1) * GAP;
  const size = figureSize(options, autoWidth);
  const width = size.width;
  const inner = width - PAD * 2;
  const panelWidth = (inner - (columns - 1) * GAP) / columns;
  const heading = headingOf(model, inner, width);
  const lastHeading = heading.at(-1);
  const top = (lastHeading?.y ?? PAD) + 18;
  const single = model.panels.length === 1;
  const heads = model.panels.map((panel) => {
    const sub = single ? [] : wrapText(panel.subtitle, charsFor(panelWidth, SIZE.panelSub));
    const title = single ? null : panel.title;
    return { title, sub, head: single ? 0 : LINE.panelTitle + sub.length * LINE.panelSub + 12 };
  });
  const headRows = Array.from({ length: panelRows }, (_, r) =>
    Math.max(0, ...heads.slice(r * columns, (r + 1) * columns).map((h) => h.head)),
  );
  const footnoteLines = (lines: readonly string[]) =>
    lines.flatMap((line) => wrapText(line, charsFor(inner, SIZE.footnote)));
  // Panels fill what a fixed-size figure leaves them above its footnote. The footnote's notes
  // depend on the panels' cell sizes, so they are placed twice when a note appears.
  const placePanels = (footnoteCount: number) => {
    const footnoteHeight = footnoteCount * LINE.footnote + 12 + PAD - 8;
    const fill =
      size.height === null
        ? null
        : (size.height - top - footnoteHeight - (panelRows - 1) * GAP) / panelRows;
    const laid = model.panels.map((panel, i) =>
      heatmapLayout({
        width: panelWidth,
        lengths: panel.axes.lengths,
        rows: panel.axes.rows,
        rowKind: panel.axes.rowKind,
        lengthLabel: panel.lengthLabel ?? lengthTickFormat(panel.axes.lengths, panel.lengthLabels),
        rowLabel: panel.rowLabel ?? rowLabel,
        depthHints: options.depthHints,
        markerLabel: options.trainedLength !== null,
        axisTitlePx: options.axisTitlePx,
        ...(fill === null ? {} : { height: fill - (headRows[Math.floor(i / columns)] ?? 0) }),
      }),
    );
    const placed: PlacedPanel[] = [];
    const notes: string[] = [];
    let y = top;
    for (let start = 0; start < laid.length; start += columns) {
      let rowHeight = 0;
      const headRow = headRows[start / columns] ?? 0;
      for (let i = start; i < Math.min(start + columns, laid.length); i += 1) {
        const panel = model.panels[i];
        const layout = laid[i];
        const head = heads[i];
        if (!panel || !layout || !head) continue;
        rowHeight = Math.max(rowHeight, headRow + layout.height);
        // Callouts go on the first panel, the one a single-run figure has.
        const callouts = i === 0 ? placeCallouts(model.callouts, layout, panel.cells) : null;
        if (callouts && callouts.missing.length > 0) {
          notes.push(
            `Callouts not drawn, their cells are outside ${panel.title}’s sweep: ${callouts.missing.map((c) => `“${c.text}”`).join(', ')}`,
          );
        }
        placed.push({
          panel,
          layout,
          title: head.title,
          subtitle: head.sub,
          head: headRow,
          x: PAD + (i - start) * (panelWidth + GAP),
          y,
          callouts: callouts?.placed ?? [],
        });
      }
      y += rowHeight + GAP;
    }
    const tooSmall = placed.find(
      (p) =>
        options.valueLabels !== 'off' && !valueLabelFit(p.layout, widestValue(p.panel.cells)).fits,
    );
    if (tooSmall) {
      const w = Math.floor(tooSmall.layout.x.bandwidth());
      const h = Math.floor(tooSmall.layout.y.bandwidth());
      notes.push(
        `Values in cells are not printed: cells of ${w} × ${h} px are too small for text (widen the figure, or turn values off)`,
      );
    }
    return { placed, bottom: y - GAP, footnote: footnoteLines([...notes, ...model.footnote]) };
  };
  const first = placePanels(footnoteLines(model.footnote).length);
  const { placed, bottom, footnote } =
    size.height !== null && first.footnote.length > footnoteLines(model.footnote).length
      ? placePanels(first.footnote.length)
      : first;
  const contentHeight = bottom + 12 + footnote.length * LINE.footnote + PAD - 8;
  // Whole pixels, so a PNG at any scale has exactly scale x the figure's size. A fixed size
  // holds unless the rows at their thinnest still need more.
  const height = Math.ceil(Math.max(size.height ?? 0, contentHeight));
  const footnoteTop = height - PAD + 8 - (footnote.length - 1) * LINE.footnote;
  return { placed, width, height, heading, footnote, footnoteTop };
}
