import { useEffect, useRef, useState } from 'react';
import { BatchLoader } from '../core/load';
import type { ColumnMapping, DepthUnit, Run, ScaleChoice } from '../core/types';
import { useStore } from '../state/store';
import type { PendingMapping } from '../state/types';
import { fileHead } from '../worker/sampleFile';
import { ChoiceField, type Choices } from './fields';
import { RunPanel } from './RunPanel';

const DEPTH_UNITS: Choices<DepthUnit> = [
  ['auto', 'guessed from the values'],
  ['percent', 'a percentage, 0..100'],
  ['fraction', 'a fraction, 0..1'],
];
const SCALES: Choices<ScaleChoice> = [
  ['auto', 'guessed from the values'],
  ['0..1', '0..1'],
  ['1..10', '1..10 (judge)'],
  ['0..100', '0..100'],
];

/** A column a mapping names: every field of the mapping but the two unit choices. */
type Role = Exclude<keyof ColumnMapping, 'depthUnit' | 'scoreScale'>;

/** The dialog's menus, in order; keyed by the mapping's roles, so a new role needs its menu. */
const ROLE_MENUS: { [R in Role]: { label: string; required: boolean } } = {
  length: { label: 'Context length (tokens)', required: true },
  depth: { label: 'Needle depth', required: false },
  score: { label: 'Score', required: true },
  model: { label: 'Model (one run each)', required: false },
  task: { label: 'Task', required: false },
  needle: { label: 'Needle', required: false },
  response: { label: 'Response', required: false },
  expected: { label: 'Expected answer', required: false },
};

const ROLES = Object.entries(ROLE_MENUS).flatMap(([role, menu]) =>
  isRole(role) ? [{ role, ...menu }] : [],
);

function isRole(key: string): key is Role {
  return Object.hasOwn(ROLE_MENUS, key);
}

const NONE = '';

/** The column-mapping dialog for the first file waiting for one. */
export function MappingDialog() {
  const pending = useStore((s) => s.pendingMappings[0]);
  return pending ? (
    <MappingForm key={`${pending.batchId}:${pending.file}`} pending={pending} />
  ) : null;
}

type Preview =
  { state: 'reading' } | { state: 'ok'; run: Run } | { state: 'error'; message: string };

/** Reads the start of the file with a mapping, for the live preview. */
async function previewRun(pending: PendingMapping, mapping: ColumnMapping): Promise<Preview> {
  const loader = new BatchLoader();
  const error = await loader.add(await fileHead(pending.picked), { mapping });
  if (error)
    return {
      state: 'error',
      message: error.line ? `line ${error.line}: ${error.reason}` : error.reason,
    };
  const [draft] = loader.finish().runs;
  return draft
    ? { state: 'ok', run: { ...draft, id: 'preview' } }
    : { state: 'error', message: 'no rows' };
}

function MappingForm({ pending }: { pending: PendingMapping }) {
  const resolveMapping = useStore((s) => s.resolveMapping);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(pending.guess);
  const [preview, setPreview] = useState<Preview>({ state: 'reading' });
  const { columns, rows } = pending.sample;
  // What the guess could not find, in the user's words (empty string: nothing chosen).
  const missing = [
    pending.guess.length === '' ? 'context length' : null,
    pending.guess.score === '' ? 'score' : null,
    pending.guess.depth === null ? 'needle depth (without one, rows are tasks)' : null,
  ].filter((item): item is string => item !== null);

  // A native modal dialog: focus moves in and is kept there, Escape cancels.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    void previewRun(pending, mapping).then((result) => {
      if (current) setPreview(result);
    });
    return () => {
      current = false;
    };
  }, [pending, mapping]);

  const set = (role: Role, value: string) => {
    const column = value === NONE ? null : value;
    setMapping((m) => ({
      ...m,
      [role]: role === 'length' || role === 'score' ? (column ?? m[role]) : column,
    }));
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      data-testid="mapping-dialog"
      aria-labelledby="mapping-title"
      onCancel={(e) => {
        e.preventDefault();
        void resolveMapping(null);
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void resolveMapping(mapping);
        }}
      >
        <h2 id="mapping-title">Map the columns of {pending.file}</h2>
        <p className="muted">
          No known NIAH format claims this file. Say which column holds what; the preview below
          reads the start of the file.
        </p>
        {missing.length > 0 && (
          <p className="mapping-missing" data-testid="mapping-missing">
            No column looks like the {missing.join(' or the ')}: choose one below, or cancel.
          </p>
        )}
        <div className="mapping-grid">
          <div className="mapping-fields">
            {ROLES.map(({ role, label, required }) => (
              <label key={role} className="field field-stacked">
                <span>{label}</span>
                <select
                  data-testid={`mapping-${role}`}
                  value={mapping[role] ?? NONE}
                  onChange={(e) => set(role, e.currentTarget.value)}
                >
                  {!required && (
                    <option value={NONE}>
                      {role === 'depth' ? 'none (length × task matrix)' : 'none'}
                    </option>
                  )}
                  {columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <ChoiceField
              label="Depth is"
              testId="mapping-depth-unit"
              stacked
              value={mapping.depthUnit}
              options={DEPTH_UNITS}
              onChange={(depthUnit) => setMapping((m) => ({ ...m, depthUnit }))}
            />
            <ChoiceField
              label="Score scale"
              testId="mapping-scale"
              stacked
              value={mapping.scoreScale}
              options={SCALES}
              onChange={(scoreScale) => setMapping((m) => ({ ...m, scoreScale }))}
            />
          </div>
          <div className="mapping-sample">
            <table>
              <caption className="visually-hidden">First rows of {pending.file}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 6).map((row, i) => (
                  <tr key={i}>
                    {columns.map((column) => (
                      <td key={column}>{String(row[column] ?? '')}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="mapping-preview" aria-live="polite">
          {preview.state === 'reading' && <p className="muted">Reading…</p>}
          {preview.state === 'error' && <p className="error-text">Preview: {preview.message}</p>}
          {preview.state === 'ok' && <RunPanel run={preview.run} preview />}
        </div>
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            data-testid="mapping-cancel"
            onClick={() => void resolveMapping(null)}
          >
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="mapping-confirm">
            Load with this mapping
          </button>
        </div>
      </form>
    </dialog>
  );
}
