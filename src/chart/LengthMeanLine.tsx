import type { HeatmapGrid } from '../core/grid';
import { meanByLength } from '../core/summary';
import { percent } from './format';
import type { HeatmapLayout } from './layout';

/**
 * Each length's mean across depths, drawn over the heatmap as a line (OpenCompass's "average
 * depth score"): the top of the plot is 100%, the bottom 0%.
 */
export function LengthMeanLine({ grid, layout }: { grid: HeatmapGrid; layout: HeatmapLayout }) {
  const { x, plot } = layout;
  const points = meanByLength(grid).map((m) => ({
    x: (x(m.lengthTokens) ?? 0) + x.bandwidth() / 2,
    y: plot.y + (1 - m.mean) * plot.height,
    mean: m.mean,
    lengthTokens: m.lengthTokens,
  }));
  if (points.length === 0) return null;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('');
  return (
    <g className="length-mean" data-testid="length-mean-line">
      <path d={path} className="length-mean-halo" />
      <path d={path} className="length-mean-path" />
      {points.map((p) => (
        <circle key={p.lengthTokens} cx={p.x} cy={p.y} r={3} className="length-mean-point">
          <title>{`${p.lengthTokens.toLocaleString('en-US')} tokens: mean over depths ${percent(p.mean)}`}</title>
        </circle>
      ))}
    </g>
  );
}
