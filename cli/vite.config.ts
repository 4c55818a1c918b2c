import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The command line for Node: cli/main.ts and the app modules it uses (src/core, src/export,
 * the React figure components) bundled into dist-cli/main.mjs, Vite resolving what the app's
 * build resolves (the fonts the SVG export inlines). Packages are bundled too, so a start
 * reads one file rather than resolving hundreds of modules; only resvg's native binding stays
 * external.
 */
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  publicDir: false,
  plugins: [react()],
  ssr: { noExternal: true, external: ['@resvg/resvg-js'] },
  // React's production builds only, as the app ships.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    ssr: 'cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.mjs', format: 'es' } },
  },
});
