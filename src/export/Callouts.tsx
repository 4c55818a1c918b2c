import type { FigureTheme } from '../chart/theme';
import { CALLOUT_TEXT, type PlacedCallout } from './calloutLayout';

const HEAD_PX = 8;

/** An arrow's head at (x2, y2), pointing along the line: a filled triangle (no SVG marker). */
function arrowHead({ x1, y1, x2, y2 }: PlacedCallout['arrow']): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const side = (turn: number) =>
    `${(x2 - HEAD_PX * Math.cos(angle + turn)).toFixed(1)},${(y2 - HEAD_PX * Math.sin(angle + turn)).toFixed(1)}`;
  return `${x2.toFixed(1)},${y2.toFixed(1)} ${side(0.42)} ${side(-0.42)}`;
}

/**
 * The figure's callouts: a dashed box round a range (a solid outline round one cell), an
 * arrow to it, and the text in a box of the figure's background.
 */
export function Callouts({ placed, theme }: { placed: PlacedCallout[]; theme: FigureTheme }) {
  return (
    <g className="callouts" data-testid="callouts">
      {placed.map((p, i) => {
        const range = p.callout.to !== null;
        const { arrow, box, target } = p;
        return (
          <g
            key={i}
            className="callout"
            data-testid="callout"
            data-length={p.callout.at.lengthTokens}
            data-row={p.callout.at.row}
          >
            <rect
              data-testid={range ? 'callout-range' : 'callout-cell'}
              x={target.x - 1}
              y={target.y - 1}
              width={target.width + 2}
              height={target.height + 2}
              fill="none"
              stroke={theme.text}
              strokeWidth={range ? 1.5 : 2}
              strokeDasharray={range ? '5 3' : undefined}
            />
            <g data-testid="callout-arrow" stroke={theme.text} fill={theme.text}>
              <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} strokeWidth={1.5} />
              <polygon points={arrowHead(arrow)} strokeWidth={0} />
            </g>
            <rect
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              rx={3}
              fill={theme.background}
              fillOpacity={0.94}
              stroke={theme.text}
              strokeWidth={1}
            />
            <text fontSize={CALLOUT_TEXT.fontPx} fill={theme.text} data-testid="callout-text">
              {p.lines.map((line, j) => (
                <tspan
                  key={j}
                  x={box.x + CALLOUT_TEXT.padPx}
                  y={box.y + CALLOUT_TEXT.padPx + 10 + j * CALLOUT_TEXT.linePx}
                >
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </g>
  );
}
