import { interpolateRgb, piecewise } from 'd3-interpolate';
import { interpolateCividis, interpolateViridis } from 'd3-scale-chromatic';

/** The sequential palettes a heatmap can use. */
export type PaletteId = 'classic' | 'viridis' | 'cividis';

export interface Palette {
  id: PaletteId;
  label: string;
  /** Colour of a value in 0..1 (0 = worst). */
  interpolate: (t: number) => string;
}

/**
 * The classic NIAH palette of the gkamradt figures: matplotlib's
 * `LinearSegmentedColormap.from_list(["#F0496E", "#EBB839", "#0CD79F"])`, linear in RGB.
 */
const classic = piecewise(interpolateRgb, ['#F0496E', '#EBB839', '#0CD79F']);

export const PALETTES: Record<PaletteId, Palette> = {
  classic: { id: 'classic', label: 'Classic NIAH', interpolate: classic },
  viridis: { id: 'viridis', label: 'Viridis', interpolate: interpolateViridis },
  cividis: { id: 'cividis', label: 'Cividis', interpolate: interpolateCividis },
};

export function isPaletteId(value: string): value is PaletteId {
  return value in PALETTES;
}
