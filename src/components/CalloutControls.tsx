import { useState } from 'react';
import { CALLOUT_LIMITS, type Callout, type CellRef } from '../chart/figureOptions';
import { lengthTickFormat } from '../chart/format';
import { rowLabel } from '../chart/labels';
import type { GridAxes } from '../core/grid';
import { ChoiceField, TextField, Toggle } from './fields';

/** "200K · 50%": where a callout points, as the axes label it. */
function placeOf(cell: CellRef, lengthLabel: (l: number) => string): string {
  return `${lengthLabel(cell.lengthTokens)} · ${rowLabel(cell.row)}`;
}

/** A length and a row of the axes, picked by position. */
function CellPicker({
  axes,
  lengthLabel,
  value,
  onChange,
  testId,
  legend,
}: {
  axes: GridAxes;
  lengthLabel: (l: number) => string;
  value: { length: number; row: number };
  onChange: (value: { length: number; row: number }) => void;
  testId: string;
  legend: string;
}) {
  return (
    <fieldset className="callout-cell">
      <legend>{legend}</legend>
      <div className="export-row">
        <ChoiceField
          label="Length"
          testId={`${testId}-length`}
          stacked
          value={value.length}
          options={axes.lengths.map((length, i) => [i, lengthLabel(length)])}
          onChange={(length) => onChange({ ...value, length })}
        />
        <ChoiceField
          label={axes.rowKind === 'depth' ? 'Depth' : 'Task'}
          testId={`${testId}-row`}
          stacked
          value={value.row}
          options={axes.rows.map((row, i) => [i, rowLabel(row)])}
          onChange={(row) => onChange({ ...value, row })}
        />
      </div>
    </fieldset>
  );
}

/**
 * The figure's callouts: a list with a remove button each, and a form to add one, pointing at a
 * cell (an arrow) or boxing a range (a dashed box), picked by the first panel's lengths and
 * depths. Callouts live in the view, so share links carry them.
 */
export function CalloutControls({
  axes,
  callouts,
  onChange,
}: {
  /** The lengths and rows of the figure's first panel, where callouts go; null when none. */
  axes: GridAxes | null;
  callouts: Callout[];
  onChange: (callouts: Callout[]) => void;
}) {
  const [text, setText] = useState('');
  const [at, setAt] = useState({ length: 0, row: 0 });
  const [range, setRange] = useState(false);
  const [to, setTo] = useState({ length: 0, row: 0 });
  if (!axes || axes.lengths.length === 0) return null;
  const lengthLabel = lengthTickFormat(axes.lengths);
  const cellAt = (pick: { length: number; row: number }): CellRef | null => {
    const lengthTokens = axes.lengths[pick.length];
    const row = axes.rows[pick.row];
    return lengthTokens === undefined || row === undefined ? null : { lengthTokens, row };
  };
  const full = callouts.length >= CALLOUT_LIMITS.count;
  const add = () => {
    const first = cellAt(at);
    const second = range ? cellAt(to) : null;
    if (!first || text.trim() === '' || (range && !second)) return;
    onChange([...callouts, { text: text.trim(), at: first, to: second }]);
    setText('');
  };
  return (
    <div className="callouts-controls" data-testid="callout-controls">
      <span className="muted small">Callouts (on the first panel)</span>
      {callouts.length > 0 && (
        <ul className="callout-list">
          {callouts.map((callout, i) => (
            <li key={i} data-testid="callout-item">
              <span>
                “{callout.text}” → {placeOf(callout.at, lengthLabel)}
                {callout.to && ` to ${placeOf(callout.to, lengthLabel)}`}
              </span>
              <button
                type="button"
                className="link-button danger"
                aria-label={`Remove callout “${callout.text}”`}
                onClick={() => onChange(callouts.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextField
        label="Callout text"
        testId="callout-text-input"
        value={text}
        maxLength={CALLOUT_LIMITS.chars}
        placeholder="e.g. Fails at the start of long documents"
        onChange={setText}
      />
      <CellPicker
        axes={axes}
        lengthLabel={lengthLabel}
        value={at}
        onChange={setAt}
        testId="callout-at"
        legend={range ? 'From cell' : 'Arrow to cell'}
      />
      <Toggle testId="callout-range" checked={range} onChange={setRange}>
        Box a range of cells
      </Toggle>
      {range && (
        <CellPicker
          axes={axes}
          lengthLabel={lengthLabel}
          value={to}
          onChange={setTo}
          testId="callout-to"
          legend="To cell"
        />
      )}
      <button
        type="button"
        className="button"
        data-testid="callout-add"
        disabled={full || text.trim() === ''}
        onClick={add}
      >
        {full ? `At most ${CALLOUT_LIMITS.count} callouts` : 'Add callout'}
      </button>
    </div>
  );
}
