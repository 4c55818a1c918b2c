// Where the bench reads and writes.
import { join } from 'node:path';

/** The repository. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The production build the browser figures are taken on. */
export const DIST = join(ROOT, 'dist');
/** Generated files (gitignored). */
export const OUT_DIR = join(ROOT, 'bench', 'out');
/**
 * The copy of dist/ the bench measures and serves, taken once at the start: others may rebuild
 * dist/ while the bench runs.
 */
export const DIST_COPY = join(OUT_DIR, 'dist');
/** The core bundled for Node. */
export const CORE_BUNDLE = join(OUT_DIR, 'core', 'core.mjs');
/** The floor page (served at /__floor/ beside the app). */
export const FLOOR_DIR = join(ROOT, 'bench', 'floor');
/** The papaparse the floor page's worker runs: the package the app bundles, as it ships. */
export const PAPAPARSE = join(ROOT, 'node_modules', 'papaparse', 'papaparse.min.js');
