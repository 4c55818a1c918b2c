import { isJsonObject } from '../core/read/json';
import { useStore } from '../state/store';
import type { ViewState } from '../state/types';
import { PREFERENCE_KEYS, readPreference, type PreferenceKey } from '../state/viewFields';

/** Where this browser's preferences live: small, read before the first render. */
const STORAGE_KEY = 'haymap:preferences';

type Preferences = Partial<Pick<ViewState, PreferenceKey>>;

/** The saved preferences, each checked; what is missing or invalid keeps its default. */
export function readPreferences(text: string | null): Preferences {
  let value: unknown = null;
  try {
    value = text === null ? null : JSON.parse(text);
  } catch {
    return {};
  }
  if (!isJsonObject(value)) return {};
  const found: Preferences = {};
  for (const key of PREFERENCE_KEYS) {
    const read = readPreference(key, value[key]);
    if (read !== undefined) found[key] = read;
  }
  return found;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be refused (a private window, a blocked site): preferences then last a visit.
    return null;
  }
}

/** Applies the saved preferences, then saves them whenever one changes. */
export function keepPreferences(): void {
  const store = storage();
  const saved = readPreferences(store?.getItem(STORAGE_KEY) ?? null);
  if (Object.keys(saved).length > 0) useStore.getState().setView(saved);
  useStore.subscribe((state, previous) => {
    if (PREFERENCE_KEYS.every((key) => state.view[key] === previous.view[key])) return;
    const current = Object.fromEntries(PREFERENCE_KEYS.map((key) => [key, state.view[key]]));
    try {
      store?.setItem(STORAGE_KEY, JSON.stringify(current));
    } catch {
      // A full or refused storage: the preference still holds for this visit.
    }
  });
}
