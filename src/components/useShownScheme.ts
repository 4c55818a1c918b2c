import { useSyncExternalStore } from 'react';
import type { ColorScheme } from '../state/types';

const DARK = '(prefers-color-scheme: dark)';

/** The system's dark-mode query, where the browser has one (not in every test environment). */
function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const systemIsDark = () => darkQuery()?.matches ?? false;

/**
 * The scheme the page shows: the one chosen in the "Page" menu, or for `system` the system's own,
 * followed as it changes. One answer for the styles, so the dark colours are written once.
 */
export function useShownScheme(chosen: ColorScheme): 'light' | 'dark' {
  const dark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  return chosen === 'system' ? (dark ? 'dark' : 'light') : chosen;
}
