import { markerPath, type RunStyle } from './runColours';

/** A run's key in legends and tables: a short stroke of its line, with its point marker. */
export function RunSwatch({ style }: { style: RunStyle | undefined }) {
  const colour = style?.colour ?? '#8a939e';
  return (
    <svg className="run-swatch" width={24} height={12} viewBox="0 0 24 12" aria-hidden="true">
      <line
        x1={1}
        y1={6}
        x2={23}
        y2={6}
        stroke={colour}
        strokeWidth={2.5}
        strokeDasharray={style?.dash}
      />
      <path
        d={markerPath(style?.marker ?? 'circle', 3.5)}
        transform="translate(12,6)"
        className="run-swatch-marker"
        fill={colour}
        stroke="#fff"
        strokeWidth={1.25}
      />
    </svg>
  );
}
