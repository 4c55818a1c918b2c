import { useStore } from '../state/store';
import { EXAMPLES, fetchExample } from './examples';
import { FilePickers } from './FilePickers';

/** The first screen: where to drop files, and examples one click away. */
export function EmptyState() {
  const addFiles = useStore((s) => s.addFiles);
  const addErrors = useStore((s) => s.addErrors);
  const open = async (id: string) => {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    try {
      await addFiles(await fetchExample(example));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      addErrors([{ file: example.title, reason: `could not fetch the example (${reason})` }]);
    }
  };
  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-drop">
        <h1 id="empty-title">Drop needle-in-a-haystack results here</h1>
        <p className="muted">
          Files or whole folders: gkamradt JSON (one test per file, or arrays), the GPT-4 original
          run, or a CSV with <code>context_length</code>, <code>depth_percent</code> and{' '}
          <code>score</code> columns.
        </p>
        <FilePickers large />
        <p className="privacy">Files are read in this browser tab. Nothing is uploaded.</p>
      </div>
      <div className="examples">
        <h2>Or try an example</h2>
        <ul>
          {EXAMPLES.map((example) => (
            <li key={example.id}>
              <button
                type="button"
                className="example"
                data-testid={`example-${example.id}`}
                onClick={() => void open(example.id)}
              >
                <strong>{example.title}</strong>
                <span className="muted">{example.description}</span>
              </button>
            </li>
          ))}
        </ul>
        <p className="muted small">
          Synthetic data shaped like published evaluations, not real model results.
        </p>
      </div>
    </section>
  );
}
