import { groupErrors, type ErrorGroup } from '../state/errorGroups';
import { useStore } from '../state/store';
import type { ShownError } from '../state/types';
import { DismissibleAlert } from './DismissibleAlert';
import { SetAsideNotice } from './SetAsideNotice';
import { grouped } from '../core/numberText';

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Progress of the batch being loaded (with Cancel), a notice after it, and unreadable files. */
export function LoadStatus() {
  const loading = useStore((s) => s.loading);
  const notice = useStore((s) => s.notice);
  const errors = useStore((s) => s.errors);
  const dismissError = useStore((s) => s.dismissError);
  const dismissErrors = useStore((s) => s.dismissErrors);
  const cancelLoad = useStore((s) => s.cancelLoad);
  return (
    <>
      {loading && (
        <div className="progress" data-testid="progress" role="status">
          <div className="progress-text">
            <strong>
              Loading {grouped(loading.filesDone)} of {grouped(loading.filesTotal)}{' '}
              {loading.filesTotal === 1 ? 'file' : 'files'}
            </strong>
            <span className="muted">
              {' '}
              · {loading.current} · {megabytes(loading.bytesDone)} of{' '}
              {megabytes(loading.bytesTotal)} · {grouped(loading.records)} records
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
          {groupErrors(errors).map((group) =>
            group.errors.length === 1 && group.errors[0] ? (
              <OneError key={group.key} error={group.errors[0]} onDismiss={dismissError} />
            ) : (
              <GroupedErrors key={group.key} group={group} onDismiss={dismissErrors} />
            ),
          )}
        </section>
      )}
    </>
  );
}

function where(error: ShownError): string {
  return error.line === undefined ? '' : `, line ${error.line}`;
}

function OneError({ error, onDismiss }: { error: ShownError; onDismiss: (id: number) => void }) {
  return (
    <DismissibleAlert
      testId="load-error"
      message={
        <>
          <strong className="error-file">{error.file}</strong>
          {error.line !== undefined && <span className="error-line">{where(error)}</span>}
          <span>: {error.reason}</span>
        </>
      }
      dismissLabel={`Dismiss the error about ${error.file}`}
      onDismiss={() => onDismiss(error.id)}
    />
  );
}

/** Files that failed for one reason: one message with the count, the names folded away. */
function GroupedErrors({
  group,
  onDismiss,
}: {
  group: ErrorGroup;
  onDismiss: (ids: number[]) => void;
}) {
  const count = grouped(group.errors.length);
  return (
    <div
      className="error"
      role="alert"
      data-testid="load-error"
      data-grouped="true"
      data-count={group.errors.length}
    >
      <div className="error-group">
        <strong>{count} files</strong>
        <span>: {group.reason}</span>
        <details>
          <summary data-testid="load-error-files">Show the {count} files</summary>
          <ul className="error-files">
            {group.errors.map((error) => (
              <li key={error.id} data-testid="load-error-file">
                <span className="error-file">{error.file}</span>
                {where(error)}
                {error.reason !== group.reason && <span className="muted">: {error.reason}</span>}
              </li>
            ))}
          </ul>
        </details>
      </div>
      <button
        type="button"
        className="link-button"
        aria-label={`Dismiss the errors about ${count} files`}
        onClick={() => onDismiss(group.errors.map((e) => e.id))}
      >
        Dismiss
      </button>
    </div>
  );
}
