import { Heatmap } from './chart/Heatmap';
import { DropTarget } from './components/DropTarget';
import { EmptyState } from './components/EmptyState';
import { FileList } from './components/FileList';
import { FilePickers } from './components/FilePickers';
import { LoadStatus } from './components/LoadStatus';
import { MappingDialog } from './components/MappingDialog';
import { RunList } from './components/RunList';
import { ViewControls } from './components/ViewControls';
import { useStore } from './state/store';

/** Lays out the page; the parts compute for themselves. */
export function App() {
  const runs = useStore((s) => s.runs);
  const empty = runs.length === 0;
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
            <FileList />
          </aside>
          <main className="main panels">
            {runs.map((run) => (
              <Heatmap key={run.id} run={run} />
            ))}
          </main>
        </div>
      )}
      <DropTarget />
      <MappingDialog />
    </div>
  );
}
