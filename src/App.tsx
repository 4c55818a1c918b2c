import { CompareGrid } from './components/CompareGrid';
import { DiffPanel } from './components/DiffPanel';
import { DrillDown } from './components/DrillDown';
import { DropTarget } from './components/DropTarget';
import { EmptyState } from './components/EmptyState';
import { ExportControls } from './components/ExportControls';
import { FileList } from './components/FileList';
import { FilePickers } from './components/FilePickers';
import { LengthPanel } from './components/LengthPanel';
import { LoadStatus } from './components/LoadStatus';
import { MappingDialog } from './components/MappingDialog';
import { RunList } from './components/RunList';
import { ShareControls } from './components/ShareControls';
import { SummaryTable } from './components/SummaryTable';
import { useShownScheme } from './components/useShownScheme';
import { ViewControls } from './components/ViewControls';
import { useState } from 'react';
import { useShownRuns } from './state/selectors';
import { useStore } from './state/store';

/** Lays out the page; the parts compute for themselves. */
export function App() {
  const loaded = useStore((s) => s.runs.length);
  const shown = useShownRuns();
  const empty = loaded === 0;
  // On a phone the controls fold into a drawer the header's button opens (CSS shows it always
  // on wider screens); the pickers stay in the page either way.
  const [drawerOpen, setDrawerOpen] = useState(false);
  const scheme = useShownScheme(useStore((s) => s.view.colorScheme));
  return (
    <div className={drawerOpen ? 'app drawer-open' : 'app'} data-scheme={scheme}>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          Haymap
        </div>
        {!empty && (
          <button
            type="button"
            className="button drawer-toggle"
            data-testid="drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="controls-drawer"
            onClick={() => {
              // The drawer opens at the top of the page, where the header is.
              if (!drawerOpen) window.scrollTo({ top: 0 });
              setDrawerOpen(!drawerOpen);
            }}
          >
            {drawerOpen ? 'Hide controls' : 'Controls'}
          </button>
        )}
        {!empty && (
          <div className="topbar-controls">
            <FilePickers />
            <ViewControls />
          </div>
        )}
      </header>
      <LoadStatus />
      {empty ? (
        <main className="main main-empty">
          <EmptyState />
        </main>
      ) : (
        <div className="workspace">
          <aside className="sidebar" id="controls-drawer">
            <RunList />
            <ExportControls />
            <ShareControls />
            <FileList />
          </aside>
          <main className="main panels">
            {shown.length === 0 && (
              <p className="muted">Every run is hidden: tick “Shown” beside a run.</p>
            )}
            <CompareGrid runs={shown} />
            {shown.length >= 2 && <DiffPanel runs={shown} />}
            {shown.length >= 1 && (
              <section className="panel summary-panel" aria-labelledby="summary-title">
                <h2 id="summary-title" className="panel-title">
                  Summary
                </h2>
                <SummaryTable />
                <LengthPanel />
              </section>
            )}
          </main>
        </div>
      )}
      <DrillDown />
      <DropTarget />
      <MappingDialog />
    </div>
  );
}
