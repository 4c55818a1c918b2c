import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The command line for Node: cli/main.ts and the app modules it uses (src/core, src/export,
 * the React figure components) bundled into dist-cli/main.mjs, Vite resolving what the app's
 * build resolves (the fonts the SVG export inlines). Packages stay external: Node loads them
 * from node_modules, as they are the package's dependencies.
 */
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  publicDir: false,
  plugins: [react()],
  build: {
    ssr: 'cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.mjs', format: 'es' } },
  },
});
