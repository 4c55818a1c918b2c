import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_FIGURE, type FigureOptions } from '../chart/figureOptions';
import { downloadBlob, downloadText, fileSlug } from '../export/download';
import { figureModel, type FigureScope } from '../export/figureModel';
import { selectCallouts, selectDiffView, selectSetView, useShownRuns } from '../state/selectors';
import { useStore } from '../state/store';
import { CalloutControls } from './CalloutControls';
import { ChoiceField, Field, SidebarSection, TextField, Toggle, type Choices } from './fields';
import { FigureMenu } from './FigureMenu';
import { FigurePreview } from './FigurePreview';
import { FigureShapeFields } from './FigureShapeFields';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

const EXPORTS = [
  { action: 'png', testId: 'export-png', label: 'PNG' },
  { action: 'svg', testId: 'export-svg', label: 'SVG' },
  { action: 'copy', testId: 'copy-png', label: 'Copy PNG' },
] as const;

const SCALES: Choices<number> = [
  [1, '1×'],
  [2, '2×'],
  [3, '3×'],
];

function parseScope(value: string): FigureScope {
  if (value === 'all' || value === 'diff') return { kind: value };
  return { kind: 'run', runId: value };
}

/** The sidebar's "Figure" section: what to export, how it looks, and PNG/SVG/clipboard. */
export function ExportControls() {
  const runs = useShownRuns();
  const diffView = useStore(useShallow(selectDiffView));
  const callouts = useStore(selectCallouts);
  const view = useMemo(() => ({ ...diffView, callouts }), [diffView, callouts]);
  const setView = useStore(selectSetView);
  const [scope, setScope] = useState('all');
  const [title, setTitle] = useState('');
  const [subtitle, setSubtitle] = useState('');
  const [scale, setScale] = useState(2);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const figure = view.figure;
  const setFigure = (patch: Partial<FigureOptions>) => setView({ figure: { ...figure, ...patch } });
  const chosenScope = scope === 'diff' && runs.length < 2 ? 'all' : scope;
  // The figure as it will be exported: its preview, the axes callouts pick from, the file.
  const model = useMemo(
    () => figureModel(runs, parseScope(chosenScope), view, { title, subtitle }),
    [runs, chosenScope, view, title, subtitle],
  );

  const build = async () => {
    if (!model) throw new Error('nothing to export: load or show a run');
    // The renderer (react-dom/server and the embedded fonts) loads on first use only.
    const { renderFigure } = await import('../export/render');
    return { model, rendered: renderFigure(model, figure) };
  };

  const run = async (action: 'png' | 'svg' | 'copy') => {
    setStatus({ kind: 'busy' });
    try {
      const { model, rendered } = await build();
      const name = fileSlug(model.title);
      if (action === 'svg') {
        downloadText(`${name}.svg`, rendered.svg, 'image/svg+xml');
        setStatus({ kind: 'done', text: `SVG saved, ${rendered.width} × ${rendered.height}` });
        return;
      }
      const { renderPng, copyPng } = await import('../export/render');
      if (action === 'png') {
        downloadBlob(`${name}@${scale}x.png`, await renderPng(rendered, scale));
        setStatus({
          kind: 'done',
          text: `PNG saved, ${rendered.width * scale} × ${rendered.height * scale} px`,
        });
      } else {
        await copyPng(renderPng(rendered, scale));
        setStatus({ kind: 'done', text: 'PNG copied to the clipboard' });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <SidebarSection id="figure-title" title="Figure">
      <div className="export-fields">
        <ChoiceField
          label="Export"
          testId="figure-scope"
          stacked
          value={chosenScope}
          options={[
            ['all', 'All shown runs'],
            ...(runs.length >= 2 ? [['diff', 'Difference (A − B)'] as const] : []),
            ...runs.map((r) => [r.id, r.name] as const),
          ]}
          onChange={setScope}
        />
        <TextField
          label="Title"
          testId="figure-title-input"
          value={title}
          placeholder="automatic"
          onChange={setTitle}
        />
        <TextField
          label="Subtitle"
          testId="figure-subtitle-input"
          value={subtitle}
          placeholder="none"
          onChange={setSubtitle}
        />
        <FigureShapeFields figure={figure} setFigure={setFigure} />
        <div className="export-row">
          <FigureMenu option="theme" figure={figure} setFigure={setFigure} />
          <ChoiceField
            label="Scale"
            testId="export-scale"
            stacked
            value={scale}
            options={SCALES}
            onChange={setScale}
          />
        </div>
        <FigureMenu option="valueLabels" figure={figure} setFigure={setFigure} />
        <Field label="Trained context length (tokens)" stacked>
          <input
            data-testid="figure-trained"
            type="number"
            min={1}
            step={1}
            placeholder="none"
            value={figure.trainedLength ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.valueAsNumber;
              setFigure({
                trainedLength: Number.isFinite(value) && value > 0 ? Math.round(value) : null,
              });
            }}
          />
        </Field>
        <Toggle
          testId="figure-gridlines"
          checked={figure.gridlines}
          onChange={(gridlines) => setFigure({ gridlines })}
        >
          Gridlines between cells
        </Toggle>
        <Toggle
          testId="figure-hints"
          checked={figure.depthHints}
          onChange={(depthHints) => setFigure({ depthHints })}
        >
          “Top / Bottom of document”
        </Toggle>
        <CalloutControls
          // Callouts go on the first panel.
          axes={model?.panels[0]?.axes ?? null}
          callouts={callouts}
          onChange={(next) => setView({ callouts: next })}
        />
        {JSON.stringify(figure) !== JSON.stringify({ ...DEFAULT_FIGURE, theme: figure.theme }) && (
          <button
            type="button"
            className="link-button"
            onClick={() => setFigure({ ...DEFAULT_FIGURE, theme: figure.theme })}
          >
            Reset figure options
          </button>
        )}
      </div>
      <FigurePreview model={model} options={figure} />
      <div className="export-buttons">
        {EXPORTS.map(({ action, testId, label }, i) => (
          <button
            key={action}
            type="button"
            className={i === 0 ? 'button button-primary' : 'button'}
            data-testid={testId}
            onClick={() => void run(action)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="muted small" role="status" data-testid="export-status">
        {status.kind === 'busy' ? 'Drawing…' : status.kind === 'idle' ? '' : status.text}
      </p>
    </SidebarSection>
  );
}
