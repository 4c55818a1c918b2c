import { refuse } from '../core/formats/share/guards';
import { decodeShare, SHARE_PREFIX } from '../export/shareLink';
import { keepSaved, restoreSaved } from '../persist/persist';
import { keepPreferences } from '../persist/preferences';
import { viewPatchOf } from './sharedView';
import { useStore } from './store';

/** How long the first render waits for the saved copy, so a reload does not flash the empty screen. */
const FIRST_RENDER_WAIT_MS = 1000;

/**
 * Starts the app's state: restores the saved copy, then adds a share link's runs after it and
 * applies the link's view, then keeps saving. The link is read once, here, and taken out of
 * the address bar: the URL is never kept in step with the store.
 *
 * Resolves when the first render may happen: once the saved copy is back, or after
 * {@link FIRST_RENDER_WAIT_MS} at most. Never rejects; what fails is shown in the app.
 */
export function startUp(): Promise<void> {
  keepPreferences();
  const link = takeShareLink();
  const restored = restoreSaved();
  void restored.then(async () => {
    keepSaved();
    if (link !== null) await openShareLink(link);
  });
  return Promise.race([restored, delay(FIRST_RENDER_WAIT_MS)]);
}

/** The share link's fragment, removed from the address bar, or null when there is none. */
function takeShareLink(): string | null {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  // At once: a reload must not add the runs again, as they are saved by then.
  history.replaceState(history.state, '', pathname + search);
  return hash;
}

async function openShareLink(hash: string): Promise<void> {
  const { addErrors, restoreRuns, setView } = useStore.getState();
  // decodeShare never throws; a browser without DecompressionStream would, on its own.
  const decoded = await decodeShare(hash).catch((error: unknown) =>
    refuse(`could not be read (${error instanceof Error ? error.message : String(error)})`),
  );
  if (!decoded.ok) {
    addErrors([{ file: 'Share link', reason: decoded.reason }]);
    return;
  }
  const ids = restoreRuns(decoded.runs);
  setView(viewPatchOf(decoded.view, ids));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
