import { useStore } from '../state/store';
import { SetAsideNotice } from './SetAsideNotice';

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Progress of the batch being loaded (with Cancel), a notice after it, and unreadable files. */
export function LoadStatus() {
  const loading = useStore((s) => s.loading);
  const notice = useStore((s) => s.notice);
  const errors = useStore((s) => s.errors);
  const dismissError = useStore((s) => s.dismissError);
  const cancelLoad = useStore((s) => s.cancelLoad);
  return (
    <>
      {loading && (
        <div className="progress" data-testid="progress" role="status">
          <div className="progress-text">
            <strong>
              Loading {loading.filesDone.toLocaleString('en-US')} of{' '}
              {loading.filesTotal.toLocaleString('en-US')}{' '}
              {loading.filesTotal === 1 ? 'file' : 'files'}
            </strong>
            <span className="muted">
              {' '}
              · {loading.current} · {megabytes(loading.bytesDone)} of{' '}
              {megabytes(loading.bytesTotal)} · {loading.records.toLocaleString('en-US')} records
            </span>
          </div>
          <progress
            max={Math.max(1, loading.bytesTotal)}
            value={loading.bytesDone}
            aria-label="Bytes read"
          />
          <button
            type="button"
            className="button button-quiet"
            data-testid="cancel-load"
            onClick={cancelLoad}
          >
            Cancel
          </button>
        </div>
      )}
      {notice && (
        <div className="notice" role="status" data-testid="notice">
          {notice}
        </div>
      )}
      <SetAsideNotice />
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
