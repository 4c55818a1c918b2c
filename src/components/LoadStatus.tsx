import { useStore } from '../state/store';

/** Progress of the batch being loaded, and every file that could not be read. */
export function LoadStatus() {
  const loading = useStore((s) => s.loading);
  const errors = useStore((s) => s.errors);
  const dismissError = useStore((s) => s.dismissError);
  return (
    <>
      {loading && (
        <div className="progress" data-testid="progress" role="status">
          <div>
            Loading {loading.filesDone.toLocaleString('en-US')} of{' '}
            {loading.filesTotal.toLocaleString('en-US')}{' '}
            {loading.filesTotal === 1 ? 'file' : 'files'}…
          </div>
          <progress max={Math.max(1, loading.bytesTotal)} value={loading.bytesDone} />
        </div>
      )}
      {errors.length > 0 && (
        <section
          className="errors"
          data-testid="load-errors"
          aria-label="Files that could not be loaded"
        >
          {errors.map((error) => (
            <div key={error.id} className="error" role="alert" data-testid="load-error">
              <div>
                <strong className="error-file">{error.file}</strong>
                {error.line !== undefined && (
                  <span className="error-line">, line {error.line}</span>
                )}
                <span>: {error.reason}</span>
              </div>
              <button
                type="button"
                className="link-button"
                aria-label={`Dismiss the error about ${error.file}`}
                onClick={() => dismissError(error.id)}
              >
                Dismiss
              </button>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
