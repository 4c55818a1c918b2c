import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The command line for Node: cli/main.ts and the app modules it uses (src/core, src/export,
 * the React figure components) bundled into dist-cli/main.cjs, Vite resolving what the app's
 * build resolves (the fonts the SVG export inlines). Packages are bundled too, so a start
 * reads a few files rather than resolving hundreds of modules; only resvg's native binding
 * stays external. Each command is a chunk of its own (cli/main.ts imports them when they run).
 * No source maps: a start should read and compile nothing it does not run. CommonJS, because
 * Node 20 keeps compiled code between runs only for scripts (cli/compileCache.cjs), not for
 * ES modules.
 */
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  publicDir: false,
  plugins: [react()],
  ssr: { noExternal: true, external: ['@resvg/resvg-js'] },
  resolve: {
    alias: {
      // renderToStaticMarkup alone: react-dom/server.node also loads the streaming renderer,
      // twice the code to compile at every start, which the export never calls.
      'react-dom/server': join(
        import.meta.dirname,
        '../node_modules/react-dom/cjs/react-dom-server-legacy.node.production.js',
      ),
    },
  },
  // React's production builds only, as the app ships.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: {
      // The reading threads' module (cli/readers.ts starts it) is an entry of its own, so a
      // thread loads the readers and nothing of the figure.
      input: { main: 'cli/main.ts', 'read-worker': 'cli/readWorker.ts' },
      output: { entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', format: 'cjs' },
    },
  },
});
