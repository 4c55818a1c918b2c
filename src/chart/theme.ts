/**
 * Colours and type of a figure, as presentation attributes rather than CSS classes, so the
 * SVG on screen and the exported file are drawn by the same components and look the same
 * anywhere the file is opened.
 */
export interface FigureTheme {
  id: 'light' | 'dark';
  background: string;
  text: string;
  muted: string;
  /** Tick marks and axis lines. */
  axis: string;
  /** The thin lines between cells (gridlines). */
  gap: string;
  noDataFill: string;
  noDataHatch: string;
  /** The trained-context-length marker and the per-length mean line. */
  marker: string;
  fontFamily: string;
}

/** Inter is bundled with the app (and embedded in exported SVGs); the rest are fallbacks. */
export const FONT_FAMILY = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export const LIGHT_THEME: FigureTheme = {
  id: 'light',
  background: '#ffffff',
  text: '#1b1f24',
  muted: '#4a525c',
  axis: '#8a939e',
  gap: '#ffffff',
  noDataFill: '#f1f3f5',
  noDataHatch: '#c9ced4',
  marker: '#1b1f24',
  fontFamily: FONT_FAMILY,
};

export const DARK_THEME: FigureTheme = {
  id: 'dark',
  background: '#15181d',
  text: '#e8ebef',
  muted: '#aab2bd',
  axis: '#6b7480',
  gap: '#15181d',
  noDataFill: '#23272e',
  noDataHatch: '#3a414b',
  marker: '#f5f7fa',
  fontFamily: FONT_FAMILY,
};

export const THEMES = { light: LIGHT_THEME, dark: DARK_THEME } as const;
