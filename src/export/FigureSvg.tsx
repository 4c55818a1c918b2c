import { HeatmapBody } from '../chart/HeatmapBody';
import type { FigureOptions } from '../chart/figureOptions';
import { lengthTickFormat } from '../chart/format';
import { rowLabel } from '../chart/labels';
import { THEMES } from '../chart/theme';
import { Callouts } from './Callouts';
import type { FigureModel } from './figureModel';
import { LINE, PAD, placeFigure, SIZE, titlePx } from './figureLayout';

/**
 * A whole figure as one standalone SVG: one heading block (title and subtitle), panels drawn
 * by the same HeatmapBody as the screen, callouts, and a footnote. `fontFaces` is CSS with the
 * embedded fonts.
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
  const { placed, width, height, heading, footnote, footnoteTop } = placeFigure(model, options);
  const centred = options.titleAlign === 'center';
  const headingX = centred ? width / 2 : PAD;
  // Axis and legend titles share a class on screen and here; the export sets their size.
  const style = `${fontFaces}.axis-title{font-size:${options.axisTitlePx}px}`;
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
        <style>{style}</style>
      </defs>
      <rect width={width} height={height} fill={theme.background} />
      <g className="heading" textAnchor={centred ? 'middle' : 'start'} data-testid="figure-heading">
        {heading.map((line, i) =>
          line.kind === 'title' ? (
            <text
              key={i}
              x={headingX}
              y={line.y}
              fontSize={titlePx(width)}
              fontWeight={600}
              fill={theme.text}
            >
              {line.text}
            </text>
          ) : (
            <text key={i} x={headingX} y={line.y} fontSize={SIZE.subtitle} fill={theme.muted}>
              {line.text}
            </text>
          ),
        )}
      </g>
      {placed.map((place, i) => (
        <g key={i} transform={`translate(${place.x},${place.y})`}>
          {place.title && (
            <text y={13} fontSize={14} fontWeight={600} fill={theme.text}>
              {place.title}
            </text>
          )}
          {place.subtitle.length > 0 && (
            <text fontSize={SIZE.panelSub} fill={theme.muted}>
              {place.subtitle.map((line, j) => (
                <tspan key={j} x={0} y={LINE.panelTitle + 11 + j * LINE.panelSub}>
                  {line}
                </tspan>
              ))}
            </text>
          )}
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
            <Callouts placed={place.callouts} theme={theme} />
          </g>
        </g>
      ))}
      <text fontSize={SIZE.footnote} fill={theme.muted} data-testid="figure-footnote">
        {footnote.map((line, i) => (
          <tspan key={i} x={PAD} y={footnoteTop + i * LINE.footnote}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
}
