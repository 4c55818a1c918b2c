import { downloadText, fileSlug } from '../export/download';
import { rawRecordText } from '../persist/restore';
import { useStore } from '../state/store';
import { DismissibleAlert } from './DismissibleAlert';

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
        <DismissibleAlert
          key={run.key}
          testId="set-aside-run"
          message={
            <>
              <strong className="error-file">Saved run “{run.name}”</strong>
              <span>
                {' '}
                was not restored ({run.reason}); the other runs were. Its saved copy is kept until
                you dismiss this.
              </span>
            </>
          }
          dismissLabel={`Dismiss the notice about ${run.name}`}
          onDismiss={() => dismiss(run.key)}
        >
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
        </DismissibleAlert>
      ))}
    </section>
  );
}
