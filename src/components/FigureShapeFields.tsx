import { useState } from 'react';
import {
  AXIS_TITLE_SIZES,
  FIGURE_PX_RANGE,
  type FigureAspect,
  type FigureOptions,
} from '../chart/figureOptions';

const ASPECTS: { value: FigureAspect; label: string }[] = [
  { value: 'screen', label: 'As on screen' },
  { value: '16:9', label: '16:9 (wide)' },
  { value: '4:3', label: '4:3' },
  { value: 'square', label: 'Square' },
  { value: 'custom', label: 'Custom pixels' },
];

/** A whole number of pixels in the allowed range, or null for anything else. */
function pixels(text: string): number | null {
  const value = Math.round(Number(text));
  return text.trim() !== '' &&
    Number.isFinite(value) &&
    value >= FIGURE_PX_RANGE.min &&
    value <= FIGURE_PX_RANGE.max
    ? value
    : null;
}

/**
 * A size in pixels. What the user types stays until they leave the field ("1" on the way to
 * "1200" is not refused mid-edit); each valid size applies at once. Empty means automatic
 * where `optional`.
 */
function PixelInput({
  label,
  testId,
  value,
  optional,
  onChange,
}: {
  label: string;
  testId: string;
  value: number | null;
  optional: boolean;
  onChange: (value: number | null) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && pixels(draft) === null && !(optional && draft.trim() === '');
  return (
    <label className="field field-stacked">
      <span>{label}</span>
      <input
        data-testid={testId}
        type="number"
        min={FIGURE_PX_RANGE.min}
        max={FIGURE_PX_RANGE.max}
        step={10}
        placeholder={optional ? 'auto' : undefined}
        value={draft ?? value ?? ''}
        aria-invalid={invalid || undefined}
        title={`${FIGURE_PX_RANGE.min} to ${FIGURE_PX_RANGE.max} px`}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const next = pixels(text);
          if (next !== null || (optional && text.trim() === '')) onChange(next);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

/** A custom figure's default sides: the published long-context figures' wide shape. */
const CUSTOM_DEFAULT = { widthPx: 1600, heightPx: 800 };

/** The exported figure's shape and type: aspect, size, title alignment, axis titles, legend. */
export function FigureShapeFields({
  figure,
  setFigure,
}: {
  figure: FigureOptions;
  setFigure: (patch: Partial<FigureOptions>) => void;
}) {
  const custom = figure.aspect === 'custom';
  return (
    <>
      <div className="export-row">
        <label className="field field-stacked">
          <span>Shape</span>
          <select
            data-testid="figure-aspect"
            value={figure.aspect}
            onChange={(e) => {
              const aspect = ASPECTS.find((a) => a.value === e.currentTarget.value)?.value;
              if (aspect === undefined) return;
              setFigure(
                aspect === 'custom'
                  ? {
                      aspect,
                      widthPx: figure.widthPx ?? CUSTOM_DEFAULT.widthPx,
                      heightPx: figure.heightPx ?? CUSTOM_DEFAULT.heightPx,
                    }
                  : { aspect, heightPx: null },
              );
            }}
          >
            {ASPECTS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <PixelInput
          label="Width (px)"
          testId="figure-width"
          value={figure.widthPx}
          // A custom figure always has both sides; the others fall back to an automatic width.
          optional={!custom}
          onChange={(widthPx) => setFigure({ widthPx })}
        />
      </div>
      {custom && (
        <PixelInput
          label="Height (px)"
          testId="figure-height"
          value={figure.heightPx}
          optional={false}
          onChange={(heightPx) => setFigure({ heightPx })}
        />
      )}
      <div className="export-row">
        <label className="field field-stacked">
          <span>Title position</span>
          <select
            data-testid="figure-title-align"
            value={figure.titleAlign}
            onChange={(e) =>
              setFigure({ titleAlign: e.currentTarget.value === 'left' ? 'left' : 'center' })
            }
          >
            <option value="center">Centred</option>
            <option value="left">Left</option>
          </select>
        </label>
        <label className="field field-stacked">
          <span>Axis titles</span>
          <select
            data-testid="figure-axis-title"
            value={figure.axisTitlePx}
            onChange={(e) => setFigure({ axisTitlePx: Number(e.currentTarget.value) })}
          >
            {AXIS_TITLE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} px
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field field-stacked">
        <span>Legend</span>
        <select
          data-testid="figure-legend"
          value={figure.legend}
          onChange={(e) =>
            setFigure({ legend: e.currentTarget.value === 'stops' ? 'stops' : 'bar' })
          }
        >
          <option value="bar">Colour bar with its title</option>
          <option value="stops">Swatches (100% / 50% / 0%)</option>
        </select>
      </label>
    </>
  );
}
