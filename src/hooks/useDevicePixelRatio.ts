import { useSyncExternalStore } from 'react';

/**
 * `window.devicePixelRatio`, kept current when it changes (browser zoom, a window moved to
 * another screen). There is no event for it; a resolution media query that matches only the
 * current ratio stops matching when it changes (MDN's "Monitoring screen resolution or zoom
 * level changes").
 */
export function useDevicePixelRatio(): number {
  return useSyncExternalStore(subscribe, current, () => 1);
}

function current(): number {
  return window.devicePixelRatio || 1;
}

function subscribe(onChange: () => void): () => void {
  let query: MediaQueryList | null = null;
  const watch = () => {
    query?.removeEventListener('change', watch);
    query = window.matchMedia(`(resolution: ${current()}dppx)`);
    query.addEventListener('change', watch);
    onChange();
  };
  query = window.matchMedia(`(resolution: ${current()}dppx)`);
  query.addEventListener('change', watch);
  return () => query?.removeEventListener('change', watch);
}
