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
import { ViewControls } from './components/ViewControls';
import { useShownRuns } from './state/selectors';
import { useStore } from './state/store';

/** Lays out the page; the parts compute for themselves. */
export function App() {
  const loaded = useStore((s) => s.runs.length);
  const shown = useShownRuns();
  const empty = loaded === 0;
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          Haymap
        </div>
        {!empty && <FilePickers />}
        {!empty && <ViewControls />}
      </header>
      <LoadStatus />
      {empty ? (
        <main className="main main-empty">
          <EmptyState />
        </main>
      ) : (
        <div className="workspace">
          <aside className="sidebar">
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
