import { useState } from 'react';
import { FIGURE_PX_RANGE, type FigureAspect, type FigureOptions } from '../chart/figureOptions';
import { ChoiceField, Field, type Choices } from './fields';
import { FigureMenu } from './FigureMenu';

const ASPECTS: Choices<FigureAspect> = [
  ['screen', 'As on screen'],
  ['16:9', '16:9 (wide)'],
  ['4:3', '4:3'],
  ['square', 'Square'],
  ['custom', 'Custom pixels'],
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
    <Field label={label} stacked>
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
    </Field>
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
        <ChoiceField
          label="Shape"
          testId="figure-aspect"
          stacked
          value={figure.aspect}
          options={ASPECTS}
          onChange={(aspect) =>
            setFigure(
              aspect === 'custom'
                ? {
                    aspect,
                    widthPx: figure.widthPx ?? CUSTOM_DEFAULT.widthPx,
                    heightPx: figure.heightPx ?? CUSTOM_DEFAULT.heightPx,
                  }
                : { aspect, heightPx: null },
            )
          }
        />
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
        <FigureMenu option="titleAlign" figure={figure} setFigure={setFigure} />
        <FigureMenu option="axisTitlePx" figure={figure} setFigure={setFigure} />
      </div>
      <FigureMenu option="legend" figure={figure} setFigure={setFigure} />
    </>
  );
}
