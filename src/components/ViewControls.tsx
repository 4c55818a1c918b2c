import { isPaletteId, PALETTES } from '../chart/palettes';
import { METRIC_LABELS } from '../core/metrics';
import type { Metric } from '../core/types';
import { useStore } from '../state/store';

function isMetric(value: string): value is Metric {
  return value in METRIC_LABELS;
}

/** Metric, pass threshold and palette, shared by every panel. */
export function ViewControls() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  return (
    <div className="view-controls">
      <label className="field">
        <span>Colour by</span>
        <select
          data-testid="metric"
          value={view.metric}
          onChange={(e) => {
            const metric = e.currentTarget.value;
            if (isMetric(metric)) setView({ metric });
          }}
        >
          {Object.entries(METRIC_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Pass at score ≥</span>
        <input
          data-testid="threshold"
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={view.threshold}
          onChange={(e) => {
            const threshold = e.currentTarget.valueAsNumber;
            if (Number.isFinite(threshold) && threshold >= 0 && threshold <= 1)
              setView({ threshold });
          }}
        />
      </label>
      <label className="field">
        <span>Palette</span>
        <select
          data-testid="palette"
          value={view.palette}
          onChange={(e) => {
            const palette = e.currentTarget.value;
            if (isPaletteId(palette)) setView({ palette });
          }}
        >
          {Object.values(PALETTES).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
