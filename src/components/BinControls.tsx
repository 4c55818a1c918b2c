import { MAX_BINS } from '../state/viewFields';
import type { BinScaleChoice, DiffMode, ViewState } from '../state/types';
import { ChoiceField, Field, type Choices } from './fields';

interface BinControlsProps {
  mode: DiffMode;
  /** Whether the view is drawn on bins now (the bin settings apply). */
  binned: boolean;
  binCount: number | null;
  binScale: BinScaleChoice;
  depthBand: number;
  onChange: (patch: Partial<ViewState>) => void;
}

const MODES: Choices<DiffMode> = [
  ['auto', 'Choose for me'],
  ['exact', 'Exact cells'],
  ['bins', 'Shared bins'],
];
const SPACINGS: Choices<BinScaleChoice> = [
  ['auto', 'Auto'],
  ['linear', 'Linear'],
  ['log', 'Log'],
];

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
      <ChoiceField
        label="Compare"
        testId="diff-mode"
        value={mode}
        options={MODES}
        onChange={(diffMode) => onChange({ diffMode })}
      />
      {binned && (
        <>
          <Field label="Length bins">
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
          </Field>
          <ChoiceField
            label="Spacing"
            testId="bin-scale"
            value={binScale}
            options={SPACINGS}
            onChange={(scale) => onChange({ binScale: scale })}
          />
          <Field label="Depth band (pts)">
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
          </Field>
        </>
      )}
    </div>
  );
}
