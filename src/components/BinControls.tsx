import { MAX_BINS } from '../state/viewFields';
import type { BinScaleChoice, DiffMode, ViewState } from '../state/types';

interface BinControlsProps {
  mode: DiffMode;
  /** Whether the view is drawn on bins now (the bin settings apply). */
  binned: boolean;
  binCount: number | null;
  binScale: BinScaleChoice;
  depthBand: number;
  onChange: (patch: Partial<ViewState>) => void;
}

const isMode = (v: string): v is DiffMode => v === 'auto' || v === 'exact' || v === 'bins';
const isScale = (v: string): v is BinScaleChoice => v === 'auto' || v === 'linear' || v === 'log';

/** A whole number within bounds from an input, or null while it is not one. */
function wholeIn(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

/** How the difference view compares: exact cells or shared bins, and how the bins are cut. */
export function BinControls({
  mode,
  binned,
  binCount,
  binScale,
  depthBand,
  onChange,
}: BinControlsProps) {
  return (
    <div className="diff-pickers" data-testid="bin-controls">
      <label className="field">
        <span>Compare</span>
        <select
          data-testid="diff-mode"
          value={mode}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isMode(value)) onChange({ diffMode: value });
          }}
        >
          <option value="auto">Choose for me</option>
          <option value="exact">Exact cells</option>
          <option value="bins">Shared bins</option>
        </select>
      </label>
      {binned && (
        <>
          <label className="field">
            <span>Length bins</span>
            <input
              type="number"
              data-testid="bin-count"
              min={1}
              max={MAX_BINS}
              step={1}
              placeholder="auto"
              value={binCount ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                if (text.trim() === '') onChange({ binCount: null });
                const count = wholeIn(text, 1, MAX_BINS);
                if (count !== null) onChange({ binCount: count });
              }}
            />
          </label>
          <label className="field">
            <span>Spacing</span>
            <select
              data-testid="bin-scale"
              value={binScale}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isScale(value)) onChange({ binScale: value });
              }}
            >
              <option value="auto">Auto</option>
              <option value="linear">Linear</option>
              <option value="log">Log</option>
            </select>
          </label>
          <label className="field">
            <span>Depth band (pts)</span>
            <input
              type="number"
              data-testid="depth-band"
              min={1}
              max={100}
              step={1}
              value={depthBand}
              onChange={(e) => {
                const band = wholeIn(e.currentTarget.value, 1, 100);
                if (band !== null) onChange({ depthBand: band });
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
