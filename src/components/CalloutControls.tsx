import { useState } from 'react';
import { CALLOUT_LIMITS, type Callout, type CellRef } from '../chart/figureOptions';
import { lengthTickFormat } from '../chart/format';
import { rowLabel } from '../chart/labels';
import type { GridAxes } from '../core/grid';
import { Toggle } from './fields';

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
  const rowName = axes.rowKind === 'depth' ? 'Depth' : 'Task';
  return (
    <fieldset className="callout-cell">
      <legend>{legend}</legend>
      <div className="export-row">
        <label className="field field-stacked">
          <span>Length</span>
          <select
            data-testid={`${testId}-length`}
            value={value.length}
            onChange={(e) => onChange({ ...value, length: Number(e.currentTarget.value) })}
          >
            {axes.lengths.map((length, i) => (
              <option key={length} value={i}>
                {lengthLabel(length)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-stacked">
          <span>{rowName}</span>
          <select
            data-testid={`${testId}-row`}
            value={value.row}
            onChange={(e) => onChange({ ...value, row: Number(e.currentTarget.value) })}
          >
            {axes.rows.map((row, i) => (
              <option key={String(row)} value={i}>
                {rowLabel(row)}
              </option>
            ))}
          </select>
        </label>
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
      <label className="field field-stacked">
        <span>Callout text</span>
        <input
          data-testid="callout-text-input"
          value={text}
          maxLength={CALLOUT_LIMITS.chars}
          placeholder="e.g. Fails at the start of long documents"
          onChange={(e) => setText(e.currentTarget.value)}
        />
      </label>
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
