import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_FIGURE, type FigureOptions } from '../chart/figureOptions';
import { downloadBlob, downloadText, fileSlug } from '../export/download';
import { figureModel, type FigureScope } from '../export/figureModel';
import { selectCallouts, selectDiffView, selectSetView, useShownRuns } from '../state/selectors';
import { useStore } from '../state/store';
import { CalloutControls } from './CalloutControls';
import { SidebarSection, Toggle } from './fields';
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
        <label className="field field-stacked">
          <span>Export</span>
          <select
            data-testid="figure-scope"
            value={chosenScope}
            onChange={(e) => setScope(e.currentTarget.value)}
          >
            <option value="all">All shown runs</option>
            {runs.length >= 2 && <option value="diff">Difference (A − B)</option>}
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-stacked">
          <span>Title</span>
          <input
            data-testid="figure-title-input"
            value={title}
            placeholder="automatic"
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <label className="field field-stacked">
          <span>Subtitle</span>
          <input
            data-testid="figure-subtitle-input"
            value={subtitle}
            placeholder="none"
            onChange={(e) => setSubtitle(e.currentTarget.value)}
          />
        </label>
        <FigureShapeFields figure={figure} setFigure={setFigure} />
        <div className="export-row">
          <label className="field field-stacked">
            <span>Theme</span>
            <select
              data-testid="figure-theme"
              value={figure.theme}
              onChange={(e) =>
                setFigure({ theme: e.currentTarget.value === 'dark' ? 'dark' : 'light' })
              }
            >
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label className="field field-stacked">
            <span>Scale</span>
            <select
              data-testid="export-scale"
              value={scale}
              onChange={(e) => setScale(Number(e.currentTarget.value))}
            >
              <option value={1}>1×</option>
              <option value={2}>2×</option>
              <option value={3}>3×</option>
            </select>
          </label>
        </div>
        <label className="field field-stacked">
          <span>Values in cells</span>
          <select
            data-testid="figure-labels"
            value={figure.valueLabels}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (value === 'off' || value === 'all' || value === 'below100')
                setFigure({ valueLabels: value });
            }}
          >
            <option value="off">None</option>
            <option value="all">All cells</option>
            <option value="below100">Only cells below 100%</option>
          </select>
        </label>
        <label className="field field-stacked">
          <span>Trained context length (tokens)</span>
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
        </label>
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
