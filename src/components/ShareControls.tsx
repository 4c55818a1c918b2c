import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Run } from '../core/types';
import { downloadText } from '../export/download';
import {
  CHAT_LINK_CHARS,
  encodeShare,
  MAX_LINK_CHARS,
  SHARE_FILE_NAME,
  shareFileText,
} from '../export/shareLink';
import { forgetSaved } from '../persist/persist';
import { selectCarriedView, useShownRuns } from '../state/selectors';
import { sharedViewOf, type SharedView } from '../state/sharedView';
import { useStore } from '../state/store';
import { SidebarSection } from './fields';
import { grouped } from '../core/numberText';

/** How long "Clear all" waits for its second click. */
const CONFIRM_MS = 3000;

/** A link made, with what it was made from. */
interface Made {
  url: string;
  runs: Run[];
  view: SharedView;
  /** The view as text, to tell whether the shared view has changed since. */
  viewKey: string;
  copied: boolean;
}

function size(chars: number): string {
  return chars < 2 ** 20 ? `${(chars / 1024).toFixed(1)} KB` : `${(chars / 2 ** 20).toFixed(1)} MB`;
}

/** A link to the shown runs and the view (or a file when too long), and "Clear all". */
export function ShareControls() {
  const shown = useShownRuns();
  const view = useStore(useShallow(selectCarriedView));
  const shared = useMemo(() => sharedViewOf(view, shown), [view, shown]);
  const viewKey = useMemo(() => JSON.stringify(shared), [shared]);
  const [made, setMade] = useState<Made | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  // A link of runs or a view since changed is not offered: the button makes a new one.
  const current = made && made.runs === shown && made.viewKey === viewKey ? made : null;
  const url = current?.url;

  useEffect(() => {
    if (url) urlRef.current?.select();
  }, [url]);

  const share = async () => {
    setBusy(true);
    setFailure(null);
    const link = await encodeShare(shown, shared).then(
      (hash) => `${location.origin}${location.pathname}${hash}`,
      (error: unknown) => {
        setFailure(error instanceof Error ? error.message : String(error));
        return null;
      },
    );
    setBusy(false);
    if (link === null) return;
    const next: Made = { url: link, runs: shown, view: shared, viewKey, copied: false };
    setMade(next);
    try {
      await navigator.clipboard.writeText(link);
      setMade({ ...next, copied: true });
    } catch {
      // Refused (no permission, no focus) or absent (an insecure origin): the link waits,
      // selected, in its box.
    }
  };

  const tooLong = current !== null && current.url.length > CHAT_LINK_CHARS;
  return (
    <SidebarSection id="share-title" title="Share" className="share">
      <p className="muted small">
        A link holds the shown runs’ cells and the view, never trial texts. Runs are also kept in
        this browser across reloads.
      </p>
      <button
        type="button"
        className="button button-quiet"
        data-testid="share-link"
        disabled={busy || shown.length === 0}
        onClick={() => void share()}
      >
        Copy share link
      </button>
      {current && (
        <div className="share-result">
          <input
            ref={urlRef}
            className="share-url"
            data-testid="share-url"
            aria-label="Share link"
            readOnly
            value={current.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="muted small" role="status" data-testid="share-size">
            {current.copied ? 'Copied to the clipboard' : 'Copy the selected link'} ·{' '}
            {size(current.url.length)}
          </p>
          {tooLong && (
            <div className="share-too-long" data-testid="share-too-long">
              <p>
                Too long for most chat apps (they keep about {grouped(CHAT_LINK_CHARS)} characters)
                {current.url.length > MAX_LINK_CHARS && ', and too long to open as a link'}. Send
                the comparison as a file: it loads like any results file.
              </p>
              <button
                type="button"
                className="button button-quiet"
                data-testid="share-download"
                onClick={() =>
                  downloadText(
                    SHARE_FILE_NAME,
                    shareFileText(current.runs, current.view),
                    'application/json',
                  )
                }
              >
                Download as a file
              </button>
            </div>
          )}
        </div>
      )}
      {failure && (
        <p className="share-error" role="alert">
          Could not make a link: {failure}
        </p>
      )}
      <ClearAll />
    </SidebarSection>
  );
}

/** Removes every run and the saved copy, after a second click within a few seconds. */
function ClearAll() {
  const clearAll = useStore((s) => s.clearAll);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [armed]);
  return (
    <button
      type="button"
      className={armed ? 'button button-quiet button-danger armed' : 'button button-quiet'}
      data-testid="clear-all"
      onClick={() => {
        if (!armed) {
          setArmed(true);
          return;
        }
        clearAll();
        void forgetSaved();
      }}
    >
      {armed ? 'Click again to clear' : 'Clear all'}
    </button>
  );
}
