import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useElementWidth } from '../hooks/useElementWidth';
import type { FigureOptions } from './figureOptions';
import { lengthTickFormat } from './format';
import { drawsOnCanvas } from './cellPaint';
import { HeatmapBody } from './HeatmapBody';
import { CellMarks } from './HeatmapCells';
import { rowLabel as plainRowLabel } from './labels';
import { heatmapLayout } from './layout';
import { wantedTitleLines } from './Legend';
import { marginGutter, type MarginChoice } from './margins';
import { MarginStrips } from './MarginStrips';
import type { PanelModel } from './panels';
import { LIGHT_THEME } from './theme';

export interface HeatmapPlotProps {
  /** The axes, cells (row by row, each row in length order), colours, legend and label. */
  panel: PanelModel;
  options: FigureOptions;
  /** The tooltip of a hovered or focused cell. */
  tooltip: (index: number) => ReactNode;
  /** Click or Enter on a cell. */
  onActivate?: (index: number) => void;
  /** The margin strips to draw: each length's mean above the plot, each row's beside it. */
  margins?: MarginChoice;
}

const NO_MARGINS: MarginChoice = { length: false, depth: false };

/** From this panel width, a long legend title may take a second line. */
const WIDE_LEGEND_PX = 560;

const ARROWS: Record<string, [dx: number, dy: number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function cellIndex(target: EventTarget): number | null {
  const index = target instanceof SVGRectElement ? target.dataset.index : undefined;
  return index === undefined ? null : Number(index);
}

/**
 * A heatmap on screen: the shared HeatmapBody in an SVG as wide as its container, with a
 * tooltip, clicks, and keyboard navigation (one cell in the tab order, arrow keys move, Enter
 * activates). Events are delegated to the cells' group, so thousands of cells cost no handlers.
 */
export function HeatmapPlot({
  panel,
  options,
  tooltip,
  onActivate,
  margins = NO_MARGINS,
}: HeatmapPlotProps) {
  const { axes, cells, colour, legend, ariaLabel } = panel;
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [tabStop, setTabStop] = useState(0);
  const { lengthLabels } = panel;
  const lengthLabel = useMemo(
    () => panel.lengthLabel ?? lengthTickFormat(axes.lengths, lengthLabels),
    [panel.lengthLabel, axes.lengths, lengthLabels],
  );
  const rowLabel = panel.rowLabel ?? plainRowLabel;
  const { length: lengthMargin, depth: depthMargin } = margins;
  const legendTitle = panel.legend.title;
  const markerLabel = options.trainedLength !== null;
  const layout = useMemo(
    () =>
      width > 0 && cells.length > 0
        ? heatmapLayout({
            width,
            lengths: axes.lengths,
            rows: axes.rows,
            rowKind: axes.rowKind,
            lengthLabel,
            rowLabel,
            depthHints: options.depthHints,
            gutter: marginGutter({ length: lengthMargin, depth: depthMargin }),
            // A phone gets one line: the difference view names both runs in full above the plot.
            legendTitleLines: width >= WIDE_LEGEND_PX ? wantedTitleLines(legendTitle) : 1,
            markerLabel,
          })
        : null,
    [
      width,
      cells.length,
      axes,
      lengthLabel,
      rowLabel,
      options.depthHints,
      lengthMargin,
      depthMargin,
      legendTitle,
      markerLabel,
    ],
  );

  // Keyboard focus follows the arrow keys: move DOM focus to the cell the index names.
  useEffect(() => {
    if (focused === null) return;
    svgRef.current?.querySelector<SVGRectElement>(`rect[data-index="${focused}"]`)?.focus();
  }, [focused]);

  const columns = axes.lengths.length;
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const current = focused ?? tabStop;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      const col = (current % columns) + arrow[0];
      const row = Math.floor(current / columns) + arrow[1];
      if (col < 0 || col >= columns || row < 0 || row >= axes.rows.length) return;
      setTabStop(row * columns + col);
      setFocused(row * columns + col);
    } else if ((event.key === 'Enter' || event.key === ' ') && onActivate) {
      event.preventDefault();
      onActivate(current);
    }
  };

  // Stable props, so hovering (a tooltip) does not redraw thousands of cells.
  const screenOptions = useMemo(() => ({ ...options, theme: 'light' as const }), [options]);
  const metricName = legendTitle.charAt(0).toLowerCase() + legendTitle.slice(1);
  const strips = useMemo(
    () =>
      layout && (lengthMargin || depthMargin) ? (
        <MarginStrips
          layout={layout}
          cells={cells}
          colour={colour}
          metricName={metricName}
          show={{ length: lengthMargin, depth: depthMargin }}
          depthHints={options.depthHints && axes.rowKind === 'depth'}
          lengthLabel={lengthLabel}
          rowLabel={rowLabel}
          theme={LIGHT_THEME}
        />
      ) : undefined,
    [
      layout,
      cells,
      colour,
      metricName,
      lengthMargin,
      depthMargin,
      options.depthHints,
      axes.rowKind,
      lengthLabel,
      rowLabel,
    ],
  );
  const gridLabel = `${ariaLabel}: cells; arrow keys move, Enter lists the trials`;

  // Over a canvas the rects' own hover and focus styles are hidden: the body draws outlines.
  const onCanvas = drawsOnCanvas(cells.length);
  const marks = useMemo(
    () =>
      onCanvas && layout ? (
        <CellMarks layout={layout} cells={cells} hovered={hovered} focused={focused} />
      ) : undefined,
    [onCanvas, layout, cells, hovered, focused],
  );

  const shown = hovered ?? focused;
  const shownCell = shown === null ? undefined : cells[shown];

  return (
    <div className={layout && layout.width > width ? 'chart chart-wide' : 'chart'} ref={chartRef}>
      {layout && (
        <svg
          ref={svgRef}
          width={layout.width}
          height={layout.height}
          className="heatmap-svg"
          role="group"
          aria-label={ariaLabel}
          fontFamily={LIGHT_THEME.fontFamily}
          fontSize={12}
          // Synchronously, so the tooltip is painted in the frame the pointer moved in.
          onMouseOver={(event) => flushSync(() => setHovered(cellIndex(event.target)))}
          onMouseLeave={() => setHovered(null)}
          onClick={(event) => {
            const index = cellIndex(event.target);
            if (index !== null && onActivate) onActivate(index);
          }}
          onFocus={(event) => {
            const index = cellIndex(event.target);
            if (index !== null) {
              setTabStop(index);
              setFocused(index);
            }
          }}
          onBlur={() => setFocused(null)}
          onKeyDown={onKeyDown}
        >
          <HeatmapBody
            layout={layout}
            cells={cells}
            colour={colour}
            legend={legend}
            theme={LIGHT_THEME}
            options={screenOptions}
            lengthLabel={lengthLabel}
            rowLabel={rowLabel}
            tabStop={tabStop}
            gridLabel={gridLabel}
            overlay={strips}
            lengthTitle={panel.lengthTitle}
            marks={marks}
          />
        </svg>
      )}
      {layout &&
        shown !== null &&
        shownCell &&
        (shownCell.n > 0 || (shownCell.failed ?? 0) > 0) && (
          <div
            className={`tooltip-anchor${(layout.x(shownCell.lengthTokens) ?? 0) > layout.width * 0.6 ? ' tooltip-flip' : ''}`}
            style={{
              left: (layout.x(shownCell.lengthTokens) ?? 0) + layout.x.bandwidth() * 0.5,
              top: (layout.y(shownCell.row) ?? 0) + layout.y.bandwidth(),
            }}
          >
            {tooltip(shown)}
          </div>
        )}
    </div>
  );
}
