import { downloadText, fileSlug } from '../export/download';
import { rawRecordText } from '../persist/restore';
import { useStore } from '../state/store';

/**
 * Saved runs that failed their check at start, one notice each: what is wrong, its raw saved
 * copy to download (nothing is lost unseen), and Dismiss, which lets the next save delete it.
 */
export function SetAsideNotice() {
  const setAside = useStore((s) => s.setAside);
  const dismiss = useStore((s) => s.dismissSetAside);
  if (setAside.length === 0) return null;
  return (
    <section className="errors" data-testid="set-aside" aria-label="Saved runs not restored">
      {setAside.map((run) => (
        <div key={run.key} className="error" role="alert" data-testid="set-aside-run">
          <div>
            <strong className="error-file">Saved run “{run.name}”</strong>
            <span>
              {' '}
              was not restored ({run.reason}); the other runs were. Its saved copy is kept until you
              dismiss this.
            </span>
          </div>
          <button
            type="button"
            className="link-button"
            data-testid="download-set-aside"
            onClick={() =>
              downloadText(
                `haymap-saved-run-${fileSlug(run.name)}.json`,
                rawRecordText(run.raw),
                'application/json',
              )
            }
          >
            Download its saved copy
          </button>
          <button
            type="button"
            className="link-button"
            aria-label={`Dismiss the notice about ${run.name}`}
            onClick={() => dismiss(run.key)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
